import { effectiveThreshold } from '../anonymity/rules';
import { forbidden } from '../shared/errors';
import { hasRole, type Caller } from '../shared/caller';
import type { Directory } from '../directory/directory';
import type { FeedbackRepository } from './repository';

/** The tenant's anonymity threshold (admins change it). */
export class ThresholdSettings {
  constructor(
    private readonly repo: FeedbackRepository,
    private readonly directory: Directory,
  ) {}

  async set(caller: Caller, anonymityThreshold: number): Promise<number> {
    if (!hasRole(caller, 'admin')) throw forbidden('feedback.admins_only');
    await this.directory.ensureTenant(caller.tenantId);
    const updated = await this.repo.setThreshold(caller.tenantId, anonymityThreshold);
    return effectiveThreshold(updated?.anonymityThreshold ?? anonymityThreshold);
  }

  async get(tenantId: string): Promise<number> {
    return effectiveThreshold((await this.directory.settings(tenantId)).anonymityThreshold);
  }
}
