import type { Store } from '../ports/store';
import { notFound } from '../shared/errors';
import type { Caller } from '../shared/caller';
import type { Practice } from './model';
import { PracticeRepository } from './repository';

/** The practice library: built-in practices plus those a tenant's admins add. */
export class Practices {
  private readonly repo: PracticeRepository;

  constructor(store: Store) {
    this.repo = new PracticeRepository(store);
  }

  list(caller: Caller): Promise<Practice[]> {
    return this.repo.byName(caller.tenantId);
  }

  search(caller: Caller, text: string, limit: number): Promise<Practice[]> {
    return this.repo.matching(caller.tenantId, text.trim().toLowerCase().slice(0, 100), limit);
  }

  async get(caller: Caller, id: string): Promise<Practice> {
    const practice = id.startsWith('practice:') ? await this.repo.find(caller.tenantId, id) : undefined;
    if (!practice) throw notFound('practice');
    return practice;
  }
}
