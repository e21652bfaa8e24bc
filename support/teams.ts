import { randomUUID } from 'node:crypto';

/** Teams-shaped activities, as Teams posts them to /api/messages. */
export const BOT_ID = '28:bot-leaderful';

export interface TeamsUser {
  tenantId: string;
  userId: string; // Entra object id
  name: string;
  /** Roles Entra ID assigns them (senior leader, admin): their sign-in tokens carry them. */
  roles?: readonly string[];
}

export function messageActivity(
  serviceUrl: string,
  user: TeamsUser,
  text: string,
  opts: { conversationId?: string; conversationType?: 'personal' | 'channel' | 'groupChat'; id?: string } = {},
) {
  const conversationId = opts.conversationId ?? `a:personal-${user.userId}`;
  return {
    type: 'message',
    id: opts.id ?? randomUUID(),
    timestamp: new Date().toISOString(),
    serviceUrl,
    channelId: 'msteams',
    from: { id: `29:${user.userId}`, name: user.name, aadObjectId: user.userId },
    conversation: { id: conversationId, conversationType: opts.conversationType ?? 'personal', tenantId: user.tenantId },
    recipient: { id: BOT_ID, name: 'Leaderful' },
    text,
    textFormat: 'plain',
    locale: 'en-US',
    channelData: { tenant: { id: user.tenantId } },
  };
}

export function invokeActivity(serviceUrl: string, user: TeamsUser, name: string, value: unknown, opts: { conversationId?: string; conversationType?: string } = {}) {
  return {
    type: 'invoke',
    name,
    id: randomUUID(),
    timestamp: new Date().toISOString(),
    serviceUrl,
    channelId: 'msteams',
    from: { id: `29:${user.userId}`, name: user.name, aadObjectId: user.userId },
    conversation: { id: opts.conversationId ?? `a:personal-${user.userId}`, conversationType: opts.conversationType ?? 'personal', tenantId: user.tenantId },
    recipient: { id: BOT_ID, name: 'Leaderful' },
    value,
    locale: 'en-US',
    channelData: { tenant: { id: user.tenantId }, source: { name: 'compose' } },
  };
}

/** A team of people as the Teams roster API returns them. */
export function rosterOf(tenantId: string, people: { userId: string; name: string }[]) {
  return people.map((p) => ({ id: `29:${p.userId}`, name: p.name, aadObjectId: p.userId, email: `${p.name.split(' ')[0].toLowerCase()}@contoso.test`, tenantId, userRole: 'user' }));
}

/** What Teams posts when someone adds the bot to a team channel (`aadGroupId`: its Microsoft 365 group). */
export function installInTeamActivity(serviceUrl: string, installer: TeamsUser, team: { teamsTeamId: string; name: string; aadGroupId?: string }) {
  return {
    type: 'conversationUpdate',
    id: randomUUID(),
    timestamp: new Date().toISOString(),
    serviceUrl,
    channelId: 'msteams',
    from: { id: `29:${installer.userId}`, name: installer.name, aadObjectId: installer.userId },
    conversation: { id: `${team.teamsTeamId};messageid=general`, conversationType: 'channel', tenantId: installer.tenantId, isGroup: true },
    recipient: { id: BOT_ID, name: 'Leaderful' },
    membersAdded: [{ id: BOT_ID }],
    channelData: { tenant: { id: installer.tenantId }, team: { id: team.teamsTeamId, name: team.name, ...(team.aadGroupId ? { aadGroupId: team.aadGroupId } : {}) }, eventType: 'teamMemberAdded', settings: { selectedChannel: { id: team.teamsTeamId } } },
  };
}

export function adaptiveActionActivity(serviceUrl: string, user: TeamsUser, verb: string, data: Record<string, unknown>, conversationId?: string) {
  return invokeActivity(serviceUrl, user, 'adaptiveCard/action', { action: { type: 'Action.Execute', verb, data }, trigger: 'manual' }, { conversationId });
}

/** What Teams posts when someone adds the bot to a group chat. */
export function installInGroupChatActivity(serviceUrl: string, installer: TeamsUser, chat: { id: string; name: string }) {
  return {
    type: 'conversationUpdate',
    id: randomUUID(),
    timestamp: new Date().toISOString(),
    serviceUrl,
    channelId: 'msteams',
    from: { id: `29:${installer.userId}`, name: installer.name, aadObjectId: installer.userId },
    conversation: { id: chat.id, conversationType: 'groupChat', tenantId: installer.tenantId, isGroup: true, name: chat.name },
    recipient: { id: BOT_ID, name: 'Leaderful' },
    membersAdded: [{ id: BOT_ID }],
    channelData: { tenant: { id: installer.tenantId } },
  };
}
