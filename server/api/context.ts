import type { Request, Response, Server } from 'restify';
import type { Domain } from '../../domain';
import type { Caller } from '../../domain/shared/caller';
import type { Config } from '../config';
import { handler } from '../../platform/http';
import type { IdentityResolver } from '../identity';
import type { Log } from '../../platform/log';
import type { RateLimits } from '../../domain/shared/rate-limits';

/** What every tab API route module receives. */
export interface ApiContext {
  server: Server;
  domain: Domain;
  identity: IdentityResolver;
  log: Log;
  config: Config;
  limits: RateLimits;
}

/** The caller's key for per-user limits. */
export const limitKey = (who: { tenantId: string; userId: string }) => `${who.tenantId}|${who.userId}`;

export type AuthedHandler = (caller: Caller, req: Request, res: Response) => Promise<void>;

/** Resolves the signed-in caller, then runs the route. Unauthenticated callers never reach it. */
export function authed(ctx: ApiContext, fn: AuthedHandler) {
  return handler(ctx.log, async (req, res) => {
    const principal = await ctx.identity.resolve(req);
    ctx.limits.consume('api', limitKey(principal));
    const caller = await ctx.domain.directory.resolveCaller(principal.tenantId, principal.userId, principal.name, { roles: principal.roles });
    await fn(caller, req, res);
  });
}
