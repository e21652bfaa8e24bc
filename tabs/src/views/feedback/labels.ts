import { sentToText, shownAsText } from '../../../../i18n/describe';
import type { I18n, MessageKey } from '../../i18n';
import type { PitfallSignal } from '../leader/api';
import type { Signal } from '../pilots/api';
import type { ContributorView, FeedbackState, FeedbackTopic } from './api';

/**
 * Words for what the feedback API returns. Everything arrives as codes and data: topics, states,
 * group labels, where an item went and how it is shown, why a signal fired. The tab words them in
 * the reader's language (the codes' words are i18n/'s, the same the bot and the API use); names of
 * people, teams and departments are data, shown as they are.
 */
export const TOPICS = ['practice', 'workload', 'autonomy', 'support', 'recognition', 'other'] as const satisfies readonly FeedbackTopic[];
export const STATES = ['open', 'acknowledged', 'acted', 'closed'] as const satisfies readonly FeedbackState[];

export const topicText = (i18n: I18n, topic: FeedbackTopic): string => i18n.word(`topic.${topic}`);
export const stateKey = (state: FeedbackState): MessageKey => `fbState.${state}` as MessageKey;

/** "Your manager (Morgan Lee)" / "Senior leaders". */
export const sentTo = (i18n: I18n, item: Pick<ContributorView, 'sentTo'>): string => sentToText(i18n, item.sentTo);

/** "You, by name" / "Someone in Operations". */
export const shownAs = (i18n: I18n, item: Pick<ContributorView, 'shownAs'>): string => shownAsText(i18n, item.shownAs);

/** Why a pilot's health signal fired (domain/pilots/health.ts). */
export const pilotSignalReason = (i18n: I18n, signal: Signal): string => i18n.word(signal.code, signal.params);

/** Why a group's pitfall signal fired (GET /api/signals), naming the group. */
export const pitfallReason = (i18n: I18n, signal: PitfallSignal): string => i18n.word(signal.code, { ...signal.params, group: signal.group.label });
