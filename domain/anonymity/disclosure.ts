import { deriveHealth, levelOf, meanCount, withFeedbackRollup } from '../pilots/health';
import type { PilotHealth, RoundFigures } from '../pilots/model';
import { zonedParts, zonedTime, addDays } from '../shared/schedule';
import { isReleased, weekOf, type Cell, type GroupLabel, type Partition, type Roster, type Scope } from './rules';
import type { PulseGroups } from './pulse-groups';

/**
 * Disclosure: the one place that decides what of anonymous data a viewer may see — every group
 * label, every count and every statistic, on every route, export, digest, signal, card and
 * summary. It is pure: built per request from the roster, the threshold and what has been
 * released, it answers the same for every surface, so no two views can be played against each
 * other (see docs/anonymity.md).
 *
 *  - One partition per release window (ISO week), for the whole tenant, from released data only:
 *    the scopes of items written before this week and of rounds dated before it. Nothing written
 *    this week moves it, and every viewer gets the same one (readers of leader views are never
 *    counted in any crowd).
 *  - Items are attributed when written to the writer's cell of the people-only partition, so the
 *    set an item hides in is at least k; they are shown only in a cell that still holds all of it.
 *  - Every statistic is shown only when at least k people are behind it (per question, group, period).
 *  - Contributor-side events of anonymous threads reach owners in one daily batch.
 */

export interface DisclosureInput {
  roster: Roster;
  k: number;
  /** Everyone who reads leader views (senior leaders, admins). */
  readers: string[];
  now: Date;
  /**
   * Scopes of what aggregates draw on and that has been released: items written, and rounds dated,
   * before this week. Absent when the view shows no group of anonymous data (the portfolio shows
   * pilots by their own team): such a disclosure has no partition, and asking for one throws.
   */
  released?: Scope[];
  /** The tenant's time zone: the daily batch runs at a fixed hour there. */
  timeZone: string;
}

/** What disclosure needs of a feedback item. */
export interface Disclosable {
  anonymous: boolean;
  audience: 'manager' | 'leaders';
  scope?: Scope;
  teamId?: string;
  ownerId?: string;
  createdWeek: string;
}

export interface Viewer {
  userId: string;
  /** May read items addressed to senior leaders. */
  leader: boolean;
}

/** Contributor-side events of anonymous threads reach owners once a day, at this hour in the tenant's time. */
export const BATCH_TIME = '17:00';

/** A mean of values, or null when fewer than k people gave one. */
export function shownMean(values: number[], k: number): number | null {
  if (values.length < k || !values.length) return null;
  return Math.round((values.reduce((a, b) => a + b, 0) / values.length) * 100) / 100;
}

/** A mean pooled over parts already shown (each with how many gave it), or null when fewer than k in all. */
export function pooledMean(parts: { value: number | null; n: number }[], k: number): { value: number; n: number } | null {
  const shown = parts.filter((p): p is { value: number; n: number } => p.value !== null && p.n > 0);
  const n = shown.reduce((a, p) => a + p.n, 0);
  if (n < k || !n) return null;
  return { value: shown.reduce((a, p) => a + p.value * p.n, 0) / n, n };
}

/** The scope an item is attributed to (older items may lack one). */
export function scopeOf(item: Pick<Disclosable, 'scope' | 'teamId'>): Scope {
  if (item.scope) return item.scope;
  return item.teamId ? { level: 'team', teamId: item.teamId } : { level: 'tenant' };
}

export class Disclosure {
  readonly window: string;
  private shared?: Partition;
  private finest?: Partition;
  private managers?: PulseGroups;

  constructor(private readonly input: DisclosureInput) {
    this.window = weekOf(input.now);
  }

  /** The one partition of this release window (built on first use: views that show no group never need it). */
  get partition(): Partition {
    if (!this.input.released) throw new Error('This disclosure was loaded without released scopes: load it with { partition: true } to show groups.');
    return (this.shared ??= this.input.roster.partition(this.input.k, this.input.readers, this.input.released));
  }

  get roster(): Roster {
    return this.input.roster;
  }
  get k(): number {
    return this.input.k;
  }
  get readers(): string[] {
    return this.input.readers;
  }
  get now(): Date {
    return this.input.now;
  }

  // ------------------------------------------------------------------------------------------
  // Items.

  /** Where an item goes now: its manager, or senior leaders (also when its team fell below k). */
  route(item: Disclosable): 'owner' | 'leaders' {
    if (item.audience === 'leaders') return 'leaders';
    if (!item.anonymous) return 'owner';
    const teamId = scopeOf(item).teamId;
    return item.ownerId && teamId && this.managerCrowd(teamId, item.ownerId) >= this.k ? 'owner' : 'leaders';
  }

