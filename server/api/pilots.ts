import type { Request } from 'restify';
import { DomainError } from '../../domain/shared/errors';
import { PILOT_STATUSES, type Pilot, type PilotStatus } from '../../domain/pilots';
import { closePilotSchema, pilotInputSchema, pilotPatchSchema } from '../../domain/pilots';
import { idSchema, parseInput } from '../../domain/shared/validation';
import type { PilotAction } from '../../domain/pilots';
import { authed, queryParam, type ApiContext } from './context';

const ACTIONS: PilotAction[] = ['launch', 'pause', 'resume', 'review'];

function pilotId(req: Request): string {
  return parseInput(idSchema, String(req.params.id ?? ''));
}

/** What the tab gets for a pilot: the document without storage internals, plus what it may do. */
function view(pilot: Pilot, canEdit: boolean) {
  const { _etag, _ts, ...rest } = pilot as Pilot & Record<string, unknown>;
  delete (rest as Record<string, unknown>)._rid;
  delete (rest as Record<string, unknown>)._self;
  delete (rest as Record<string, unknown>)._attachments;
  return { ...rest, etag: _etag, canEdit };
}

export function registerPilotRoutes(ctx: ApiContext): void {
  const { server, domain } = ctx;

  server.get('/api/practices', authed(ctx, async (caller, _req, res) => {
    const practices = await domain.practices.list(caller);
    res.send({ practices: practices.map(({ _etag, _ts, ...p }) => p) });
  }));

  server.get('/api/pilots', authed(ctx, async (caller, req, res) => {
    const status = queryParam(req, 'status');
    if (status && !PILOT_STATUSES.includes(status as PilotStatus)) {
      throw new DomainError('validation', `status: must be one of ${PILOT_STATUSES.join(', ')}`, [{ field: 'status', message: 'unknown status' }]);
    }
    const pilots = await domain.pilots.list(caller, {
      status: status as PilotStatus | undefined,
      teamId: queryParam(req, 'teamId'),
      mine: queryParam(req, 'mine') === 'true',
    });
    res.send({ pilots: pilots.map((p) => view(p, domain.pilots.canEdit(caller, p))) });
  }));

  server.get('/api/pilots/:id', authed(ctx, async (caller, req, res) => {
    const pilot = await domain.pilots.get(caller, pilotId(req));
    res.header('ETag', pilot._etag ?? '');
    res.send({ pilot: view(pilot, domain.pilots.canEdit(caller, pilot)) });
  }));

  server.post('/api/pilots', authed(ctx, async (caller, req, res) => {
    const input = parseInput(pilotInputSchema, req.body);
    const key = req.header('idempotency-key');
    const { pilot, created } = await domain.pilots.create(caller, input, key ? String(key).slice(0, 200) : undefined);
    res.send(created ? 201 : 200, { pilot: view(pilot, true) });
  }));

  server.patch('/api/pilots/:id', authed(ctx, async (caller, req, res) => {
    const id = pilotId(req);
    const etag = req.header('if-match');
    if (!etag) throw new DomainError('validation', 'If-Match: send the ETag of the pilot you edited.', [{ field: 'If-Match', message: 'required' }]);
    const patch = parseInput(pilotPatchSchema, req.body);
    const pilot = await domain.pilots.edit(caller, id, patch, String(etag));
    res.send({ pilot: view(pilot, true) });
  }));

  server.post('/api/pilots/:id/close', authed(ctx, async (caller, req, res) => {
    const { outcome, learning } = parseInput(closePilotSchema, req.body);
    const pilot = await domain.pilots.close(caller, pilotId(req), outcome, learning);
    res.send({ pilot: view(pilot, true) });
  }));

  server.post('/api/pilots/:id/measures/:index/met', authed(ctx, async (caller, req, res) => {
    const index = Number(req.params.index);
    const pilot = await domain.pilots.markMeasureMet(caller, pilotId(req), index);
    res.send({ pilot: view(pilot, true) });
  }));

  server.post('/api/pilots/:id/:action', authed(ctx, async (caller, req, res) => {
    const action = String(req.params.action) as PilotAction;
    if (!ACTIONS.includes(action)) throw new DomainError('not_found', `Unknown action “${String(req.params.action).slice(0, 40)}”.`);
    const pilot = await domain.pilots.transition(caller, pilotId(req), action);
    res.send({ pilot: view(pilot, true) });
  }));
}
