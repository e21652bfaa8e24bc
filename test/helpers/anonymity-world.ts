import fc from 'fast-check';
import { addWeeks, assemble, buildHierarchy, weekOf, type Loaded, type MemberInfo, type Roster, type TeamInfo } from '../../domain/anonymity';
import { roundFigures } from '../../domain/checkins/closing';
import { contextOf } from '../../domain/feedback/context';
import type { FeedbackItem } from '../../domain/feedback/model';
import { pitfallSignals, summarize } from '../../domain/feedback/reporting';
import { feedbackHealth } from '../../domain/feedback/rollups';
import { confirmStep, deliverDue, record, replyStep } from '../../domain/feedback/threads';
import { ownerView, type OwnerView, type PitfallSignal, type Summary } from '../../domain/feedback/views';
import { visibility } from '../../domain/feedback/visibility';
import { EMPTY_HEALTH, deriveHealth, type Pilot, type RoundFigures } from '../../domain/pilots';
import { portfolioOf, type Portfolio } from '../../domain/portfolio';
import { DomainError } from '../../domain/shared/errors';
import { managerPlaces, PulseWorld, type PulseObservation, type PulsePlan } from './anonymity-pulse';
import type { Caller } from '../../domain/shared/caller';

/**
 * A tenant in miniature for the anonymity audit, driven through the domain's own pure pieces
 * (disclosure, attribution, views, summary, signals, round figures, health, portfolio, threads)
 * exactly as the routes call them, only without the store, so a thousand scenarios run in seconds.
 */

const MINUTE = 60_000;
const WEEK_MINUTES = 7 * 24 * 60;
const START = Date.parse('2027-01-04T00:00:00Z'); // a Monday
const DEPTS = ['Ops', 'Lab', 'Sales'];

export interface WeekPlan {
  changes: { at: number; kind: 'move' | 'join' | 'leave' | 'threshold'; a: number; b: number }[];
  items: { at: number; author: number; toManager: boolean; anonymous: boolean; pilot: boolean }[];
  rounds: { team: number; answer: number; q: [number, number, number] }[];
  owner: { at: number; item: number }[];
  steps: { at: number; item: number; kind: 'reply' | 'confirm' | 'reopen' }[];
  /** A managers' pulse closing this week (Friday evening), its answers and overrides. */
  pulse?: PulsePlan;
}

export interface Plan {
  k: number;
  tz: string;
  teams: { size: number; dept: number }[];
  loose: number[];
  leaders: number;
  weeks: WeekPlan[];
}

const at = fc.integer({ min: 0, max: WEEK_MINUTES - 1 });
const week: fc.Arbitrary<WeekPlan> = fc.record({
  changes: fc.array(fc.record({ at, kind: fc.constantFrom('move' as const, 'join' as const, 'leave' as const, 'threshold' as const), a: fc.nat(), b: fc.nat() }), { maxLength: 3 }),
  items: fc.array(fc.record({ at, author: fc.nat(), toManager: fc.boolean(), anonymous: fc.integer({ min: 0, max: 9 }).map((x) => x < 8), pilot: fc.boolean() }), { maxLength: 5 }),
  rounds: fc.array(fc.record({ team: fc.nat(), answer: fc.integer({ min: 0, max: 100 }), q: fc.tuple(fc.integer({ min: 0, max: 100 }), fc.integer({ min: 0, max: 100 }), fc.integer({ min: 0, max: 100 })) }), { maxLength: 3 }),
  owner: fc.array(fc.record({ at, item: fc.nat() }), { maxLength: 3 }),
  steps: fc.array(fc.record({ at, item: fc.nat(), kind: fc.constantFrom('reply' as const, 'confirm' as const, 'reopen' as const) }), { maxLength: 4 }),
  pulse: fc.option(fc.record({ answer: fc.integer({ min: 0, max: 100 }), q: fc.tuple(fc.integer({ min: 0, max: 100 }), fc.integer({ min: 0, max: 100 }), fc.integer({ min: 0, max: 100 }), fc.integer({ min: 0, max: 100 })), overrides: fc.nat({ max: 5 }) }), { nil: undefined }),
});

/** Org shapes, thresholds 3–25, roster changes, answer patterns and item timings. */
export const planArb: fc.Arbitrary<Plan> = fc.record({
  k: fc.integer({ min: 3, max: 25 }),
  tz: fc.constantFrom('UTC', 'UTC', 'Europe/Madrid', 'America/New_York'),
  teams: fc.array(fc.record({ size: fc.integer({ min: 0, max: 30 }), dept: fc.integer({ min: 0, max: 3 }) }), { minLength: 1, maxLength: 7 }),
  loose: fc.array(fc.integer({ min: 0, max: 3 }), { maxLength: 12 }),
  leaders: fc.integer({ min: 1, max: 2 }),
  weeks: fc.array(week, { minLength: 2, maxLength: 4 }),
});

