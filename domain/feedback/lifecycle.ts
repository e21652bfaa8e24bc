import { createHash } from 'node:crypto';
import { addWeeks, daysBetween, type GroupLabel } from '../anonymity';
import { isoDay, type Clock } from '../shared/clock';
import { eachIsolated, type Skipped } from '../shared/isolation';
import { conflict, forbidden, invalid, notFound, problem } from '../shared/errors';
import { hasRole, type Caller } from '../shared/caller';
import type { Outbox } from '../outbox/outbox';
import type { Target } from '../outbox/model';
import type { ContextLoader } from './context';
import { MAX_THREAD_ENTRIES, type FeedbackItem, type FeedbackState } from './model';
import { confirmStep, deliverDue, record, replyStep, type ContributorStep } from './threads';
import type { FeedbackRepository } from './repository';
import type { PilotRollups } from './rollups';
import type { AcknowledgeInput } from './schemas';
import { byWeekThenId, contributorView, ownerView, type ContributorView, type OwnerView } from './views';
import { isContributor, visibility } from './visibility';

const RECENT_WEEKS = 8;

type Mutation = (item: FeedbackItem, week: string) => FeedbackItem | undefined;

/** A hash of the request that wrote an entry, so a retried request adds nothing. */
const requestId = (caller: Caller, id: string, requestKey?: string) => (requestKey ? createHash('sha256').update(`${caller.tenantId}|${id}|${requestKey}`).digest('hex').slice(0, 24) : undefined);

const takeOwnership = (item: FeedbackItem, caller: Caller): FeedbackItem => (item.ownerId ? item : { ...item, ownerId: caller.userId, ownerName: caller.name });

/**
 * Closing the loop: the lists each person sees, the owner's side (acknowledge, reply, "you said,
 * we did", close) and the contributor's de-identified thread (reply, confirm or reopen). Every
 * action validates fully before it writes, and writes with the item's ETag.
 */
export class Lifecycle {
  constructor(
    private readonly repo: FeedbackRepository,
    private readonly contexts: ContextLoader,
    private readonly outbox: Outbox,
    private readonly rollups: PilotRollups,
    private readonly clock: Clock,
  ) {}

  // ------------------------------------------------------------------------------------------
  // Reading.

  /** What I gave: my named items and, through my own contacts, my anonymous ones. */
  async mine(caller: Caller): Promise<ContributorView[]> {
    const ctx = await this.contexts.load(caller.tenantId);
    const [named, contacts] = await Promise.all([this.repo.namedBy(caller.tenantId, caller.userId), this.repo.contactsOf(caller.tenantId, caller.userId)]);
    const anonymous = (await Promise.all(contacts.map((c) => this.repo.item(caller.tenantId, c.feedbackId)))).filter((x): x is FeedbackItem => !!x);
    const rerouted = new Set(contacts.filter((c) => c.rerouted).map((c) => c.feedbackId));
    const items = [...named, ...anonymous].sort(byWeekThenId);
    const titles = await this.repo.pilotTitles(caller.tenantId, items.map((i) => i.pilotId));
    return items.map((i) => contributorView(i, ctx, titles, rerouted.has(i.id)));
  }

  /** What waits on me: items I own, and (senior leaders) items addressed to leaders. */
  async inbox(caller: Caller): Promise<OwnerView[]> {
    const ctx = await this.contexts.load(caller.tenantId);
    const since = addWeeks(ctx.thisWeek, -RECENT_WEEKS);
    const items = hasRole(caller, 'leader') ? await this.repo.recent(caller.tenantId, since) : await this.repo.recentOwnedBy(caller.tenantId, caller.userId, since);
    const visible = items.map((item) => ({ item, v: visibility(item, caller, ctx) })).filter((x): x is { item: FeedbackItem; v: { label: GroupLabel } } => !!x.v);
    visible.sort((a, b) => byWeekThenId(a.item, b.item));
    const titles = await this.repo.pilotTitles(caller.tenantId, visible.map((x) => x.item.pilotId));
    return visible.map(({ item, v }) => ownerView(item, v.label, ctx, titles));
  }

