import { z } from 'zod';
import { invalid, problem, type FieldProblem } from '../shared/errors';

/**
 * Where each kind of notice reaches a person: their chat with Leaderful, the Teams activity feed,
 * or both. Chosen per kind, stored with the person's preferences.
 *
 * The activity feed needs Microsoft Graph (TeamsActivity.Send). A deployment without Graph offers
 * chat alone (`channelsOffered(false)`) and refuses a choice that needs the feed, so what is
 * stored is always what happens.
 */
export const NOTICE_KINDS = ['checkin_due', 'feedback_reply', 'facilitator_turn', 'leader_digest'] as const;
export type NoticeKind = (typeof NOTICE_KINDS)[number];
export const CHANNELS = ['chat', 'feed', 'both'] as const;
export type Channel = (typeof CHANNELS)[number];
export type NoticeChannels = Record<NoticeKind, Channel>;

/** The channels that deliver in a deployment: the feed (and both) only with Microsoft Graph. */
export function channelsOffered(activityFeed: boolean): readonly Channel[] {
  return activityFeed ? CHANNELS : ['chat'];
}

export const noticeChannelsSchema = z
  .object(Object.fromEntries(NOTICE_KINDS.map((k) => [k, z.enum(CHANNELS).optional()])) as Record<NoticeKind, z.ZodOptional<z.ZodEnum<['chat', 'feed', 'both']>>>)
  .strict();

/** Everyone's starting point: every kind in chat. */
export const DEFAULT_CHANNELS: NoticeChannels = { checkin_due: 'chat', feedback_reply: 'chat', facilitator_turn: 'chat', leader_digest: 'chat' };

/** A person's channels, stored choices over the defaults (a stored channel no longer offered falls back to chat). */
export function channelsOf(stored: Partial<Record<string, string>> | undefined, offered: readonly Channel[]): NoticeChannels {
  const out = { ...DEFAULT_CHANNELS };
  for (const kind of NOTICE_KINDS) {
    const c = stored?.[kind] as Channel | undefined;
    if (c && offered.includes(c)) out[kind] = c;
  }
  return out;
}

/** Refuses, kind by kind, a channel this deployment cannot deliver to. */
export function checkChannels(chosen: Partial<Record<NoticeKind, Channel>>, offered: readonly Channel[]): void {
  const problems: FieldProblem[] = [];
  for (const [kind, channel] of Object.entries(chosen)) {
    if (channel && !offered.includes(channel)) problems.push(problem(`notifications.${kind}`, 'directory.channel_unavailable'));
  }
  if (problems.length) throw invalid(problems);
}