export const QUESTIONS = ['confidence', 'autonomy', 'workload'] as const;

export interface TimelineEntry {
  at: number;
  instant?: Date;
  kind: 'change' | 'write' | 'owner' | 'step' | 'round' | 'pulse' | 'probe';
  run: () => void;
}

/** What the simulation knows and no view shows: who wrote what, and who answered what. */
export interface ItemTruth {
  author: string;
  roster: Roster;
  k: number;
}
export interface RoundTruth {
  id: string;
  teamId: string;
  pilotId: string;
  date: string;
  k: number;
  figures: RoundFigures;
  answerers: Record<(typeof QUESTIONS)[number], string[]>;
}

/** One probe: everything a leader or an owner can request at that instant. */
export interface Observation {
  at: Date;
  k: number;
  roster: Roster;
  readers: string[];
  items: { viewer: string; view: OwnerView }[];
  summaries: { filter: Record<string, string>; weeks: number; summary: Summary }[];
  signals: PitfallSignal[];
  portfolio: Portfolio;
  /** Open named items per pilot (the part of openFeedback that needs no crowd). */
  namedOpen: Map<string, number>;
  /** What senior leaders can read of the managers' pulse. */
  pulse?: PulseObservation;
}

export class World {
  now = new Date(START);
  k: number;
  readonly teams: TeamInfo[] = [];
  readonly members: MemberInfo[] = [];
  readonly items: FeedbackItem[] = [];
  readonly truth = new Map<string, ItemTruth>();
  readonly rounds: RoundTruth[] = [];
  readonly pilots: Pilot[] = [];
  /** Contributor steps on anonymous items, with when they were made. */
  readonly steps: { itemId: string; at: Date }[] = [];
  /** Instants owners changed something (their own changes may show at once). */
  readonly ownerActs: Date[] = [];
  readonly observations: Observation[] = [];
  /** The managers' pulse: closed periods (groups frozen) and who answered what. */
  readonly pulse = new PulseWorld();
  /** The last event applied, as a route would receive it (the HTTP slice replays it). */
  last?: { kind: 'write'; userId: string; audience: 'manager' | 'leaders'; anonymous: boolean; itemId?: string } | { kind: 'owner'; itemId: string; actor: string } | { kind: 'step'; itemId: string; userId: string; step: WeekPlan['steps'][number]['kind']; changed: boolean };
  private n = 0;

  constructor(readonly plan: Plan) {
    this.k = plan.k;
    plan.teams.forEach((t, i) => {
      const dept = DEPTS[t.dept];
      const managerId = this.person(dept, ['manager']);
      const memberIds = Array.from({ length: t.size }, () => this.person(dept));
      const id = `team:${i}`;
      this.teams.push({ id, name: `Team ${i}`, department: dept, managerId, memberIds });
      for (const m of memberIds) this.member(m).managerId = managerId;
      this.pilots.push({ id: `pilot:${i}`, tenantId: 't', type: 'pilot', title: `Pilot ${i}`, teamId: id, teamName: `Team ${i}`, managerId, managerName: managerId, practiceName: 'P', hypothesis: 'h', successMeasures: [], cadence: { weekdays: [3], time: '09:00', everyWeeks: 1, reminderHours: 0, roundHours: 7 }, questions: [], startDate: '2027-01-04', endDate: '2027-12-31', status: 'active', createdAt: '', updatedAt: '', health: EMPTY_HEALTH, roundFigures: [] });
    });
    for (const d of plan.loose) this.person(DEPTS[d]);
    for (let i = 0; i < plan.leaders; i++) this.person(undefined, ['leader']);
    // A senior leader may sit in a team too (as a member): never counted in anyone's crowd.
    if (plan.leaders === 2 && this.teams.length > 1) this.teams[1].memberIds!.push(this.leaders[1]);
  }

  private person(department: string | undefined, roles: MemberInfo['roles'] = ['member']): string {
    const userId = `u${this.n++}`;
    this.members.push({ userId, name: userId, roles, ...(department ? { department } : {}) });
    return userId;
  }

  private member(id: string): MemberInfo {
    return this.members.find((m) => m.userId === id)!;
  }

  get leaders(): string[] {
    return this.members.filter((m) => m.roles.includes('leader')).map((m) => m.userId);
  }

