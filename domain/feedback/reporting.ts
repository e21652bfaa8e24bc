import { addWeeks, daysBetween, scopeOf, weekOf, type Cell, type Disclosure, type GroupLabel } from '../anonymity';
import type { AuditLog } from '../audit/audit';
import { toCsv } from '../shared/csv';
import { NEGLECT_DAYS } from '../pilots/health';
import { forbidden, notFound } from '../shared/errors';
import { hasRole, type Caller } from '../shared/caller';
import type { RoundFigures } from '../pilots/model';
import type { ContextLoader, Ctx } from './context';
import { FEEDBACK_STATES, FEEDBACK_TOPICS, type FeedbackItem, type FeedbackState, type FeedbackTopic } from './model';
import type { FeedbackRepository } from './repository';
import type { SummaryFilter } from './schemas';
import type { PitfallSignal, Summary, SummaryCounts } from './views';

const SIGNAL_WEEKS = 6;

const emptyCounts = (): SummaryCounts => {
  const byTopic = {} as Record<FeedbackTopic, number>;
  const byState = {} as Record<FeedbackState, number>;
  for (const t of FEEDBACK_TOPICS) byTopic[t] = 0;
  for (const st of FEEDBACK_STATES) byState[st] = 0;
  return { total: 0, byTopic, byState };
};

const group = (c: Cell) => ({ key: c.key, level: c.level, label: c.label });
/** Signals in a stable order: by the group's name, the organisation's cells last. */
const sortKey = (label: GroupLabel) => (label.level === 'organisation' ? `\uffff${label.rest ? 1 : 0}` : `${label.name ?? ''}${label.level === 'department' && label.otherTeams ? ' ~' : ''}`);
const round1 = (x: number) => Math.round(x * 10) / 10;

function requireLeader(caller: Caller): void {
  if (!hasRole(caller, 'leader', 'admin')) throw forbidden('feedback.leaders_only');
}

function checkFilter(ctx: Ctx, filter: SummaryFilter): void {
  if (filter.teamId && !ctx.roster.team(filter.teamId)) throw notFound('team');
  if (filter.department && !ctx.roster.departments().includes(filter.department)) throw notFound('department');
}

/** Aggregates for senior leaders: summary, export and pitfall signals, all over one partition. */
export class Reporting {
  constructor(
    private readonly repo: FeedbackRepository,
    private readonly contexts: ContextLoader,
    private readonly audit: AuditLog,
  ) {}

  /**
   * Counts by topic and state for the cells of the one partition, over whole weeks that have
   * ended. A team filter returns the cell the team is counted in (maybe a merged one), never a
   * smaller group.
   */
  async summary(caller: Caller, filter: SummaryFilter = {}): Promise<Summary> {
    requireLeader(caller);
    const ctx = await this.contexts.load(caller.tenantId);
    checkFilter(ctx, filter);
    const weeks = filter.weeks ?? 12;
    const from = addWeeks(ctx.thisWeek, -weeks);
    const items = await this.repo.countable(caller.tenantId, from, ctx.thisWeek);
    return summarize(ctx, items, filter, { from, weeks });
  }

  /**
   * The summary as CSV: per group, the total and the counts by topic and by state. Same rules,
   * same cells; `groupName` words each group's label for the reader. Whoever exports, through
   * whichever face, is recorded in the audit log with the filter (a refused export is not).
   */
  async exportCsv(caller: Caller, groupName: (label: GroupLabel) => string, filter: SummaryFilter = {}): Promise<string> {
    const s = await this.summary(caller, filter);
    const rows: string[][] = [];
    for (const g of s.groups) {
      const row = (measure: string, value: string, count: number) => rows.push([s.period.from, s.period.to, g.level, groupName(g.label), measure, value, String(count)]);
      row('total', 'all', g.counts.total);
      for (const topic of FEEDBACK_TOPICS) row('topic', topic, g.counts.byTopic[topic]);
      for (const state of FEEDBACK_STATES) row('state', state, g.counts.byState[state]);
    }
    const csv = toCsv(['period_from', 'period_to', 'group_level', 'group', 'measure', 'value', 'count'], rows);
    await this.audit.exported(caller, 'feedback', 'csv', filter);
    return csv;
  }

