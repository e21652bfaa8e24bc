import { randomUUID } from 'node:crypto';
import { SignJWT, generateKeyPair } from 'jose';
import { DEMO_USERS } from '../../domain/demo';
import { ConfigError, loadConfig } from '../../server/config';
import { demoUser, startTestApp, type TestApp } from '../../support/app';
import { TEST_APP_CLIENT_ID, TEST_APP_ID_URI } from '../../support/identity-provider';
import { routesFromSource } from './routes';
import { changeCount, diffDigests, printFigures, storeDigest } from './support';

/**
 * Issue 7.2: every tab API route requires a verified Teams SSO token — signature (tenant JWKS),
 * issuer (the token's own tenant), audience (the app id or api://…/appId), expiry and the
 * access_as_user scope. Demo sign-in works only when explicitly enabled, and never in production.
 */
const morgan = demoUser('Morgan');
const alex = demoUser('Alex');

/** Every tab API route with a concrete path (ids of the demo tenant; a few need a body). */
function concrete(route: string): { method: string; path: string; body?: unknown } {
  const [method, spec] = route.split(' ');
  const path = spec
    .replace(':id/measures', 'pilot%3Ademo-facilitator/measures')
    .replace(/\/api\/pilots\/:id/, '/api/pilots/pilot%3Ademo-facilitator')
    .replace(/\/api\/feedback\/:id/, '/api/feedback/feedback%3Ademo-3')
    .replace(':action', 'pause')
    .replace(':index', '0')
    .replace(/:(\w+)/g, 'x');
  return { method, path, body: method === 'GET' || method === 'HEAD' ? undefined : {} };
}
const API_ROUTES = routesFromSource().filter((r) => r.split(' ')[1].startsWith('/api/') && r !== 'POST /api/messages' && r !== 'GET /api/demo/users');

