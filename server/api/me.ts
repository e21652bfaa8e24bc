import { DEMO_TENANT_ID, DEMO_USERS, demoRoles } from '../../domain/demo';
import { NOTICE_KINDS, preferencesSchema } from '../../domain/directory';
import { pauseSchema } from '../../domain/checkins';
import { parseInput } from '../../domain/shared/validation';
import { handler, sendError } from '../../platform/http';
import { DomainError } from '../../domain/shared/errors';
import type { Caller } from '../../domain/shared/caller';
import type { Domain } from '../../domain';
import type { Request } from 'restify';
import { authed, type ApiContext } from './context';
import { queryParam } from './http';
import { filterOf } from './leader';

/**
 * What `/api/me` brings along for the view a cold tab opens, so that view waits for one round
 * trip, not two (who is signed in, then its data): `?opening=leader&status=…` adds the leader
 * grid's first rows, as `GET /api/leader/portfolio/first` with the same filters answers them.
 * The portfolio decides who may see them (leaders and admins); a refusal, of the caller or of
 * the filters, leaves `/api/me` alone, and the view asks for itself (and words the refusal).
 */
async function openingOf(domain: Domain, caller: Caller, req: Request) {
  if (queryParam(req, 'opening') !== 'leader') return undefined;
  try {
    return { firstRows: await domain.portfolio.firstRows(caller, await filterOf(domain, caller, req)) };
  } catch (err) {
    if (err instanceof DomainError && err.status < 500) return undefined;
    throw err;
  }
}

export function registerMeRoutes(ctx: ApiContext): void {
  const { server, domain } = ctx;

  server.get('/api/me', authed(ctx, async (caller, req, res) => {
    const [settings, managed, opening] = await Promise.all([domain.directory.settings(caller.tenantId), domain.directory.teamsManagedBy(caller), openingOf(domain, caller, req)]);
    // Manager rights are per team (domain/directory/rights.ts): `manager` here only tells the tab
    // that the caller manages at least one team (a stored role alone grants nothing), and
    // `managedTeamIds` which ones (admins: every team).
    const plain = caller.roles.filter((r) => r !== 'manager');
    const roles = managed.length && !plain.includes('admin') ? [...plain, 'manager'] : plain;
    res.send({
      user: { id: caller.userId, name: caller.name, roles, managedTeamIds: managed.map((t) => t.id) },
      tenant: { id: caller.tenantId, name: settings.name, anonymityThreshold: settings.anonymityThreshold },
      ...opening,
    });
  }));

  // `channels`: where notices can reach people in this deployment (the activity feed needs Graph).
  const notices = { kinds: NOTICE_KINDS, channels: domain.directory.channels };

  server.get('/api/me/preferences', authed(ctx, async (caller, _req, res) => {
    res.send({ preferences: await domain.directory.preferences(caller), notices });
  }));

  server.put('/api/me/preferences', authed(ctx, async (caller, req, res) => {
    const prefs = parseInput(preferencesSchema, req.body);
    res.send({ preferences: await domain.directory.setPreferences(caller, prefs), notices });
  }));

  // Pausing from the tab follows the chat command's rule ("pause me for N days", 1–90, from today in the person's zone).
  server.post('/api/me/pause', authed(ctx, async (caller, req, res) => {
    const { days } = parseInput(pauseSchema, req.body ?? {});
    await domain.checkins.pauseMe(caller, days);
    res.send({ preferences: await domain.directory.preferences(caller), notices });
  }));

  server.del('/api/me/pause', authed(ctx, async (caller, _req, res) => {
    await domain.checkins.resumeMe(caller);
    res.send({ preferences: await domain.directory.preferences(caller), notices });
  }));

  server.get('/api/teams', authed(ctx, async (caller, _req, res) => {
    const teams = await domain.directory.teamsFor(caller);
    res.send({ teams: teams.map((t) => ({ id: t.id, name: t.name, kind: t.kind, managerId: t.managerId, memberCount: t.memberIds.length })) });
  }));

  // The standalone tab's user picker. Exists only when DEMO_SIGN_IN is on (never in production).
  server.get('/api/demo/users', handler(ctx.log, async (_req, res) => {
    if (!ctx.config.DEMO_SIGN_IN) return sendError(res, 404, 'not_found', 'Demo sign-in is not enabled.');
    res.send({ tenantId: DEMO_TENANT_ID, users: DEMO_USERS.map((u) => ({ id: u.id, name: u.name, roles: demoRoles(u) })) });
  }));
}
