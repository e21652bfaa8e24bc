import type { NoticeKind } from '../directory/notifications';
import type { OutboxItem } from './model';

/**
 * Which of the notices people route themselves (chat, activity feed or both; see
 * directory/notifications.ts) an outbox message is, if any. Messages to a team's conversation
 * and every other kind always go to chat.
 */
export function noticeOf(item: Pick<OutboxItem, 'kind' | 'target' | 'data'>): NoticeKind | undefined {
  if (item.target.kind === 'team') return undefined;
  switch (item.kind) {
    case 'checkin_prompt':
    case 'checkin_reminder':
      return 'checkin_due';
    case 'feedback_reply':
      return 'feedback_reply';
    case 'facilitator_handoff':
      return 'facilitator_turn';
    case 'facilitator_announcement':
      return item.data.personal ? 'facilitator_turn' : undefined;
    // Leaders' and owners' weekly digest of what waits on them.
    case 'feedback_digest':
    // Senior leaders' weekly digest of managers' groups at risk (domain/pulse).
    case 'atrisk_digest':
      return 'leader_digest';
    default:
      return undefined;
  }
}
