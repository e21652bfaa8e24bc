import type { Store } from '../ports/store';
import type { AuditLog } from '../audit/audit';
import type { Directory } from '../directory/directory';
import { hasRole, type Caller } from '../shared/caller';
import type { Clock } from '../shared/clock';
import { conflict, forbidden, invalid, notFound, problem } from '../shared/errors';
import { Erasure } from './erasure';
import { PersonExporter } from './export';
import type { DeletionTicket, ErasureReport, PersonExport } from './model';
import { Offboarding } from './offboarding';
import { References } from './references';
import { PrivacyRepository } from './repository';

/**
 * A person's data on request, and leaving the app (docs/privacy.md). Everyone downloads their
 * own data; admins export anyone's (without what the app keeps private from admins) and erase
 * people; a tenant admin deletes the whole tenant's data. Admin actions are written to the audit
 * log: an erasure's entry names the person only by their one-way reference.
 */
export class Privacy {
  private readonly repo: PrivacyRepository;
  private readonly refs: References;
  private readonly erasure: Erasure;
  private readonly exporter: PersonExporter;
  readonly offboarding: Offboarding;

  constructor(
    store: Store,
    private readonly directory: Directory,
    private readonly audit: AuditLog,
    clock: Clock,
  ) {
    this.repo = new PrivacyRepository(store);
    this.refs = new References(this.repo);
    this.erasure = new Erasure(this.repo, this.refs, clock);
    this.exporter = new PersonExporter(this.repo, clock);
    this.offboarding = new Offboarding(this.repo, this.refs, clock);
  }

  /** "Download my data": everything about the caller, their private parts included. */
  async exportMine(caller: Caller): Promise<PersonExport> {
    const subject = (await this.erasure.subject(caller.tenantId, caller.userId)) ?? { userId: caller.userId, otherIds: [], names: [caller.name] };
    return this.exporter.export(caller.tenantId, subject, 'self');
  }

  /** An admin's export of someone in their tenant (someone the store does not know: 404). */
  async exportPerson(caller: Caller, userId: string): Promise<PersonExport> {
    mustBeAdmin(caller);
    const subject = await this.erasure.subject(caller.tenantId, userId);
    if (!subject) throw notFound('person');
    const data = await this.exporter.export(caller.tenantId, subject, 'admin');
    await this.audit.record(caller, { action: 'privacy.exported', target: { kind: 'person', id: userId, name: data.subject.name }, after: { documents: data.documents } });
    return data;
  }

  /**
   * Erases someone, once their name is typed back. A retry after it is done answers the same
   * (the person is known by their reference); someone never known is a 404. Nobody erases
   * themselves here: another admin does it, so the log shows who.
   */
  async erasePerson(caller: Caller, userId: string, confirmName: string): Promise<ErasureReport> {
    mustBeAdmin(caller);
    if (userId === caller.userId) throw conflict('privacy.not_self');
    const subject = await this.erasure.subject(caller.tenantId, userId);
    if (!subject) {
      if (!(await this.refs.isErased(caller.tenantId, userId))) throw notFound('person');
    } else if (!subject.names.some((n) => same(n, confirmName))) {
      throw invalid([problem('confirmName', 'not_valid')], 'privacy.confirm_name');
    }
    const report = await this.erasure.erase(caller.tenantId, userId);
    if (!report.alreadyErased) {
      await this.audit.record(caller, { action: 'privacy.erased', target: { kind: 'person', id: report.reference }, after: { deleted: report.deleted, deidentified: report.deidentified } });
    }
    return report;
  }

  /** The first step of deleting the tenant's data. */
  async deletionTicket(caller: Caller): Promise<DeletionTicket> {
    mustBeAdmin(caller);
    const settings = await this.directory.settings(caller.tenantId);
    return this.offboarding.deletionTicket(caller.tenantId, settings.name, caller.userId);
  }

  /** The second step: every document of the tenant, in every container, goes (the audit log too). */
  async deleteTenant(caller: Caller, token: string, tenantName: string) {
    mustBeAdmin(caller);
    const settings = await this.directory.settings(caller.tenantId);
    return this.offboarding.deleteTenant(caller.tenantId, settings.name, caller.userId, token, tenantName);
  }

  /** Who was erased here (their reference), for the organisation sync and Teams rosters. */
  erased(tenantId: string): Promise<(userId: string) => string | undefined> {
    return this.refs.erased(tenantId);
  }
}

function mustBeAdmin(caller: Caller): void {
  if (!hasRole(caller, 'admin')) throw forbidden('admin.admins_only');
}

function same(a: string, b: string): boolean {
  return a.trim().toLocaleLowerCase() === b.trim().toLocaleLowerCase();
}
