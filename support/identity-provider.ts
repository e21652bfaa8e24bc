import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { SignJWT, exportJWK, generateKeyPair, type JWK, type KeyLike } from 'jose';

/**
 * Stands in for Entra ID on the network: a JWKS endpoint with keys the tests own, and a minter
 * for Teams SSO access tokens signed by them (or by a key the server has never seen).
 */
export const TEST_APP_CLIENT_ID = '3f0c7c55-1111-4222-8333-444455556666';
export const TEST_APP_ID_URI = `api://localhost/${TEST_APP_CLIENT_ID}`;

export interface TokenClaims {
  tid: string;
  oid: string;
  name?: string;
  scp?: string;
  aud?: string;
  iss?: string;
  /** Entra app role values (e.g. Leaderful.Admin); no claim at all when absent, as Entra does. */
  roles?: string[];
  expiresInSeconds?: number;
}

export class TestIdentityProvider {
  private server?: http.Server;
  url = '';
  private key!: KeyLike;
  private jwk!: JWK;
  private rogueKey!: KeyLike;

  async start(): Promise<this> {
    const pair = await generateKeyPair('RS256');
    this.key = pair.privateKey;
    this.jwk = { ...(await exportJWK(pair.publicKey)), kid: 'test-key', alg: 'RS256', use: 'sig' };
    this.rogueKey = (await generateKeyPair('RS256')).privateKey;
    this.server = http.createServer((_req, res) => {
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ keys: [this.jwk] }));
    });
    await new Promise<void>((r) => this.server!.listen(0, '127.0.0.1', () => r()));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  get jwksUri(): string {
    return `${this.url}/discovery/v2.0/keys`;
  }

  /** The authority host the server is configured with; issuers are `${host}/${tid}/v2.0`. */
  get authorityHost(): string {
    return this.url;
  }

  async token(claims: TokenClaims, opts: { rogue?: boolean } = {}): Promise<string> {
    const now = Math.floor(Date.now() / 1000);
    const roles = claims.roles?.length ? { roles: claims.roles } : {};
    return new SignJWT({ tid: claims.tid, oid: claims.oid, name: claims.name ?? 'Test User', scp: claims.scp ?? 'access_as_user', ...roles })
      .setProtectedHeader({ alg: 'RS256', kid: 'test-key', typ: 'JWT' })
      .setIssuer(claims.iss ?? `${this.url}/${claims.tid}/v2.0`)
      .setAudience(claims.aud ?? TEST_APP_CLIENT_ID)
      .setIssuedAt(now - 10)
      .setExpirationTime(now + (claims.expiresInSeconds ?? 3600))
      .sign(opts.rogue ? this.rogueKey : this.key);
  }

  async stop(): Promise<void> {
    await new Promise<void>((r) => (this.server ? this.server.close(() => r()) : r()));
  }
}