  /** One item: as its owner sees it, or as its contributor does. Anyone else: not found. */
  async get(caller: Caller, id: string): Promise<{ role: 'owner'; item: OwnerView } | { role: 'contributor'; item: ContributorView }> {
    const item = await this.repo.item(caller.tenantId, id);
    const ctx = await this.contexts.load(caller.tenantId);
    const v = item && visibility(item, caller, ctx);
    if (item && v) return { role: 'owner', item: ownerView(item, v.label, ctx, await this.repo.pilotTitles(caller.tenantId, [item.pilotId])) };
    if (item && (await isContributor(this.repo, caller, item))) return { role: 'contributor', item: contributorView(item, ctx, await this.repo.pilotTitles(item.tenantId, [item.pilotId])) };
    throw notFound('feedback');
  }

  // ------------------------------------------------------------------------------------------
  // The owner's side.

  async acknowledge(caller: Caller, id: string, input: AcknowledgeInput = {}): Promise<OwnerView> {
    if (input.dueDate) {
      const today = isoDay(this.clock.now());
      if (input.dueDate < today || daysBetween(today, input.dueDate) > 366) throw invalid([problem('dueDate', 'feedback.due_date_range')]);
    }
    return this.ownerAction(caller, id, (item, week) => {
      if (item.state === 'closed') throw conflict('feedback.closed');
      if (item.state !== 'open' && !input.note && !input.dueDate) return undefined; // already acknowledged: a retry is harmless
      const next = takeOwnership({ ...item, state: item.state === 'open' ? 'acknowledged' : item.state, acknowledgedWeek: item.acknowledgedWeek ?? week }, caller);
      if (input.dueDate) next.dueDate = input.dueDate;
      if (item.state === 'open' || input.note) next.replies = [...item.replies, { from: 'owner', kind: 'acknowledged', text: input.note ?? '', week, name: caller.name }];
      return next;
    });
  }

  /** "You said, we did": what was done about it, in the owner's words. */
  async act(caller: Caller, id: string, note: string): Promise<OwnerView> {
    return this.ownerAction(caller, id, (item, week) => {
      if (item.state === 'closed') throw conflict('feedback.closed');
      if (item.state === 'acted') {
        const last = [...item.replies].reverse().find((r) => r.kind === 'acted');
        if (last?.text === note) return undefined;
        throw conflict('feedback.already_acted');
      }
      return takeOwnership({ ...item, state: 'acted', acknowledgedWeek: item.acknowledgedWeek ?? week, contributorVerdict: undefined, replies: [...item.replies, { from: 'owner', kind: 'acted', text: note, week, name: caller.name }] }, caller);
    });
  }

  async close(caller: Caller, id: string, note?: string): Promise<OwnerView> {
    return this.ownerAction(caller, id, (item, week) => {
      if (item.state === 'closed') return undefined;
      if (item.state === 'open') throw conflict('feedback.acknowledge_first');
      return takeOwnership({ ...item, state: 'closed', closedWeek: week, replies: [...item.replies, { from: 'owner', kind: 'closed', text: note ?? '', week, name: caller.name }] }, caller);
    });
  }

  /** The owner answers; the contributor gets it in their chat with the bot. */
  async reply(caller: Caller, id: string, text: string, requestKey?: string): Promise<OwnerView> {
    const rid = requestId(caller, id, requestKey);
    return this.ownerAction(caller, id, (item, week) => {
      if (rid && item.replies.some((r) => r.rid === rid)) return undefined;
      if (item.state === 'closed') throw conflict('feedback.replies_closed');
      if (item.replies.length >= MAX_THREAD_ENTRIES) throw conflict('feedback.thread_full');
      return takeOwnership({
        ...item,
        state: item.state === 'open' ? 'acknowledged' : item.state,
        acknowledgedWeek: item.acknowledgedWeek ?? week,
        replies: [...item.replies, { from: 'owner', kind: 'reply', text, week, name: caller.name, ...(rid ? { rid } : {}) }],
      }, caller);
    });
  }

  private async ownerAction(caller: Caller, id: string, mutate: Mutation): Promise<OwnerView> {
    const item = await this.repo.item(caller.tenantId, id);
    const ctx = await this.contexts.load(caller.tenantId);
    const visible = item && visibility(item, caller, ctx);
    if (!item || !visible) {
      if (item && (await isContributor(this.repo, caller, item))) throw forbidden('feedback.owner_only');
      throw notFound('feedback');
    }
    const { updated, changed } = await this.write(caller.tenantId, id, ctx.thisWeek, mutate);
    if (changed) await this.afterChange(updated, item.state);
    return ownerView(updated, visible.label, ctx, await this.repo.pilotTitles(caller.tenantId, [updated.pilotId]));
  }

