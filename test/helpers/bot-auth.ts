import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { SignJWT, exportJWK, generateKeyPair, type JWK, type KeyLike } from 'jose';

/**
 * Stands in for the Bot Framework's token service on the network: an OpenID metadata document
 * and a JWKS whose keys carry `endorsements` (the channels a key may sign for), exactly as
 * https://login.botframework.com/v1/.well-known/openidconfiguration does. Point the app at it with
 * BOT_OPENID_METADATA and mint connector tokens the way Teams' Bot Connector would.
 *
 * botframework-connector's rules (channelValidation / jwtTokenExtractor / endorsementsValidator):
 * issuer `https://api.botframework.com`, audience = the bot's app id, RS256, a `kid` found in the
 * JWKS, the key endorsed for the activity's channelId, and `serviceurl` equal to activity.serviceUrl.
 */
export const BOT_APP_ID = '7d3c5f1e-2b4a-4c6d-8e9f-0a1b2c3d4e5f';
export const BOT_TOKEN_ISSUER = 'https://api.botframework.com';

export interface ConnectorTokenClaims {
  serviceUrl: string;
  aud?: string;
  iss?: string;
  expiresInSeconds?: number;
  /** Seconds from now the token becomes valid (nbf). */
  notBeforeSeconds?: number;
  extra?: Record<string, unknown>;
}

export interface ConnectorTokenOptions {
  /** Sign with a key the JWKS does not publish, under the published kid. */
  rogue?: boolean;
  /** Sign with the key published under this kid (e.g. 'not-endorsed'). */
  kid?: string;
}

export class BotFrameworkTokenService {
  private server?: http.Server;
  url = '';
  private keys = new Map<string, { privateKey: KeyLike; jwk: JWK }>();
  private rogueKey!: KeyLike;
  /** Requests the SDK made, for proving the metadata was really used. */
  readonly requests: string[] = [];

  async start(): Promise<this> {
    // 'teams-key' is endorsed for Teams; 'webchat-key' only for another channel.
    for (const [kid, endorsements] of [
      ['teams-key', ['msteams', 'skype']],
      ['webchat-key', ['webchat']],
    ] as const) {
      const pair = await generateKeyPair('RS256');
      const jwk = { ...(await exportJWK(pair.publicKey)), kid, kty: 'RSA', use: 'sig', endorsements: [...endorsements] } as JWK;
      this.keys.set(kid, { privateKey: pair.privateKey, jwk });
    }
    this.rogueKey = (await generateKeyPair('RS256')).privateKey;
    this.server = http.createServer((req, res) => {
      this.requests.push(req.url ?? '');
      res.setHeader('content-type', 'application/json');
      if (req.url === '/v1/.well-known/openidconfiguration') {
        res.end(
          JSON.stringify({
            issuer: BOT_TOKEN_ISSUER,
            authorization_endpoint: `${this.url}/v1/.well-known/authorize`,
            jwks_uri: `${this.url}/v1/.well-known/keys`,
            id_token_signing_alg_values_supported: ['RS256'],
            token_endpoint_auth_methods_supported: ['private_key_jwt'],
          }),
        );
        return;
      }
      if (req.url === '/v1/.well-known/keys') {
        res.end(JSON.stringify({ keys: [...this.keys.values()].map((k) => k.jwk) }));
        return;
      }
      res.statusCode = 404;
      res.end('{}');
    });
    await new Promise<void>((r) => this.server!.listen(0, '127.0.0.1', () => r()));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  /** What BOT_OPENID_METADATA is set to. */
  get metadataUrl(): string {
    return `${this.url}/v1/.well-known/openidconfiguration`;
  }

  /** A Bot Connector → bot token, as Teams sends it in `Authorization: Bearer …`. */
  async token(claims: ConnectorTokenClaims, opts: ConnectorTokenOptions = {}): Promise<string> {
    const now = Math.floor(Date.now() / 1000);
    const kid = opts.kid ?? 'teams-key';
    const key = opts.rogue ? this.rogueKey : this.keys.get(kid)?.privateKey;
    if (!key) throw new Error(`no key ${kid}`);
    const jwt = new SignJWT({ serviceurl: claims.serviceUrl, ...claims.extra })
      .setProtectedHeader({ alg: 'RS256', kid, typ: 'JWT' })
      .setIssuer(claims.iss ?? BOT_TOKEN_ISSUER)
      .setAudience(claims.aud ?? BOT_APP_ID)
      .setIssuedAt(now - 10)
      .setExpirationTime(now + (claims.expiresInSeconds ?? 3600));
    if (claims.notBeforeSeconds !== undefined) jwt.setNotBefore(now + claims.notBeforeSeconds);
    return jwt.sign(key);
  }

  /** Env for startTestApp: inbound bot auth on, validated against this service. */
  appEnv(): Record<string, string> {
    return {
      MicrosoftAppId: BOT_APP_ID,
      MicrosoftAppPassword: 'test-password-not-a-secret',
      MicrosoftAppType: 'MultiTenant',
      BOT_OPENID_METADATA: this.metadataUrl,
    };
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((r) => (this.server ? this.server.close(() => r()) : r()));
  }
}

/** An unsigned token (alg none) with otherwise perfect claims. */
export function unsignedToken(claims: Record<string, unknown>): string {
  const b64 = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');
  return `${b64({ alg: 'none', typ: 'JWT', kid: 'teams-key' })}.${b64(claims)}.`;
}

/** A token whose header claims HS256 and is "signed" with the public key's modulus as the secret. */
export async function hsConfusionToken(claims: Record<string, unknown>, secret: string): Promise<string> {
  return new SignJWT(claims).setProtectedHeader({ alg: 'HS256', kid: 'teams-key', typ: 'JWT' }).sign(new TextEncoder().encode(secret));
}
