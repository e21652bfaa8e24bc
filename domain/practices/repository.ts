import type { Store } from '../ports/store';
import type { Practice, PracticeProposal, ProposalStatus } from './model';

/** Where the practice library and proposals are kept: `practice:<slug>` and `proposal:<pilotId>` documents in `directory`. */
export class PracticeRepository {
  constructor(private readonly store: Store) {}

  byName(tenantId: string): Promise<Practice[]> {
    return this.store.all<Practice>('directory', tenantId, "SELECT * FROM c WHERE c.tenantId = @tenantId AND c.type = 'practice' ORDER BY c.name");
  }

  /** Practices whose name or summary contains `text` (already trimmed and lower-cased), by name. */
  matching(tenantId: string, text: string, limit: number): Promise<Practice[]> {
    return this.store.all<Practice>(
      'directory',
      tenantId,
      `SELECT TOP ${Math.max(1, Math.min(100, Math.floor(limit)))} * FROM c WHERE c.tenantId = @tenantId AND c.type = 'practice' AND (CONTAINS(LOWER(c.name), @text) OR CONTAINS(LOWER(c.summary), @text)) ORDER BY c.name`,
      { text },
    );
  }

  /** A practice by id; any other document of the partition is no practice. */
  async find(tenantId: string, id: string): Promise<Practice | undefined> {
    const practice = await this.store.read<Practice>('directory', tenantId, id);
    return practice?.type === 'practice' ? practice : undefined;
  }

  /** Adds a practice unless one with its id is already there (seeding is repeatable). */
  async addOnce(practice: Practice): Promise<void> {
    await this.store.createOnce('directory', practice);
  }

  create(practice: Omit<Practice, '_etag' | '_ts'>): Promise<Practice> {
    return this.store.create<Practice>('directory', practice);
  }

  replace(practice: Practice, etag: string): Promise<Practice> {
    return this.store.replaceIfMatch('directory', practice, etag);
  }

  update(tenantId: string, id: string, mutate: (p: Practice) => Practice | undefined): Promise<Practice | undefined> {
    return this.store.update<Practice>('directory', tenantId, id, (p) => (p.type === 'practice' ? mutate(p) : undefined));
  }

  async proposal(tenantId: string, id: string): Promise<PracticeProposal | undefined> {
    const doc = await this.store.read<PracticeProposal>('directory', tenantId, id);
    return doc?.type === 'practiceProposal' ? doc : undefined;
  }

  /** One proposal per pilot: a second "adopt as practice" finds the first. */
  proposeOnce(proposal: Omit<PracticeProposal, '_etag' | '_ts'>): Promise<{ doc: PracticeProposal; created: boolean }> {
    return this.store.createOnce<PracticeProposal>('directory', proposal);
  }

  proposals(tenantId: string, status?: ProposalStatus): Promise<PracticeProposal[]> {
    return this.store.all<PracticeProposal>(
      'directory',
      tenantId,
      `SELECT * FROM c WHERE c.tenantId = @tenantId AND c.type = 'practiceProposal'${status ? ' AND c.status = @status' : ''} ORDER BY c.proposedAt DESC`,
      status ? { status } : {},
    );
  }

  updateProposal(tenantId: string, id: string, mutate: (p: PracticeProposal) => PracticeProposal | undefined): Promise<PracticeProposal | undefined> {
    return this.store.update<PracticeProposal>('directory', tenantId, id, (p) => (p.type === 'practiceProposal' ? mutate(p) : undefined));
  }
}