  // ------------------------------------------------------------------------------------------
  // The contributor's side (the de-identified thread).

  async respond(caller: Caller, id: string, text: string, requestKey?: string): Promise<ContributorView> {
    return this.contributorAction(caller, id, replyStep(text, requestId(caller, id, requestKey)));
  }

  /** Is the loop really closed? Yes closes an acted item; no reopens it. */
  async confirm(caller: Caller, id: string, closed: boolean, text?: string): Promise<ContributorView> {
    return this.contributorAction(caller, id, confirmStep(closed, text));
  }

  /**
   * Contributor steps on named items apply at once; on anonymous ones they wait for the daily
   * batch (deliverBatches), so the owner never sees when, within the day, the contributor acted.
   */
  private async contributorAction(caller: Caller, id: string, step: ContributorStep): Promise<ContributorView> {
    const item = await this.repo.item(caller.tenantId, id);
    // Only the contributor gets past here; everyone else gets exactly what a missing id gets.
    if (!item || !(await isContributor(this.repo, caller, item))) throw notFound('feedback');
    const ctx = await this.contexts.load(caller.tenantId);
    const { updated, changed } = await this.write(caller.tenantId, id, ctx.thisWeek, (current, week) => record(current, step, week, ctx.disclosure));
    if (changed && !updated.anonymous) await this.afterChange(updated, item.state, false);
    return contributorView(updated, ctx, await this.repo.pilotTitles(updated.tenantId, [updated.pilotId]));
  }

  /** The daily batch: contributor steps on anonymous threads whose batch has run reach their owners. */
  async deliverBatches(tenantId: string, skipped: Skipped[] = []): Promise<number> {
    const waiting = await this.repo.withPending(tenantId);
    if (!waiting.length) return 0;
    const ctx = await this.contexts.load(tenantId);
    let delivered = 0;
    // One item that fails is skipped (with its id); the rest of the batch still goes.
    await eachIsolated(waiting, 'feedback', skipped, async ({ id }) => {
      let before: FeedbackState | undefined;
      let changed = false;
      const updated = await this.repo.updateItem(tenantId, id, (current) => {
        before = current.state;
        const next = deliverDue(current, ctx.disclosure);
        changed = !!next;
        return next;
      });
      if (!updated || !changed) return;
      delivered++;
      if (updated.pilotId && before !== updated.state) await this.rollups.refresh(tenantId, updated.pilotId);
    });
    return delivered;
  }

  // ------------------------------------------------------------------------------------------

  /** Applies the mutation with the item's ETag (retried on a concurrent change). */
  private async write(tenantId: string, id: string, week: string, mutate: Mutation): Promise<{ updated: FeedbackItem; changed: boolean }> {
    let changed = false;
    const updated = await this.repo.updateItem(tenantId, id, (current) => {
      const next = mutate(current, week);
      changed = !!next;
      return next;
    });
    if (!updated) throw notFound('feedback');
    return { updated, changed };
  }

  /** After a write: tell the contributor (owner-side changes) and keep the pilot's rollup current. */
  private async afterChange(item: FeedbackItem, before: FeedbackState, notify = true): Promise<void> {
    const last = item.replies[item.replies.length - 1];
    if (notify && last?.from === 'owner') {
      const index = item.replies.length - 1;
      const target: Target = item.anonymous ? { kind: 'contact', feedbackId: item.id } : { kind: 'user', userId: item.authorId! };
      const kind = last.kind === 'reply' ? 'feedback_reply' : 'feedback_update';
      await this.outbox.enqueue(item.tenantId, `feedback:${item.id}:${index}`, kind, target, {
        feedbackId: item.id,
        event: last.kind ?? 'reply',
        topic: item.topic,
        excerpt: item.text.length > 280 ? `${item.text.slice(0, 277)}…` : item.text,
        message: last.text,
        // Who wrote it: their name, else the faces word who they are (senior leaders, your manager).
        ...(last.name ? { fromName: last.name } : {}),
        fromRole: item.audience === 'leaders' ? 'leaders' : 'manager',
        state: item.state,
        anonymous: item.anonymous,
        dueDate: item.dueDate,
      });
    }
    if (item.pilotId && before !== item.state) await this.rollups.refresh(item.tenantId, item.pilotId);
  }
}
