import { retentionSchema } from '../../domain/retention';
import { parseInput } from '../../domain/shared/validation';
import { authed, type ApiContext } from './context';

/**
 * How long the tenant keeps each kind of record: a thin face over domain/retention. Admins only;
 * a period outside its bounds is a 400 naming the bound (retention.below_minimum {min},
 * retention.above_maximum {max}) and changes nothing; every change is in the audit log.
 *
 *  GET   /api/admin/retention     {retention: [{kind, days, defaultDays, minDays, maxDays, ttl}]}
 *  PATCH /api/admin/retention     {outbox?, activities?, requests?, answers?, feedback?, audit?} (days) → {retention}
 */
export function registerRetentionRoutes(ctx: ApiContext): void {
  const { server, domain } = ctx;

  server.get('/api/admin/retention', authed(ctx, async (caller, _req, res) => {
    res.send({ retention: await domain.retention.view(caller) });
  }));

  server.patch('/api/admin/retention', authed(ctx, async (caller, req, res) => {
    const input = parseInput(retentionSchema, req.body ?? {});
    res.send({ retention: await domain.retention.update(caller, input) });
  }));
}
