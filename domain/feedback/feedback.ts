import { createHash, randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { Doc, Store } from '../ports/store';
import {
  Roster,
  addWeeks,
  daysBetween,
  effectiveThreshold,
  isReleased,
  weekOf,
  type Cell,
  type Partition,
  type RosterMember,
  type RosterTeam,
  type Scope,
} from '../anonymity/rules';
import type { Clock } from '../shared/clock';
import { toCsv } from '../shared/csv';
import { NEGLECT_DAYS, levelOf, neglectedFeedbackSignal } from '../pilots/health';
import { isoDay } from '../shared/clock';
import type { Directory } from '../directory/directory';
import { DomainError, conflict, forbidden, invalid, notFound } from '../shared/errors';
import { FEEDBACK_STATES, FEEDBACK_TOPICS, type Contact, type FeedbackEntry, type FeedbackItem, type FeedbackState, type FeedbackTopic } from './model';
import { hasRole, type Caller, type Role } from '../shared/caller';
import { type Answer, type Round } from '../checkins/model';
import { type Pilot, type PilotHealth, type RoundFigures, type Signal } from '../pilots/model';
import { type TenantSettings } from '../directory/model';
import type { Outbox, Target } from '../outbox/outbox';
import type { Pilots } from '../pilots/pilots';
import type { RateLimits } from '../shared/rate-limits';

/**
 * Feedback loops: team → manager → senior leaders and back, with anonymity that holds by
 * construction (rules in ./anonymity.ts).
 *
 *  - Anonymous items hold no user id and no exact time. The link to their author lives in the
 *    contacts container (`contact:<feedbackId>`), which only the delivery path and the author's
 *    own "what I gave" list read. Replies reach the author through the outbox with a
 *    `{kind:'contact'}` target, resolved at send time.
 *  - An anonymous item is released to its owner, lists and aggregates only after the week it was
 *    written in has ended, and is shown as coming from a group of at least the threshold.
 *  - Every action validates fully before it writes, and writes with the document's ETag.
 */

// ---------------------------------------------------------------------------------------------
// Input schemas (parsed at each edge with parseInput).

/** A tag as browsers parse one (`<` directly followed by a name, `/`, `!` or `?`), or a script URL. */
const MARKUP = /<\/?[a-z!?][^>]*>|javascript\s*:|data\s*:\s*text\/html/i;
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

/** Plain text people write: trimmed, 1..max characters, no markup or control characters. */
export const plainText = (max: number) =>
  z
    .string({ required_error: 'is required', invalid_type_error: 'must be text' })
    .transform((s) => s.replace(/\r\n?/g, '\n').trim())
    .pipe(
      z
        .string()
        .min(1, 'must not be empty')
        .max(max, `must be at most ${max} characters`)
        .refine((s) => !MARKUP.test(s), 'must be plain text: remove HTML tags, scripts and javascript: links')
        .refine((s) => !CONTROL.test(s), 'must not contain control characters'),
    );

const isoDate = z
  .string({ invalid_type_error: 'must be a date like 2026-01-31' })
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date like 2026-01-31')
  .refine((d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d), 'is not a real date');

export const FEEDBACK_TEXT_MAX = 2000;

export const feedbackInputSchema = z
  .object({
    audience: z.enum(['manager', 'leaders'], { errorMap: () => ({ message: 'must be manager or leaders' }) }),
    topic: z.enum(FEEDBACK_TOPICS, { errorMap: () => ({ message: `must be one of ${FEEDBACK_TOPICS.join(', ')}` }) }),
    text: plainText(FEEDBACK_TEXT_MAX),
    anonymous: z.boolean({ required_error: 'is required', invalid_type_error: 'must be true or false' }),
    pilotId: z.string().max(200).regex(/^[\w:.-]+$/, 'is not a valid id').optional(),
  })
  .strict();
export type FeedbackInput = z.output<typeof feedbackInputSchema>;

export const replySchema = z.object({ text: plainText(FEEDBACK_TEXT_MAX) }).strict();
export const actSchema = z.object({ note: plainText(FEEDBACK_TEXT_MAX) }).strict();
export const acknowledgeSchema = z.object({ note: plainText(FEEDBACK_TEXT_MAX).optional(), dueDate: isoDate.optional() }).strict();
export const closeSchema = z.object({ note: plainText(FEEDBACK_TEXT_MAX).optional() }).strict();
export const confirmSchema = z
  .object({
    closed: z.boolean({ required_error: 'is required', invalid_type_error: 'must be true or false' }),
    text: plainText(FEEDBACK_TEXT_MAX).optional(),
  })
  .strict();
export const summaryFilterSchema = z
  .object({
    teamId: z.string().max(200).regex(/^[\w:.-]+$/, 'is not a valid id').optional(),
    department: z.string().trim().min(1).max(120).optional(),
    weeks: z.coerce.number({ invalid_type_error: 'must be a number' }).int('must be a whole number').min(1, 'must be at least 1').max(52, 'must be at most 52').optional(),
  })
  .strict();
export type SummaryFilter = z.output<typeof summaryFilterSchema>;

// ---------------------------------------------------------------------------------------------
// Views: what each person may see of an item.

export interface ViewEntry {
  from: 'owner' | 'contributor';
  kind: NonNullable<FeedbackEntry['kind']>;
  text: string;
  week: string;
  name?: string;
}

/** An item as its owner (or a senior leader) sees it. Anonymous items carry only a group label. */
export interface OwnerView {
  id: string;
  audience: 'manager' | 'leaders';
  topic: FeedbackTopic;
  text: string;
  anonymous: boolean;
  from: { name: string; team?: string } | { group: string };
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
  sentTo: string;
  shownAs: string;
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
  label: string;
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
  group: { key: string; level: Cell['level']; label: string };
  reason: string;
  figures: Record<string, unknown>;
}

// ---------------------------------------------------------------------------------------------

interface MemberInfo {
  userId: string;
  name: string;
  roles: Role[];
  department?: string;
  managerId?: string;
  teamIds?: string[];
}

interface Ctx {
  k: number;
  roster: Roster;
  members: Map<string, MemberInfo>;
  now: Date;
  today: string;
  thisWeek: string;
  /**
   * Everyone who can read leader views (senior leaders, admins). Crowds in those views never
   * count them, so every leader sees the same partition and two leaders comparing views learn
   * nothing one of them could not see alone.
   */
  readers: string[];
}

/** contacts: `request:<hash>` — which item a retried request already created. */
interface RequestRecord extends Doc {
  type: 'feedback-request';
  feedbackId: string;
}

const MAX_ENTRIES = 100;
const RECENT_WEEKS = 8;
const SIGNAL_WEEKS = 6;

const sha = (s: string) => createHash('sha256').update(s).digest('hex');
const emptyCounts = (): SummaryCounts => ({
  total: 0,
  byTopic: Object.fromEntries(FEEDBACK_TOPICS.map((t) => [t, 0])) as Record<FeedbackTopic, number>,
  byState: Object.fromEntries(FEEDBACK_STATES.map((s) => [s, 0])) as Record<FeedbackState, number>,
});
/** Newest week first; within a week by the random id, so order says nothing about who or when. */
const byWeekThenId = (a: { createdWeek: string; id: string }, b: { createdWeek: string; id: string }) =>
  b.createdWeek.localeCompare(a.createdWeek) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

export const TOPIC_LABELS: Record<FeedbackTopic, string> = {
  practice: 'The practice',
  workload: 'Workload',
  autonomy: 'Autonomy',
  support: 'Support',
  recognition: 'Recognition',
  other: 'Something else',
};

export function scopeOf(item: Pick<FeedbackItem, 'scope' | 'teamId'>): Scope {
  if (item.scope) return item.scope;
  return item.teamId ? { level: 'team', teamId: item.teamId } : { level: 'tenant' };
}

export class Feedback {
  constructor(
    private readonly store: Store,
    private readonly directory: Directory,
    private readonly pilots: Pilots,
    private readonly outbox: Outbox,
    private readonly clock: Clock,
    private readonly limits: RateLimits,
  ) {}

  // ------------------------------------------------------------------------------------------
  // Context: threshold and roster, loaded per call (teams and members, projected).

  private async context(tenantId: string): Promise<Ctx> {
    const [settings, teams, members] = await Promise.all([
      this.directory.settings(tenantId),
      this.store.all<RosterTeam>('directory', tenantId, "SELECT c.id, c.name, c.department, c.managerId, c.memberIds FROM c WHERE c.tenantId = @tenantId AND c.type = 'team'"),
      this.store.all<MemberInfo>('directory', tenantId, "SELECT c.userId, c.name, c.roles, c.department, c.managerId, c.teamIds FROM c WHERE c.tenantId = @tenantId AND c.type = 'member'"),
    ]);
    const now = this.clock.now();
    const roster = new Roster(
      teams.map((t) => ({ ...t, memberIds: t.memberIds ?? [] })),
      members.map((m): RosterMember => ({ userId: m.userId, department: m.department, managerId: m.managerId })),
    );
    const readers = members.filter((m) => m.roles?.some((r) => r === 'leader' || r === 'admin')).map((m) => m.userId);
    return { k: effectiveThreshold(settings.anonymityThreshold), roster, members: new Map(members.map((m) => [m.userId, m])), now, today: isoDay(now), thisWeek: weekOf(now), readers };
  }

  /** The caller's manager: their member record's, else the manager of a team they are a member of. */
  private managerOf(caller: Caller, ctx: Ctx, preferTeamId?: string): { managerId?: string; teamId?: string } {
    const mine = ctx.roster.teams.filter((t) => t.memberIds.includes(caller.userId) && t.managerId && t.managerId !== caller.userId);
    const preferred = mine.find((t) => t.id === preferTeamId);
    const declared = ctx.members.get(caller.userId)?.managerId;
    if (preferred && (!declared || preferred.managerId === declared)) return { managerId: preferred.managerId, teamId: preferred.id };
    if (declared && declared !== caller.userId) return { managerId: declared, teamId: mine.find((t) => t.managerId === declared)?.id };
    const first = [...mine].sort((a, b) => a.id.localeCompare(b.id))[0];
    return { managerId: first?.managerId, teamId: first?.id };
  }

  private homeTeam(caller: Caller, ctx: Ctx, pilotTeamId?: string): string | undefined {
    const inTeam = (t: RosterTeam) => t.memberIds.includes(caller.userId) || t.managerId === caller.userId;
    const pilotTeam = ctx.roster.team(pilotTeamId);
    if (pilotTeam && inTeam(pilotTeam)) return pilotTeam.id;
    const teams = [...ctx.roster.teams].sort((a, b) => a.id.localeCompare(b.id));
    return (teams.find((t) => t.memberIds.includes(caller.userId)) ?? teams.find(inTeam))?.id;
  }

  /** What the "give feedback" forms offer this caller. */
  async formOptions(caller: Caller): Promise<{ threshold: number; topics: { value: FeedbackTopic; label: string }[]; manager?: { id: string; name: string }; pilots: { id: string; title: string }[] }> {
    const ctx = await this.context(caller.tenantId);
    const { managerId } = this.managerOf(caller, ctx);
    const pilots = (await this.pilots.list(caller, { limit: 100 })).filter((p) => ['active', 'paused', 'in_review'].includes(p.status)).slice(0, 25);
    return {
      threshold: ctx.k,
      topics: FEEDBACK_TOPICS.map((t) => ({ value: t, label: TOPIC_LABELS[t] })),
      manager: managerId ? { id: managerId, name: ctx.members.get(managerId)?.name ?? 'Your manager' } : undefined,
      pilots: pilots.map((p) => ({ id: p.id, title: p.title })),
    };
  }

  // ------------------------------------------------------------------------------------------
  // Giving feedback.

  /**
   * Records feedback. `requestKey` (Idempotency-Key, a card's request id) makes a retried
   * request return the item created the first time. Nothing is written unless every check passes.
   */
  async give(
    caller: Caller,
    input: FeedbackInput,
    requestKey?: string,
    opts: { source?: 'direct' | 'checkin'; teamHint?: string; textFor?: (withPilot: boolean) => string } = {},
  ): Promise<{ item: ContributorView; created: boolean; notice?: string }> {
    const source = opts.source ?? 'direct';
    // Shared check-in answers are the system's doing, not the person's: only direct items count.
    if (source === 'direct') this.limits.consume('feedback', `${caller.tenantId}|${caller.userId}`);
    const teamHint = opts.teamHint;
    const ctx = await this.context(caller.tenantId);
    const pilot = input.pilotId ? await this.pilots.get(caller, input.pilotId) : undefined;
    let audience = input.audience;
    let ownerId: string | undefined;
    let teamId: string | undefined;
    if (audience === 'manager') {
      const found = this.managerOf(caller, ctx, pilot?.teamId ?? teamHint);
      if (!found.managerId) {
        throw invalid([{ field: 'audience', message: 'you have no manager in Leaderful yet; send it to senior leaders instead' }]);
      }
      ownerId = found.managerId;
      teamId = found.teamId;
    } else {
      teamId = this.homeTeam(caller, ctx, pilot?.teamId ?? teamHint);
    }
    const department = ctx.roster.team(teamId)?.department ?? ctx.members.get(caller.userId)?.department;
    const start: Scope = teamId ? { level: 'team', teamId } : department ? { level: 'department', department } : { level: 'tenant' };

    let scope: Scope = start;
    let rerouted = false;
    let notice: string | undefined;
    if (input.anonymous) {
      if (audience === 'manager') {
        if (!teamId || ctx.roster.crowd({ level: 'team', teamId }, [ownerId]) < ctx.k) {
          // Too few people for the manager not to know who wrote it: it goes up, to senior leaders.
          audience = 'leaders';
          ownerId = undefined;
          rerouted = true;
          const up = teamId ? ctx.roster.parent({ level: 'team', teamId }) : department ? { level: 'department' as const, department } : { level: 'tenant' as const };
          scope = ctx.roster.rollUp(up ?? { level: 'tenant' }, ctx.k, ctx.readers) ?? { level: 'tenant' };
          notice = `Your team has fewer than ${ctx.k} people besides your manager, so to keep you anonymous this goes to senior leaders, shown as coming from ${ctx.roster.label(scope) === 'Your organisation' ? 'your organisation' : ctx.roster.label(scope)}.`;
        }
      } else {
        scope = ctx.roster.rollUp(start, ctx.k, ctx.readers) ?? { level: 'tenant' };
      }
      // Leader views never count their readers (see Ctx.readers); a manager never counts themself.
      if (ctx.roster.crowd(scope, audience === 'manager' ? [ownerId] : ctx.readers) < ctx.k) {
        throw conflict(`Leaderful knows fewer than ${ctx.k} people in your organisation, so feedback cannot be anonymous yet. Send it with your name, or try again later.`);
      }
    }
    const keepPilot = pilot && (!input.anonymous || (scope.level === 'team' && scope.teamId === pilot.teamId));
    if (pilot && !keepPilot) notice = `${notice ? `${notice} ` : ''}The pilot is left out so it cannot narrow down who wrote this.`;

    // Idempotency: the request record (contacts container) names the item a retry must return.
    let id = `feedback:${randomUUID()}`;
    if (requestKey) {
      const { doc } = await this.store.createOnce<RequestRecord>('contacts', {
        id: `request:${sha(`${caller.tenantId}|${caller.userId}|${requestKey}`).slice(0, 40)}`,
        tenantId: caller.tenantId,
        type: 'feedback-request',
        feedbackId: id,
      });
      id = doc.feedbackId;
      const existing = await this.store.read<FeedbackItem>('feedback', caller.tenantId, id);
      if (existing) return { item: await this.contributorView(existing, ctx, rerouted), created: false, notice };
    }

    const createdWeek = ctx.thisWeek;
    if (input.anonymous) {
      // The contact first: a contact without an item is harmless; an item without one is unreachable.
      await this.store.createOnce<Contact>('contacts', { id: `contact:${id}`, tenantId: caller.tenantId, type: 'contact', feedbackId: id, userId: caller.userId, ...(rerouted ? { rerouted } : {}) });
    }
    const item: Omit<FeedbackItem, '_etag' | '_ts'> = {
      id,
      tenantId: caller.tenantId,
      type: 'feedback',
      audience,
      topic: input.topic,
      text: opts.textFor ? opts.textFor(!!keepPilot) : input.text,
      anonymous: input.anonymous,
      ...(input.anonymous ? {} : { authorId: caller.userId, authorName: caller.name }),
      scope,
      ...(scope.level === 'team' ? { teamId: scope.teamId } : {}),
      ...(keepPilot ? { pilotId: pilot!.id } : {}),
      ...(ownerId ? { ownerId, ownerName: ctx.members.get(ownerId)?.name } : {}),
      state: 'open',
      dueDate: addWeeks(createdWeek, 2),
      createdWeek,
      source,
      replies: [],
    };
    const { doc, created } = await this.store.createOnce<FeedbackItem>('feedback', item);
    if (created && doc.pilotId && !doc.anonymous) await this.refreshPilot(caller.tenantId, doc.pilotId);
    return { item: await this.contributorView(doc, ctx, rerouted), created, notice };
  }

  /**
   * Check-in answers marked "share anonymously with leaders" join the flow once their round has
   * closed: one anonymous item to senior leaders per answer with text. Idempotent per answer.
   */
  async shareCheckinAnswers(tenantId: string, roundId: string): Promise<number> {
    const round = await this.store.read<Round>('checkins', tenantId, roundId);
    if (!round || round.status !== 'closed') return 0;
    const pilot = await this.store.read<Pilot>('pilots', tenantId, round.pilotId);
    if (!pilot) return 0;
    const answers = await this.store.all<Pick<Answer, 'id' | 'userId' | 'values'>>(
      'checkins',
      tenantId,
      "SELECT c.id, c.userId, c.values FROM c WHERE c.tenantId = @tenantId AND c.type = 'answer' AND c.roundId = @roundId AND c.shareAnonymously = true",
      { roundId },
    );
    const textQuestions = pilot.questions.filter((q) => q.kind === 'text');
    let created = 0;
    for (const answer of answers) {
      const parts = textQuestions
        .map((q) => ({ q, v: answer.values[q.id] }))
        .filter((x): x is { q: (typeof textQuestions)[number]; v: string } => typeof x.v === 'string' && x.v.trim().length > 0)
        .map(({ q, v }) => ({ question: q.text, answer: v.trim() }));
      if (!parts.length) continue;
      // The pilot and its (practice-specific) questions are named only when the item is shown at
      // the pilot's team level; rolled up, they would say which team it came from.
      const textFor = (withPilot: boolean) =>
        (withPilot ? `From a check-in on “${pilot.title}”:\n\n${parts.map((p) => `${p.question}\n${p.answer}`).join('\n\n')}` : `From a check-in:\n\n${parts.map((p) => p.answer).join('\n\n')}`).slice(0, FEEDBACK_TEXT_MAX);
      const member = await this.directory.member(tenantId, answer.userId);
      const caller: Caller = { tenantId, userId: answer.userId, name: member?.name ?? '', roles: member?.roles ?? ['member'] };
      try {
        const result = await this.give(caller, { audience: 'leaders', topic: 'practice', text: 'check-in', anonymous: true, pilotId: pilot.id }, `checkin:${answer.id}`, { source: 'checkin', teamHint: round.teamId, textFor });
        if (result.created) created++;
      } catch (err) {
        if (!(err instanceof DomainError) || err.kind === 'unavailable') throw err;
        // e.g. an organisation too small for anonymity: the answer stays in the check-in only.
      }
    }
    return created;
  }

  /** Sweeps recently closed rounds for shared answers (the scheduler's safety net). */
  async shareClosedCheckins(tenantId: string): Promise<number> {
    const since = isoDay(new Date(this.clock.now().getTime() - 14 * 86_400_000));
    const rounds = await this.store.all<{ id: string }>('checkins', tenantId, "SELECT c.id FROM c WHERE c.tenantId = @tenantId AND c.type = 'round' AND c.status = 'closed' AND c.date >= @since", { since });
    let n = 0;
    for (const r of rounds) n += await this.shareCheckinAnswers(tenantId, r.id);
    return n;
  }

  // ------------------------------------------------------------------------------------------
  // Who sees what.

  /** Where an item goes now: its manager, or senior leaders (also when its team fell below k). */
  private routeOf(item: FeedbackItem, ctx: Ctx): 'owner' | 'leaders' {
    if (item.audience === 'leaders') return 'leaders';
    if (!item.anonymous) return 'owner';
    const teamId = scopeOf(item).teamId;
    return item.ownerId && teamId && ctx.roster.crowd({ level: 'team', teamId }, [item.ownerId]) >= ctx.k ? 'owner' : 'leaders';
  }

  private leadersPartition(viewer: Caller, ctx: Ctx, items: FeedbackItem[]): Partition {
    const scopes = items.filter((i) => i.anonymous && this.routeOf(i, ctx) === 'leaders').map(scopeOf);
    return ctx.roster.partition(ctx.k, [viewer.userId, ...ctx.readers], scopes);
  }

  /** How the viewer may see the item (its group label), or undefined if not at all. */
  private visibility(item: FeedbackItem, viewer: Caller, ctx: Ctx, partition: () => Partition): { label: string } | undefined {
    const route = this.routeOf(item, ctx);
    if (route === 'owner' && item.ownerId !== viewer.userId) return undefined;
    if (route === 'leaders' && !hasRole(viewer, 'leader')) return undefined;
    if (!item.anonymous) return { label: ctx.roster.label(scopeOf(item)) };
    if (!isReleased(item.createdWeek, ctx.now)) return undefined;
    if (route === 'owner') return { label: ctx.roster.label(scopeOf(item)) };
    const cell = partition().cellOf(scopeOf(item));
    return cell ? { label: cell.label } : undefined;
  }

  private async isContributor(caller: Caller, item: FeedbackItem): Promise<boolean> {
    if (!item.anonymous) return item.authorId === caller.userId;
    const contact = await this.store.read<Contact>('contacts', caller.tenantId, `contact:${item.id}`);
    return contact?.userId === caller.userId;
  }

  private async pilotTitles(tenantId: string, ids: (string | undefined)[]): Promise<Map<string, string>> {
    const wanted = [...new Set(ids.filter((x): x is string => !!x))];
    if (!wanted.length) return new Map();
    const rows = await this.store.all<{ id: string; title: string }>('pilots', tenantId, "SELECT c.id, c.title FROM c WHERE c.tenantId = @tenantId AND c.type = 'pilot' AND ARRAY_CONTAINS(@ids, c.id)", { ids: wanted });
    return new Map(rows.map((r) => [r.id, r.title]));
  }

  private entries(item: FeedbackItem): ViewEntry[] {
    return item.replies.map((r) => ({ from: r.from, kind: r.kind ?? 'reply', text: r.text, week: r.week, ...(r.from === 'owner' && r.name ? { name: r.name } : {}) }));
  }

  private ownerView(item: FeedbackItem, label: string, ctx: Ctx, titles: Map<string, string>): OwnerView {
    const team = ctx.roster.team(item.teamId);
    return {
      id: item.id,
      audience: item.audience,
      topic: item.topic,
      text: item.text,
      anonymous: item.anonymous,
      from: item.anonymous ? { group: label } : { name: item.authorName ?? 'Someone', ...(team ? { team: team.name } : {}) },
      ...(item.pilotId && titles.has(item.pilotId) ? { pilot: { id: item.pilotId, title: titles.get(item.pilotId)! } } : {}),
      state: item.state,
      dueDate: item.dueDate,
      createdWeek: item.createdWeek,
      ...(item.ownerId ? { owner: { id: item.ownerId, name: item.ownerName ?? ctx.members.get(item.ownerId)?.name } } : {}),
      entries: this.entries(item),
      ...(item.contributorVerdict ? { contributorVerdict: item.contributorVerdict } : {}),
      source: item.source ?? 'direct',
      canAct: true,
    };
  }

  private async contributorView(item: FeedbackItem, ctx: Ctx, rerouted?: boolean, titles?: Map<string, string>): Promise<ContributorView> {
    titles ??= await this.pilotTitles(item.tenantId, [item.pilotId]);
    const route = this.routeOf(item, ctx);
    const ownerName = item.ownerName ?? (item.ownerId ? ctx.members.get(item.ownerId)?.name : undefined);
    const scope = scopeOf(item);
    const rolled = !item.anonymous || route === 'owner' ? scope : (ctx.roster.rollUp(scope, ctx.k, ctx.readers) ?? { level: 'tenant' as const });
    const label = ctx.roster.label(rolled);
    return {
      id: item.id,
      audience: item.audience,
      topic: item.topic,
      text: item.text,
      anonymous: item.anonymous,
      sentTo: route === 'owner' ? `Your manager${ownerName ? ` (${ownerName})` : ''}` : 'Senior leaders',
      shownAs: item.anonymous ? `Someone in ${rolled.level === 'tenant' ? 'your organisation' : label}` : 'You, by name',
      rerouted: !!rerouted || (item.anonymous && item.audience === 'manager' && route === 'leaders'),
      ...(item.anonymous && !isReleased(item.createdWeek, ctx.now) ? { visibleFrom: addWeeks(item.createdWeek, 1) } : {}),
      ...(item.pilotId && titles.has(item.pilotId) ? { pilot: { id: item.pilotId, title: titles.get(item.pilotId)! } } : {}),
      state: item.state,
      dueDate: item.dueDate,
      createdWeek: item.createdWeek,
      entries: this.entries(item),
      canReply: item.state !== 'closed' && item.replies.length < MAX_ENTRIES,
      canConfirm: item.state === 'acted',
      canReopen: item.state === 'acted' || item.state === 'closed',
    };
  }

  /** What I gave: my named items and, through my own contacts, my anonymous ones. */
  async mine(caller: Caller): Promise<ContributorView[]> {
    const ctx = await this.context(caller.tenantId);
    const [named, contacts] = await Promise.all([
      this.store.all<FeedbackItem>('feedback', caller.tenantId, "SELECT * FROM c WHERE c.tenantId = @tenantId AND c.type = 'feedback' AND c.authorId = @userId", { userId: caller.userId }),
      this.store.all<Contact>('contacts', caller.tenantId, "SELECT c.feedbackId, c.rerouted FROM c WHERE c.tenantId = @tenantId AND c.type = 'contact' AND c.userId = @userId", { userId: caller.userId }),
    ]);
    const anonymous = (await Promise.all(contacts.map((c) => this.store.read<FeedbackItem>('feedback', caller.tenantId, c.feedbackId)))).filter((x): x is FeedbackItem => !!x);
    const rerouted = new Set(contacts.filter((c) => c.rerouted).map((c) => c.feedbackId));
    const items = [...named, ...anonymous].sort(byWeekThenId);
    const titles = await this.pilotTitles(caller.tenantId, items.map((i) => i.pilotId));
    return Promise.all(items.map((i) => this.contributorView(i, ctx, rerouted.has(i.id), titles)));
  }

  /** What waits on me: items I own, and (senior leaders) items addressed to leaders. */
  async inbox(caller: Caller): Promise<OwnerView[]> {
    const ctx = await this.context(caller.tenantId);
    const since = addWeeks(ctx.thisWeek, -RECENT_WEEKS);
    const recent = "(c.state IN ('open', 'acknowledged', 'acted') OR c.createdWeek >= @since)";
    const items = hasRole(caller, 'leader')
      ? await this.store.all<FeedbackItem>('feedback', caller.tenantId, `SELECT * FROM c WHERE c.tenantId = @tenantId AND c.type = 'feedback' AND ${recent}`, { since })
      : await this.store.all<FeedbackItem>('feedback', caller.tenantId, `SELECT * FROM c WHERE c.tenantId = @tenantId AND c.type = 'feedback' AND c.ownerId = @me AND ${recent}`, { since, me: caller.userId });
    let partition: Partition | undefined;
    const lazy = () => (partition ??= this.leadersPartition(caller, ctx, items));
    const visible = items.map((item) => ({ item, v: this.visibility(item, caller, ctx, lazy) })).filter((x): x is { item: FeedbackItem; v: { label: string } } => !!x.v);
    visible.sort((a, b) => byWeekThenId(a.item, b.item));
    const titles = await this.pilotTitles(caller.tenantId, visible.map((x) => x.item.pilotId));
    return visible.map(({ item, v }) => this.ownerView(item, v.label, ctx, titles));
  }

  /** One item: as its owner sees it, or as its contributor does. Anyone else: not found. */
  async get(caller: Caller, id: string): Promise<{ role: 'owner'; item: OwnerView } | { role: 'contributor'; item: ContributorView }> {
    const item = await this.read(caller.tenantId, id);
    const ctx = await this.context(caller.tenantId);
    const v = item && this.visibility(item, caller, ctx, () => this.leadersPartition(caller, ctx, [item]));
    if (item && v) return { role: 'owner', item: this.ownerView(item, v.label, ctx, await this.pilotTitles(caller.tenantId, [item.pilotId])) };
    if (item && (await this.isContributor(caller, item))) return { role: 'contributor', item: await this.contributorView(item, ctx) };
    throw notFound('That feedback item');
  }

  private async read(tenantId: string, id: string): Promise<FeedbackItem | undefined> {
    return id.startsWith('feedback:') ? this.store.read<FeedbackItem>('feedback', tenantId, id) : undefined;
  }

  // ------------------------------------------------------------------------------------------
  // Closing the loop: owner side.

  async acknowledge(caller: Caller, id: string, input: z.output<typeof acknowledgeSchema> = {}): Promise<OwnerView> {
    if (input.dueDate) {
      const today = isoDay(this.clock.now());
      if (input.dueDate < today || daysBetween(today, input.dueDate) > 366) throw invalid([{ field: 'dueDate', message: 'must be between today and a year from now' }]);
    }
    return this.ownerAction(caller, id, (item, week) => {
      if (item.state === 'closed') throw conflict('This feedback item is closed.');
      if (item.state !== 'open' && !input.note && !input.dueDate) return undefined; // already acknowledged: a retry is harmless
      const next = this.takeOwnership({ ...item, state: item.state === 'open' ? 'acknowledged' : item.state, acknowledgedWeek: item.acknowledgedWeek ?? week }, caller);
      if (input.dueDate) next.dueDate = input.dueDate;
      if (item.state === 'open' || input.note) next.replies = [...item.replies, { from: 'owner', kind: 'acknowledged', text: input.note ?? '', week, name: caller.name }];
      return next;
    });
  }

  /** "You said, we did": what was done about it, in the owner's words. */
  async act(caller: Caller, id: string, note: string): Promise<OwnerView> {
    return this.ownerAction(caller, id, (item, week) => {
      if (item.state === 'closed') throw conflict('This feedback item is closed.');
      if (item.state === 'acted') {
        const last = [...item.replies].reverse().find((r) => r.kind === 'acted');
        if (last?.text === note) return undefined;
        throw conflict('This item is already marked as acted on. Add a reply instead.');
      }
      return this.takeOwnership({ ...item, state: 'acted', acknowledgedWeek: item.acknowledgedWeek ?? week, contributorVerdict: undefined, replies: [...item.replies, { from: 'owner', kind: 'acted', text: note, week, name: caller.name }] }, caller);
    });
  }

  async close(caller: Caller, id: string, note?: string): Promise<OwnerView> {
    return this.ownerAction(caller, id, (item, week) => {
      if (item.state === 'closed') return undefined;
      if (item.state === 'open') throw conflict('Acknowledge this feedback before closing it.');
      return this.takeOwnership({ ...item, state: 'closed', closedWeek: week, replies: [...item.replies, { from: 'owner', kind: 'closed', text: note ?? '', week, name: caller.name }] }, caller);
    });
  }

  /** The owner answers; the contributor gets it in their chat with the bot. */
  async reply(caller: Caller, id: string, text: string, requestKey?: string): Promise<OwnerView> {
    const rid = requestKey ? sha(`${caller.tenantId}|${id}|${requestKey}`).slice(0, 24) : undefined;
    return this.ownerAction(caller, id, (item, week) => {
      if (rid && item.replies.some((r) => r.rid === rid)) return undefined;
      if (item.state === 'closed') throw conflict('This feedback item is closed. Replies are no longer possible.');
      if (item.replies.length >= MAX_ENTRIES) throw conflict('This conversation is long enough. Please start a new feedback item.');
      return this.takeOwnership({
        ...item,
        state: item.state === 'open' ? 'acknowledged' : item.state,
        acknowledgedWeek: item.acknowledgedWeek ?? week,
        replies: [...item.replies, { from: 'owner', kind: 'reply', text, week, name: caller.name, ...(rid ? { rid } : {}) }],
      }, caller);
    });
  }

  private takeOwnership(item: FeedbackItem, caller: Caller): FeedbackItem {
    return item.ownerId ? item : { ...item, ownerId: caller.userId, ownerName: caller.name };
  }

  private async ownerAction(caller: Caller, id: string, mutate: (item: FeedbackItem, week: string) => FeedbackItem | undefined): Promise<OwnerView> {
    const item = await this.read(caller.tenantId, id);
    const ctx = await this.context(caller.tenantId);
    const visible = item && this.visibility(item, caller, ctx, () => this.leadersPartition(caller, ctx, [item]));
    if (!item || !visible) {
      if (item && (await this.isContributor(caller, item))) throw forbidden('Only the person this feedback was sent to can do that.');
      throw notFound('That feedback item');
    }
    let changed = false;
    const updated = await this.store.update<FeedbackItem>('feedback', caller.tenantId, id, (current) => {
      const next = mutate(current, ctx.thisWeek);
      changed = !!next;
      return next;
    });
    if (!updated) throw notFound('That feedback item');
    if (changed) await this.afterChange(updated, item.state);
    return this.ownerView(updated, visible.label, ctx, await this.pilotTitles(caller.tenantId, [updated.pilotId]));
  }

  // ------------------------------------------------------------------------------------------
  // Closing the loop: contributor side (the de-identified thread).

  async respond(caller: Caller, id: string, text: string, requestKey?: string): Promise<ContributorView> {
    const rid = requestKey ? sha(`${caller.tenantId}|${id}|${requestKey}`).slice(0, 24) : undefined;
    return this.contributorAction(caller, id, (item, week) => {
      if (rid && item.replies.some((r) => r.rid === rid)) return undefined;
      if (item.state === 'closed') throw conflict('This feedback item is closed. Replies are no longer possible.');
      if (item.replies.length >= MAX_ENTRIES) throw conflict('This conversation is long enough. Please start a new feedback item.');
      return { ...item, replies: [...item.replies, { from: 'contributor', kind: 'reply', text, week, ...(rid ? { rid } : {}) }] };
    });
  }

  /** Is the loop really closed? Yes closes an acted item; no reopens it. */
  async confirm(caller: Caller, id: string, closed: boolean, text?: string): Promise<ContributorView> {
    return this.contributorAction(caller, id, (item, week) => {
      if (closed) {
        if (item.state === 'closed' && item.contributorVerdict === 'closed') return undefined;
        if (item.state !== 'acted' && item.state !== 'closed') throw conflict('Nothing has been marked as done on this item yet.');
        return { ...item, state: 'closed', closedWeek: item.closedWeek ?? week, contributorVerdict: 'closed', replies: [...item.replies, { from: 'contributor', kind: 'confirmed', text: text ?? '', week }] };
      }
      if (item.state !== 'acted' && item.state !== 'closed') {
        if (item.contributorVerdict === 'not_closed') return undefined;
        throw conflict('This item is still being worked on.');
      }
      if (item.replies.length >= MAX_ENTRIES) throw conflict('This conversation is long enough. Please start a new feedback item.');
      return { ...item, state: 'acknowledged', closedWeek: undefined, contributorVerdict: 'not_closed', replies: [...item.replies, { from: 'contributor', kind: 'reopened', text: text ?? '', week }] };
    });
  }

  private async contributorAction(caller: Caller, id: string, mutate: (item: FeedbackItem, week: string) => FeedbackItem | undefined): Promise<ContributorView> {
    const item = await this.read(caller.tenantId, id);
    // Only the contributor gets past here; everyone else gets exactly what a missing id gets.
    if (!item || !(await this.isContributor(caller, item))) throw notFound('That feedback item');
    const ctx = await this.context(caller.tenantId);
    let changed = false;
    const updated = await this.store.update<FeedbackItem>('feedback', caller.tenantId, id, (current) => {
      const next = mutate(current, ctx.thisWeek);
      changed = !!next;
      return next;
    });
    if (!updated) throw notFound('That feedback item');
    if (changed) await this.afterChange(updated, item.state, false);
    return this.contributorView(updated, ctx);
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
        fromName: last.name ?? (item.audience === 'leaders' ? 'Senior leaders' : 'Your manager'),
        state: item.state,
        anonymous: item.anonymous,
        dueDate: item.dueDate,
      });
    }
    if (item.pilotId && before !== item.state) await this.refreshPilot(item.tenantId, item.pilotId);
  }

  // ------------------------------------------------------------------------------------------
  // Rollups and digests (the scheduler calls queueDigests).

  /** Keeps pilot.health.openFeedback current: named items at once, anonymous ones once released. */
  async refreshPilot(tenantId: string, pilotId: string): Promise<void> {
    const rows = await this.store.all<Pick<FeedbackItem, 'anonymous' | 'createdWeek'>>(
      'feedback',
      tenantId,
      "SELECT c.anonymous, c.createdWeek FROM c WHERE c.tenantId = @tenantId AND c.type = 'feedback' AND c.pilotId = @pilotId AND c.state = 'open'",
      { pilotId },
    );
    const now = this.clock.now();
    const counted = rows.filter((r) => !r.anonymous || isReleased(r.createdWeek, now));
    const today = isoDay(now);
    const oldestDays = counted.reduce((m, r) => Math.max(m, daysBetween(r.createdWeek, today)), 0);
    await this.store.update<Pilot>('pilots', tenantId, pilotId, (p) => {
      const health = withFeedbackRollup(p.health, counted.length, oldestDays);
      return JSON.stringify(health) === JSON.stringify(p.health) ? undefined : { ...p, health };
    });
  }

  /**
   * Queues one quiet digest per owner with something waiting (open, a reply to answer, overdue),
   * at most one per owner per ISO week. Also releases last week's anonymous items into pilot
   * rollups and picks up check-in answers shared with leaders.
   */
  async queueDigests(tenantId: string): Promise<number> {
    await this.shareClosedCheckins(tenantId);
    const ctx = await this.context(tenantId);
    const items = await this.store.all<FeedbackItem>('feedback', tenantId, "SELECT * FROM c WHERE c.tenantId = @tenantId AND c.type = 'feedback' AND c.state IN ('open', 'acknowledged', 'acted')");
    for (const pilotId of new Set(items.filter((i) => i.pilotId && i.state === 'open').map((i) => i.pilotId!))) await this.refreshPilot(tenantId, pilotId);

    const leaders = [...ctx.members.values()].filter((m) => m.roles?.includes('leader'));
    const candidates = new Map<string, MemberInfo>();
    for (const item of items) {
      if (this.routeOf(item, ctx) === 'owner') {
        if (item.ownerId && ctx.members.has(item.ownerId)) candidates.set(item.ownerId, ctx.members.get(item.ownerId)!);
      } else if (item.ownerId && ctx.members.get(item.ownerId)?.roles?.includes('leader')) candidates.set(item.ownerId, ctx.members.get(item.ownerId)!);
      else for (const l of leaders) candidates.set(l.userId, l);
    }
    let queued = 0;
    for (const owner of candidates.values()) {
      const viewer: Caller = { tenantId, userId: owner.userId, name: owner.name, roles: owner.roles ?? [] };
      let partition: Partition | undefined;
      const lazy = () => (partition ??= this.leadersPartition(viewer, ctx, items));
      const mine = items.filter((item) => {
        if (!this.visibility(item, viewer, ctx, lazy)) return false;
        // Leader items someone else took on are theirs to be reminded of.
        return this.routeOf(item, ctx) === 'owner' || !item.ownerId || item.ownerId === owner.userId || !ctx.members.get(item.ownerId)?.roles?.includes('leader');
      });
      const waiting = mine.filter((i) => i.state === 'open' || i.replies[i.replies.length - 1]?.from === 'contributor' || i.dueDate < ctx.today);
      if (!waiting.length) continue;
      const topics = Object.entries(
        waiting.reduce<Record<string, number>>((acc, i) => ({ ...acc, [TOPIC_LABELS[i.topic]]: (acc[TOPIC_LABELS[i.topic]] ?? 0) + 1 }), {}),
      ).map(([topic, count]) => ({ topic, count }));
      const ok = await this.outbox.enqueue(tenantId, `feedback-digest:${owner.userId}:${ctx.thisWeek}`, 'feedback_digest', { kind: 'user', userId: owner.userId }, {
        week: ctx.thisWeek,
        waiting: waiting.length,
        open: waiting.filter((i) => i.state === 'open').length,
        awaitingReply: waiting.filter((i) => i.replies[i.replies.length - 1]?.from === 'contributor').length,
        overdue: waiting.filter((i) => i.dueDate < ctx.today).length,
        topics,
      });
      if (ok) queued++;
    }
    return queued;
  }

  // ------------------------------------------------------------------------------------------
  // Aggregates for senior leaders: summary, export, signals.

  private requireLeader(caller: Caller): void {
    if (!hasRole(caller, 'leader', 'admin')) throw forbidden('Only senior leaders and admins can see feedback across teams.');
  }

  private async checkFilter(ctx: Ctx, filter: SummaryFilter): Promise<void> {
    if (filter.teamId && !ctx.roster.team(filter.teamId)) throw notFound('That team');
    if (filter.department && !ctx.roster.departments().includes(filter.department)) throw notFound('That department');
  }

  /**
   * Counts by topic and state for the cells of the one partition, over whole weeks that have
   * ended. A team filter returns the cell the team is counted in (maybe a merged one), never a
   * smaller group.
   */
  async summary(caller: Caller, filter: SummaryFilter = {}): Promise<Summary> {
    this.requireLeader(caller);
    const ctx = await this.context(caller.tenantId);
    await this.checkFilter(ctx, filter);
    const weeks = filter.weeks ?? 12;
    const from = addWeeks(ctx.thisWeek, -weeks);
    const items = await this.store.all<Pick<FeedbackItem, 'topic' | 'state' | 'scope' | 'teamId'>>(
      'feedback',
      caller.tenantId,
      "SELECT c.topic, c.state, c.scope, c.teamId FROM c WHERE c.tenantId = @tenantId AND c.type = 'feedback' AND c.createdWeek >= @from AND c.createdWeek < @to",
      { from, to: ctx.thisWeek },
    );
    const partition = ctx.roster.partition(ctx.k, [caller.userId, ...ctx.readers], items.map(scopeOf));
    const cells = partition.select(filter);
    const counts = new Map(cells.map((c) => [c.key, emptyCounts()]));
    const total = emptyCounts();
    for (const item of items) {
      const cell = partition.cellOf(scopeOf(item));
      const c = cell && counts.get(cell.key);
      if (!c) continue;
      for (const target of [c, total]) {
        target.total++;
        target.byTopic[item.topic] = (target.byTopic[item.topic] ?? 0) + 1;
        target.byState[item.state] = (target.byState[item.state] ?? 0) + 1;
      }
    }
    return {
      threshold: ctx.k,
      period: { from, to: ctx.thisWeek, weeks },
      groups: cells.map((c) => ({ key: c.key, level: c.level, label: c.label, ...(c.department ? { department: c.department } : {}), teams: c.teamIds.map((id) => ctx.roster.team(id)?.name ?? id).sort(), counts: counts.get(c.key)! })),
      total,
    };
  }

  /** The summary as CSV: per group, the total and the counts by topic and by state. Same rules, same cells. */
  async exportCsv(caller: Caller, filter: SummaryFilter = {}): Promise<string> {
    const s = await this.summary(caller, filter);
    const rows: string[][] = [];
    for (const g of s.groups) {
      const row = (measure: string, value: string, count: number) => rows.push([s.period.from, s.period.to, g.level, g.label, measure, value, String(count)]);
      row('total', 'all', g.counts.total);
      for (const topic of FEEDBACK_TOPICS) row('topic', topic, g.counts.byTopic[topic]);
      for (const state of FEEDBACK_STATES) row('state', state, g.counts.byState[state]);
    }
    return toCsv(['period_from', 'period_to', 'group_level', 'group', 'measure', 'value', 'count'], rows);
  }

  /**
   * Pitfall signals, each with the reason and figures that made it fire: neglected feedback
   * (items waiting more than two weeks, slow acknowledgement), overload (low workload answers,
   * falling participation) and micromanagement (autonomy answers trending down). Computed per
   * cell over closed weeks only, from rollups that already withhold rounds below the threshold.
   */
  async signals(caller: Caller): Promise<{ threshold: number; period: { from: string; to: string }; signals: PitfallSignal[] }> {
    this.requireLeader(caller);
    const ctx = await this.context(caller.tenantId);
    const from = addWeeks(ctx.thisWeek, -12);
    const [items, rounds] = await Promise.all([
      this.store.all<Pick<FeedbackItem, 'state' | 'scope' | 'teamId' | 'createdWeek' | 'acknowledgedWeek'>>(
        'feedback',
        caller.tenantId,
        "SELECT c.state, c.scope, c.teamId, c.createdWeek, c.acknowledgedWeek FROM c WHERE c.tenantId = @tenantId AND c.type = 'feedback' AND c.createdWeek < @to AND (c.state = 'open' OR c.createdWeek >= @from)",
        { from, to: ctx.thisWeek },
      ),
      this.store.all<{ teamId?: string; date?: string; figures?: RoundFigures }>(
        'checkins',
        caller.tenantId,
        "SELECT c.teamId, c.date, c.figures FROM c WHERE c.tenantId = @tenantId AND c.type = 'round' AND c.status = 'closed' AND c.date >= @from AND c.date < @to",
        { from: addWeeks(ctx.thisWeek, -SIGNAL_WEEKS), to: ctx.thisWeek },
      ),
    ]);
    const roundScopes: Scope[] = rounds.filter((r) => r.teamId).map((r) => ({ level: 'team', teamId: r.teamId }));
    const partition = ctx.roster.partition(ctx.k, [caller.userId, ...ctx.readers], [...items.map(scopeOf), ...roundScopes]);
    const signals: PitfallSignal[] = [];
    const group = (c: Cell) => ({ key: c.key, level: c.level, label: c.label });

    // Neglected feedback.
    const perCell = new Map<string, { cell: Cell; old: string[]; ackDays: number[] }>();
    for (const item of items) {
      const cell = partition.cellOf(scopeOf(item));
      if (!cell) continue;
      const e = perCell.get(cell.key) ?? { cell, old: [], ackDays: [] };
      perCell.set(cell.key, e);
      if (item.state === 'open' && daysBetween(item.createdWeek, ctx.today) > NEGLECT_DAYS) e.old.push(item.createdWeek);
      if (item.acknowledgedWeek && item.createdWeek >= from) e.ackDays.push(daysBetween(item.createdWeek, item.acknowledgedWeek));
    }
    for (const { cell, old, ackDays } of perCell.values()) {
      if (old.length) {
        const oldest = old.sort()[0];
        signals.push({
          kind: 'neglected_feedback',
          group: group(cell),
          reason: `${old.length} feedback item${old.length === 1 ? '' : 's'} from ${cell.label} ${old.length === 1 ? 'has' : 'have'} waited more than ${NEGLECT_DAYS} days without being acknowledged; the oldest is from the week of ${oldest}.`,
          figures: { openOlderThanDays: NEGLECT_DAYS, count: old.length, oldestWeek: oldest },
        });
      }
      const weeksToAck = ackDays.map((d) => Math.round(d / 7)).sort((a, b) => a - b);
      const median = weeksToAck.length ? weeksToAck[Math.floor(weeksToAck.length / 2)] : 0;
      if (weeksToAck.length >= 3 && median >= 2) {
        signals.push({
          kind: 'neglected_feedback',
          group: group(cell),
          reason: `Acknowledging feedback from ${cell.label} took a median of ${median} weeks over the last ${weeksToAck.length} items.`,
          figures: { medianWeeksToAcknowledge: median, items: weeksToAck.length },
        });
      }
    }

    // Overload and micromanagement, per cell and closed week, from rounds' shown figures.
    interface Week { invited: number; answered: number; wlSum: number; wlN: number; auSum: number; auN: number }
    const weekly = new Map<string, { cell: Cell; weeks: Map<string, Week> }>();
    for (const r of rounds) {
      if (!r.teamId || !r.date || !r.figures) continue;
      const cell = partition.cellOf({ level: 'team', teamId: r.teamId });
      if (!cell) continue;
      const e = weekly.get(cell.key) ?? { cell, weeks: new Map() };
      weekly.set(cell.key, e);
      const wk = weekOf(new Date(`${r.date}T12:00:00Z`));
      const w = e.weeks.get(wk) ?? { invited: 0, answered: 0, wlSum: 0, wlN: 0, auSum: 0, auN: 0 };
      e.weeks.set(wk, w);
      const f = r.figures;
      w.invited += f.invited;
      w.answered += f.answered;
      if (f.workload !== null && f.answered > 0) {
        w.wlSum += f.workload * f.answered;
        w.wlN += f.answered;
      }
      if (f.autonomy !== null && f.answered > 0) {
        w.auSum += f.autonomy * f.answered;
        w.auN += f.answered;
      }
    }
    const round1 = (x: number) => Math.round(x * 10) / 10;
    for (const { cell, weeks } of weekly.values()) {
      const ordered = [...weeks.entries()].sort(([a], [b]) => a.localeCompare(b));
      const workload = ordered.filter(([, w]) => w.wlN >= ctx.k).map(([week, w]) => ({ week, value: round1(w.wlSum / w.wlN), answers: w.wlN }));
      const autonomy = ordered.filter(([, w]) => w.auN >= ctx.k).map(([week, w]) => ({ week, value: round1(w.auSum / w.auN), answers: w.auN }));
      const participation = ordered.filter(([, w]) => w.invited >= ctx.k).map(([week, w]) => ({ week, value: Math.round((w.answered / w.invited) * 100) }));
      const lastWl = workload[workload.length - 1];
      if (lastWl && lastWl.value <= 2.5) {
        signals.push({
          kind: 'overload',
          group: group(cell),
          reason: `In the week of ${lastWl.week}, ${cell.label} answered the workload question with an average of ${lastWl.value.toFixed(1)} of 5 (1 = overloaded) over ${lastWl.answers} answers.`,
          figures: { workload },
        });
      } else if (participation.length >= 3 && participation[participation.length - 1].value <= participation[0].value - 25) {
        const a = participation[0];
        const b = participation[participation.length - 1];
        signals.push({
          kind: 'overload',
          group: group(cell),
          reason: `Check-in participation in ${cell.label} fell from ${a.value}% (week of ${a.week}) to ${b.value}% (week of ${b.week}), a common sign of overload.`,
          figures: { participation },
        });
      }
      if (autonomy.length >= 3 && autonomy[autonomy.length - 1].value < autonomy[0].value - 0.5) {
        const a = autonomy[0];
        const b = autonomy[autonomy.length - 1];
        signals.push({
          kind: 'micromanagement',
          group: group(cell),
          reason: `Answers to “How free did you feel to decide how to do your work?” in ${cell.label} fell from ${a.value.toFixed(1)} (week of ${a.week}) to ${b.value.toFixed(1)} (week of ${b.week}) over ${autonomy.length} weeks.`,
          figures: { autonomy },
        });
      }
    }
    signals.sort((a, b) => a.group.label.localeCompare(b.group.label) || a.kind.localeCompare(b.kind));
    return { threshold: ctx.k, period: { from, to: ctx.thisWeek }, signals };
  }

  // ------------------------------------------------------------------------------------------
  // The tenant's threshold (admins only).

  async setThreshold(caller: Caller, anonymityThreshold: number): Promise<number> {
    if (!hasRole(caller, 'admin')) throw forbidden('Only admins can change the anonymity threshold.');
    await this.directory.ensureTenant(caller.tenantId);
    const updated = await this.store.update<TenantSettings>('directory', caller.tenantId, 'settings', (s) =>
      s.anonymityThreshold === anonymityThreshold ? undefined : { ...s, anonymityThreshold },
    );
    return effectiveThreshold(updated?.anonymityThreshold ?? anonymityThreshold);
  }

  async threshold(tenantId: string): Promise<number> {
    return effectiveThreshold((await this.directory.settings(tenantId)).anonymityThreshold);
  }
}

/** The feedback part of a pilot's health: open items, the neglected-feedback signal and the level. */
export function withFeedbackRollup(health: PilotHealth, openFeedback: number, oldestDays: number): PilotHealth {
  const signals: Signal[] = health.signals.filter((s) => s.kind !== 'neglected_feedback');
  const neglected = neglectedFeedbackSignal(openFeedback, oldestDays);
  if (neglected) signals.push(neglected);
  return { ...health, openFeedback, signals, level: levelOf(health.rounds, signals, health.confidence) };
}