  /**
   * Pitfall signals, each with the reason and figures that made it fire: neglected feedback
   * (items waiting more than two weeks, slow acknowledgement), overload (low workload answers,
   * falling participation) and micromanagement (autonomy answers trending down). Computed per
   * cell over closed weeks only, from rollups that already withhold rounds below the threshold.
   */
  async signals(caller: Caller): Promise<{ threshold: number; period: { from: string; to: string }; signals: PitfallSignal[] }> {
    requireLeader(caller);
    const ctx = await this.contexts.load(caller.tenantId);
    const from = addWeeks(ctx.thisWeek, -12);
    const [items, rounds] = await Promise.all([
      this.repo.forSignals(caller.tenantId, from, ctx.thisWeek),
      this.repo.closedRoundFigures(caller.tenantId, addWeeks(ctx.thisWeek, -SIGNAL_WEEKS), ctx.thisWeek),
    ]);
    return { threshold: ctx.k, period: { from, to: ctx.thisWeek }, signals: pitfallSignals(ctx.disclosure, items, rounds, from) };
  }
}

type Countable = Pick<FeedbackItem, 'topic' | 'state' | 'scope' | 'teamId'>;

/**
 * Counts by topic and state for the cells a filter picks, over items written in whole weeks that
 * have ended. A team filter returns the cell the team is counted in (maybe a merged one), never a
 * smaller group. Pure, so every face and the anonymity suite compute it the same way.
 */
export function summarize(ctx: Pick<Ctx, 'disclosure' | 'roster' | 'thisWeek' | 'k'>, items: Countable[], filter: SummaryFilter, period: { from: string; weeks: number }): Summary {
  const cells = ctx.disclosure.select(filter);
  const counts = new Map(cells.map((c) => [c.key, emptyCounts()]));
  const total = emptyCounts();
  for (const item of items) {
    const cell = ctx.disclosure.cellOf(scopeOf(item));
    const c = cell && counts.get(cell.key);
    if (!c) continue;
    for (const target of [c, total]) {
      target.total++;
      target.byTopic[item.topic] = (target.byTopic[item.topic] ?? 0) + 1;
      target.byState[item.state] = (target.byState[item.state] ?? 0) + 1;
    }
  }
  return {
    threshold: ctx.k,
    period: { from: period.from, to: ctx.thisWeek, weeks: period.weeks },
    groups: cells.map((c) => ({ key: c.key, level: c.level, label: c.label, ...(c.department ? { department: c.department } : {}), teams: c.teamIds.map((id) => ctx.roster.team(id)?.name ?? id).sort(), counts: counts.get(c.key)! })),
    total,
  };
}

type SignalItem = Pick<FeedbackItem, 'state' | 'scope' | 'teamId' | 'createdWeek' | 'acknowledgedWeek'>;
type SignalRound = { teamId?: string; date?: string; figures?: RoundFigures };

/** Pitfall signals over released items and rounds, per cell of the one partition, in a stable order. Pure. */
export function pitfallSignals(disclosure: Disclosure, items: SignalItem[], rounds: SignalRound[], from: string): PitfallSignal[] {
  const signals = [...neglectedFeedback(items, disclosure, from), ...checkinSignals(rounds, disclosure)];
  signals.sort((a, b) => sortKey(a.group.label).localeCompare(sortKey(b.group.label)) || a.kind.localeCompare(b.kind));
  return signals;
}

/** Items left open too long, and slow acknowledgement, per cell. */
function neglectedFeedback(items: SignalItem[], disclosure: Disclosure, from: string): PitfallSignal[] {
  const today = disclosure.now.toISOString().slice(0, 10);
  const signals: PitfallSignal[] = [];
  const perCell = new Map<string, { cell: Cell; old: string[]; ackDays: number[] }>();
  for (const item of items) {
    const cell = disclosure.cellOf(scopeOf(item));
    if (!cell) continue;
    const e = perCell.get(cell.key) ?? { cell, old: [], ackDays: [] };
    perCell.set(cell.key, e);
    if (item.state === 'open' && daysBetween(item.createdWeek, today) > NEGLECT_DAYS) e.old.push(item.createdWeek);
    if (item.acknowledgedWeek && item.createdWeek >= from) e.ackDays.push(daysBetween(item.createdWeek, item.acknowledgedWeek));
  }
  for (const { cell, old, ackDays } of perCell.values()) {
    if (old.length) {
      const oldest = old.sort()[0];
      signals.push({
        kind: 'neglected_feedback',
        group: group(cell),
        code: 'signal.group_neglected',
        params: { count: old.length, days: NEGLECT_DAYS, week: oldest },
        figures: { openOlderThanDays: NEGLECT_DAYS, count: old.length, oldestWeek: oldest },
      });
    }
    const weeksToAck = ackDays.map((d) => Math.round(d / 7)).sort((a, b) => a - b);
    const median = weeksToAck.length ? weeksToAck[Math.floor(weeksToAck.length / 2)] : 0;
    if (weeksToAck.length >= 3 && median >= 2) {
      signals.push({
        kind: 'neglected_feedback',
        group: group(cell),
        code: 'signal.group_slow_ack',
        params: { weeks: median, items: weeksToAck.length },
        figures: { medianWeeksToAcknowledge: median, items: weeksToAck.length },
      });
    }
  }
  return signals;
}

