import type { Response } from 'restify';
import { z } from 'zod';
import { deletionSchema, eraseSchema, exportCsv, exportQuerySchema, type PersonExport } from '../../domain/privacy';
import { userIdSchema } from '../../domain/shared/text';
import { parseInput } from '../../domain/shared/validation';
import { authed, type ApiContext } from './context';
import { pathParam, queryStrings } from './http';

/**
 * A person's data on request, and deleting a tenant's data (domain/privacy, docs/privacy.md).
 * Everyone downloads their own data; admins export and erase people of their own tenant (someone
 * the tenant does not know: 404) and delete the whole tenant's data in two steps.
 *
 *  GET  /api/privacy/me/export?format=json|csv                  the caller's own data (a download)
 *  GET  /api/admin/privacy/people/:userId/export?format=json|csv someone's data, without what is private from admins
 *  POST /api/admin/privacy/people/:userId/erase  {confirmName}   erase them → {erasure: {reference, alreadyErased, deleted, deidentified, scanned}}
 *  POST /api/admin/tenant-deletion               {}              step 1 → {ticket: {token, expiresAt, tenantName, documents}}
 *  POST /api/admin/tenant-deletion/confirm       {token, tenantName} step 2: every document of the tenant goes → {deleted}
 */
const nothing = z.object({}).strict();

export function registerPrivacyRoutes(ctx: ApiContext): void {
  const { server, domain, log } = ctx;
  const { privacy } = domain;

  server.get('/api/privacy/me/export', authed(ctx, async (caller, req, res) => {
    const { format } = parseInput(exportQuerySchema, queryStrings(req));
    send(res, await privacy.exportMine(caller), format, 'my-leaderful-data');
  }));

  server.get('/api/admin/privacy/people/:userId/export', authed(ctx, async (caller, req, res) => {
    const userId = pathParam(req, 'userId', userIdSchema);
    const { format } = parseInput(exportQuerySchema, queryStrings(req));
    send(res, await privacy.exportPerson(caller, userId), format, 'leaderful-person-data');
  }));

  server.post('/api/admin/privacy/people/:userId/erase', authed(ctx, async (caller, req, res) => {
    const userId = pathParam(req, 'userId', userIdSchema);
    const { confirmName } = parseInput(eraseSchema, req.body ?? {});
    res.send({ erasure: await privacy.erasePerson(caller, userId, confirmName) });
  }));

  server.post('/api/admin/tenant-deletion', authed(ctx, async (caller, req, res) => {
    parseInput(nothing, req.body ?? {});
    res.send({ ticket: await privacy.deletionTicket(caller) });
  }));

  server.post('/api/admin/tenant-deletion/confirm', authed(ctx, async (caller, req, res) => {
    const { token, tenantName } = parseInput(deletionSchema, req.body ?? {});
    const started = Date.now();
    const deleted = await privacy.deleteTenant(caller, token, tenantName);
    // The audit log went with the rest: this line is the one record left (no names, no user ids).
    log.info({ tenantId: caller.tenantId, deleted, ms: Date.now() - started }, 'tenant data deleted');
    res.send({ deleted });
  }));
}

function send(res: Response, data: PersonExport, format: 'json' | 'csv', file: string): void {
  if (format === 'csv') {
    res.writeHead(200, { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="${file}.csv"`, 'cache-control': 'no-store' });
    res.end(exportCsv(data));
    return;
  }
  res.header('content-disposition', `attachment; filename="${file}.json"`);
  res.header('cache-control', 'no-store');
  res.send({ export: data });
}