  /** People who may write: everyone but senior leaders and managers. */
  writers(): string[] {
    const managers = new Set(this.teams.map((t) => t.managerId));
    return this.members.filter((m) => !m.roles.includes('leader') && !managers.has(m.userId)).map((m) => m.userId);
  }

  /**
   * What one request's disclosure is built from, as the loader reads it from the store.
   * `partition: false`: as the portfolio loads it, without the released scopes (no groups).
   */
  load({ partition = true }: { partition?: boolean } = {}): Loaded {
    const window = weekOf(this.now);
    const since = addWeeks(window, -52);
    const roundsFrom = addWeeks(window, -6);
    if (!partition) return assemble({ now: this.now, settings: { anonymityThreshold: this.k, defaultTimeZone: this.plan.tz }, teams: this.teams.map((t) => ({ ...t, memberIds: [...(t.memberIds ?? [])] })), members: this.members.map((m) => ({ ...m })) });
    return assemble({
      now: this.now,
      settings: { anonymityThreshold: this.k, defaultTimeZone: this.plan.tz },
      teams: this.teams.map((t) => ({ ...t, memberIds: [...(t.memberIds ?? [])] })),
      members: this.members.map((m) => ({ ...m })),
      items: this.items.filter((i) => i.createdWeek < window && (i.createdWeek >= since || i.state !== 'closed')),
      rounds: this.rounds.filter((r) => r.date < window && r.date >= roundsFrom),
      managers: managerPlaces(this.teams, new Set(this.members.map((m) => m.userId))),
    });
  }

  roster(): Roster {
    return buildHierarchy({ teams: this.teams.map((t) => ({ ...t, unit: t.department, memberIds: [...(t.memberIds ?? [])] })), people: this.members.map((m) => ({ userId: m.userId, unit: m.department })) });
  }

  // ------------------------------------------------------------------------------------------
  // Playing the plan.

  run(): this {
    for (const e of this.timeline()) e.run();
    return this;
  }

  /**
   * The plan as a timeline: each entry sets the clock, runs the background tick and applies one
   * event (or observes). The HTTP slice of the suite mirrors each entry over the real routes.
   */
  *timeline(): Generator<TimelineEntry> {
    for (const [wi, w] of this.plan.weeks.entries()) {
      const base = START + wi * WEEK_MINUTES * MINUTE;
      const events: TimelineEntry[] = [
        ...w.changes.map((c): TimelineEntry => ({ at: c.at, kind: 'change', run: () => this.change(c) })),
        ...w.items.map((x): TimelineEntry => ({ at: x.at, kind: 'write', run: () => this.write(x) })),
        ...w.owner.map((o): TimelineEntry => ({ at: o.at, kind: 'owner', run: () => this.ownerAct(o.item) })),
        ...w.steps.map((st): TimelineEntry => ({ at: st.at, kind: 'step', run: () => this.step(st) })),
        // Rounds close on Wednesday at 16:00 (the schedule's, not anyone's doing).
        ...w.rounds.map((r): TimelineEntry => ({ at: 2 * 24 * 60 + 16 * 60, kind: 'round', run: () => this.closeRound(r) })),
        // A managers' pulse closes on Friday evening (the schedule's doing, too).
        ...(w.pulse ? [{ at: 4 * 24 * 60 + 18 * 60, kind: 'pulse' as const, run: () => this.pulse.close(w.pulse!, this.load().disclosure, this.now) }] : []),
      ];
      // Probes: as the week opens, after each write, roster change and contributor step (owners'
      // own acts and scheduled closes need none of their own), around the batches that carry this week's
      // contributor steps (the day of each, and the next), and as the week ends.
      const probes = new Set<number>([1, WEEK_MINUTES - 2]);
      for (const e of events) if (e.kind !== 'owner' && e.kind !== 'round' && e.kind !== 'pulse') probes.add(Math.min(e.at + 1, WEEK_MINUTES - 1));
      for (const st of w.steps) for (const d of [Math.floor(st.at / 1440), Math.floor(st.at / 1440) + 1]) for (const m of [16 * 60 + 59, 17 * 60 + 1]) probes.add(d * 24 * 60 + m + this.offsetMinutes());
      const all = [...events, ...[...probes].filter((p) => p >= 0 && p < WEEK_MINUTES).map((p): TimelineEntry => ({ at: p, kind: 'probe', run: () => this.observe() }))];
      all.sort((x, y) => x.at - y.at || Number(x.kind === 'probe') - Number(y.kind === 'probe'));
      for (const e of all) {
        const instant = new Date(base + e.at * MINUTE);
        yield {
          ...e,
          instant,
          run: () => {
            this.now = instant;
            this.tick();
            e.run();
          },
        };
      }
    }
  }

