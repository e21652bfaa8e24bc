import { groupKeySchema, periodSchema, pulseAnswerSchema } from '../../domain/pulse';
import { parseInput } from '../../domain/shared/validation';
import { authed, type ApiContext } from './context';
import { pathParam } from './http';

/**
 * The managers' pulse.
 *
 *  GET /api/pulse/me                  the caller's own pulse: the one open for them, their history,
 *                                     their load against the organisation's median (null below k)
 *  PUT /api/pulse/:period/answer      {values} the caller's answer to a pulse they were asked in
 *                                     (the same answer again changes nothing; closed: 409)
 *  GET /api/pulse/leader              figures and signals by managers' group (leaders, admins)
 *  GET /api/pulse/groups/:key         the group a leader-view filter names: {key, label, managers}
 */
export function registerPulseRoutes(ctx: ApiContext): void {
  const { server, domain } = ctx;

  server.get('/api/pulse/me', authed(ctx, async (caller, _req, res) => {
    res.send(await domain.pulse.mine(caller));
  }));

  server.put('/api/pulse/:period/answer', authed(ctx, async (caller, req, res) => {
    const period = pathParam(req, 'period', periodSchema);
    const { values } = parseInput(pulseAnswerSchema, req.body);
    const { pulse, answer } = await domain.pulse.answer(caller, period, values);
    res.send({ period: pulse.period, closesAt: pulse.closesAt, values: answer.values });
  }));

  server.get('/api/pulse/leader', authed(ctx, async (caller, _req, res) => {
    res.send(await domain.pulse.leaderView(caller));
  }));

  server.get('/api/pulse/groups/:key', authed(ctx, async (caller, req, res) => {
    res.send({ group: await domain.pulse.group(caller, pathParam(req, 'key', groupKeySchema)) });
  }));
}
