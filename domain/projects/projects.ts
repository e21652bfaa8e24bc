import { createHash, randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { Store } from '../ports/store';
import type { Celebrations } from '../celebrations/celebrations';
import { boundedText, userIdSchema, type Circles } from '../circles/circles';
import { isoDay, type Clock } from '../shared/clock';
import type { Directory } from '../directory/directory';
import { DomainError, conflict, forbidden, notFound } from '../shared/errors';
import { PROJECT_STATUSES, type Project, type ProjectStatus } from './model';
import { hasRole, type Caller } from '../shared/caller';
import { type Circle } from '../circles/model';
import type { Outbox } from '../outbox/outbox';
import { addDays } from '../shared/schedule';
import { idSchema } from '../shared/validation';

/**
 * Community projects: a circle proposes one (goal, weeks and budget asked, a senior leader as
 * sponsor); a senior leader other than the proposer approves it or declines it with a reason;
 * circle members check in on its progress, and marking it done is celebrated in the circle.
 *
 * Seen by the circle's members, its sponsor, and senior leaders and admins; nobody else.
 */
const KEEP_CHECKINS = 50;

export const projectInputSchema = z
  .object({
    circleId: idSchema,
    title: boundedText(3, 120),
    goal: boundedText(10, 2000),
    weeksAsked: z.number({ invalid_type_error: 'must be a number of weeks' }).int('must be whole weeks').min(1, 'must be 1–52 weeks').max(52, 'must be 1–52 weeks'),
    budget: z
      .object({
        amount: z.number({ invalid_type_error: 'must be a number' }).min(0, 'cannot be negative').max(10_000_000, 'must be at most 10,000,000'),
        currency: z.string().regex(/^[A-Z]{3}$/, 'must be a three-letter currency code such as EUR'),
      })
      .strict(),
    sponsorId: userIdSchema,
  })
  .strict();
export type ProjectInput = z.output<typeof projectInputSchema>;

export const projectDecisionSchema = z
  .object({
    decision: z.enum(['approve', 'decline']),
    reason: z.string().trim().max(1000, 'must be at most 1000 characters').default(''),
  })
  .strict()
  .superRefine((v, ctx) => {
    if (v.decision === 'decline' && v.reason.length < 3) ctx.addIssue({ code: 'custom', path: ['reason'], message: 'say why the project is declined' });
  });
export type ProjectDecision = z.output<typeof projectDecisionSchema>;

export const projectCheckinSchema = z
  .object({
    confidence: z.number({ invalid_type_error: 'must be a number from 1 to 5' }).int('must be a whole number from 1 to 5').min(1, 'must be 1–5').max(5, 'must be 1–5'),
    note: boundedText(3, 1000),
  })
  .strict();
export const projectDoneSchema = z.object({ summary: boundedText(10, 2000) }).strict();
export const projectFilterSchema = z
  .object({ circleId: z.string().max(200).optional(), status: z.enum(PROJECT_STATUSES).optional() })
  .strict();

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
}

export class Projects {
  constructor(
    private readonly store: Store,
    private readonly directory: Directory,
    private readonly circles: Circles,
    private readonly celebrations: Celebrations,
    private readonly outbox: Outbox,
    private readonly clock: Clock,
  ) {}

  private async circleOf(p: Project): Promise<Circle | undefined> {
    return this.store.read<Circle>('directory', p.tenantId, p.circleId);
  }

  private async access(caller: Caller, p: Project): Promise<{ member: boolean; sponsor: boolean; leader: boolean }> {
    const circle = await this.circleOf(p);
    return { member: !!circle?.memberIds.includes(caller.userId), sponsor: p.sponsorId === caller.userId, leader: hasRole(caller, 'leader', 'admin') };
  }

  async get(caller: Caller, id: string): Promise<Project> {
    const project = id.startsWith('project:') ? await this.store.read<Project>('pilots', caller.tenantId, id) : undefined;
    if (!project || project.type !== 'project') throw notFound('That project');
    const a = await this.access(caller, project);
    if (!a.member && !a.sponsor && !a.leader) throw notFound('That project');
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
    const clauses = ['c.tenantId = @tenantId', "c.type = 'project'"];
    const params: Record<string, unknown> = {};
    if (!hasRole(caller, 'leader', 'admin')) {
      const mine = await this.circles.list(caller, 'mine');
      params.circleIds = mine.map((c) => c.id);
      params.me = caller.userId;
      clauses.push('(ARRAY_CONTAINS(@circleIds, c.circleId) OR c.sponsorId = @me)');
    }
    if (filter.circleId) {
      clauses.push('c.circleId = @circleId');
      params.circleId = filter.circleId;
    }
    if (filter.status) {
      clauses.push('c.status = @status');
      params.status = filter.status;
    }
    return this.store.all<Project>('pilots', caller.tenantId, `SELECT TOP 200 * FROM c WHERE ${clauses.join(' AND ')} ORDER BY c.updatedAt DESC`, params);
  }