  /** The tenant's 17:00 as minutes after UTC midnight, roughly (probes only). */
  private offsetMinutes(): number {
    return { UTC: 0, 'Europe/Madrid': -60, 'America/New_York': 300 }[this.plan.tz] ?? 0;
  }

  /** The background tick: the daily batch delivers contributor steps whose batch has run. */
  private tick(): void {
    if (!this.items.some((i) => i.pending?.length)) return;
    const { disclosure } = this.load();
    this.items.forEach((item, i) => {
      const next = item.pending?.length ? deliverDue(item, disclosure) : undefined;
      if (next) this.items[i] = next;
    });
  }

  private change(c: WeekPlan['changes'][number]): void {
    const teamOf = (id: string) => this.teams.find((t) => t.memberIds?.includes(id));
    const writers = this.writers();
    if (c.kind === 'threshold') this.k = 3 + (c.a % 23);
    else if (c.kind === 'join') {
      const team = this.teams[c.b % this.teams.length];
      const id = this.person(team.department);
      team.memberIds!.push(id);
      this.member(id).managerId = team.managerId;
    } else if (writers.length) {
      const id = writers[c.a % writers.length];
      const from = teamOf(id);
      if (from) from.memberIds = from.memberIds!.filter((x) => x !== id);
      if (c.kind === 'leave') {
        this.members.splice(this.members.indexOf(this.member(id)), 1);
        return;
      }
      const to = this.teams[c.b % this.teams.length];
      to.memberIds!.push(id);
      Object.assign(this.member(id), { department: to.department, managerId: to.managerId });
    }
  }

  private write(x: WeekPlan['items'][number]): void {
    this.last = undefined;
    const writers = this.writers();
    if (!writers.length) return;
    const userId = writers[x.author % writers.length];
    const team = this.teams.find((t) => t.memberIds?.includes(userId));
    const { disclosure } = this.load();
    let audience: 'manager' | 'leaders' = x.toManager && team ? 'manager' : 'leaders';
    let ownerId = audience === 'manager' ? team!.managerId : undefined;
    this.last = { kind: 'write', userId, audience, anonymous: x.anonymous };
    // As intake composes an item (domain/feedback/intake.ts), with disclosure's attribution.
    let scope: FeedbackItem['scope'] = disclosure.roster.home(userId, team?.id);
    if (x.anonymous) {
      const a = disclosure.attribute({ userId, teamId: team?.id, audience, ownerId });
      if (!a) return;
      scope = a.scope;
      if (a.audience !== audience) [audience, ownerId] = [a.audience, undefined];
    }
    const keepPilot = x.pilot && team && (!x.anonymous || (scope.level === 'team' && scope.teamId === team.id));
    const id = `feedback:${this.n++}`;
    this.last = { ...this.last, itemId: id };
    const createdWeek = weekOf(this.now);
    this.items.push({
      id, tenantId: 't', type: 'feedback', audience, topic: 'workload', text: `Item ${id}`, anonymous: x.anonymous,
      ...(x.anonymous ? {} : { authorId: userId, authorName: userId }),
      scope, ...(scope.level === 'team' ? { teamId: scope.teamId } : {}), ...(keepPilot ? { pilotId: `pilot:${team!.id.slice(5)}` } : {}),
      ...(ownerId ? { ownerId } : {}), state: 'open', dueDate: addWeeks(createdWeek, 2), createdWeek, source: 'direct', replies: [],
    });
    if (x.anonymous) this.truth.set(id, { author: userId, roster: this.roster(), k: this.k });
  }

  private ownerAct(index: number): void {
    this.last = undefined;
    if (!this.items.length) return;
    const i = index % this.items.length;
    const item = this.items[i];
    if (item.state === 'closed' || item.state === 'acted') return;
    // Whoever may act on it now: its manager, or a senior leader.
    const { disclosure } = this.load();
    const actor = disclosure.route(item) === 'owner' ? item.ownerId! : this.leaders[0];
    if (!disclosure.itemLabel(item, { userId: actor, leader: this.leaders.includes(actor) })) return;
    this.last = { kind: 'owner', itemId: item.id, actor };
    this.items[i] = { ...item, state: 'acted', replies: [...item.replies, { from: 'owner', kind: 'acted', text: 'Done.', week: weekOf(this.now) }] };
    this.ownerActs.push(this.now);
  }