  released(item: Pick<Disclosable, 'createdWeek'>): boolean {
    return isReleased(item.createdWeek, this.now);
  }

  /** The label the viewer sees the item under, or undefined when they may not see it at all. */
  itemLabel(item: Disclosable, viewer: Viewer): GroupLabel | undefined {
    const route = this.route(item);
    if (route === 'owner' && item.ownerId !== viewer.userId) return undefined;
    if (route === 'leaders' && !viewer.leader) return undefined;
    if (!item.anonymous) return this.roster.label(scopeOf(item));
    if (!this.released(item)) return undefined;
    return this.shownAs(item);
  }

  /** How an anonymous item is (or, once released, will be) shown to its readers. */
  shownAs(item: Disclosable): GroupLabel {
    if (this.route(item) === 'owner') return this.roster.label(scopeOf(item));
    return this.partition.cellOf(scopeOf(item))?.label ?? { level: 'organisation' };
  }

  /**
   * Whether a pilot (and anything composed from it) may be named with an item shown under
   * `label`: only when the label is the pilot's own team, decided now, never when written.
   */
  namesPilot(item: Disclosable & { pilotId?: string }, label: GroupLabel | undefined): boolean {
    if (!item.pilotId) return false;
    if (!item.anonymous) return true;
    return label?.level === 'team' && scopeOf(item).level === 'team';
  }

  /**
   * Where something written now by `writer` is attributed: the writer's cell of the people-only
   * partition (at least k people by construction). Manager items stay with the manager while the
   * team, without them, reaches k; otherwise they go to senior leaders, never as that team.
   */
  attribute(writer: { userId: string; teamId?: string; audience: 'manager' | 'leaders'; ownerId?: string }): { audience: 'manager' | 'leaders'; scope: Scope; rerouted: boolean } | undefined {
    if (writer.audience === 'manager' && writer.teamId && this.managerCrowd(writer.teamId, writer.ownerId) >= this.k) {
      return { audience: 'manager', scope: { level: 'team', teamId: writer.teamId }, rerouted: false };
    }
    const rerouted = writer.audience === 'manager';
    const finest = (this.finest ??= this.roster.partition(this.k, this.readers));
    const cell = finest.cellOf(this.roster.home(writer.userId, writer.teamId)) ?? finest.cellOf({ level: 'tenant' });
    if (!cell) return undefined;
    if (rerouted && cell.level === 'team') {
      // Too few for the manager not to know who wrote it: never shown as that team, even to leaders.
      const d = this.roster.team(writer.teamId)?.department;
      const parts = finest.cells.filter((c) => (d ? c.department === d : true)).flatMap((c) => finest.partsOf(c));
      return { audience: 'leaders', scope: d ? { level: 'department', department: d, within: parts } : { level: 'tenant', within: parts }, rerouted };
    }
    return { audience: 'leaders', scope: this.scopeOfCell(finest, cell), rerouted };
  }

  /** Who a manager's item may be from, as far as the manager (or a reader they talk to) can tell. */
  private managerCrowd(teamId: string, ownerId: string | undefined): number {
    return this.roster.crowd({ level: 'team', teamId }, [ownerId, ...this.readers]);
  }

  private scopeOfCell(p: Partition, cell: Cell): Scope {
    if (cell.level === 'team') return { level: 'team', teamId: cell.teamIds[0] };
    if (cell.level === 'department') return { level: 'department', department: cell.department, within: p.partsOf(cell) };
    return { level: 'tenant', within: p.partsOf(cell) };
  }

  // ------------------------------------------------------------------------------------------
  // Aggregates.

  /** The cell something attributed to `scope` is counted in (undefined: counted nowhere). */
  cellOf(scope: Scope): Cell | undefined {
    return this.partition.cellOf(scope);
  }

  /** Cells a filter picks: always cells of the one partition, never a smaller group. */
  select(filter: { teamId?: string; department?: string }): Cell[] {
    return this.partition.select(filter);
  }

  /** A mean shown only when at least k people gave a value. */
  mean(values: number[]): number | null {
    return shownMean(values, this.k);
  }

  pooled(parts: { value: number | null; n: number }[]): { value: number; n: number } | null {
    return pooledMean(parts, this.k);
  }

  /** Counts of anonymous items about one team (a pilot's open feedback) are shown only for a team of at least k. */
  showsTeamCounts(teamId: string): boolean {
    return this.roster.crowd({ level: 'team', teamId }, this.readers) >= this.k;
  }

