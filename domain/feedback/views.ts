import { addWeeks, isReleased, type Cell, type GroupLabel } from '../anonymity';
import type { Params, SignalCode } from '../shared/codes';
import type { Ctx } from './context';
import { MAX_THREAD_ENTRIES, type FeedbackEntry, type FeedbackItem, type FeedbackState, type FeedbackTopic } from './model';
import { FEEDBACK_TEXT_MAX } from './schemas';
import { effective } from './threads';
import { routeOf } from './visibility';

/** What each person may see of an item, and of feedback across teams. */

/** Where an item went: the contributor's manager (named when known), or senior leaders. */
export type SentTo = { to: 'manager'; name?: string } | { to: 'leaders' };
/** How an item is shown to its readers: with the contributor's name, or as from a group. */
export type ShownAs = { as: 'named' } | { as: 'group'; group: GroupLabel };

export interface ViewEntry {
  from: 'owner' | 'contributor';
  kind: NonNullable<FeedbackEntry['kind']>;
  text: string;
  week: string;
  name?: string;
  /** The contributor's own view: not with the owner yet (it goes with the next daily batch). */
  pending?: true;
}

/** An item as its owner (or a senior leader) sees it. Anonymous items carry only a group label. */
export interface OwnerView {
  id: string;
  audience: 'manager' | 'leaders';
  topic: FeedbackTopic;
  text: string;
  anonymous: boolean;
  from: { name?: string; team?: string } | { group: GroupLabel };
  pilot?: { id: string; title: string };
  state: FeedbackState;
  dueDate: string;
  createdWeek: string;
  owner?: { id: string; name?: string };
  entries: ViewEntry[];
  contributorVerdict?: 'closed' | 'not_closed';
  source: 'direct' | 'checkin';
  canAct: boolean;
}

/** An item as the person who gave it sees it. */
export interface ContributorView {
  id: string;
  audience: 'manager' | 'leaders';
  topic: FeedbackTopic;
  text: string;
  anonymous: boolean;
  sentTo: SentTo;
  shownAs: ShownAs;
  rerouted: boolean;
  /** Anonymous items: the owner sees them from this week on. */
  visibleFrom?: string;
  pilot?: { id: string; title: string };
  state: FeedbackState;
  dueDate: string;
  createdWeek: string;
  entries: ViewEntry[];
  canReply: boolean;
  canConfirm: boolean;
  canReopen: boolean;
}

export interface SummaryCounts {
  total: number;
  byTopic: Record<FeedbackTopic, number>;
  byState: Record<FeedbackState, number>;
}

export interface SummaryGroup {
  key: string;
  level: Cell['level'];
  label: GroupLabel;
  department?: string;
  teams: string[];
  counts: SummaryCounts;
}

export interface Summary {
  threshold: number;
  period: { from: string; to: string; weeks: number };
  groups: SummaryGroup[];
  total: SummaryCounts;
}

export interface PitfallSignal {
  kind: 'neglected_feedback' | 'overload' | 'micromanagement';
  group: { key: string; level: Cell['level']; label: GroupLabel };
  /** Why it fired, worded with the group's label as `group`. */
  code: SignalCode;
  params: Params;
  figures: Record<string, unknown>;
}

/** Newest week first; within a week by the random id, so order says nothing about who or when. */
export const byWeekThenId = (a: { createdWeek: string; id: string }, b: { createdWeek: string; id: string }) =>
  b.createdWeek.localeCompare(a.createdWeek) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

function entries(item: FeedbackItem): ViewEntry[] {
  return item.replies.map((r) => ({ from: r.from, kind: r.kind ?? 'reply', text: r.text, week: r.week, ...(r.from === 'owner' && r.name ? { name: r.name } : {}) }));
}

/**
 * An item's text. Shared check-in answers are composed here, at read time: with the pilot and its
 * (practice-specific) questions only when the pilot may be named, else the answers alone.
 */
