import { z } from 'zod';
import { tenantSettingsSchema } from '../../domain/admin';
import { says } from '../../domain/shared/validation';
import { userIdSchema } from '../../domain/shared/text';
import { parseInput } from '../../domain/shared/validation';
import { authed, type ApiContext } from './context';
import { pathParam, queryParam } from './http';

/**
 * The admin area's API: a thin face over domain/admin. Admins only (the Leaderful.Admin app role
 * in a verified token of the tenant); everyone else gets 403, another tenant sees only its own.
 * Every change is written to the audit log.
 *
 *  GET    /api/admin/sync                              {running, lastRunAt, lastSuccessAt, summary, runs: SyncRun[]}
 *  POST   /api/admin/sync                              start a sync now → 202 {…the same}
 *  GET    /api/admin/roles                             {roles: [{userId, name, role, source entra|teams|admin|installer, since, team?, by?}]}
 *  GET    /api/admin/teams                             {teams: [{id, name, kind, teamsTeam, memberCount, managers: [{userId, name, source, since, by?}]}]}
 *  PUT    /api/admin/teams/:teamId/managers/:userId    name a manager → {team}
 *  DELETE /api/admin/teams/:teamId/managers/:userId    take back a named manager (not a Teams owner: 409) → {team}
 *  GET    /api/admin/settings                          {settings: {name, anonymityThreshold, defaultTimeZone, workDays, quietHours}}
 *  PATCH  /api/admin/settings                          {anonymityThreshold?, defaultTimeZone?, workDays?, quietHours?|null} → {settings}
 *  GET    /api/admin/people?managerId=|q=              {people: [{userId, name, department, jobTitle, managerId, directReports}]}
 *                                                      (the top of the organisation, someone's direct reports, or names starting with q)
 *  GET    /api/admin/audit?continuation=               {entries: AuditEntry[], continuation?}
 */
const teamIdSchema = z.string().min(1).max(300).regex(/^[\w:.@;=-]+$/, says('invalid_id'));
/** Routes that take no body accept none (or `{}`). */
const nothing = z.object({}).strict();

export function registerAdminRoutes(ctx: ApiContext): void {
  const { server, domain } = ctx;
  const { admin } = domain;
  const settingsView = (s: { name: string; anonymityThreshold: number; defaultTimeZone: string; workDays?: number[]; quietHours?: { from: string; to: string } }) => ({
    name: s.name,
    anonymityThreshold: s.anonymityThreshold,
    defaultTimeZone: s.defaultTimeZone,
    workDays: s.workDays ?? [1, 2, 3, 4, 5],
    quietHours: s.quietHours ?? null,
  });

  server.get('/api/admin/sync', authed(ctx, async (caller, _req, res) => {
    res.send(await admin.syncStatus(caller));
  }));

  server.post('/api/admin/sync', authed(ctx, async (caller, req, res) => {
    parseInput(nothing, req.body ?? {}); // takes no input: anything sent is a mistake, refused
    res.send(202, await admin.requestSync(caller));
  }));

  server.get('/api/admin/roles', authed(ctx, async (caller, _req, res) => {
    res.send({ roles: await admin.roles(caller) });
  }));

  server.get('/api/admin/teams', authed(ctx, async (caller, _req, res) => {
    res.send({ teams: await admin.teams(caller) });
  }));

  server.put('/api/admin/teams/:teamId/managers/:userId', authed(ctx, async (caller, req, res) => {
    parseInput(nothing, req.body ?? {});
    res.send({ team: await admin.nameManager(caller, pathParam(req, 'teamId', teamIdSchema), pathParam(req, 'userId', userIdSchema)) });
  }));

  server.del('/api/admin/teams/:teamId/managers/:userId', authed(ctx, async (caller, req, res) => {
    res.send({ team: await admin.unnameManager(caller, pathParam(req, 'teamId', teamIdSchema), pathParam(req, 'userId', userIdSchema)) });
  }));

  server.get('/api/admin/settings', authed(ctx, async (caller, _req, res) => {
    res.send({ settings: settingsView(await admin.settings(caller)) });
  }));

  server.patch('/api/admin/settings', authed(ctx, async (caller, req, res) => {
    const input = parseInput(tenantSettingsSchema, req.body ?? {});
    res.send({ settings: settingsView(await admin.updateSettings(caller, input)) });
  }));

  server.get('/api/admin/people', authed(ctx, async (caller, req, res) => {
    const q = queryParam(req, 'q');
    const managerId = queryParam(req, 'managerId');
    const people = q !== undefined
      ? await admin.findPeople(caller, parseInput(z.object({ q: z.string().max(100) }), { q }).q)
      : await admin.people(caller, managerId ? parseInput(z.object({ managerId: userIdSchema }), { managerId }).managerId : null);
    res.send({ people });
  }));

  server.get('/api/admin/audit', authed(ctx, async (caller, req, res) => {
    const continuation = queryParam(req, 'continuation');
    const page = await admin.auditLog(caller, continuation ? parseInput(z.object({ continuation: z.string().max(4000) }), { continuation }).continuation : undefined);
    res.send({ entries: page.items.map(({ id, at, actor, action, target, before, after }) => ({ id, at, actor, action, target, before, after })), continuation: page.continuation });
  }));
}