interface Week {
  invited: number;
  answered: number;
  wlSum: number;
  wlN: number;
  auSum: number;
  auN: number;
}

/** Overload and micromanagement, per cell and closed week, from rounds' shown figures. */
function checkinSignals(rounds: SignalRound[], disclosure: Disclosure): PitfallSignal[] {
  const signals: PitfallSignal[] = [];
  const weekly = new Map<string, { cell: Cell; weeks: Map<string, Week> }>();
  for (const r of rounds) {
    if (!r.teamId || !r.date || !r.figures) continue;
    const cell = disclosure.cellOf({ level: 'team', teamId: r.teamId });
    if (!cell) continue;
    const e = weekly.get(cell.key) ?? { cell, weeks: new Map() };
    weekly.set(cell.key, e);
    const wk = weekOf(new Date(`${r.date}T12:00:00Z`));
    const w = e.weeks.get(wk) ?? { invited: 0, answered: 0, wlSum: 0, wlN: 0, auSum: 0, auN: 0 };
    e.weeks.set(wk, w);
    const f = r.figures;
    w.invited += f.invited;
    w.answered += f.answered;
    // Each round's averages are already over at least k people per question (or withheld);
    // pooled, they are weighted by how many answered that question.
    const wl = f.counts?.workload ?? f.answered;
    const au = f.counts?.autonomy ?? f.answered;
    if (f.workload !== null && wl > 0) {
      w.wlSum += f.workload * wl;
      w.wlN += wl;
    }
    if (f.autonomy !== null && au > 0) {
      w.auSum += f.autonomy * au;
      w.auN += au;
    }
  }
  for (const { cell, weeks } of weekly.values()) {
    const ordered = [...weeks.entries()].sort(([a], [b]) => a.localeCompare(b));
    const workload = ordered.filter(([, w]) => w.wlN >= disclosure.k).map(([week, w]) => ({ week, value: round1(w.wlSum / w.wlN), answers: w.wlN }));
    const autonomy = ordered.filter(([, w]) => w.auN >= disclosure.k).map(([week, w]) => ({ week, value: round1(w.auSum / w.auN), answers: w.auN }));
    const participation = ordered.filter(([, w]) => w.invited >= disclosure.k).map(([week, w]) => ({ week, value: Math.round((w.answered / w.invited) * 100) }));
    const lastWl = workload[workload.length - 1];
    if (lastWl && lastWl.value <= 2.5) {
      signals.push({
        kind: 'overload',
        group: group(cell),
        code: 'signal.group_workload',
        params: { week: lastWl.week, value: lastWl.value, answers: lastWl.answers },
        figures: { workload },
      });
    } else if (participation.length >= 3 && participation[participation.length - 1].value <= participation[0].value - 25) {
      const a = participation[0];
      const b = participation[participation.length - 1];
      signals.push({
        kind: 'overload',
        group: group(cell),
        code: 'signal.group_participation_fell',
        params: { from: a.value, fromWeek: a.week, to: b.value, toWeek: b.week },
        figures: { participation },
      });
    }
    if (autonomy.length >= 3 && autonomy[autonomy.length - 1].value < autonomy[0].value - 0.5) {
      const a = autonomy[0];
      const b = autonomy[autonomy.length - 1];
      signals.push({
        kind: 'micromanagement',
        group: group(cell),
        code: 'signal.group_autonomy_fell',
        params: { from: a.value, fromWeek: a.week, to: b.value, toWeek: b.week, weeks: autonomy.length },
        figures: { autonomy },
      });
    }
  }
  return signals;
}
