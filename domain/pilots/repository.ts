import type { NewDoc, Store } from '../ports/store';
import type { Pilot, PilotStatus } from './model';

/** Which team pilots a list asks for; every field narrows it. */
export interface PilotQuery {
  /** Pilots of these teams or managed by this person (what someone who is not a leader may see). */
  visibleTo?: { teamIds: string[]; userId: string };
  status?: PilotStatus;
  teamId?: string;
  managerId?: string;
  /** Lower-case words matched against title, practice and team names. */
  text?: string;
  limit?: number;
}

/** Where pilots are kept: `pilot:<id>` documents in the `pilots` container. */
export class PilotRepository {
  constructor(private readonly store: Store) {}

  /** A pilot by id; other documents of the container (stories, projects) are no pilot. */
  async find(tenantId: string, id: string): Promise<Pilot | undefined> {
    const pilot = await this.store.read<Pilot>('pilots', tenantId, id);
    return pilot?.type === 'pilot' ? pilot : undefined;
  }

  /** Team pilots (not circles' check-in rhythms) matching `query`, most recently changed first. */
  teamPilots(tenantId: string, query: PilotQuery): Promise<Pilot[]> {
    // A circle's check-in rhythm is a pilot document too; it is the circle's, not a team pilot.
    const clauses = ["c.tenantId = @tenantId", "c.type = 'pilot'", 'NOT IS_DEFINED(c.circleId)'];
    const params: Record<string, unknown> = {};
    if (query.visibleTo) {
      params.teamIds = query.visibleTo.teamIds;
      params.userId = query.visibleTo.userId;
      clauses.push('(ARRAY_CONTAINS(@teamIds, c.teamId) OR c.managerId = @userId)');
    }
    if (query.status) {
      clauses.push('c.status = @status');
      params.status = query.status;
    }
    if (query.teamId) {
      clauses.push('c.teamId = @teamId');
      params.teamId = query.teamId;
    }
    if (query.managerId) {
      clauses.push('c.managerId = @me');
      params.me = query.managerId;
    }
    if (query.text) {
      clauses.push('(CONTAINS(LOWER(c.title), @text) OR CONTAINS(LOWER(c.practiceName), @text) OR CONTAINS(LOWER(c.teamName), @text))');
      params.text = query.text;
    }
    const top = query.limit ? `TOP ${Math.max(1, Math.min(1000, Math.floor(query.limit)))} ` : '';
    return this.store.all<Pilot>('pilots', tenantId, `SELECT ${top}* FROM c WHERE ${clauses.join(' AND ')} ORDER BY c.updatedAt DESC`, params);
  }

  /** Every active pilot, circles' check-in rhythms included: what the scheduler walks. */
  active(tenantId: string): Promise<Pilot[]> {
    return this.store.all<Pilot>('pilots', tenantId, "SELECT * FROM c WHERE c.tenantId = @tenantId AND c.type = 'pilot' AND c.status = 'active'");
  }

  /** Creates a pilot unless one with its id exists (a retried submit), and says which happened. */
  addOnce(pilot: NewDoc<Pilot>): Promise<{ doc: Pilot; created: boolean }> {
    return this.store.createOnce<Pilot>('pilots', pilot);
  }

  /** Saves an edit made on the version read with `etag`. */
  replace(pilot: Pilot, etag: string): Promise<Pilot> {
    return this.store.replaceIfMatch('pilots', pilot, etag);
  }

  update(tenantId: string, id: string, mutate: (p: Pilot) => Pilot | undefined): Promise<Pilot | undefined> {
    return this.store.update<Pilot>('pilots', tenantId, id, mutate);
  }
}
