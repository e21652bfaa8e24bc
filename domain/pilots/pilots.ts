import { createHash, randomUUID } from 'node:crypto';
import type { Store } from '../ports/store';
import type { Clock } from '../shared/clock';
import type { Directory } from '../directory/directory';
import type { Team } from '../directory/model';
import { conflict, forbidden, invalid, notFound, problem } from '../shared/errors';
import { hasRole, type Caller } from '../shared/caller';
import { type OverrideAction, type Outcome, type Pilot, type PilotHealth, type PilotStatus } from './model';
import { weekOf } from '../anonymity/rules';
import type { Celebrations } from '../celebrations/celebrations';
import type { Practices } from '../practices/practices';
import { STANDARD_QUESTIONS } from '../practices/questions';
import { pastQuestions, settlePilotQuestions } from './questions';
import { answerable } from '../practices/questions';
import type { PilotInput, PilotPatch } from './schemas';
import { PilotRepository } from './repository';

export const EMPTY_HEALTH: PilotHealth = {
  rounds: 0,
  participation: null,
  confidence: null,
  confidenceTrend: [],
  openFeedback: 0,
  signals: [],
  level: 'unknown',
  meansFrom: null,
};

export type PilotAction = 'launch' | 'pause' | 'resume' | 'review';

/** Which status each action moves a pilot to, and from which statuses it may. */
const TRANSITIONS: Record<PilotAction, { from: PilotStatus[]; to: PilotStatus }> = {
  launch: { from: ['draft'], to: 'active' },
  pause: { from: ['active'], to: 'paused' },
  resume: { from: ['paused'], to: 'active' },
  review: { from: ['active', 'paused'], to: 'in_review' },
};
const CLOSABLE: PilotStatus[] = ['active', 'paused', 'in_review'];
/** How many overrides a pilot keeps (the pulse reads the last few weeks). */
const MAX_OVERRIDES = 30;
const EDITABLE: PilotStatus[] = ['draft', 'active', 'paused'];

export interface PilotFilter {
  status?: PilotStatus;
  teamId?: string;
  mine?: boolean;
  /** Case-insensitive words matched against title, practice and team names. */
  text?: string;
  limit?: number;
}

/** Pilots: a manager tries a leadership practice with their team, checks in, and decides. */
export type PilotLaunchedHook = (pilot: Pilot) => Promise<unknown>;

export class Pilots {
  private readonly repo: PilotRepository;
  private readonly launchedHooks: PilotLaunchedHook[] = [];

  constructor(
    store: Store,
    private readonly directory: Directory,
    private readonly practices: Practices,
    private readonly celebrations: Celebrations,
    private readonly clock: Clock,
  ) {
    this.repo = new PilotRepository(store);
  }

  /** Pilots the caller may see: leaders and admins all; others those of their teams and their own. */
  async list(caller: Caller, filter: PilotFilter = {}): Promise<Pilot[]> {
    const visibleTo = hasRole(caller, 'leader', 'admin')
      ? undefined
      : { teamIds: (await this.directory.teamsFor(caller)).map((t) => t.id), userId: caller.userId };
    return this.repo.teamPilots(caller.tenantId, {
      visibleTo,
      status: filter.status,
      teamId: filter.teamId,
      managerId: filter.mine ? caller.userId : undefined,
      text: filter.text?.trim() ? filter.text.trim().toLowerCase().slice(0, 100) : undefined,
      limit: filter.limit,
    });
  }

  /** A pilot the caller may see; one they may not see is reported as absent, not forbidden. */
  async get(caller: Caller, id: string): Promise<Pilot> {
    const pilot = id.startsWith('pilot:') ? await this.repo.find(caller.tenantId, id) : undefined;
    if (!pilot || !(await this.canSee(caller, pilot))) throw notFound('pilot');
    return pilot;
  }

  /** A team's pilot the caller may see: what feedback, stories and goals may name (never a circle's rhythm). */
  async teamPilot(caller: Caller, id: string): Promise<Pilot> {
    const pilot = await this.get(caller, id);
    if (pilot.circleId) throw notFound('pilot');
    return pilot;
  }

  async canSee(caller: Caller, pilot: Pilot): Promise<boolean> {
    if (hasRole(caller, 'leader', 'admin') || pilot.managerId === caller.userId) return true;
    const team = await this.directory.pilotTeam(caller.tenantId, pilot);
    return !!team && (team.memberIds.includes(caller.userId) || team.managerId === caller.userId);
  }

