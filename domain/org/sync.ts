import { randomUUID } from 'node:crypto';
import type { Directory } from '../directory/directory';
import { personId, type Member, type OrgPlace, type Person } from '../directory/model';
import { GraphFailure, newMeter, type GraphMeter, type GraphPort, type OrgUserChange } from '../ports/graph';
import type { Store } from '../ports/store';
import type { Clock } from '../shared/clock';
import type { Coded, SyncCode } from '../shared/codes';
import { zonedParts } from '../shared/schedule';
import { MAX_PROBLEMS, type OrgSummary, type OrgSyncState, type SyncRun, type SyncTrigger } from './model';
import { OrgRepository, type OrgRow } from './repository';
import { applyChanges, resolvePlaces, type OrgPerson, type Place } from './structure';

/** A run that dies keeps the lease this long before another may start. */
const LEASE_MS = 15 * 60_000;
/** Record writes in flight at once. */
const WRITERS = 16;
/** The nightly sync runs in this hour of the tenant's default time zone. */
const NIGHTLY_HOUR = 2;

const FAILURE_CODES: Record<GraphFailure['kind'], SyncCode> = {
  not_connected: 'sync.not_connected',
  forbidden: 'sync.graph_forbidden',
  throttled: 'sync.graph_throttled',
  expired: 'sync.graph_unavailable',
  not_found: 'sync.graph_unavailable',
  not_installed: 'sync.graph_forbidden',
  unavailable: 'sync.graph_unavailable',
};

/**
 * The organisation from Microsoft Graph: each person's department, job title and manager chain,
 * and each Teams team's owners as its managers. The first sync reads every user; later ones pass
 * Graph's delta link back and read only what changed. Nightly (the scheduler), at first install,
 * and whenever an admin asks. One run per tenant at a time (a lease in the store). Nothing is
 * written until Graph has answered every page, so a failed run changes nothing; bad data is kept
 * out by ./structure.ts and reported.
 */
export class OrgSync {
  private readonly repo: OrgRepository;
  /** Runs started in the background, so a shutdown can wait for them. */
  private readonly running = new Map<string, Promise<SyncRun | undefined>>();

  constructor(
    store: Store,
    private readonly directory: Directory,
    private readonly graph: GraphPort | undefined,
    private readonly clock: Clock,
  ) {
    this.repo = new OrgRepository(store);
  }

  status(tenantId: string): Promise<OrgSyncState | undefined> {
    return this.repo.state(tenantId);
  }

  /** Starts a sync without waiting for it (one per tenant: a second start joins the first). */
  start(tenantId: string, trigger: SyncTrigger): Promise<SyncRun | undefined> {
    const existing = this.running.get(tenantId);
    if (existing) return existing;
    const run = this.run(tenantId, trigger)
      .catch(() => undefined)
      .finally(() => this.running.delete(tenantId));
    this.running.set(tenantId, run);
    return run;
  }

  /** Whether a sync of this tenant is running in this process. */
  isRunning(tenantId: string): boolean {
    return this.running.has(tenantId);
  }

  /** The first sync of a tenant, at its first install; later installs leave it to the nightly run. */
  async startIfNever(tenantId: string): Promise<void> {
    if (!(await this.repo.state(tenantId))) void this.start(tenantId, 'install');
  }

  /** The scheduler's call: a tenant that has synced before syncs again each night. */
  async nightly(tenantId: string): Promise<void> {
    const state = await this.repo.state(tenantId);
    if (!state) return;
    const now = this.clock.now();
    const { defaultTimeZone } = await this.directory.settings(tenantId);
    if (zonedParts(now, defaultTimeZone || 'UTC').hour !== NIGHTLY_HOUR) return;
    // Once in that hour: a run in the last few hours (this night's, or an admin's) is fresh enough.
    if (state.lastRunAt && now.getTime() - Date.parse(state.lastRunAt) < 3 * 3_600_000) return;
    void this.start(tenantId, 'nightly');
  }

  /** The next sync reads everyone again (the Graph it talks to was replaced). */
  forgetDeltaLink(tenantId: string): Promise<void> {
    return this.repo.forgetDeltaLink(tenantId);
  }

  /** Waits for every run started in the background. */
  async idle(): Promise<void> {
    await Promise.all([...this.running.values()]);
  }

