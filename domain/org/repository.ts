import type { Store } from '../ports/store';
import { personId, type Member, type Person } from '../directory/model';
import { KEPT_RUNS, type OrgSummary, type OrgSyncState, type SyncRun } from './model';

/** A person as the sync reads them back. */
export type OrgRow = Pick<Person, 'userId' | 'name' | 'department' | 'managerId' | 'org'>;

const STATE_ID = 'org-sync';
/** Rows per page when reading everyone placed: few round trips for a large organisation. */
const ROWS_PER_PAGE = 5_000;

/** Where the organisation sync keeps its state, and how it reads and writes people: the `directory` container. */
export class OrgRepository {
  constructor(private readonly store: Store) {}

  state(tenantId: string): Promise<OrgSyncState | undefined> {
    return this.store.read<OrgSyncState>('directory', tenantId, STATE_ID);
  }

  /** Takes the tenant's sync lease unless another run holds it; false when one does. */
  async claim(tenantId: string, runId: string, now: Date, leaseMs: number): Promise<OrgSyncState | undefined> {
    await this.store.createOnce<OrgSyncState>('directory', { id: STATE_ID, tenantId, type: 'org-sync', runs: [] });
    let claimed = false;
    const state = await this.store.update<OrgSyncState>('directory', tenantId, STATE_ID, (s) => {
      claimed = false;
      if (s.lease && s.lease.until > now.toISOString()) return undefined;
      claimed = true;
      return { ...s, lease: { runId, until: new Date(now.getTime() + leaseMs).toISOString() } };
    });
    return claimed ? state : undefined;
  }

  /** Records a finished run and lets the lease go; a complete round's delta link is kept. */
  async finish(tenantId: string, run: SyncRun, deltaLink: string | undefined, summary: OrgSummary | undefined): Promise<OrgSyncState | undefined> {
    return this.store.update<OrgSyncState>('directory', tenantId, STATE_ID, (s) => {
      const next: OrgSyncState = { ...s, runs: [run, ...s.runs.filter((r) => r.id !== run.id)].slice(0, KEPT_RUNS), lastRunAt: run.finishedAt };
      if (s.lease?.runId === run.id) delete next.lease;
      if (run.ok) next.lastSuccessAt = run.finishedAt;
      if (deltaLink) next.deltaLink = deltaLink;
      if (summary) next.summary = summary;
      return next;
    });
  }

  /** Forgets the delta link (the next sync reads everyone). */
  async forgetDeltaLink(tenantId: string): Promise<void> {
    await this.store.update<OrgSyncState>('directory', tenantId, STATE_ID, (s) => {
      if (!s.deltaLink) return undefined;
      const next = { ...s };
      delete next.deltaLink;
      return next;
    });
  }

  /** Everyone the sync has placed before (and left people too), in large pages (tens of thousands of rows). */
  async orgRows(tenantId: string): Promise<OrgRow[]> {
    const sql = "SELECT c.userId, c.name, c.department, c.managerId, c.org FROM c WHERE c.tenantId = @tenantId AND c.type = 'person'";
    return (await this.store.query<OrgRow>('directory', tenantId, sql, {}, { pageSize: ROWS_PER_PAGE, limit: Number.MAX_SAFE_INTEGER })).items;
  }

  /** Creates the people not there yet: the document ids of those that were. */
  createPeople(people: Person[]): Promise<string[]> {
    return people.length ? this.store.bulkCreateOnce('directory', people) : Promise.resolve([]);
  }

  updatePerson(tenantId: string, userId: string, change: (p: Person) => Person | undefined): Promise<Person | undefined> {
    return this.store.update<Person>('directory', tenantId, personId(userId), change);
  }

  /** Everyone who uses Leaderful (has a member record): far fewer than the organisation, usually. */
  async memberIds(tenantId: string): Promise<Set<string>> {
    const sql = "SELECT VALUE c.userId FROM c WHERE c.tenantId = @tenantId AND c.type = 'member'";
    return new Set((await this.store.query<string>('directory', tenantId, sql, {}, { pageSize: ROWS_PER_PAGE, limit: Number.MAX_SAFE_INTEGER })).items);
  }

  updateMember(tenantId: string, userId: string, change: (m: Member) => Member | undefined): Promise<Member | undefined> {
    return this.store.update<Member>('directory', tenantId, `member:${userId}`, change);
  }
}
