import type { Store } from '../ports/store';
import type { Pilot, RoundFigures } from '../pilots/model';

/** The fields the leader view reads: hypotheses, questions and cadences stay in the store. */
const PORTFOLIO_FIELDS = [
  'id', 'tenantId', 'type', 'title', 'practiceId', 'practiceName', 'teamId', 'teamName', 'managerId', 'managerName',
  'status', 'startDate', 'endDate', 'learning', 'updatedAt', 'health', 'roundFigures',
] as const;

/** What the grid's first rows are picked, ordered and shown by: no round figures (half of a pilot's rollup). */
export const ROW_FIELDS = ['id', 'title', 'practiceId', 'practiceName', 'teamId', 'teamName', 'managerId', 'managerName', 'status', 'updatedAt', 'health'] as const;
export type PilotRowSource = Pick<Pilot, (typeof ROW_FIELDS)[number]>;

const TEAM_PILOTS = "c.tenantId = @tenantId AND c.type = 'pilot' AND NOT IS_DEFINED(c.circleId)";

/** What the portfolio reads from the `pilots` container: each team pilot's rollup fields. */
export class PortfolioRepository {
  constructor(private readonly store: Store) {}

  /** Every team pilot (not circles' check-in rhythms), with only the rollup fields. */
  pilotRollups(tenantId: string): Promise<Pilot[]> {
    return this.store.all<Pilot>('pilots', tenantId, `SELECT ${PORTFOLIO_FIELDS.map((f) => `c.${f}`).join(', ')} FROM c WHERE ${TEAM_PILOTS}`);
  }

  /** Every team pilot with the fields of a grid row. */
  pilotRows(tenantId: string): Promise<PilotRowSource[]> {
    return this.store.all<PilotRowSource>('pilots', tenantId, `SELECT ${ROW_FIELDS.map((f) => `c.${f}`).join(', ')} FROM c WHERE ${TEAM_PILOTS}`);
  }

  /** The round figures of some pilots. */
  roundFigures(tenantId: string, ids: string[]): Promise<{ id: string; roundFigures?: RoundFigures[] }[]> {
    return this.store.all('pilots', tenantId, `SELECT c.id, c.roundFigures FROM c WHERE ${TEAM_PILOTS} AND ARRAY_CONTAINS(@ids, c.id)`, { ids });
  }
}
