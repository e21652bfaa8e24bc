import type { NoticeKind } from '../../domain/directory';
import type { OutboxItem } from '../../domain/outbox';
import type { ActivityNotification } from '../../domain/ports/graph';
import { feedPreview, plainText } from '../../platform/escape';
import { pilotTabLink, tabHomeLink, type LinkConfig } from '../app/links';
import { t, type Locale } from '../i18n';

/**
 * A notice as a Teams activity feed notification. The activity types are the ones the manifest
 * declares under `activities.activityTypes` (their line, in the reader's language, comes from the
 * manifest's templateText and its localization files); the preview under it is in the person's
 * language here. Whatever a person wrote (a pilot's title, a reply) goes through the feed preview
 * rule of platform/escape.ts: plain, one line, at most 150 characters.
 */
export const ACTIVITY_TYPES: Record<NoticeKind, string> = {
  checkin_due: 'checkinDue',
  feedback_reply: 'feedbackReply',
  facilitator_turn: 'facilitatorTurn',
  leader_digest: 'leaderDigest',
};

const text = (v: unknown) => plainText(typeof v === 'string' ? v : '');

export function feedNotification(links: LinkConfig, notice: NoticeKind, item: Pick<OutboxItem, 'kind' | 'data'>, locale: Locale): ActivityNotification {
  const { data } = item;
  const pilot = text(data.pilotTitle);
  const webUrl = typeof data.pilotId === 'string' ? pilotTabLink(links, data.pilotId) : tabHomeLink(links);
  const topic = (value: string) => ({ source: 'text' as const, value: feedPreview(value || 'Leaderful', 100), webUrl });
  const parameters = (values: Record<string, string>) => Object.entries(values).map(([name, value]) => ({ name, value: feedPreview(value, 100) }));
  let preview: string;
  switch (notice) {
    case 'checkin_due':
      preview = item.kind === 'checkin_reminder' ? t(locale, 'Reminder: your check-in for {pilot} closes soon.', { pilot }) : t(locale, 'Your check-in for {pilot} is open.', { pilot });
      return { topic: topic(pilot), activityType: ACTIVITY_TYPES.checkin_due, previewText: feedPreview(preview), templateParameters: parameters({ pilot }) };
    case 'facilitator_turn':
      preview = item.kind === 'facilitator_handoff' ? t(locale, 'The round of {pilot} has closed: its summary is ready for your discussion.', { pilot }) : t(locale, 'You facilitate this round of {pilot}.', { pilot });
      return { topic: topic(pilot), activityType: ACTIVITY_TYPES.facilitator_turn, previewText: feedPreview(preview), templateParameters: parameters({ pilot }) };
    case 'feedback_reply':
      return { topic: topic(t(locale, 'Your feedback')), activityType: ACTIVITY_TYPES.feedback_reply, previewText: feedPreview(text(data.message) || t(locale, 'Your feedback')), templateParameters: [] };
    case 'leader_digest': {
      const count = String(Number(data.waiting) || 0);
      preview = t(locale, '{count} feedback items are waiting for you this week.', { count });
      return { topic: topic(t(locale, 'Your weekly digest')), activityType: ACTIVITY_TYPES.leader_digest, previewText: feedPreview(preview), templateParameters: parameters({ count }) };
    }
  }
}
