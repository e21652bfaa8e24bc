import { effectiveThreshold } from '../anonymity/rules';
import type { AuditLog } from '../audit/audit';
import { forbidden } from '../shared/errors';
import { hasRole, type Caller } from '../shared/caller';
import type { Directory } from '../directory/directory';
import type { FeedbackRepository } from './repository';

/** The tenant's anonymity threshold (admins change it; every change is in the audit log). */
export class ThresholdSettings {
  constructor(
    private readonly repo: FeedbackRepository,
    private readonly directory: Directory,
    private readonly audit: AuditLog,
  ) {}

  async set(caller: Caller, anonymityThreshold: number): Promise<number> {
    if (!hasRole(caller, 'admin')) throw forbidden('feedback.admins_only');
    const before = effectiveThreshold((await this.directory.ensureTenant(caller.tenantId)).anonymityThreshold);
    const updated = await this.repo.setThreshold(caller.tenantId, anonymityThreshold);
    const after = effectiveThreshold(updated?.anonymityThreshold ?? anonymityThreshold);
    // Setting the threshold it already has changes nothing, and is not recorded.
    if (after !== before) await this.audit.record(caller, { action: 'settings.changed', target: { kind: 'settings' }, before: { anonymityThreshold: before }, after: { anonymityThreshold: after } });
    return after;
  }

  async get(tenantId: string): Promise<number> {
    return effectiveThreshold((await this.directory.settings(tenantId)).anonymityThreshold);
  }
}
