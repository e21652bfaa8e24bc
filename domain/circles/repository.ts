import { createHash } from 'node:crypto';
import type { NewDoc, Store } from '../ports/store';
import type { Clock } from '../shared/clock';
import { notFound } from '../shared/errors';
import type { Pilot } from '../pilots/model';
import type { Team } from '../directory/model';
import { dueAtOf, type Circle } from './model';

/** One circle per conversation: its id is derived from the tenant and the conversation. */
export const circleIdFor = (tenantId: string, teamId: string) => `circle:${createHash('sha256').update(`${tenantId}|${teamId}`).digest('hex').slice(0, 24)}`;
export const rhythmIdFor = (circleId: string) => `pilot:${circleId.replace(':', '-')}`;

/**
 * Where circles are kept: circle documents (and the conversations they live in) in `directory`,
 * their check-in rhythms in `pilots`. Every query and store call of the component is here.
 */
export class CircleRepository {
  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
  ) {}

  /** A circle by id; ids that are not a circle's are never read. */
  async find(tenantId: string, id: string): Promise<Circle | undefined> {
    const circle = id.startsWith('circle:') ? await this.store.read<Circle>('directory', tenantId, id) : undefined;
    return circle?.type === 'circle' ? circle : undefined;
  }

  /** The Teams conversation (group chat or channel) a circle lives in, or is started in. */
  async conversation(tenantId: string, teamId: string): Promise<Team | undefined> {
    const team = await this.store.read<Team>('directory', tenantId, teamId);
    return team?.type === 'team' ? team : undefined;
  }

  /** The ids of the conversations (teams, group chats) a person is in: where they could join a circle. */
  async conversationsOf(tenantId: string, userId: string): Promise<Set<string>> {
    const rows = await this.store.all<{ id: string }>(
      'directory',
      tenantId,
      "SELECT c.id FROM c WHERE c.tenantId = @tenantId AND c.type = 'team' AND (ARRAY_CONTAINS(c.memberIds, @userId) OR c.managerId = @userId)",
      { userId },
    );
    return new Set(rows.map((r) => r.id));
  }

  /** Every circle of the tenant, by name. */
  all(tenantId: string): Promise<Circle[]> {
    return this.store.all<Circle>('directory', tenantId, "SELECT * FROM c WHERE c.tenantId = @tenantId AND c.type = 'circle' ORDER BY c.name");
  }

  /** The circles a person belongs to, by name. */
  withMember(tenantId: string, userId: string): Promise<Circle[]> {
    return this.store.all<Circle>('directory', tenantId, "SELECT * FROM c WHERE c.tenantId = @tenantId AND c.type = 'circle' AND ARRAY_CONTAINS(c.memberIds, @userId) ORDER BY c.name", { userId });
  }

  /** Circles with background work due by `now` (an election deadline or the end of a term). */
  dueBy(tenantId: string, now: string): Promise<Circle[]> {
    return this.store.all<Circle>('directory', tenantId, "SELECT * FROM c WHERE c.tenantId = @tenantId AND c.type = 'circle' AND c.dueAt <= @now", { now });
  }

  /** Creates the circle unless its conversation already has one, and says which happened. */
  createOnce(circle: NewDoc<Circle>): Promise<{ doc: Circle; created: boolean }> {
    return this.store.createOnce<Circle>('directory', circle);
  }

  /** ETag read-modify-write that also keeps `dueAt` (what the background pass queries) and `updatedAt` right. */
  async change(tenantId: string, id: string, mutate: (c: Circle) => Circle | undefined): Promise<Circle> {
    const updated = await this.store.update<Circle>('directory', tenantId, id, (c) => {
      const next = mutate(c);
      return next && { ...next, dueAt: dueAtOf(next), updatedAt: this.clock.now().toISOString() };
    });
    if (!updated) throw notFound('circle');
    return updated;
  }

  /** The circle's check-in rhythm: a pilot the check-in engine runs. */
  async rhythm(tenantId: string, pilotId: string): Promise<Pilot | undefined> {
    const pilot = await this.store.read<Pilot>('pilots', tenantId, pilotId);
    return pilot?.type === 'pilot' ? pilot : undefined;
  }

  createRhythm(pilot: NewDoc<Pilot>): Promise<{ doc: Pilot; created: boolean }> {
    return this.store.createOnce<Pilot>('pilots', pilot);
  }

  changeRhythm(tenantId: string, pilotId: string, mutate: (p: Pilot) => Pilot | undefined): Promise<Pilot | undefined> {
    return this.store.update<Pilot>('pilots', tenantId, pilotId, mutate);
  }
}
