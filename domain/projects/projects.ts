import { createHash, randomUUID } from 'node:crypto';
import type { Store } from '../ports/store';
import type { Celebrations } from '../celebrations/celebrations';
import type { Circles } from '../circles/circles';
import { isoDay, type Clock } from '../shared/clock';
import type { Directory } from '../directory/directory';
import { conflict, forbidden, invalid, notFound, problem } from '../shared/errors';
import { type Project, type ProjectStatus } from './model';
import { hasRole, type Caller } from '../shared/caller';
import type { Outbox } from '../outbox/outbox';
import { addDays } from '../shared/schedule';
import { type ProjectDecision, type ProjectInput } from './schemas';
import { ProjectRepository, projectIdFor } from './repository';
import { Challenges } from './challenges';
import { NO_LIMITS, spendNotify, type RateLimits } from '../shared/rate-limits';

/**
 * Community projects: a circle proposes one (goal, weeks and budget asked, a senior leader as
 * sponsor); a senior leader other than the proposer approves it or declines it with a reason;
 * circle members check in on its progress, and marking it done is celebrated in the circle.
 *
 * Seen by the circle's members, its sponsor, and senior leaders and admins; nobody else.
 */
const KEEP_CHECKINS = 50;

export interface ProjectView {
  id: string;
  circle: { id: string; name: string };
  title: string;
  goal: string;
  weeksAsked: number;
  budget: Project['budget'];
  sponsor: { id: string; name: string };
  proposedBy: { id: string; name: string };
  status: ProjectStatus;
  decision?: Project['decision'];
  startedOn?: string;
  dueOn?: string;
  checkins: Project['checkins'];
  progress: { checkins: number; lastConfidence: number | null; confidenceTrend: number[] };
  done?: Project['done'];
  createdAt: string;
  updatedAt: string;
  can: { decide: boolean; checkin: boolean; complete: boolean };
  challengeId?: string;
}

export class Projects {
  private readonly projects: ProjectRepository;
  /** The organisation challenges projects take up. */
  readonly challenges: Challenges;

  constructor(
    store: Store,
    private readonly directory: Directory,
    private readonly circles: Circles,
    private readonly celebrations: Celebrations,
    private readonly outbox: Outbox,
    private readonly clock: Clock,
    private readonly limits: RateLimits = NO_LIMITS,
  ) {
    this.projects = new ProjectRepository(store);
    this.challenges = new Challenges(store, clock);
  }

  private async access(caller: Caller, p: Project): Promise<{ member: boolean; sponsor: boolean; leader: boolean }> {
    const circle = await this.projects.circleOf(p);
    return { member: !!circle?.memberIds.includes(caller.userId), sponsor: p.sponsorId === caller.userId, leader: hasRole(caller, 'leader', 'admin') };
  }

  async get(caller: Caller, id: string): Promise<Project> {
    const project = await this.projects.find(caller.tenantId, id);
    if (!project) throw notFound('project');
    const a = await this.access(caller, project);
    if (!a.member && !a.sponsor && !a.leader) throw notFound('project');
    return project;
  }

  async view(caller: Caller, p: Project): Promise<ProjectView> {
    const a = await this.access(caller, p);
    const confidences = p.checkins.map((c) => c.confidence);
    return {
      id: p.id,
      circle: { id: p.circleId, name: p.circleName },
      title: p.title,
      goal: p.goal,
      weeksAsked: p.weeksAsked,
      budget: p.budget,
      sponsor: { id: p.sponsorId, name: p.sponsorName },
      proposedBy: { id: p.proposedById, name: p.proposedByName },
      ...(p.challengeId ? { challengeId: p.challengeId } : {}),
      status: p.status,
      decision: p.decision,
      startedOn: p.startedOn,
      dueOn: p.dueOn,
      checkins: [...p.checkins].reverse(),
      progress: { checkins: p.checkins.length, lastConfidence: confidences[confidences.length - 1] ?? null, confidenceTrend: confidences.slice(-6) },
      done: p.done,
      createdAt: p.createdAt,
      updatedAt: p.updatedAt,
      can: {
        decide: p.status === 'proposed' && hasRole(caller, 'leader', 'admin') && p.proposedById !== caller.userId,
        checkin: p.status === 'approved' && a.member,
        complete: p.status === 'approved' && (a.member || a.sponsor),
      },
    };
  }

