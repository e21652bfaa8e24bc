import type { Store } from '../ports/store';
import type { Pilot } from '../pilots/model';

/** The fields the leader view reads: hypotheses, questions and cadences stay in the store. */
const PORTFOLIO_FIELDS = [
  'id', 'tenantId', 'type', 'title', 'practiceId', 'practiceName', 'teamId', 'teamName', 'managerId', 'managerName',
  'status', 'startDate', 'endDate', 'learning', 'updatedAt', 'health', 'roundFigures',
] as const;

/** What the portfolio reads from the `pilots` container: each team pilot's rollup fields. */
export class PortfolioRepository {
  constructor(private readonly store: Store) {}

  /** Every team pilot (not circles' check-in rhythms), with only the rollup fields. */
  pilotRollups(tenantId: string): Promise<Pilot[]> {
    return this.store.all<Pilot>(
      'pilots',
      tenantId,
      `SELECT ${PORTFOLIO_FIELDS.map((f) => `c.${f}`).join(', ')} FROM c WHERE c.tenantId = @tenantId AND c.type = 'pilot' AND NOT IS_DEFINED(c.circleId)`,
    );
  }
}
