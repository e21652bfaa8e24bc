import { spawnSync } from 'node:child_process';
import { mkdtempSync, existsSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { demoUser, startTestApp, type TestApp } from '../support/app';
import { messageActivity } from '../support/teams';
import { DEMO_TENANT_ID } from '../domain/demo';

describe('foundation: one server over HTTP', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.stop());

  const morgan = demoUser('Morgan');

  test('health reports the store as reachable', async () => {
    const res = await fetch(`${t.url}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok', store: 'reachable' });
  });

  test('a Teams message to the bot gets a reply at the connector', async () => {
    const activity = messageActivity(t.connector.url, morgan, 'my pilots');
    const res = await t.activity(activity);
    expect(res.status).toBe(200);
    const [reply] = await t.connector.waitFor((a) => a.activity.replyToId === activity.id);
    expect(reply.path).toBe(`/v3/conversations/${encodeURIComponent(activity.conversation.id)}/activities/${activity.id}`);
    const card = (reply.activity.attachments as any[])[0].content;
    const text = JSON.stringify(card);
    expect(text).toContain('Your pilots');
    expect(text).toContain('Rotate who runs our Monday stand-up');
  });

  test('the same activity delivered twice is answered once', async () => {
    const activity = messageActivity(t.connector.url, morgan, 'help');
    await t.activity(activity);
    await t.activity(activity);
    await t.connector.waitFor((a) => a.activity.replyToId === activity.id);
    await new Promise((r) => setTimeout(r, 300));
    expect(t.connector.received.filter((a) => a.activity.replyToId === activity.id)).toHaveLength(1);
  });

  test('tab API round trip with a signed SSO token', async () => {
    const me = await t.api('/api/me', { as: morgan });
    expect(me.status).toBe(200);
    expect(me.body.user).toMatchObject({ id: morgan.userId, name: 'Morgan Lee', roles: ['member', 'manager'] });
    const pilots = await t.api('/api/pilots?mine=true', { as: morgan });
    expect(pilots.status).toBe(200);
    expect(pilots.body.pilots.map((p: any) => p.title)).toEqual(
      expect.arrayContaining(['Rotate who runs our Monday stand-up', 'Let the desk decide refunds under £200']),
    );
    expect(pilots.body.pilots.every((p: any) => p.managerId === morgan.userId)).toBe(true);
  });

  test.each([
    ['forged (signed by an unknown key)', { rogue: true }, {}],
    ['expired', {}, { expiresInSeconds: -600 }],
    ['for another audience', {}, { aud: 'api://someone-else' }],
    ['from another issuer', {}, { iss: 'https://evil.example/v2.0' }],
    ['without the access_as_user scope', {}, { scp: 'User.Read' }],
  ])('a token %s is refused with 401', async (_name, opts, claims) => {
    const token = await t.idp.token({ tid: morgan.tenantId, oid: morgan.userId, ...claims }, opts);
    const res = await fetch(`${t.url}/api/pilots`, { headers: { authorization: `Bearer ${token}` } });
    expect(res.status).toBe(401);
    const body = await res.json();
    expect(body.error.code).toBe('unauthenticated');
    expect(JSON.stringify(body)).not.toMatch(/signature|JWS|stack/i);
  });

  test('no credentials: 401; demo header ignored when demo sign-in is off', async () => {
    expect((await fetch(`${t.url}/api/pilots`)).status).toBe(401);
    const res = await fetch(`${t.url}/api/pilots`, { headers: { 'x-leaderful-demo-user': morgan.userId } });
    expect(res.status).toBe(401);
    expect((await fetch(`${t.url}/api/demo/users`)).status).toBe(404);
  });

  test('bad input gets a clear 4xx and the server keeps serving', async () => {
    const token = await t.idp.token({ tid: morgan.tenantId, oid: morgan.userId });
    const auth = { authorization: `Bearer ${token}` };
    const malformed = await fetch(`${t.url}/api/pilots`, { method: 'POST', headers: { ...auth, 'content-type': 'application/json' }, body: '{"title": ' });
    expect(malformed.status).toBe(400);
    expect((await malformed.json()).error.message).toMatch(/not valid JSON/);

    const wrongType = await fetch(`${t.url}/api/pilots`, { method: 'POST', headers: { ...auth, 'content-type': 'text/plain' }, body: 'hello' });
    expect(wrongType.status).toBe(415);

    const huge = await fetch(`${t.url}/api/pilots`, { method: 'POST', headers: { ...auth, 'content-type': 'application/json' }, body: JSON.stringify({ title: 'x'.repeat(400_000) }) });
    expect(huge.status).toBe(413);

    const unknown = await fetch(`${t.url}/api/nothing-here`);
    expect(unknown.status).toBe(404);
    expect((await unknown.json()).error.message).toContain('/api/nothing-here');

    const invalid = await t.api('/api/pilots', { as: morgan, body: { title: 'ok title', startDate: '2026-13-01' } });
    expect(invalid.status).toBe(400);
    const fields = invalid.body.error.fields.map((f: any) => f.field);
    expect(fields).toEqual(expect.arrayContaining(['hypothesis', 'successMeasures', 'teamId', 'startDate', 'endDate']));

    const notActivity = await t.activity({ hello: 'world' });
    expect(notActivity.status).toBe(400);

    expect((await fetch(`${t.url}/healthz`)).status).toBe(200);
  });

  test('tab files are served with headers that let Teams frame them', async () => {
    const res = await fetch(`${t.url}/tabs/index.html`);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('<div id="root">');
    expect(res.headers.get('content-security-policy')).toContain('frame-ancestors');
    expect(res.headers.get('content-security-policy')).toContain('https://teams.microsoft.com');
  });
});

describe('foundation: store faults and restarts', () => {
  test('when the store goes away the API answers 503 and the bot apologises', async () => {
    const t = await startTestApp();
    try {
      const morgan = demoUser('Morgan');
      expect((await t.api('/api/pilots', { as: morgan })).status).toBe(200);
      await t.app.embedded!.stop();
      const res = await t.api('/api/pilots', { as: morgan });
      expect(res.status).toBe(503);
      expect(res.body.error.message).toMatch(/cannot reach its data/i);
      expect(res.headers.get('retry-after')).toBeTruthy();
      const health = await fetch(`${t.url}/healthz`);
      expect(health.status).toBe(503);
      const activity = messageActivity(t.connector.url, morgan, 'my pilots');
      await t.activity(activity);
      const [reply] = await t.connector.waitFor((a) => a.activity.replyToId === activity.id);
      expect(String(reply.activity.text)).toMatch(/cannot reach its data/i);
    } finally {
      await t.stop();
    }
  });

  test('local data survives a restart, and demo data is not seeded twice', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'leaderful-data-'));
    const env = { DATA_DIR: dataDir, EMBEDDED_SNAPSHOT: 'true' };
    const morgan = demoUser('Morgan');
    let first = await startTestApp({ env });
    let createdId: string;
    try {
      const created = await first.api('/api/pilots', {
        as: morgan,
        body: {
          title: 'Pilot that must survive',
          hypothesis: 'If data survives restarts, people trust the app.',
          successMeasures: ['Nothing lost'],
          teamId: 'team:demo-ops',
          startDate: '2026-12-01',
          endDate: '2027-01-31',
        },
      });
      expect(created.status).toBe(201);
      createdId = created.body.pilot.id;
    } finally {
      await first.stop();
    }
    expect(existsSync(path.join(dataDir, 'cosmos', 'LOCK'))).toBe(false); // the store let go of its folder
    expect(readdirSync(path.join(dataDir, 'cosmos')).some((f) => /^journal-\d+\.log$/.test(f))).toBe(true);
    const second = await startTestApp({ env });
    try {
      const list = await second.api('/api/pilots?mine=true', { as: morgan });
      const titles = list.body.pilots.map((p: any) => p.title);
      expect(titles).toContain('Pilot that must survive');
      expect(list.body.pilots.find((p: any) => p.id === createdId)).toBeTruthy();
      expect(titles.filter((x: string) => x === 'Rotate who runs our Monday stand-up')).toHaveLength(1);
    } finally {
      await second.stop();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});

describe('foundation: start-up', () => {
  const main = path.join(__dirname, '..', 'dist', 'server', 'main.js');
  const run = (env: Record<string, string>) =>
    spawnSync(process.execPath, [main], { env: { PATH: process.env.PATH ?? '', ...env }, encoding: 'utf8', timeout: 30_000 });

  test('an unreachable Cosmos endpoint stops start-up with a clear message', () => {
    const res = run({ COSMOS_ENDPOINT: 'http://127.0.0.1:9/', COSMOS_KEY: 'x', DEMO_SIGN_IN: 'true', PORT: '0', LOG_LEVEL: 'silent' });
    expect(res.status).toBe(1);
    expect(res.stderr).toMatch(/Cannot reach Cosmos DB at http:\/\/127\.0\.0\.1:9/);
  });

  test('invalid configuration names the setting', () => {
    const res = run({ PORT: 'eighty', DEMO_SIGN_IN: 'true' });
    expect(res.status).toBe(1);
    expect(res.stderr).toMatch(/PORT/);
  });

  test('demo sign-in refuses to start in production', () => {
    const res = run({ NODE_ENV: 'production', DEMO_SIGN_IN: 'true', COSMOS_ENDPOINT: 'https://x.documents.azure.com/', AAD_APP_CLIENT_ID: 'abc' });
    expect(res.status).toBe(1);
    expect(res.stderr).toMatch(/DEMO_SIGN_IN: must be off when NODE_ENV=production/);
  });
});

test('demo tenant id is stable', () => {
  expect(DEMO_TENANT_ID).toMatch(/^[0-9a-f-]{36}$/);
});
