import { randomUUID } from 'node:crypto';

/** Teams-shaped activities, as Teams posts them to /api/messages. */
export const BOT_ID = '28:bot-leaderful';

export interface TeamsUser {
  tenantId: string;
  userId: string; // Entra object id
  name: string;
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