export function textOf(item: FeedbackItem, pilotTitle: string | undefined): string {
  if (!item.checkin) return item.text;
  const { parts } = item.checkin;
  const text = pilotTitle ? `From a check-in on “${pilotTitle}”:\n\n${parts.map((p) => `${p.question}\n${p.answer}`).join('\n\n')}` : `From a check-in:\n\n${parts.map((p) => p.answer).join('\n\n')}`;
  return text.slice(0, FEEDBACK_TEXT_MAX);
}

/** The owner's view; `label` is the group the viewer may see an anonymous item as coming from. */
export function ownerView(item: FeedbackItem, label: GroupLabel, ctx: Ctx, titles: Map<string, string>): OwnerView {
  const team = ctx.roster.team(item.teamId);
  const title = ctx.disclosure.namesPilot(item, label) && item.pilotId ? titles.get(item.pilotId) : undefined;
  const movedUp = item.anonymous && item.audience === 'manager' && routeOf(item, ctx) === 'leaders';
  return {
    id: item.id,
    audience: item.audience,
    topic: item.topic,
    text: textOf(item, title),
    anonymous: item.anonymous,
    from: item.anonymous ? { group: label } : { ...(item.authorName ? { name: item.authorName } : {}), ...(team ? { team: team.name } : {}) },
    ...(title !== undefined ? { pilot: { id: item.pilotId!, title } } : {}),
    state: item.state,
    dueDate: item.dueDate,
    createdWeek: item.createdWeek,
    // A manager item that went up to leaders because its team fell below k: its manager (and their
    // name on the thread) would say which team it came from.
    ...(item.ownerId && !movedUp ? { owner: { id: item.ownerId, name: item.ownerName ?? ctx.members.get(item.ownerId)?.name } } : {}),
    entries: movedUp ? entries(item).map(({ name: _name, ...e }) => e) : entries(item),
    ...(item.contributorVerdict ? { contributorVerdict: item.contributorVerdict } : {}),
    source: item.source ?? 'direct',
    canAct: true,
  };
}

/** The contributor's view: where it went and how it is shown, never who else saw it. */
export function contributorView(stored: FeedbackItem, ctx: Ctx, titles: Map<string, string>, rerouted?: boolean): ContributorView {
  // The contributor sees their own steps at once, marked as not with the owner yet.
  const item = effective(stored);
  const waiting = stored.pending?.length ?? 0;
  const route = routeOf(item, ctx);
  const ownerName = item.ownerName ?? (item.ownerId ? ctx.members.get(item.ownerId)?.name : undefined);
  const title = item.pilotId ? titles.get(item.pilotId) : undefined;
  const all = entries(item);
  return {
    id: item.id,
    audience: item.audience,
    topic: item.topic,
    text: textOf(item, title),
    anonymous: item.anonymous,
    sentTo: route === 'owner' ? { to: 'manager', ...(ownerName ? { name: ownerName } : {}) } : { to: 'leaders' },
    shownAs: item.anonymous ? { as: 'group', group: ctx.disclosure.shownAs(item) } : { as: 'named' },
    rerouted: !!rerouted || (item.anonymous && item.audience === 'manager' && route === 'leaders'),
    ...(item.anonymous && !isReleased(item.createdWeek, ctx.now) ? { visibleFrom: addWeeks(item.createdWeek, 1) } : {}),
    ...(title !== undefined ? { pilot: { id: item.pilotId!, title } } : {}),
    state: item.state,
    dueDate: item.dueDate,
    createdWeek: item.createdWeek,
    entries: all.map((e, i) => (i >= all.length - waiting ? { ...e, pending: true as const } : e)),
    canReply: item.state !== 'closed' && item.replies.length < MAX_THREAD_ENTRIES,
    canConfirm: item.state === 'acted',
    canReopen: item.state === 'acted' || item.state === 'closed',
  };
}