  /**
   * Who may change a pilot: whoever manages its team (directory rights, decided per team); for a
   * circle's check-in rhythm, its convenor (kept as the rhythm's manager) or an admin.
   */
  async canEdit(caller: Caller, pilot: Pilot): Promise<boolean> {
    if (pilot.circleId) return pilot.managerId === caller.userId || hasRole(caller, 'admin');
    const team = await this.directory.findTeam(caller.tenantId, pilot.teamId);
    return !!team && this.directory.managesTeam(caller, team);
  }

  /** `canEdit` for a list of pilots at once (one query for the teams the caller manages). */
  async editable(caller: Caller, pilots: Pilot[]): Promise<Set<string>> {
    const managed = new Set((await this.directory.teamsManagedBy(caller)).map((t) => t.id));
    const admin = hasRole(caller, 'admin');
    return new Set(pilots.filter((p) => (p.circleId ? admin || p.managerId === caller.userId : managed.has(p.teamId))).map((p) => p.id));
  }

  /**
   * Creates a draft pilot. `requestId` makes the call idempotent: Teams retries deliveries, and a
   * retried submit must return the pilot created the first time instead of a second one.
   */
  async create(caller: Caller, input: PilotInput, requestId?: string): Promise<{ pilot: Pilot; created: boolean }> {
    const team = await this.managedTeam(caller, input.teamId);
    const practice = input.practiceId ? await this.practices.usable(caller, input.practiceId) : undefined;
    const now = this.clock.now().toISOString();
    const id = requestId
      ? `pilot:${createHash('sha256').update(`${caller.tenantId}|${caller.userId}|${requestId}`).digest('hex').slice(0, 32)}`
      : `pilot:${randomUUID()}`;
    const result = await this.repo.addOnce({
      id,
      tenantId: caller.tenantId,
      type: 'pilot',
      title: input.title,
      practiceId: practice?.id,
      practiceName: practice?.name ?? 'Custom practice',
      hypothesis: input.hypothesis,
      successMeasures: input.successMeasures,
      teamId: team.id,
      teamName: team.name,
      managerId: caller.userId,
      managerName: caller.name,
      cadence: input.cadence,
      // Never none: what was written, else the practice's questions, else the standard ones.
      questions: input.questions
        ? settlePilotQuestions(input.questions, { defaults: practice?.questions })
        : (answerable(practice?.questions) ? practice!.questions : STANDARD_QUESTIONS),
      startDate: input.startDate,
      endDate: input.endDate,
      status: 'draft',
      createdAt: now,
      updatedAt: now,
      health: EMPTY_HEALTH,
    });
    return { pilot: result.doc, created: result.created };
  }

  /**
   * Edits fields of a pilot. `etag` is what the editor loaded: a concurrent edit is a conflict.
   * Every field changed is checked as creating the pilot checks it: a team the caller manages,
   * a practice of the library, dates in order. A pilot moves to another team only as a draft:
   * one under way keeps its team, its rounds and its history.
   */
  async edit(caller: Caller, id: string, patch: PilotPatch, etag: string): Promise<Pilot> {
    const pilot = await this.get(caller, id);
    if (!(await this.canEdit(caller, pilot))) throw forbidden('pilot.manager_only_edit');
    if (pilot.circleId) throw conflict('pilot.circle_rhythm_edit');
    if (!EDITABLE.includes(pilot.status)) throw conflict('pilot.not_editable', { status: pilot.status });
    const { questions, ...fields } = patch;
    const next: Pilot = { ...pilot, ...fields, updatedAt: this.clock.now().toISOString() };
    if (questions) {
      next.questions = settlePilotQuestions(questions, { previous: pilot });
      next.pastQuestions = pastQuestions(pilot, next.questions);
      if (!next.pastQuestions) delete next.pastQuestions;
    }
    if (patch.teamId !== undefined && patch.teamId !== pilot.teamId) {
      if (pilot.status !== 'draft') throw conflict('pilot.move_under_way', { status: pilot.status });
      const team = await this.managedTeam(caller, patch.teamId);
      next.teamId = team.id;
      next.teamName = team.name;
    }
    if (patch.practiceId !== undefined && patch.practiceId !== pilot.practiceId) {
      const practice = patch.practiceId ? await this.practices.usable(caller, patch.practiceId) : undefined;
      next.practiceId = practice?.id;
      next.practiceName = practice?.name ?? 'Custom practice';
    }
    if (next.endDate <= next.startDate) {
      throw invalid([problem('endDate', 'pilot.end_before_start')]);
    }
    return this.repo.replace(this.overridden(caller, next, 'edit'), etag);
  }

