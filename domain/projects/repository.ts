import { createHash, randomUUID } from 'node:crypto';
import type { NewDoc, Store } from '../ports/store';
import type { Circle } from '../circles/model';
import type { Challenge, Project, ProjectStatus } from './model';

/** A proposal's id: derived from the request when there is one, so a retried proposal is one project. */
export const projectIdFor = (tenantId: string, userId: string, requestKey?: string) =>
  requestKey ? `project:${createHash('sha256').update(`${tenantId}|${userId}|${requestKey}`).digest('hex').slice(0, 32)}` : `project:${randomUUID()}`;

export interface ProjectQuery {
  /** For people who see only some projects: those of these circles, and those they sponsor. */
  visibleTo?: { circleIds: string[]; userId: string };
  circleId?: string;
  status?: ProjectStatus;
}

/**
 * Where projects are kept: `project:` documents in `pilots`; the circle a project belongs to, and
 * the senior leaders who may sponsor one, are read from `directory`. Every query and store call of
 * the component is here.
 */
export class ProjectRepository {
  constructor(private readonly store: Store) {}

  /** A project by id; ids that are not a project's are never read. */
  async find(tenantId: string, id: string): Promise<Project | undefined> {
    const project = id.startsWith('project:') ? await this.store.read<Project>('pilots', tenantId, id) : undefined;
    return project?.type === 'project' ? project : undefined;
  }

  /** The circle a project belongs to, as it is now (its members decide who may see the project). */
  async circleOf(p: Project): Promise<Circle | undefined> {
    const circle = await this.store.read<Circle>('directory', p.tenantId, p.circleId);
    return circle?.type === 'circle' ? circle : undefined;
  }

  /** Most recently changed first, at most 200. */
  list(tenantId: string, q: ProjectQuery): Promise<Project[]> {
    const clauses = ['c.tenantId = @tenantId', "c.type = 'project'"];
    const params: Record<string, unknown> = {};
    if (q.visibleTo) {
      params.circleIds = q.visibleTo.circleIds;
      params.me = q.visibleTo.userId;
      clauses.push('(ARRAY_CONTAINS(@circleIds, c.circleId) OR c.sponsorId = @me)');
    }
    if (q.circleId) {
      clauses.push('c.circleId = @circleId');
      params.circleId = q.circleId;
    }
    if (q.status) {
      clauses.push('c.status = @status');
      params.status = q.status;
    }
    return this.store.all<Project>('pilots', tenantId, `SELECT TOP 200 * FROM c WHERE ${clauses.join(' AND ')} ORDER BY c.updatedAt DESC`, params);
  }

  /** The organisation's senior leaders: who may sponsor a project. */
  leaders(tenantId: string): Promise<{ userId: string; name: string }[]> {
    return this.store.all<{ userId: string; name: string }>('directory', tenantId, "SELECT c.userId, c.name FROM c WHERE c.tenantId = @tenantId AND c.type = 'member' AND ARRAY_CONTAINS(c.roles, 'leader')");
  }

  /** Creates the project unless one with its id exists (a retried proposal), and says which happened. */
  createOnce(project: NewDoc<Project>): Promise<{ doc: Project; created: boolean }> {
    return this.store.createOnce<Project>('pilots', project);
  }

  /** ETag read-modify-write; `mutate` returns undefined to leave the project as it is. */
  change(tenantId: string, id: string, mutate: (p: Project) => Project | undefined): Promise<Project | undefined> {
    return this.store.update<Project>('pilots', tenantId, id, mutate);
  }

  async challenge(tenantId: string, id: string): Promise<Challenge | undefined> {
    const challenge = id.startsWith('challenge:') ? await this.store.read<Challenge>('pilots', tenantId, id) : undefined;
    return challenge?.type === 'challenge' ? challenge : undefined;
  }

  /** Open challenges first, newest first (bounded). */
  challenges(tenantId: string): Promise<Challenge[]> {
    return this.store.all<Challenge>('pilots', tenantId, "SELECT TOP 200 * FROM c WHERE c.tenantId = @tenantId AND c.type = 'challenge' ORDER BY c.createdAt DESC");
  }

  postOnce(challenge: NewDoc<Challenge>): Promise<{ doc: Challenge; created: boolean }> {
    return this.store.createOnce<Challenge>('pilots', challenge);
  }

  updateChallenge(tenantId: string, id: string, mutate: (c: Challenge) => Challenge | undefined): Promise<Challenge | undefined> {
    return this.store.update<Challenge>('pilots', tenantId, id, (c) => (c.type === 'challenge' ? mutate(c) : undefined));
  }
}
