import { DomainError } from '../../domain/shared/errors';
import { PILOT_STATUSES, type PilotStatus } from '../../domain/pilots';
import { toCsv } from '../../domain/shared/csv';
import { authed, queryParam, type ApiContext } from './context';
import restify, { type Request } from 'restify';

/** The leader view's API: the portfolio (rollups only) and its CSV export. Leaders and admins. */
function filterOf(req: Request) {
  const status = queryParam(req, 'status');
  if (status && !PILOT_STATUSES.includes(status as PilotStatus)) {
    throw new DomainError('validation', `status: must be one of ${PILOT_STATUSES.join(', ')}`, [{ field: 'status', message: 'unknown status' }]);
  }
  return {
    status: status as PilotStatus | undefined,
    practiceId: queryParam(req, 'practiceId'),
    teamId: queryParam(req, 'teamId'),
    managerId: queryParam(req, 'managerId'),
  };
}

export function registerLeaderRoutes(ctx: ApiContext): void {
  const { server, domain } = ctx;

  // The portfolio of 1,000+ pilots is several hundred KB of JSON: compress it.
  server.get('/api/leader/portfolio', restify.plugins.gzipResponse({ level: 1 }), authed(ctx, async (caller, req, res) => {
    res.send(await domain.portfolio.build(caller, filterOf(req)));
  }));

  server.get('/api/leader/pilots.csv', authed(ctx, async (caller, req, res) => {
    const { pilots } = await domain.portfolio.build(caller, filterOf(req));
    const pct = (x: number | null) => (x === null ? '' : `${Math.round(x * 100)}%`);
    const csv = toCsv(
      ['Pilot', 'Practice', 'Team', 'Manager', 'Status', 'Start', 'End', 'Check-ins', 'Participation', 'Confidence', 'Open feedback', 'Health', 'Signals'],
      pilots.map((p) => [
        p.title, p.practiceName, p.teamName, p.managerName, p.status, p.startDate, p.endDate, p.health.rounds,
        pct(p.health.participation), p.health.confidence ?? '', p.health.openFeedback, p.health.level,
        p.health.signals.map((s) => `${s.kind}: ${s.reason}`).join(' | '),
      ]),
    );
    res.setHeader('Content-Type', 'text/csv; charset=utf-8');
    res.setHeader('Content-Disposition', 'attachment; filename="leaderful-pilots.csv"');
    res.sendRaw(200, csv);
  }));
}