  /** A team the caller may launch pilots with: one they manage (a team document, nothing else). */
  private async managedTeam(caller: Caller, teamId: string): Promise<Team> {
    // Absent, not a team, or someone else's: the same answer, so nothing is learnt by probing.
    const team = await this.directory.findTeam(caller.tenantId, teamId);
    if (!team || !this.directory.managesTeam(caller, team)) throw forbidden('pilot.own_team_only');
    return team;
  }

  /** What else happens as a pilot launches (each hook is idempotent: a retried launch runs it again). */
  onLaunched(hook: PilotLaunchedHook): void {
    this.launchedHooks.push(hook);
  }

  async transition(caller: Caller, id: string, action: PilotAction): Promise<Pilot> {
    const done = await this.change(caller, id, action, (pilot) => {
      // A circle's rhythm runs as long as the circle does: it is changed from the circle.
      if (pilot.circleId) throw conflict('pilot.circle_rhythm_edit');
      const rule = TRANSITIONS[action];
      if (pilot.status === rule.to) return undefined; // already done: a retried click is harmless
      if (!rule.from.includes(pilot.status)) throw conflict('pilot.cannot', { action, status: pilot.status });
      // Check-ins nobody can answer are no pilot: a pilot saved before questions were required waits for some.
      if (rule.to === 'active' && !answerable(pilot.questions)) throw conflict('pilot.no_questions_to_launch');
      return { ...pilot, status: rule.to, pausedReason: undefined };
    });
    if (action === 'launch' && done.status === 'active') for (const hook of this.launchedHooks) await hook(done);
    return done;
  }

  async close(caller: Caller, id: string, outcome: Outcome, learning: string): Promise<Pilot> {
    const closed = await this.change(caller, id, 'close', (pilot) => {
      if (pilot.circleId) throw conflict('pilot.circle_rhythm_close');
      if (pilot.status === outcome && pilot.learning === learning) return undefined;
      if (!CLOSABLE.includes(pilot.status)) throw conflict('pilot.cannot', { action: 'close', status: pilot.status });
      return { ...pilot, status: outcome, learning };
    });
    if (closed.status === 'adopted') await this.celebrations.pilotAdopted(closed);
    return closed;
  }

  /** The manager marks a success measure as met: recorded once, and celebrated with the team. */
  async markMeasureMet(caller: Caller, id: string, index: number): Promise<Pilot> {
    const updated = await this.change(caller, id, 'measure', (pilot) => {
      if (pilot.circleId) throw conflict('pilot.circle_rhythm_edit');
      if (!Number.isInteger(index) || index < 0 || index >= pilot.successMeasures.length) {
        throw invalid([problem('index', 'pilot.no_such_measure')]);
      }
      const met = pilot.measuresMet ?? [];
      return met.includes(index) ? undefined : { ...pilot, measuresMet: [...met, index].sort() };
    });
    await this.celebrations.measureMet(updated, index);
    return updated;
  }

  /**
   * A change by someone other than the pilot's owner is an override, recorded with the change
   * itself (same write): a retried request that changes nothing records nothing.
   */
  private overridden(caller: Caller, pilot: Pilot, action: OverrideAction): Pilot {
    if (caller.userId === pilot.managerId || pilot.circleId) return pilot;
    const entry = { action, week: weekOf(this.clock.now()), byLeader: hasRole(caller, 'leader', 'admin') };
    return { ...pilot, overrides: [...(pilot.overrides ?? []), entry].slice(-MAX_OVERRIDES) };
  }

  private async change(caller: Caller, id: string, action: OverrideAction, mutate: (p: Pilot) => Pilot | undefined): Promise<Pilot> {
    const pilot = await this.get(caller, id);
    if (!(await this.canEdit(caller, pilot))) throw forbidden('pilot.manager_only_change');
    const updated = await this.repo.update(caller.tenantId, id, (p) => {
      const next = mutate(p);
      return next && this.overridden(caller, { ...next, updatedAt: this.clock.now().toISOString() }, action);
    });
    if (!updated) throw notFound('pilot');
    return updated;
  }
}