  /** Leaders and admins: every project. Others: their circles' projects and those they sponsor. */
  async list(caller: Caller, filter: { circleId?: string; status?: ProjectStatus } = {}): Promise<Project[]> {
    const visibleTo = hasRole(caller, 'leader', 'admin') ? undefined : { circleIds: (await this.circles.list(caller, 'mine')).map((c) => c.id), userId: caller.userId };
    return this.projects.list(caller.tenantId, { visibleTo, circleId: filter.circleId, status: filter.status });
  }

  /** Who may sponsor a project: the organisation's senior leaders (not the caller). */
  async sponsors(caller: Caller): Promise<{ id: string; name: string }[]> {
    const rows = await this.projects.leaders(caller.tenantId);
    return rows.filter((r) => r.userId !== caller.userId).map((r) => ({ id: r.userId, name: r.name })).sort((a, b) => a.name.localeCompare(b.name));
  }

  /** A circle member proposes a project; the sponsor is asked to decide in their chat. */
  async propose(caller: Caller, input: ProjectInput, requestKey?: string): Promise<{ project: Project; created: boolean }> {
    const circle = await this.circles.memberCircle(caller, input.circleId);
    const sponsor = await this.directory.member(caller.tenantId, input.sponsorId);
    if (!sponsor || !sponsor.roles.includes('leader')) throw invalid([problem('sponsorId', 'project.not_leader')]);
    if (sponsor.userId === caller.userId) throw invalid([problem('sponsorId', 'project.self_sponsor')]);
    const challenge = input.challengeId ? await this.challenges.get(caller, input.challengeId) : undefined;
    if (challenge && challenge.status !== 'open') throw conflict('challenge.closed');
    spendNotify(this.limits, caller);
    const now = this.clock.now().toISOString();
    const { doc, created } = await this.projects.createOnce({
      id: projectIdFor(caller.tenantId, caller.userId, requestKey),
      tenantId: caller.tenantId,
      type: 'project',
      circleId: circle.id,
      circleName: circle.name,
      title: input.title,
      goal: input.goal,
      weeksAsked: input.weeksAsked,
      budget: { amount: Math.round(input.budget.amount * 100) / 100, currency: input.budget.currency },
      sponsorId: sponsor.userId,
      sponsorName: sponsor.name,
      proposedById: caller.userId,
      proposedByName: caller.name,
      status: 'proposed',
      checkins: [],
      ...(challenge ? { challengeId: challenge.id } : {}),
      createdAt: now,
      updatedAt: now,
    });
    if (doc.challengeId) await this.challenges.takenUp(caller.tenantId, doc.challengeId, { projectId: doc.id, circleId: doc.circleId, circleName: doc.circleName });
    await this.outbox.enqueue(caller.tenantId, `project-proposed:${doc.id}`, 'project_update', { kind: 'user', userId: doc.sponsorId }, { event: 'proposed', ...projectCardData(doc) });
    await this.outbox.enqueue(caller.tenantId, `project-proposed-circle:${doc.id}`, 'project_update', { kind: 'team', teamId: doc.circleId }, { event: 'proposed_circle', ...projectCardData(doc) });
    return { project: doc, created };
  }

