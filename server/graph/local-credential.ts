import type { AccessToken, GetTokenOptions, TokenCredential } from '@azure/identity';

/**
 * The credential for a local Graph stand-in (never Microsoft Graph itself: config refuses it in
 * production). Its token names the tenant asked for, the way a real token's `tid` would, so one
 * stand-in can serve several test tenants through the same SDK.
 */
export const localGraphToken = (secret: string, tenantId: string) => `${secret}.${tenantId}`;

export function parseLocalGraphToken(secret: string, authorization: string | undefined): string | undefined {
  const m = /^Bearer (.+)\.([0-9a-f-]{36})$/i.exec(authorization ?? '');
  return m && m[1] === secret ? m[2].toLowerCase() : undefined;
}

export class LocalGraphCredential implements TokenCredential {
  constructor(private readonly secret: string) {}

  async getToken(_scopes: string | string[], options?: GetTokenOptions): Promise<AccessToken> {
    if (!options?.tenantId) throw new Error('the local Graph credential needs a tenant');
    return { token: localGraphToken(this.secret, options.tenantId), expiresOnTimestamp: Date.now() + 3_600_000 };
  }
}
