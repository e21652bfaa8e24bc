import { weekOf, type Disclosure } from '../anonymity';
import { conflict } from '../shared/errors';
import { MAX_THREAD_ENTRIES, type FeedbackEntry, type FeedbackItem, type PendingEntry } from './model';

/**
 * The contributor's steps on a thread (reply, confirm, reopen) as data. On named items they apply
 * at once; on anonymous ones they wait for the daily batch (disclosure decides when), so the owner
 * learns the day, never the minute.
 */
export type ContributorStep = (effective: FeedbackItem, week: string) => FeedbackEntry | undefined;

/** Applies one contributor entry to an item. */
export function applyStep(item: FeedbackItem, entry: FeedbackEntry): FeedbackItem {
  const replies = item.replies.length >= MAX_THREAD_ENTRIES ? item.replies : [...item.replies, stripPending(entry)];
  if (entry.kind === 'confirmed') return { ...item, state: 'closed', closedWeek: item.closedWeek ?? entry.week, contributorVerdict: 'closed', replies };
  if (entry.kind === 'reopened') return { ...item, state: 'acknowledged', closedWeek: undefined, contributorVerdict: 'not_closed', replies };
  return { ...item, replies };
}

function stripPending(entry: FeedbackEntry): FeedbackEntry {
  const { from, text, week, kind, name, rid } = entry;
  return { from, text, week, ...(kind ? { kind } : {}), ...(name ? { name } : {}), ...(rid ? { rid } : {}) };
}

/** The item as its contributor sees it: their own waiting steps applied. */
export function effective(item: FeedbackItem): FeedbackItem {
  return (item.pending ?? []).reduce(applyStep, { ...item, pending: undefined });
}

/** Records a step: applied now on named items, queued for the owner's batch on anonymous ones. */
export function record(item: FeedbackItem, step: ContributorStep, week: string, disclosure: Disclosure): FeedbackItem | undefined {
  const entry = step(effective(item), week);
  if (!entry) return undefined;
  if (!item.anonymous) return applyStep(item, entry);
  const pending: PendingEntry = { ...(entry as PendingEntry), from: 'contributor', kind: entry.kind as PendingEntry['kind'], batch: disclosure.batchAfter(disclosure.now) };
  return { ...item, pending: [...(item.pending ?? []), pending] };
}

/** Applies the steps whose batch has run; undefined when none has. They carry the batch's week. */
export function deliverDue(item: FeedbackItem, disclosure: Disclosure): FeedbackItem | undefined {
  const due = (item.pending ?? []).filter((p) => disclosure.delivered(p.batch));
  if (!due.length) return undefined;
  const rest = (item.pending ?? []).filter((p) => !disclosure.delivered(p.batch));
  const applied = due.reduce((acc, p) => applyStep(acc, { ...p, week: weekOf(new Date(p.batch)) }), { ...item, pending: undefined } as FeedbackItem);
  return { ...applied, ...(rest.length ? { pending: rest } : { pending: undefined }) };
}

// The contributor's steps.

export const replyStep = (text: string, rid?: string): ContributorStep => (item, week) => {
  if (rid && item.replies.some((r) => r.rid === rid)) return undefined;
  if (item.state === 'closed') throw conflict('feedback.replies_closed');
  if (item.replies.length >= MAX_THREAD_ENTRIES) throw conflict('feedback.thread_full');
  return { from: 'contributor', kind: 'reply', text, week, ...(rid ? { rid } : {}) };
};

export const confirmStep = (closed: boolean, text?: string): ContributorStep => (item, week) => {
  if (closed) {
    if (item.state === 'closed' && item.contributorVerdict === 'closed') return undefined;
    if (item.state !== 'acted' && item.state !== 'closed') throw conflict('feedback.nothing_done');
    return { from: 'contributor', kind: 'confirmed', text: text ?? '', week };
  }
  if (item.state !== 'acted' && item.state !== 'closed') {
    if (item.contributorVerdict === 'not_closed') return undefined;
    throw conflict('feedback.in_progress');
  }
  if (item.replies.length >= MAX_THREAD_ENTRIES) throw conflict('feedback.thread_full');
  return { from: 'contributor', kind: 'reopened', text: text ?? '', week };
};