  /** A senior leader (not the proposer) approves, or declines with a reason. Retries are harmless. */
  async decide(caller: Caller, id: string, input: ProjectDecision): Promise<Project> {
    const project = await this.get(caller, id);
    if (!hasRole(caller, 'leader', 'admin')) throw forbidden('project.leaders_only');
    if (project.proposedById === caller.userId) throw forbidden('project.own_proposal');
    spendNotify(this.limits, caller);
    const outcome = input.decision === 'approve' ? 'approved' : 'declined';
    const today = isoDay(this.clock.now());
    const updated = (await this.projects.change(caller.tenantId, id, (p) => {
      if (p.decision?.outcome === outcome) return undefined;
      if (p.status !== 'proposed') throw conflict('project.already_decided', { status: p.status });
      return {
        ...p,
        status: outcome,
        decision: { outcome, byId: caller.userId, byName: caller.name, reason: input.reason, at: this.clock.now().toISOString() },
        ...(outcome === 'approved' ? { startedOn: today, dueOn: addDays(today, p.weeksAsked * 7) } : {}),
        updatedAt: this.clock.now().toISOString(),
      };
    }))!;
    await this.outbox.enqueue(caller.tenantId, `project-decided:${id}`, 'project_update', { kind: 'team', teamId: updated.circleId }, { event: outcome, ...projectCardData(updated) });
    return updated;
  }

  /** A circle member records progress on an approved project (once per request key). */
  async checkin(caller: Caller, id: string, input: { confidence: number; note: string }, requestKey?: string): Promise<Project> {
    const project = await this.get(caller, id);
    const circle = await this.projects.circleOf(project);
    if (!circle?.memberIds.includes(caller.userId)) throw forbidden('project.members_only');
    spendNotify(this.limits, caller);
    const entryId = requestKey ? createHash('sha256').update(`${caller.userId}|${requestKey}`).digest('hex').slice(0, 16) : randomUUID();
    return (await this.projects.change(caller.tenantId, id, (p) => {
      if (p.checkins.some((c) => c.id === entryId)) return undefined;
      if (p.status !== 'approved') throw p.status === 'proposed' ? conflict('project.not_started') : conflict('project.finished', { status: p.status });
      const entry = { id: entryId, at: this.clock.now().toISOString(), byId: caller.userId, byName: caller.name, confidence: input.confidence, note: input.note };
      return { ...p, checkins: [...p.checkins, entry].slice(-KEEP_CHECKINS), updatedAt: entry.at };
    }))!;
  }

  /** The circle (or the sponsor) marks the project done: celebrated in the circle, once. */
  async complete(caller: Caller, id: string, summary: string): Promise<Project> {
    const project = await this.get(caller, id);
    const a = await this.access(caller, project);
    if (!a.member && !a.sponsor) throw forbidden('project.done_by');
    spendNotify(this.limits, caller);
    const updated = (await this.projects.change(caller.tenantId, id, (p) => {
      if (p.status === 'done') return undefined;
      if (p.status !== 'approved') throw conflict(p.status === 'proposed' ? 'project.not_approved' : 'project.declined');
      const at = this.clock.now().toISOString();
      return { ...p, status: 'done', done: { at, byId: caller.userId, byName: caller.name, summary }, updatedAt: at };
    }))!;
    await this.celebrations.recognise(caller.tenantId, `project-done:${id}`, {
      kind: 'project_done',
      teamId: updated.circleId,
      visibility: 'team',
      params: { title: updated.title, summary: updated.done?.summary ?? '', circle: updated.circleName, sponsor: updated.sponsorName },
    });
    await this.outbox.enqueue(caller.tenantId, `project-done-sponsor:${id}`, 'project_update', { kind: 'user', userId: updated.sponsorId }, { event: 'done', ...projectCardData(updated) });
    return updated;
  }
}

/** What a project card needs: queued with outbox messages, and used by the bot's card replies. */
export interface ProjectCardData {
  projectId: string;
  circleName: string;
  title: string;
  goal: string;
  weeksAsked: number;
  budget: { amount: number; currency: string };
  sponsorName: string;
  proposedByName: string;
  status: Project['status'];
  reason: string;
  decidedBy: string;
  summary: string;
}

export function projectCardData(p: Project): ProjectCardData {
  return {
    projectId: p.id,
    circleName: p.circleName,
    title: p.title,
    goal: p.goal,
    weeksAsked: p.weeksAsked,
    budget: p.budget,
    sponsorName: p.sponsorName,
    proposedByName: p.proposedByName,
    status: p.status,
    reason: p.decision?.reason ?? '',
    decidedBy: p.decision?.byName ?? '',
    summary: p.done?.summary ?? '',
  };
}