  /** Who may sponsor a project: the organisation's senior leaders (not the caller). */
  async sponsors(caller: Caller): Promise<{ id: string; name: string }[]> {
    const rows = await this.store.all<{ userId: string; name: string }>(
      'directory',
      caller.tenantId,
      "SELECT c.userId, c.name FROM c WHERE c.tenantId = @tenantId AND c.type = 'member' AND ARRAY_CONTAINS(c.roles, 'leader')",
    );
    return rows.filter((r) => r.userId !== caller.userId).map((r) => ({ id: r.userId, name: r.name })).sort((a, b) => a.name.localeCompare(b.name));
  }

  /** A circle member proposes a project; the sponsor is asked to decide in their chat. */
  async propose(caller: Caller, input: ProjectInput, requestKey?: string): Promise<{ project: Project; created: boolean }> {
    const circle = await this.circles.memberCircle(caller, input.circleId);
    const sponsor = await this.directory.member(caller.tenantId, input.sponsorId);
    if (!sponsor || !sponsor.roles.includes('leader')) throw fieldError('sponsorId', 'must be a senior leader in your organisation');
    if (sponsor.userId === caller.userId) throw fieldError('sponsorId', 'must be someone other than you');
    const now = this.clock.now().toISOString();
    const id = requestKey ? `project:${createHash('sha256').update(`${caller.tenantId}|${caller.userId}|${requestKey}`).digest('hex').slice(0, 32)}` : `project:${randomUUID()}`;
    const { doc, created } = await this.store.createOnce<Project>('pilots', {
      id,
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
      createdAt: now,
      updatedAt: now,
    });
    await this.outbox.enqueue(caller.tenantId, `project-proposed:${doc.id}`, 'project_update', { kind: 'user', userId: doc.sponsorId }, { event: 'proposed', ...projectCardData(doc) });
    await this.outbox.enqueue(caller.tenantId, `project-proposed-circle:${doc.id}`, 'project_update', { kind: 'team', teamId: doc.circleId }, { event: 'proposed_circle', ...projectCardData(doc) });
    return { project: doc, created };
  }

  /** A senior leader (not the proposer) approves, or declines with a reason. Retries are harmless. */
  async decide(caller: Caller, id: string, input: ProjectDecision): Promise<Project> {
    const project = await this.get(caller, id);
    if (!hasRole(caller, 'leader', 'admin')) throw forbidden('Only senior leaders decide on community projects.');
    if (project.proposedById === caller.userId) throw forbidden('You proposed this project: another senior leader decides.');
    const outcome = input.decision === 'approve' ? 'approved' : 'declined';
    const today = isoDay(this.clock.now());
    const updated = (await this.store.update<Project>('pilots', caller.tenantId, id, (p) => {
      if (p.decision?.outcome === outcome) return undefined;
      if (p.status !== 'proposed') throw conflict(`This project was already ${p.status}.`);
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
    const circle = await this.circleOf(project);
    if (!circle?.memberIds.includes(caller.userId)) throw forbidden('Only the circle’s members check in on its project.');
    const entryId = requestKey ? createHash('sha256').update(`${caller.userId}|${requestKey}`).digest('hex').slice(0, 16) : randomUUID();
    return (await this.store.update<Project>('pilots', caller.tenantId, id, (p) => {
      if (p.checkins.some((c) => c.id === entryId)) return undefined;
      if (p.status !== 'approved') throw conflict(p.status === 'proposed' ? 'Progress check-ins start once the project is approved.' : `This project is ${p.status}.`);
      const entry = { id: entryId, at: this.clock.now().toISOString(), byId: caller.userId, byName: caller.name, confidence: input.confidence, note: input.note };
      return { ...p, checkins: [...p.checkins, entry].slice(-KEEP_CHECKINS), updatedAt: entry.at };
    }))!;
  }

  /** The circle (or the sponsor) marks the project done: celebrated in the circle, once. */
  async complete(caller: Caller, id: string, summary: string): Promise<Project> {
    const project = await this.get(caller, id);
    const a = await this.access(caller, project);
    if (!a.member && !a.sponsor) throw forbidden('Only the circle or the sponsor can mark the project done.');
    const updated = (await this.store.update<Project>('pilots', caller.tenantId, id, (p) => {
      if (p.status === 'done') return undefined;
      if (p.status !== 'approved') throw conflict(p.status === 'proposed' ? 'The project has not been approved yet.' : 'A declined project cannot be completed.');
      const at = this.clock.now().toISOString();
      return { ...p, status: 'done', done: { at, byId: caller.userId, byName: caller.name, summary }, updatedAt: at };
    }))!;
    await this.celebrations.recognise(caller.tenantId, `project-done:${id}`, {
      kind: 'project_done',
      teamId: updated.circleId,
      visibility: 'team',
      message: `The community project “${updated.title}” is done. ${updated.done?.summary ?? ''} Thank you, ${updated.circleName}, and ${updated.sponsorName} for sponsoring it!`,
    }, { title: updated.title, summary: updated.done?.summary ?? '', circle: updated.circleName, sponsor: updated.sponsorName });
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

function fieldError(field: string, message: string): DomainError {
  return new DomainError('validation', `${field}: ${message}`, [{ field, message }]);
}