describe('Teams SSO on every tab API route', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
    await t.api('/api/me', { as: morgan });
  });
  afterAll(() => t.stop());

  type BadToken = [string, () => Promise<string>];
  const claims = () => ({ tid: morgan.tenantId, oid: morgan.userId, name: morgan.name });
  const BAD: BadToken[] = [
    ['forged (unknown key)', () => t.idp.token(claims(), { rogue: true })],
    ['expired', () => t.idp.token({ ...claims(), expiresInSeconds: -600 })],
    ['for another app', () => t.idp.token({ ...claims(), aud: randomUUID() })],
    ['for another app id URI', () => t.idp.token({ ...claims(), aud: `api://evil.example/${TEST_APP_CLIENT_ID}` })],
    ['from an unknown issuer', () => t.idp.token({ ...claims(), iss: 'https://evil.example/v2.0' })],
    ['issued by another tenant than its tid claims', () => t.idp.token({ ...claims(), iss: `${t.idp.authorityHost}/${randomUUID()}/v2.0` })],
    ['without access_as_user', () => t.idp.token({ ...claims(), scp: 'User.Read' })],
    ['with a look-alike scope', () => t.idp.token({ ...claims(), scp: 'access_as_users' })],
    ['unsigned (alg none)', async () => {
      const b64 = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');
      const now = Math.floor(Date.now() / 1000);
      return `${b64({ alg: 'none', typ: 'JWT', kid: 'test-key' })}.${b64({ ...claims(), scp: 'access_as_user', aud: TEST_APP_CLIENT_ID, iss: `${t.idp.authorityHost}/${morgan.tenantId}/v2.0`, exp: now + 600 })}.`;
    }],
    ['HS256 keyed with the app id', async () => {
      const now = Math.floor(Date.now() / 1000);
      return new SignJWT({ ...claims(), scp: 'access_as_user' }).setProtectedHeader({ alg: 'HS256', kid: 'test-key' }).setAudience(TEST_APP_CLIENT_ID).setIssuer(`${t.idp.authorityHost}/${morgan.tenantId}/v2.0`).setExpirationTime(now + 600).sign(new TextEncoder().encode(TEST_APP_CLIENT_ID));
    }],
    ['signed by an unknown key id', async () => {
      const { privateKey } = await generateKeyPair('RS256');
      const now = Math.floor(Date.now() / 1000);
      return new SignJWT({ ...claims(), scp: 'access_as_user' }).setProtectedHeader({ alg: 'RS256', kid: 'other-key' }).setAudience(TEST_APP_CLIENT_ID).setIssuer(`${t.idp.authorityHost}/${morgan.tenantId}/v2.0`).setExpirationTime(now + 600).sign(privateKey);
    }],
    ['without a tenant', async () => {
      // A well-signed token that names no tenant: tid is required.
      const token = await t.idp.token({ tid: '', oid: morgan.userId });
      return token;
    }],
  ];

  test.each(BAD)('a token %s gets 401 on every route and changes nothing', async (_name, make) => {
    const token = await make();
    const before = await storeDigest(t);
    const statuses: string[] = [];
    for (const route of API_ROUTES) {
      const { method, path, body } = concrete(route);
      const res = await fetch(`${t.url}${path}`, {
        method,
        headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}), 'x-leaderful-demo-user': alex.userId },
        body: body ? JSON.stringify(body) : undefined,
      });
      const text = await res.text();
      if (res.status !== 401) statuses.push(`${route} → ${res.status}`);
      expect(text).not.toMatch(/signature|JWS|JWT|stack|jose/i);
    }
    expect(statuses).toEqual([]);
    expect(changeCount(diffDigests(before, await storeDigest(t)))).toBe(0);
  });

  test('no token, a malformed header, or another scheme: 401 on every route', async () => {
    const headers: Record<string, string>[] = [{}, { authorization: 'Bearer' }, { authorization: 'bearer abc.def.ghi' }, { authorization: `Basic ${Buffer.from('a:b').toString('base64')}` }, { authorization: 'Bearer a.b.c d.e.f' }];
    for (const route of API_ROUTES) {
      const { method, path } = concrete(route);
      for (const h of headers) {
        const res = await fetch(`${t.url}${path}`, { method, headers: h });
        expect(`${route} ${JSON.stringify(h)} → ${res.status}`).toMatch(/→ 401$/);
      }
    }
  });

  test('valid tokens: audience as app id or api://…/appId, v1 or v2 issuer, scope among others', async () => {
    const ok = [
      await t.idp.token({ ...claims(), aud: TEST_APP_CLIENT_ID }),
      await t.idp.token({ ...claims(), aud: TEST_APP_ID_URI }),
      await t.idp.token({ ...claims(), iss: `https://sts.windows.net/${morgan.tenantId}/` }),
      await t.idp.token({ ...claims(), scp: 'User.Read access_as_user' }),
    ];
    for (const token of ok) {
      const res = await fetch(`${t.url}/api/me`, { headers: { authorization: `Bearer ${token}` } });
      expect(res.status).toBe(200);
      expect((await res.json()).user.id).toBe(morgan.userId);
    }
  });

  test('identity comes from the token only: demo header and spoofed ids in the body are ignored', async () => {
    const token = await t.idp.token(claims());
    const res = await fetch(`${t.url}/api/me`, { headers: { authorization: `Bearer ${token}`, 'x-leaderful-demo-user': alex.userId, 'x-ms-client-principal-id': alex.userId } });
    expect((await res.json()).user).toMatchObject({ id: morgan.userId, roles: ['member', 'manager'] });
  });

  test('app roles come from the verified token’s roles claim only: unknown values, other shapes and a role the record holds do not count', async () => {
    const me = async (extra: Record<string, unknown>) => {
      const token = await t.idp.token({ ...claims(), ...extra } as Parameters<typeof t.idp.token>[0]);
      return (await (await fetch(`${t.url}/api/me`, { headers: { authorization: `Bearer ${token}` } })).json()).user.roles;
    };
    // (`manager` tells the tab he manages a team; an admin may act for every team anyway.)
    expect(await me({ roles: ['Leaderful.Admin', 'Leaderful.Owner', 'Global Administrator', 'admin'] })).toEqual(['member', 'admin']);
    expect(await me({ roles: ['Leaderful.Leader', 'Leaderful.Leader'] })).toEqual(['member', 'leader', 'manager']);
    // The record remembers the last verified roles (for the bot); a token without the claim takes them away.
    expect((await t.app.domain.directory.member(morgan.tenantId, morgan.userId))?.entraRoles?.roles).toEqual(['leader']);
    expect(await me({})).toEqual(['member', 'manager']);
    expect((await t.app.domain.directory.member(morgan.tenantId, morgan.userId))?.entraRoles?.roles).toEqual([]);
    // A senior leader or admin role written into the record by other means is not honoured.
    await t.app.domain.directory.updateMember(morgan.tenantId, morgan.userId, (m) => ({ ...m, roles: [...m.roles, 'admin', 'leader'] }));
    expect(await me({})).toEqual(['member', 'manager']);
    // Managing is a right per team, never a role the caller carries.
    expect((await t.app.domain.directory.resolveCaller(morgan.tenantId, morgan.userId, morgan.name)).roles).toEqual(['member']);
    await t.app.domain.directory.updateMember(morgan.tenantId, morgan.userId, (m) => ({ ...m, roles: ['member'] }));
    // A forged token's roles never arrive anywhere: the token is refused.
    const forged = await t.idp.token({ ...claims(), roles: ['Leaderful.Admin'] }, { rogue: true });
    expect((await fetch(`${t.url}/api/admin/sync`, { headers: { authorization: `Bearer ${forged}` } })).status).toBe(401);
  });

  test('demo sign-in is off unless enabled', async () => {
    expect((await fetch(`${t.url}/api/me`, { headers: { 'x-leaderful-demo-user': alex.userId } })).status).toBe(401);
    expect((await fetch(`${t.url}/api/demo/users`)).status).toBe(404);
  });

  afterAll(() => {
    printFigures('Teams SSO (issue 7.2)', { 'API routes checked': API_ROUTES.length, 'bad tokens': BAD.length, 'route × bad token requests': API_ROUTES.length * BAD.length });
  });
});

