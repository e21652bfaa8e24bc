import { createRemoteJWKSet, jwtVerify, type JWTPayload, type JWTVerifyGetKey } from 'jose';
import type { Request } from 'restify';
import { appRolesOf, type AppRole } from '../domain/shared/caller';
import type { PlainErrorCode } from '../domain/shared/codes';
import { DomainError } from '../domain/shared/errors';
import type { Config } from './config';

/**
 * The API's one identity seam. A caller is a Teams SSO token (Entra ID access token for our API,
 * verified here) or — only when DEMO_SIGN_IN is on, which config refuses in production — a demo
 * user picked in the standalone tab. Senior leader and admin are Entra ID app roles: they come
 * only from the verified token's `roles` claim, and only in the tenant the app's role assignments
 * live in (AAD_APP_TENANT_ID; unset locally, where each tenant's tokens carry their own). A
 * demo user carries the roles the demo cast assigns them, as their token would.
 */
export interface Principal {
  tenantId: string;
  userId: string;
  name: string;
  /** App roles the verified token grants (none from another tenant). */
  roles: AppRole[];
  via: 'sso' | 'demo';
}

export const DEMO_USER_HEADER = 'x-leaderful-demo-user';

const unauthenticated = (why: PlainErrorCode) => new DomainError('unauthenticated', why);
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export class IdentityResolver {
  private readonly jwks?: JWTVerifyGetKey;
  private readonly audiences: string[];

  constructor(
    private readonly config: Pick<Config, 'AAD_APP_CLIENT_ID' | 'AAD_APP_ID_URI' | 'AAD_JWKS_URI' | 'AAD_AUTHORITY_HOST' | 'AAD_APP_TENANT_ID' | 'DEMO_SIGN_IN'>,
    private readonly demo: { tenantId: string; isDemoUser: (userId: string) => Promise<{ name: string; roles: AppRole[] } | undefined> },
  ) {
    this.audiences = [config.AAD_APP_CLIENT_ID, config.AAD_APP_ID_URI].filter((a): a is string => !!a);
    if (config.AAD_APP_CLIENT_ID) this.jwks = createRemoteJWKSet(new URL(config.AAD_JWKS_URI), { cooldownDuration: 30_000 });
  }

  async resolve(req: Request): Promise<Principal> {
    const auth = req.header('authorization');
    if (auth) return this.fromToken(auth);
    const demoUser = req.header(DEMO_USER_HEADER);
    if (demoUser && this.config.DEMO_SIGN_IN) {
      const found = await this.demo.isDemoUser(String(demoUser));
      if (!found) throw unauthenticated('auth.unknown_demo_user');
      return { tenantId: this.demo.tenantId, userId: String(demoUser), name: found.name, roles: found.roles, via: 'demo' };
    }
    throw unauthenticated('auth.sign_in');
  }

  private async fromToken(header: string): Promise<Principal> {
    const match = /^Bearer ([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*)$/.exec(header);
    if (!match) throw unauthenticated('auth.bearer');
    if (!this.jwks) throw unauthenticated('auth.not_configured');
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(match[1], this.jwks, {
        audience: this.audiences,
        algorithms: ['RS256'],
        clockTolerance: 60,
        requiredClaims: ['exp', 'iss', 'tid', 'oid'],
      }));
    } catch {
      // Deliberately vague: the reason a token failed helps attackers more than users.
      throw unauthenticated('auth.invalid_token');
    }
    // Entra tenant and object ids are GUIDs; anything else (empty, a path, a query fragment) is refused.
    if (!GUID.test(String(payload.tid)) || !GUID.test(String(payload.oid))) throw unauthenticated('auth.invalid_token');
    const tid = String(payload.tid);
    const issuers = [`${this.config.AAD_AUTHORITY_HOST.replace(/\/$/, '')}/${tid}/v2.0`, `https://sts.windows.net/${tid}/`];
    if (!issuers.includes(String(payload.iss))) throw unauthenticated('auth.invalid_token');
    const scopes = String(payload.scp ?? '').split(' ');
    if (!scopes.includes('access_as_user')) throw unauthenticated('auth.scope');
    const home = this.config.AAD_APP_TENANT_ID;
    const roles = !home || home.toLowerCase() === tid.toLowerCase() ? appRolesOf(payload.roles) : [];
    return { tenantId: tid, userId: String(payload.oid), name: String(payload.name ?? ''), roles, via: 'sso' };
  }
}
