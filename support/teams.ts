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

/** What every activity Teams posts carries: a fresh id and time, where to answer, who sent it, to whom. */
function envelope(serviceUrl: string, user: TeamsUser) {
  return {
    id: randomUUID(),
    timestamp: new Date().toISOString(),
    serviceUrl,
    channelId: 'msteams',
    from: { id: `29:${user.userId}`, name: user.name, aadObjectId: user.userId },
    recipient: { id: BOT_ID, name: 'Leaderful' },
  };
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
    ...envelope(serviceUrl, user),
    ...(opts.id ? { id: opts.id } : {}),
    conversation: { id: conversationId, conversationType: opts.conversationType ?? 'personal', tenantId: user.tenantId },
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
    ...envelope(serviceUrl, user),
    conversation: { id: opts.conversationId ?? `a:personal-${user.userId}`, conversationType: opts.conversationType ?? 'personal', tenantId: user.tenantId },
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
    ...envelope(serviceUrl, installer),
    conversation: { id: `${team.teamsTeamId};messageid=general`, conversationType: 'channel', tenantId: installer.tenantId, isGroup: true },
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
    ...envelope(serviceUrl, installer),
    conversation: { id: chat.id, conversationType: 'groupChat', tenantId: installer.tenantId, isGroup: true, name: chat.name },
    membersAdded: [{ id: BOT_ID }],
    channelData: { tenant: { id: installer.tenantId } },
  };
}

/** What Teams posts when someone removes the app from a team (`installationUpdate`, action `remove`). */
export function uninstallFromTeamActivity(serviceUrl: string, by: TeamsUser, team: { teamsTeamId: string; name: string; aadGroupId?: string }) {
  return {
    type: 'installationUpdate',
    action: 'remove',
    ...envelope(serviceUrl, by),
    conversation: { id: team.teamsTeamId, conversationType: 'channel', tenantId: by.tenantId, isGroup: true },
    channelData: { tenant: { id: by.tenantId }, team: { id: team.teamsTeamId, name: team.name, ...(team.aadGroupId ? { aadGroupId: team.aadGroupId } : {}) }, settings: { selectedChannel: { id: team.teamsTeamId } }, source: null },
  };
}

/** The conversationUpdate Teams also posts when the bot leaves a team: the bot among the members removed. */
export function botRemovedFromTeamActivity(serviceUrl: string, by: TeamsUser, team: { teamsTeamId: string; name: string }) {
  return {
    type: 'conversationUpdate',
    ...envelope(serviceUrl, by),
    conversation: { id: team.teamsTeamId, conversationType: 'channel', tenantId: by.tenantId, isGroup: true },
    membersRemoved: [{ id: BOT_ID }],
    channelData: { tenant: { id: by.tenantId }, team: { id: team.teamsTeamId, name: team.name }, eventType: 'teamMemberRemoved' },
  };
}

/** What Teams posts when someone removes the app from their personal scope. */
export function uninstallPersonalActivity(serviceUrl: string, user: TeamsUser) {
  return {
    type: 'installationUpdate',
    action: 'remove',
    ...envelope(serviceUrl, user),
    conversation: { id: `a:personal-${user.userId}`, conversationType: 'personal', tenantId: user.tenantId },
    channelData: { tenant: { id: user.tenantId }, source: null },
  };
}