describe('demo sign-in', () => {
  test('enabled explicitly (development): demo users only, in the demo tenant only, bound to loopback', async () => {
    const t = await startTestApp({ env: { DEMO_SIGN_IN: 'true', NODE_ENV: 'development', EMBEDDED_SNAPSHOT: 'false', SEED_DEMO_DATA: 'true' } });
    try {
      expect(new URL(t.url).hostname).toBe('127.0.0.1');
      const users = await fetch(`${t.url}/api/demo/users`);
      expect(users.status).toBe(200);
      expect((await users.json()).users.length).toBe(DEMO_USERS.length);

      const me = await fetch(`${t.url}/api/me`, { headers: { 'x-leaderful-demo-user': alex.userId } });
      expect(me.status).toBe(200);
      expect((await me.json()).user).toMatchObject({ id: alex.userId, roles: ['member', 'admin', 'leader'] });

      for (const bad of [randomUUID(), '', '../member:x', `${alex.userId}x`, `member:${alex.userId}`, "' OR 1=1 --"]) {
        const res = await fetch(`${t.url}/api/me`, { headers: { 'x-leaderful-demo-user': bad } });
        expect(`${JSON.stringify(bad)} → ${res.status}`).toMatch(/→ 401$/);
      }
      // A token, when present, is what counts: a bad token is not rescued by the demo header.
      const forged = await t.idp.token({ tid: morgan.tenantId, oid: morgan.userId }, { rogue: true });
      expect((await fetch(`${t.url}/api/me`, { headers: { authorization: `Bearer ${forged}`, 'x-leaderful-demo-user': alex.userId } })).status).toBe(401);
    } finally {
      await t.stop();
    }
  });

  test('refused at start-up in production', () => {
    const base = { NODE_ENV: 'production', COSMOS_ENDPOINT: 'https://x.documents.azure.com/', AAD_APP_CLIENT_ID: TEST_APP_CLIENT_ID, AAD_APP_TENANT_ID: randomUUID(), MicrosoftAppId: randomUUID() };
    for (const value of ['true', '1']) {
      expect(() => loadConfig({ ...base, DEMO_SIGN_IN: value })).toThrow(ConfigError);
      expect(() => loadConfig({ ...base, DEMO_SIGN_IN: value })).toThrow(/DEMO_SIGN_IN: must be off when NODE_ENV=production/);
    }
    // Spelled any other way it is not a switch at all.
    expect(() => loadConfig({ ...base, DEMO_SIGN_IN: 'TRUE' })).toThrow(ConfigError);
    expect(() => loadConfig({ ...base, DEMO_SIGN_IN: 'yes' })).toThrow(ConfigError);
    expect(loadConfig(base).DEMO_SIGN_IN).toBe(false);
  });

  test('without SSO configured and without demo sign-in the app does not start', () => {
    expect(() => loadConfig({ NODE_ENV: 'development' })).toThrow(/AAD_APP_CLIENT_ID/);
    expect(() => loadConfig({ NODE_ENV: 'production', COSMOS_ENDPOINT: 'https://x.documents.azure.com/' })).toThrow(/AAD_APP_CLIENT_ID/);
  });
});