  /**
   * A pilot's health as leaders may see it: counts of anonymous open items about a team below k
   * are left out (its named items still count), decided now, whatever was stored.
   */
  pilotHealth(health: PilotHealth, teamId: string): PilotHealth {
    // The named split is never shown: whether it is there, or differs, would say anonymous items exist.
    // Nor is how few people its averages were over.
    const { namedFeedback, meansFrom: _fewest, ...shown } = health;
    if (this.showsTeamCounts(teamId)) return shown;
    const named = namedFeedback ?? { open: 0, oldestDays: 0 };
    if (named.open === shown.openFeedback) return shown;
    const { namedFeedback: _split, ...rest } = withFeedbackRollup(shown, named.open, named.oldestDays);
    return rest;
  }

  /**
   * Whether a pilot's stored health is as viewers may see it without its round figures: every
   * average it drew on is over at least today's k (`pilot` would derive it again otherwise).
   * Health stored before it carried the count never stands on its own.
   */
  healthStands(health: PilotHealth): boolean {
    return health.meansFrom === null || (health.meansFrom !== undefined && health.meansFrom >= this.k);
  }

  /**
   * A pilot as viewers may see it: round figures and the health derived from them against today's
   * k (figures stored under a lower threshold lose the means now over too few), and anonymous
   * counts as `pilotHealth` allows.
   */
  pilot<P extends { health: PilotHealth; teamId: string; roundFigures?: RoundFigures[] }>(pilot: P): P {
    const stored = pilot.roundFigures;
    const figures = stored?.map((f) => this.figures(f));
    let health = pilot.health;
    if (stored && figures && figures.some((f, i) => f !== stored[i])) {
      const d = deriveHealth(figures, health.openFeedback);
      const signals = [...d.signals, ...health.signals.filter((x) => x.kind === 'neglected_feedback')];
      health = { ...health, participation: d.participation, confidence: d.confidence, confidenceTrend: d.confidenceTrend, signals, level: levelOf(health.rounds, signals, d.confidence), meansFrom: d.meansFrom };
    }
    return { ...pilot, ...(figures ? { roundFigures: figures } : {}), health: this.pilotHealth(health, pilot.teamId) };
  }

  /**
   * A round's figures as shown now: each mean (the three standing ones and every scale question's)
   * only while the people who gave it reach today's k.
   */
  figures(f: RoundFigures): RoundFigures {
    const QUESTIONS = ['confidence', 'autonomy', 'workload'] as const;
    const n = (q: (typeof QUESTIONS)[number]) => meanCount(f, q);
    const keep = (q: (typeof QUESTIONS)[number]) => f[q] !== null && n(q) >= this.k;
    const scaleN = (id: string) => f.scaleCounts?.[id] ?? f.answered;
    const keepScale = (id: string) => f.scales?.[id] != null && scaleN(id) >= this.k;
    const scaleIds = Object.keys(f.scales ?? {});
    if (QUESTIONS.every((q) => f[q] === null || keep(q)) && scaleIds.every((id) => f.scales?.[id] == null || keepScale(id))) return f;
    const shown = { ...f };
    for (const q of QUESTIONS) if (!keep(q)) shown[q] = null;
    if (f.scales) {
      shown.scales = Object.fromEntries(scaleIds.map((id) => [id, keepScale(id) ? f.scales![id] : null]));
      shown.scaleCounts = Object.fromEntries(scaleIds.map((id) => [id, keepScale(id) ? scaleN(id) : 0]));
    }
    return { ...shown, counts: { confidence: keep('confidence') ? n('confidence') : 0, autonomy: keep('autonomy') ? n('autonomy') : 0, workload: keep('workload') ? n('workload') : 0 } };
  }

  // ------------------------------------------------------------------------------------------
  // Managers' pulse.

  /**
   * Managers' groups: the one partition of managers pulse figures, pulse signals and at-risk
   * digests are shown by (readers never counted). Filters pick its cells, nothing finer.
   */
  get pulse(): PulseGroups {
    return (this.managers ??= this.roster.pulseGroups(this.k, this.readers));
  }

  // ------------------------------------------------------------------------------------------
  // Time.

  /** The batch that carries a contributor-side event made at `at` to the owner (ISO instant). */
  batchAfter(at: Date): string {
    const tz = this.input.timeZone;
    const today = zonedParts(at, tz).date;
    const todays = zonedTime(today, BATCH_TIME, tz);
    return (at < todays ? todays : zonedTime(addDays(today, 1), BATCH_TIME, tz)).toISOString();
  }

  /** Has that batch run? */
  delivered(batch: string): boolean {
    return this.now.getTime() >= Date.parse(batch);
  }
}
