import { pooledMean, type Disclosure, type DisclosureLoader } from '../anonymity';
import type { AuditLog } from '../audit/audit';
import type { Store } from '../ports/store';
import { forbidden } from '../shared/errors';
import { hasRole, type Caller } from '../shared/caller';
import { type Outcome, type Pilot, type PilotHealth, type PilotStatus, type Signal } from '../pilots/model';
import { PilotsExport, type GroupMembers, type PilotsExportQuery } from './export';
import { PortfolioRepository, type PilotRowSource } from './repository';
import { FIRST_ROWS, type Portfolio, type PortfolioFilter, type PortfolioFirstRows, type PortfolioPilot, type PracticeOutcome, type TrendPoint } from './model';

const CLOSED: PilotStatus[] = ['adopted', 'adapted', 'stopped'];
const round2 = (x: number) => Math.round(x * 100) / 100;

function mondayOf(date: string): string {
  const d = new Date(`${date}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() - ((d.getUTCDay() + 6) % 7));
  return d.toISOString().slice(0, 10);
}

/**
 * What senior leaders see: every pilot in the tenant with its health, where practices get
 * adopted, and how participation and confidence move over time. Built from the rollups kept on
 * each pilot document, so one request reads one document per pilot and never a raw answer.
 * (Averages over fewer than k people were never stored: see RoundClosing.close. Counts of
 * anonymous items about teams below k are left out here, by disclosure, at read time.)
 */
export class PortfolioView {
  private readonly repo: PortfolioRepository;
  private readonly exports: PilotsExport;

  constructor(
    store: Store,
    private readonly disclosures: DisclosureLoader,
    groupMembers: GroupMembers,
    audit: AuditLog,
  ) {
    this.repo = new PortfolioRepository(store);
    this.exports = new PilotsExport(this, groupMembers, audit);
  }

  /** All pilots (one document each) for leaders and admins; nobody else may see the portfolio. */
  async pilots(caller: Caller): Promise<Pilot[]> {
    leadersOnly(caller);
    return this.repo.pilotRollups(caller.tenantId);
  }

  async build(caller: Caller, filter: PortfolioFilter = {}): Promise<Portfolio> {
    const { all, disclosure } = await this.disclosed(caller);
    return portfolioOf(all, filter, disclosure);
  }

  /** The pilots a query picks, as CSV; the export is recorded in the audit log. */
  exportCsv(caller: Caller, query: PilotsExportQuery, signalWords: (signal: Signal) => string): Promise<string> {
    return this.exports.csv(caller, query, signalWords);
  }

  /**
   * The first rows and the totals (same filters, same order and disclosure as `build`), read
   * without the pilots' round figures: a stored health stands unless an average it drew on is now
   * over fewer than k, and only such pilots' rounds are read, for disclosure to derive it again.
   */
  async firstRows(caller: Caller, filter: PortfolioFilter = {}): Promise<PortfolioFirstRows> {
    leadersOnly(caller);
    const [rows, { disclosure }] = await Promise.all([this.repo.pilotRows(caller.tenantId), this.disclosures.load(caller.tenantId, { partition: false })]);
    const again = rows.filter((p) => !disclosure.healthStands(p.health)).map((p) => p.id);
    const figures = new Map(again.length ? (await this.repo.roundFigures(caller.tenantId, again)).map((p) => [p.id, p.roundFigures]) : []);
    return firstRowsOf(rows.map((p) => disclosure.pilot({ ...p, roundFigures: figures.get(p.id) })), filter);
  }

  /** Every pilot with its health as the caller may see it, decided by the tenant's disclosure. */
  private async disclosed(caller: Caller): Promise<{ all: Pilot[]; disclosure: Disclosure }> {
    const [stored, { disclosure }] = await Promise.all([this.pilots(caller), this.disclosures.load(caller.tenantId, { partition: false })]);
    return { all: stored.map((p) => disclosure.pilot(p)), disclosure };
  }
}

/** Nobody but leaders and admins sees the portfolio, whole or in part. */
function leadersOnly(caller: Caller): void {
  if (!hasRole(caller, 'leader', 'admin')) throw forbidden('portfolio.leaders_only');
}

/** The first rows of the portfolio of pilots whose health disclosure has already decided. Pure. */
export function firstRowsOf(all: PilotRowSource[], filter: PortfolioFilter, rows = FIRST_ROWS): PortfolioFirstRows {
  const pilots = selected(all, filter);
  return {
    pilots: pilots.slice(0, rows).map((p) => ({ id: p.id, title: p.title, practiceName: p.practiceName, teamName: p.teamName, managerName: p.managerName, status: p.status, health: p.health })),
    totals: totalsOf(pilots),
  };
}

/** The portfolio of pilots whose health disclosure has already decided. Pure. */
export function portfolioOf(all: Pilot[], filter: PortfolioFilter, disclosure: Pick<Disclosure, 'k'>): Portfolio {
  const facets = {
    practices: unique(all.map((p) => ({ id: p.practiceId ?? 'custom', name: p.practiceName }))),
    teams: unique(all.map((p) => ({ id: p.teamId, name: p.teamName }))),
    managers: unique(all.map((p) => ({ id: p.managerId, name: p.managerName }))),
  };
  const pilots = selected(all, filter);
  return {
    pilots: pilots.map(toPortfolioPilot),
    totals: totalsOf(pilots),
    outcomes: outcomesOf(pilots),
    trend: trendOf(pilots, disclosure.k),
    facets,
  };
}

/** The pilots the filters select, in the grid's order: at risk first, then watch…; newest change first. */
function selected<P extends PilotRowSource>(all: P[], filter: PortfolioFilter): P[] {
  return all
    .filter((p) => !filter.status || p.status === filter.status)
    .filter((p) => !filter.practiceId || (p.practiceId ?? 'custom') === filter.practiceId)
    .filter((p) => !filter.teamId || p.teamId === filter.teamId)
    .filter((p) => !filter.managerId || p.managerId === filter.managerId)
    .filter((p) => !filter.managerIds || filter.managerIds.includes(p.managerId))
    // ISO timestamps order as plain strings (a locale-aware compare is far slower over 1,000 pilots).
    .sort((a, b) => levelRank(a.health.level) - levelRank(b.health.level) || (a.updatedAt < b.updatedAt ? 1 : a.updatedAt > b.updatedAt ? -1 : 0));
}

function totalsOf(pilots: PilotRowSource[]): Portfolio['totals'] {
  const byStatus: Partial<Record<PilotStatus, number>> = {};
  for (const p of pilots) byStatus[p.status] = (byStatus[p.status] ?? 0) + 1;
  return {
    pilots: pilots.length,
    byStatus,
    atRisk: pilots.filter((p) => p.health.level === 'at_risk').length,
    watch: pilots.filter((p) => p.health.level === 'watch').length,
    openFeedback: pilots.reduce((n, p) => n + (p.health.openFeedback ?? 0), 0),
  };
}

function levelRank(level: PilotHealth['level']): number {
  return { at_risk: 0, watch: 1, good: 2, unknown: 3 }[level];
}

function unique(items: { id: string; name: string }[]): { id: string; name: string }[] {
  const map = new Map(items.map((i) => [i.id, i]));
  return [...map.values()].sort((a, b) => a.name.localeCompare(b.name));
}

function toPortfolioPilot(p: Pilot): PortfolioPilot {
  return {
    id: p.id,
    title: p.title,
    practiceId: p.practiceId,
    practiceName: p.practiceName,
    teamId: p.teamId,
    teamName: p.teamName,
    managerId: p.managerId,
    managerName: p.managerName,
    status: p.status,
    startDate: p.startDate,
    endDate: p.endDate,
    health: p.health, // the per-round history is on the pilot's own page (/api/pilots/:id)
  };
}

function outcomesOf(pilots: Pilot[]): PracticeOutcome[] {
  const byPractice = new Map<string, PracticeOutcome>();
  for (const p of pilots) {
    const id = p.practiceId ?? 'custom';
    const o = byPractice.get(id) ?? { practiceId: id, practiceName: p.practiceName, adopted: 0, adapted: 0, stopped: 0, running: 0, learnings: [] };
    if (CLOSED.includes(p.status)) {
      o[p.status as Outcome]++;
      if (p.learning) o.learnings.push({ pilotId: p.id, pilotTitle: p.title, teamName: p.teamName, outcome: p.status as Outcome, learning: p.learning });
    } else o.running++;
    byPractice.set(id, o);
  }
  return [...byPractice.values()].sort((a, b) => b.adopted + b.adapted + b.stopped - (a.adopted + a.adapted + a.stopped) || a.practiceName.localeCompare(b.practiceName));
}

/** Week by week across pilots: participation pooled over people, confidence weighted by answers (each round's already over k or withheld). */
function trendOf(pilots: Pilot[], k: number): TrendPoint[] {
  const weeks = new Map<string, { pilots: Set<string>; invited: number; answered: number; conf: { value: number | null; n: number }[] }>();
  for (const p of pilots) {
    for (const f of p.roundFigures ?? []) {
      if (!f.date) continue;
      const week = mondayOf(f.date);
      const w = weeks.get(week) ?? { pilots: new Set(), invited: 0, answered: 0, conf: [] };
      w.pilots.add(p.id);
      w.invited += f.invited;
      w.answered += f.answered;
      w.conf.push({ value: f.confidence, n: f.counts?.confidence ?? f.answered });
      weeks.set(week, w);
    }
  }
  return [...weeks.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([week, w]) => ({
      week,
      pilots: w.pilots.size,
      participation: w.invited ? round2(w.answered / w.invited) : null,
      confidence: ((c) => (c ? round2(c.value) : null))(pooledMean(w.conf, k)),
    }));
}
