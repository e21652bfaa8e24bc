import restify, { type Request } from 'restify';
import { word } from '../../i18n';
import { requestLocale } from '../../platform/http';
import { authed, type ApiContext } from './context';
import { queryParam } from './http';
import { groupKeySchema } from '../../domain/pulse';
import type { PilotsExportQuery } from '../../domain/portfolio';
import { parseInput } from '../../domain/shared/validation';
import type { Caller } from '../../domain/shared/caller';
import type { Domain } from '../../domain';
import { statusParam } from './pilots';

/**
 * The leader view's API: the portfolio (rollups only) and its CSV export. Leaders and admins.
 *
 *  GET /api/leader/portfolio?status=&practiceId=&teamId=&managerId=&group=   the portfolio (gzip);
 *      `group`: a managers' group of the pulse (the at-risk digest's links): its managers' pilots
 *  GET /api/leader/portfolio/first?…                                   its first rows (grid order) and totals
 *  GET /api/leader/pilots.csv?…                                       the same pilots as CSV (recorded in the audit log)
 */
/** The leader view's filters as asked (portfolio, first rows and export read the same query). */
function queryOf(req: Request): PilotsExportQuery {
  const group = queryParam(req, 'group');
  return {
    status: statusParam(req),
    practiceId: queryParam(req, 'practiceId'),
    teamId: queryParam(req, 'teamId'),
    managerId: queryParam(req, 'managerId'),
    group: group ? parseInput(groupKeySchema, group) : undefined,
  };
}

/** The portfolio's filter: a managers' group stands for its managers. */
export async function filterOf(domain: Domain, caller: Caller, req: Request) {
  const { group, ...filter } = queryOf(req);
  return { ...filter, ...(group ? { managerIds: await domain.pulse.groupMembers(caller, group) } : {}) };
}

export function registerLeaderRoutes(ctx: ApiContext): void {
  const { server, domain } = ctx;

  // The portfolio of 1,000+ pilots is several hundred KB of JSON: compress it.
  server.get('/api/leader/portfolio', restify.plugins.gzipResponse({ level: 1 }), authed(ctx, async (caller, req, res) => {
    res.send(await domain.portfolio.build(caller, await filterOf(domain, caller, req)));
  }));

  // The first rows and totals alone (a few KB): a cold leader view shows its grid from these while the whole portfolio follows.
  server.get('/api/leader/portfolio/first', authed(ctx, async (caller, req, res) => {
    res.send(await domain.portfolio.firstRows(caller, await filterOf(domain, caller, req)));
  }));

  server.get('/api/leader/pilots.csv', authed(ctx, async (caller, req, res) => {
    const locale = requestLocale(req);
    const csv = await domain.portfolio.exportCsv(caller, queryOf(req), (s) => word(locale, s.code, s.params));
    res.setHeader('Content-Type', 'text/csv; charset=utf-8');
    res.setHeader('Content-Disposition', 'attachment; filename="leaderful-pilots.csv"');
    res.sendRaw(200, csv);
  }));
}