  private step(s: WeekPlan['steps'][number]): void {
    this.last = undefined;
    if (!this.items.length) return;
    const i = s.item % this.items.length;
    const author = this.items[i].authorId ?? this.truth.get(this.items[i].id)!.author;
    this.last = { kind: 'step', itemId: this.items[i].id, userId: author, step: s.kind, changed: false };
    const { disclosure } = this.load();
    const step = s.kind === 'reply' ? replyStep(`Answer to ${this.items[i].id}`) : confirmStep(s.kind === 'confirm');
    try {
      const next = record(this.items[i], step, weekOf(this.now), disclosure);
      if (!next) return;
      this.last.changed = true;
      if (this.items[i].anonymous) this.steps.push({ itemId: this.items[i].id, at: this.now });
      else this.ownerActs.push(this.now); // a named item's step is visible at once, by design
      this.items[i] = next;
    } catch (err) {
      if (!(err instanceof DomainError)) throw err;
    }
  }

  private closeRound(r: WeekPlan['rounds'][number]): void {
    const team = this.teams[r.team % this.teams.length];
    const pilot = this.pilots.find((p) => p.teamId === team.id)!;
    const invited = [team.managerId!, ...(team.memberIds ?? [])];
    const answering = invited.filter((_, i) => (i * 37 + r.answer) % 100 < r.answer);
    const answerers = Object.fromEntries(QUESTIONS.map((q, qi) => [q, answering.filter((_, i) => (i * 53 + r.q[qi] * 7) % 100 < r.q[qi])])) as RoundTruth['answerers'];
    const answers = answering.map((u, i) => ({ values: Object.fromEntries(QUESTIONS.filter((q) => answerers[q].includes(u)).map((q) => [q, 1 + ((i * 3 + q.length) % 5)])) }));
    const date = this.now.toISOString().slice(0, 10);
    const figures = roundFigures({ date, invited }, answers, this.k);
    this.rounds.push({ id: `round:${this.n++}`, teamId: team.id, pilotId: pilot.id, date, k: this.k, figures, answerers });
    pilot.roundFigures = [...(pilot.roundFigures ?? []), figures].slice(-12);
  }

  // ------------------------------------------------------------------------------------------
  // The observer: every view a leader or an owner can request, now.

  observe(): void {
    const loaded = this.load();
    const ctx = contextOf(loaded);
    const d = ctx.disclosure;
    const titles = new Map(this.pilots.map((p) => [p.id, p.title]));
    const managers = [...new Set(this.teams.map((t) => t.managerId!))].filter((id) => this.members.some((m) => m.userId === id));
    const items: Observation['items'] = [];
    for (const viewer of [...this.leaders, ...managers]) {
      const caller: Caller = { tenantId: 't', userId: viewer, name: viewer, roles: this.member(viewer).roles };
      for (const item of this.items) {
        const v = visibility(item, caller, ctx);
        if (v) items.push({ viewer, view: ownerView(item, v.label, ctx, titles) });
      }
    }
    const window = d.window;
    const summaries: Observation['summaries'] = [];
    const filters: Record<string, string>[] = [{}, ...this.teams.map((t) => ({ teamId: t.id })), ...DEPTS.map((department) => ({ department }))];
    for (const weeks of [1, 12]) {
      const from = addWeeks(window, -weeks);
      const countable = this.items.filter((i) => i.createdWeek >= from && i.createdWeek < window);
      for (const filter of weeks === 12 ? filters : [{}]) {
        if (filter.department && !d.roster.departments().includes(filter.department)) continue;
        summaries.push({ filter, weeks, summary: summarize(ctx, countable, filter, { from, weeks }) });
      }
    }
    const from = addWeeks(window, -12);
    const signals = pitfallSignals(d, this.items.filter((i) => i.createdWeek < window && (i.state === 'open' || i.createdWeek >= from)), this.rounds.filter((r) => r.date >= addWeeks(window, -6) && r.date < window), from);
    const namedOpen = new Map<string, number>();
    // The portfolio as served: its disclosure is loaded without released scopes (it shows no group).
    const bare = this.load({ partition: false }).disclosure;
    const pilots = this.pilots.map((p) => {
      const open = this.items.filter((i) => i.pilotId === p.id && i.state === 'open');
      namedOpen.set(p.id, open.filter((i) => !i.anonymous).length);
      const stored = feedbackHealth(deriveHealth(p.roundFigures ?? [], 0), open, this.now);
      return { ...p, health: bare.pilotHealth(stored, p.teamId) };
    });
    const portfolio = portfolioOf(pilots, {}, bare);
    this.observations.push({ at: this.now, k: d.k, roster: d.roster, readers: d.readers, items, summaries, signals, portfolio, namedOpen, pulse: this.pulse.observe(d) });
  }
}
