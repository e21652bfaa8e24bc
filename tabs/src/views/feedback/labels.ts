import type { Worded } from '../../components/WordedText';
import type { I18n, MessageKey } from '../../i18n';
import type { PitfallSignal } from '../leader/api';
import type { Signal } from '../pilots/api';
import type { ContributorView, FeedbackState, FeedbackTopic } from './api';

/**
 * Words for what the feedback API returns. Topics, states and signal kinds are codes the tab
 * names in the reader's language. A few values arrive as English sentences the server composed
 * (where an item went, how it is shown, why a signal fired): known shapes are re-worded here from
 * their parts; anything else is shown exactly as the server sent it, marked as English (`lang`).
 * Nothing here adds information: every name or number comes from the API's own answer.
 */
export const TOPICS = ['practice', 'workload', 'autonomy', 'support', 'recognition', 'other'] as const satisfies readonly FeedbackTopic[];
export const STATES = ['open', 'acknowledged', 'acted', 'closed'] as const satisfies readonly FeedbackState[];

export const topicKey = (topic: FeedbackTopic): MessageKey => `topic.${topic}` as MessageKey;
export const stateKey = (state: FeedbackState): MessageKey => `fbState.${state}` as MessageKey;

const asIs = (i18n: I18n, text: string): Worded => (i18n.language === 'en' ? { text } : { text, lang: 'en' });

/** Group labels the anonymity rules produce; team and department names are data, shown as they are. */
export function groupLabel(i18n: I18n, label: string): string {
  if (label === 'Your organisation') return i18n.t('group.organisation');
  if (label === 'Rest of the organisation') return i18n.t('group.restOfOrganisation');
  const other = /^(.+) \(other teams\)$/.exec(label);
  if (other) return i18n.t('group.otherTeams', { department: other[1] });
  return label;
}

/** "Your manager (Morgan Lee)" / "Senior leaders". */
export function sentTo(i18n: I18n, item: Pick<ContributorView, 'sentTo'>): Worded {
  const manager = /^Your manager(?: \((.+)\))?$/.exec(item.sentTo);
  if (manager) return { text: manager[1] ? i18n.t('fb.sentTo.managerNamed', { name: manager[1] }) : i18n.t('fb.sentTo.manager') };
  if (item.sentTo === 'Senior leaders') return { text: i18n.t('fb.sentTo.leaders') };
  return asIs(i18n, item.sentTo);
}

/** "You, by name" / "Someone in Operations". */
export function shownAs(i18n: I18n, item: Pick<ContributorView, 'shownAs' | 'anonymous'>): Worded {
  if (!item.anonymous) return { text: i18n.t('fb.shownAs.named') };
  const someone = /^Someone in (.+)$/.exec(item.shownAs);
  if (someone) {
    return { text: someone[1] === 'your organisation' ? i18n.t('fb.shownAs.organisation') : i18n.t('fb.shownAs.group', { group: groupLabel(i18n, someone[1]) }) };
  }
  return asIs(i18n, item.shownAs);
}

/** A pilot's health signal reason (domain/pilots/health.ts), re-worded when its shape is known. */
export function pilotSignalReason(i18n: I18n, signal: Signal): Worded {
  const r = signal.reason;
  let m: RegExpExecArray | null;
  if ((m = /^Autonomy answers fell from ([\d.]+) to ([\d.]+) over the last (\d+) rounds\.$/.exec(r))) {
    return { text: i18n.t('reason.autonomyFell', { from: num(i18n, m[1]), to: num(i18n, m[2]), rounds: m[3] }) };
  }
  if ((m = /^The last round's average workload answer was ([\d.]+) of 5 \(1 = overloaded\)\.$/.exec(r))) {
    return { text: i18n.t('reason.workload', { value: num(i18n, m[1]) }) };
  }
  if ((m = /^Participation fell from (\d+)% to (\d+)%, a common sign of overload\.$/.exec(r))) {
    return { text: i18n.t('reason.participationFell', { from: pct(i18n, m[1]), to: pct(i18n, m[2]) }) };
  }
  if ((m = /^Only (\d+)% of the team answered the last check-in\.$/.exec(r))) {
    return { text: i18n.t('reason.lowParticipation', { value: pct(i18n, m[1]) }) };
  }
  if ((m = /^(\d+) feedback item\(s\) open; the oldest has waited (\d+) days\.$/.exec(r))) {
    return { text: i18n.t('reason.openFeedback', { count: m[1], days: m[2] }) };
  }
  return asIs(i18n, r);
}

/** A group's pitfall signal (GET /api/signals), worded from its figures when they are the known ones. */
export function pitfallReason(i18n: I18n, signal: PitfallSignal): Worded {
  const f = signal.figures as Record<string, unknown>;
  const group = groupLabel(i18n, signal.group.label);
  const series = (key: string) => (Array.isArray(f[key]) ? (f[key] as { week: string; value: number; answers?: number }[]) : undefined);
  if (signal.kind === 'neglected_feedback' && typeof f.count === 'number' && typeof f.oldestWeek === 'string' && typeof f.openOlderThanDays === 'number') {
    return { text: i18n.t('reason.neglected', { count: f.count, group, days: f.openOlderThanDays, week: i18n.date(f.oldestWeek) }) };
  }
  if (signal.kind === 'neglected_feedback' && typeof f.medianWeeksToAcknowledge === 'number' && typeof f.items === 'number') {
    return { text: i18n.t('reason.slowAcknowledge', { group, weeks: f.medianWeeksToAcknowledge, items: f.items }) };
  }
  const workload = series('workload');
  if (signal.kind === 'overload' && workload?.length) {
    const last = workload[workload.length - 1];
    return { text: i18n.t('reason.groupWorkload', { group, week: i18n.date(last.week), value: i18n.decimal(last.value), answers: last.answers ?? '' }) };
  }
  const participation = series('participation');
  if (signal.kind === 'overload' && participation && participation.length >= 2) {
    const a = participation[0];
    const b = participation[participation.length - 1];
    return { text: i18n.t('reason.groupParticipation', { group, from: i18n.percent(a.value / 100), fromWeek: i18n.date(a.week), to: i18n.percent(b.value / 100), toWeek: i18n.date(b.week) }) };
  }
  const autonomy = series('autonomy');
  if (signal.kind === 'micromanagement' && autonomy && autonomy.length >= 2) {
    const a = autonomy[0];
    const b = autonomy[autonomy.length - 1];
    return { text: i18n.t('reason.groupAutonomy', { group, from: i18n.decimal(a.value), fromWeek: i18n.date(a.week), to: i18n.decimal(b.value), toWeek: i18n.date(b.week), weeks: autonomy.length }) };
  }
  return asIs(i18n, signal.reason);
}

const num = (i18n: I18n, s: string) => i18n.decimal(Number(s));
const pct = (i18n: I18n, s: string) => i18n.percent(Number(s) / 100);
