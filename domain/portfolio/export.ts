import type { AuditLog } from '../audit/audit';
import type { Caller } from '../shared/caller';
import { toCsv } from '../shared/csv';
import type { Signal } from '../pilots/model';
import type { Portfolio, PortfolioFilter } from './model';

/** What a pilots export is asked for: the portfolio's filters, a managers' group named by its key. */
export interface PilotsExportQuery extends Omit<PortfolioFilter, 'managerIds'> {
  /** A managers' group of the pulse (its key): the export holds its managers' pilots. */
  group?: string;
}

/** The managers of a managers' group, for this caller (refused below k, or to anyone but leaders). */
export type GroupMembers = (caller: Caller, key: string) => Promise<string[]>;

const HEADER = ['Pilot', 'Practice', 'Team', 'Manager', 'Status', 'Start', 'End', 'Check-ins', 'Participation', 'Confidence', 'Open feedback', 'Health', 'Signals'];
const pct = (x: number | null) => (x === null ? '' : `${Math.round(x * 100)}%`);

/**
 * The leader view's pilots as CSV: the same pilots, with the same disclosure, as the portfolio.
 * Whoever exports, through whichever face, is recorded in the audit log with the filter and the
 * number of rows; a refused export (not a leader, an unknown group) is not recorded.
 */
export class PilotsExport {
  constructor(
    private readonly portfolio: { build(caller: Caller, filter: PortfolioFilter): Promise<Portfolio> },
    private readonly groupMembers: GroupMembers,
    private readonly audit: AuditLog,
  ) {}

  /** `signalWords` words a signal for the reader (the domain writes codes, not sentences). */
  async csv(caller: Caller, query: PilotsExportQuery, signalWords: (signal: Signal) => string): Promise<string> {
    const { group, ...named } = query;
    const filter: PortfolioFilter = { ...named, ...(group ? { managerIds: await this.groupMembers(caller, group) } : {}) };
    const { pilots } = await this.portfolio.build(caller, filter);
    // The audit names a managers' group by its key, never by the managers in it.
    await this.audit.exported(caller, 'pilots', 'csv', { ...named, group, rows: pilots.length });
    return toCsv(
      HEADER,
      pilots.map((p) => [
        p.title, p.practiceName, p.teamName, p.managerName, p.status, p.startDate, p.endDate, p.health.rounds,
        pct(p.health.participation), p.health.confidence ?? '', p.health.openFeedback, p.health.level,
        p.health.signals.map((s) => `${s.kind}: ${signalWords(s)}`).join(' | '),
      ]),
    );
  }
}