  /** One sync, now. Undefined when another run holds the tenant. */
  async run(tenantId: string, trigger: SyncTrigger): Promise<SyncRun | undefined> {
    const id = randomUUID();
    const startedAt = this.clock.now();
    const state = await this.repo.claim(tenantId, id, startedAt, LEASE_MS);
    if (!state) return undefined;
    const meter = newMeter();
    const problems: Coded<SyncCode>[] = [];
    let mode: SyncRun['mode'] = state.deltaLink ? 'delta' : 'full';
    const finish = async (outcome: Outcome) => {
      const shown = problems.length > MAX_PROBLEMS ? [...problems.slice(0, MAX_PROBLEMS), { code: 'sync.more_problems' as const, params: { count: problems.length - MAX_PROBLEMS } }] : problems;
      const run: SyncRun = {
        id,
        trigger,
        mode,
        startedAt: startedAt.toISOString(),
        finishedAt: this.clock.now().toISOString(),
        ok: outcome.ok,
        people: outcome.people ?? 0,
        changes: outcome.changes ?? 0,
        updated: outcome.updated ?? 0,
        teams: outcome.teams ?? 0,
        graphCalls: meter.calls,
        throttled: meter.throttled,
        problems: shown,
      };
      await this.repo.finish(tenantId, run, outcome.ok ? outcome.deltaLink : undefined, outcome.ok ? outcome.summary : undefined);
      return run;
    };

    if (!this.graph) {
      problems.push({ code: 'sync.not_connected', params: {} });
      return finish({ ok: false });
    }
    let read: { changes: OrgUserChange[]; deltaLink: string };
    try {
      try {
        read = await this.readRound(tenantId, state.deltaLink, meter);
      } catch (err) {
        if (!(err instanceof GraphFailure && err.kind === 'expired' && state.deltaLink)) throw err;
        // Graph no longer knows the delta link: read everyone again.
        problems.push({ code: 'sync.restarted', params: {} });
        mode = 'full';
        read = await this.readRound(tenantId, undefined, meter);
      }
    } catch (err) {
      problems.push({ code: err instanceof GraphFailure ? FAILURE_CODES[err.kind] : 'sync.graph_unavailable', params: {} });
      return finish({ ok: false });
    }

    try {
      return await this.apply(tenantId, read, mode, meter, problems, finish);
    } catch (err) {
      problems.push({ code: 'sync.failed', params: {} });
      await finish({ ok: false }).catch(() => undefined);
      throw err;
    }
  }

  /**
   * Graph's round applied to the stored people: only those whose place changed are written, as
   * people and, for those who use Leaderful, on their member record too.
   */
  private async apply(
    tenantId: string,
    read: { changes: OrgUserChange[]; deltaLink: string },
    mode: SyncRun['mode'],
    meter: GraphMeter,
    problems: Coded<SyncCode>[],
    finish: (outcome: Outcome) => Promise<SyncRun>,
  ): Promise<SyncRun> {
    const rows = await this.repo.orgRows(tenantId);
    const before = new Map(rows.map((r) => [r.userId, personOf(r)]));
    const people = applyChanges(before, read.changes, mode === 'full');
    const { places, problems: structural } = resolvePlaces(people, new Map(rows.map((r) => [r.userId, { managerId: r.managerId }])));
    problems.push(...structural);
    const stored = new Map(rows.map((r) => [r.userId, r]));
    const now = this.clock.now().toISOString();
    const reports = new Map<string, number>();
    for (const place of places.values()) if (place.managerId) reports.set(place.managerId, (reports.get(place.managerId) ?? 0) + 1);
    const created: Person[] = [];
    const changed = new Map<string, OrgFields>();
    for (const [userId, person] of people) {
      const place = places.get(userId) ?? { chain: [] };
      const desired = fieldsOf(person, place.managerId, place.chain, reports.get(userId) ?? 0, now);
      const row = stored.get(userId);
      if (row && same(row, desired)) continue;
      if (row) changed.set(userId, desired);
      else created.push({ id: personId(userId), tenantId, type: 'person', userId, ...desired });
    }
    // New people in bulk (one there already, from a run that died, is updated instead).
    const byId = new Map(created.map((p) => [p.id, p]));
    for (const id of await this.repo.createPeople(created)) {
      const p = byId.get(id)!;
      changed.set(p.userId, { name: p.name, department: p.department, managerId: p.managerId, org: p.org });
    }
    await inBatches(
      [...changed].map(([userId, fields]) => () => this.repo.updatePerson(tenantId, userId, (p) => merge(p, fields))),
      WRITERS,
    );
    // People who use Leaderful carry their place on their member record too.
    const placed = new Map<string, OrgFields>([...created.map((p): [string, OrgFields] => [p.userId, { name: p.name, department: p.department, managerId: p.managerId, org: p.org }]), ...changed]);
    const users = placed.size ? await this.repo.memberIds(tenantId) : new Set<string>();
    const members = [...placed.keys()].filter((id) => users.has(id));
    await inBatches(
      members.map((userId) => () => this.repo.updateMember(tenantId, userId, (m) => merge(m, placed.get(userId)!))),
      WRITERS,
    );
    const written = placed.size;
    const teams = await this.readAllTeamOwners(tenantId, meter, problems);
    const summary = summarise(people, places);
    return finish({ ok: true, people: summary.people, changes: read.changes.length, updated: written, teams, deltaLink: read.deltaLink, summary });
  }

  /** Every page of one users delta round (all users, or only changes since `deltaLink`). */
  private async readRound(tenantId: string, deltaLink: string | undefined, meter: GraphMeter): Promise<{ changes: OrgUserChange[]; deltaLink: string }> {
    const changes: OrgUserChange[] = [];
    let from = deltaLink;
    for (;;) {
      const page = await this.graph!.usersDelta(tenantId, from, meter);
      changes.push(...page.users);
      if (page.deltaLink) return { changes, deltaLink: page.deltaLink };
      if (!page.nextLink) throw new GraphFailure('unavailable');
      from = page.nextLink;
    }
  }

  /**
   * One team's owners in Teams become its managers (at install, so the team has its managers at
   * once): how many owners Graph named, or undefined when it could not say (the team keeps its
   * managers; the next sync tries again).
   */
  async readTeamOwners(tenantId: string, teamId: string): Promise<number | undefined> {
    const team = await this.directory.findTeam(tenantId, teamId);
    if (!team?.aadGroupId || !this.graph) return undefined;
    try {
      const members = await this.graph.teamMembers(tenantId, team.aadGroupId, newMeter());
      const owners = members.filter((m) => m.owner).map((m) => ({ userId: m.userId, name: m.displayName }));
      await this.directory.managers.setTeamsOwners(tenantId, teamId, owners);
      await this.directory.alignTeamDepartment(tenantId, teamId);
      return owners.length;
    } catch (err) {
      if (err instanceof GraphFailure) return undefined;
      throw err;
    }
  }

  /**
   * Each Teams team's owners become its Teams managers (a team Graph cannot read keeps its
   * managers), and every team's department follows its manager's.
   */
  private async readAllTeamOwners(tenantId: string, meter: GraphMeter, problems: Coded<SyncCode>[]): Promise<number> {
    let read = 0;
    for (const team of await this.directory.allTeams(tenantId)) {
      if (!team.aadGroupId) {
        await this.directory.alignTeamDepartment(tenantId, team.id);
        continue;
      }
      try {
        const members = await this.graph!.teamMembers(tenantId, team.aadGroupId!, meter);
        await this.directory.managers.setTeamsOwners(tenantId, team.id, members.filter((m) => m.owner).map((m) => ({ userId: m.userId, name: m.displayName })));
        read += 1;
      } catch (err) {
        if (!(err instanceof GraphFailure)) throw err;
        problems.push({ code: err.kind === 'not_found' ? 'sync.team_not_found' : 'sync.team_forbidden', params: { team: team.name } });
      }
      await this.directory.alignTeamDepartment(tenantId, team.id);
    }
    return read;
  }
}

type Outcome = { ok: boolean; people?: number; changes?: number; updated?: number; teams?: number; deltaLink?: string; summary?: OrgSummary };

/** How many people, levels, people at the top, and the largest departments. */
function summarise(people: Map<string, OrgPerson>, places: Map<string, Place>): OrgSummary {
  let count = 0;
  let levels = 0;
  let top = 0;
  const departments = new Map<string, number>();
  for (const [id, p] of people) {
    if (p.left) continue;
    count += 1;
    const chain = places.get(id)?.chain ?? [];
    levels = Math.max(levels, chain.length + 1);
    if (!chain.length) top += 1;
    if (p.department) departments.set(p.department, (departments.get(p.department) ?? 0) + 1);
  }
  const largest = [...departments].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, 20);
  return { people: count, levels, top, departments: largest.map(([name, n]) => ({ name, people: n })) };
}

/** The fields of a member the sync owns. */
type OrgFields = { name: string; department?: string; managerId?: string; org: OrgPlace };

function personOf(r: OrgRow): OrgPerson {
  return { userId: r.userId, name: r.name, department: r.department, jobTitle: r.org?.jobTitle, reportsTo: r.org?.reportsTo, left: r.org?.left };
}

function fieldsOf(p: OrgPerson, managerId: string | undefined, chain: string[], directReports: number, now: string): OrgFields {
  const org: OrgPlace = { chain: p.left ? [] : chain, syncedAt: now };
  if (p.jobTitle) org.jobTitle = p.jobTitle;
  if (directReports) org.directReports = directReports;
  if (p.reportsTo) org.reportsTo = p.reportsTo;
  if (p.left) org.left = true;
  return { name: p.name, department: p.department, managerId: p.left ? undefined : managerId, org };
}

/** Whether the stored member already says what the sync would write (the sync time aside). */
function same(row: OrgRow, f: OrgFields): boolean {
  const o = row.org;
  return (
    row.name === f.name &&
    row.department === f.department &&
    row.managerId === f.managerId &&
    !!o &&
    o.jobTitle === f.org.jobTitle &&
    o.reportsTo === f.org.reportsTo &&
    !!o.left === !!f.org.left &&
    (o.directReports ?? 0) === (f.org.directReports ?? 0) &&
    o.chain.join() === f.org.chain.join()
  );
}

function merge<T extends Member | Person>(m: T, f: OrgFields): T {
  const next: T = { ...m, name: f.name, org: f.org };
  if (f.department) next.department = f.department;
  else delete next.department;
  if (f.managerId) next.managerId = f.managerId;
  else delete next.managerId;
  return next;
}

async function inBatches(tasks: (() => Promise<unknown>)[], width: number): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < tasks.length) await tasks[next++]();
  };
  await Promise.all(Array.from({ length: Math.min(width, tasks.length) }, worker));
}
