import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startAppProcess, type AppProcess } from '../support/app-process';
import { AppInsightsStandIn } from '../support/app-insights';
import { TestConnector } from '../support/connector';
import { GraphStandIn } from '../support/graph/stand-in';
import { TEST_APP_CLIENT_ID, TEST_APP_ID_URI, TestIdentityProvider } from '../support/identity-provider';
import { adaptiveActionActivity, installInTeamActivity, rosterOf, type TeamsUser } from '../support/teams';

/**
 * Telemetry, end to end: the built app in its own process (as in production) with
 * APPLICATIONINSIGHTS_CONNECTION_STRING pointing at a stand-in ingestion endpoint, the real
 * `@azure/monitor-opentelemetry` SDK exporting to it. Real traffic — a team installed, a pilot
 * created and launched through the tab API, check-in prompts sent to the Bot Connector, answers
 * through the bot, feedback — and then: requests, Cosmos and Bot Connector dependencies and the
 * app's metrics arrived, and no envelope holds anyone's id, name, conversation id or words.
 * Without the setting: the SDK is never loaded (so nothing can be sent).
 *
 * Needs `npm run build` (it runs dist/server/main.js).
 */
jest.setTimeout(120_000);

const DAY = 86_400_000;
const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function until<T>(what: string, probe: () => T | undefined | false, timeoutMs = 45_000): Promise<T> {
  const started = Date.now();
  for (;;) {
    const found = probe();
    if (found) return found;
    if (Date.now() - started > timeoutMs) throw new Error(`Timed out waiting for ${what}`);
    await pause(100);
  }
}

let idp: TestIdentityProvider;
let graph: GraphStandIn;

beforeAll(async () => {
  idp = await new TestIdentityProvider().start();
  graph = await new GraphStandIn(randomUUID()).start();
});
afterAll(async () => {
  await graph.stop();
  await idp.stop();
});

const baseEnv = () => ({
  NODE_ENV: 'test',
  LOG_LEVEL: 'silent',
  SEED_DEMO_DATA: 'false',
  AAD_APP_CLIENT_ID: TEST_APP_CLIENT_ID,
  AAD_APP_ID_URI: TEST_APP_ID_URI,
  AAD_JWKS_URI: idp.jwksUri,
  AAD_AUTHORITY_HOST: idp.authorityHost,
  PUBLIC_URL: 'https://leaderful.test',
  GRAPH_ENDPOINT: graph.url,
  GRAPH_LOCAL_TOKEN: graph.secret,
  GRAPH_LOCAL_CA: graph.ca,
  // Modules the process loads, one line each on stderr: what tells whether the SDK was loaded.
  NODE_DEBUG: 'module',
});

const otelModulesLoaded = (stderr: string) => [...new Set([...stderr.matchAll(/load "([^"]*(?:@opentelemetry|monitor-opentelemetry)[^"]*)"/g)].map((m) => m[1]))];

test('with a connection string: requests, Cosmos and Bot Connector dependencies and the metrics arrive, and nothing personal does', async () => {
  const ingestion = await new AppInsightsStandIn().start();
  const dataDir = mkdtempSync(path.join(tmpdir(), 'leaderful-telemetry-'));
  const caFile = path.join(dataDir, 'ingestion-ca.pem');
  writeFileSync(caFile, ingestion.ca);
  const connector = await new TestConnector().start();
  const tenantId = randomUUID();
  const person = (name: string): TeamsUser => ({ tenantId, userId: randomUUID(), name });
  const manager = person('Quintessa Vandermolen');
  const members = [person('Bartholomew Okonkwo-Reyes'), person('Ximena Thorvaldsdottir')];
  connector.members = rosterOf(tenantId, [manager, ...members]);
  const teamsTeamId = `19:${randomUUID()}@thread.tacv2`;
  const aadGroupId = randomUUID();
  graph.tenant(tenantId).teams.set(aadGroupId, [{ userId: manager.userId, owner: true }, ...members.map((m) => ({ userId: m.userId }))]);
  const answerText = `Kept the standup at nine, ${randomUUID().slice(0, 8)} zebra-quokka`;
  const feedbackText = `Please move the retro ${randomUUID().slice(0, 8)} pelican-narwhal`;
  const tokens = new Map<string, string>();
  for (const u of [manager, ...members]) tokens.set(u.userId, await idp.token({ tid: tenantId, oid: u.userId, name: u.name }));

  let app: AppProcess | undefined;
  try {
    const env = {
      ...baseEnv(),
      DATA_DIR: dataDir,
      NODE_EXTRA_CA_CERTS: caFile,
      EMBEDDED_SNAPSHOT: 'true',
      BACKGROUND: 'true',
      APPLICATIONINSIGHTS_CONNECTION_STRING: ingestion.connectionString(),
      OTEL_METRIC_EXPORT_INTERVAL: '1000',
      OTEL_BSP_SCHEDULE_DELAY: '200',
      OTEL_TRACES_SAMPLER: 'always_on',
      // SDK self-reporting goes to Microsoft's own endpoint, not the connection string's: off here.
      APPLICATION_INSIGHTS_NO_STATSBEAT: 'true',
      APPLICATIONINSIGHTS_SDKSTATS_DISABLED: 'true',
    };
    app = startAppProcess(env);
    let url = await app.ready;
    const call = async (as: TeamsUser, p: string, method: string, body?: unknown) => {
      const res = await fetch(`${url}${p}`, { method, headers: { authorization: `Bearer ${tokens.get(as.userId)}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) }, body: body === undefined ? undefined : JSON.stringify(body) });
      return { status: res.status, body: (await res.json().catch(() => undefined)) as any };
    };
    const invoke = async (activity: unknown) => (await fetch(`${url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(activity) })).status;

    // The team, a pilot with a round open today, everyone working every day.
    expect(await invoke(installInTeamActivity(connector.url, manager, { teamsTeamId, name: 'Telemetry team', aadGroupId }))).toBe(200);
    for (const m of members) expect((await call(m, '/api/me/preferences', 'PUT', { workDays: [0, 1, 2, 3, 4, 5, 6] })).status).toBe(200);
    const today = new Date().toISOString().slice(0, 10);
    const created = await call(manager, '/api/pilots', 'POST', {
      title: 'Quiet mornings',
      hypothesis: 'If mornings are quiet, the team finishes more of what it starts.',
      successMeasures: ['More finished work'],
      teamId: `team:${teamsTeamId}`,
      cadence: { weekdays: [0, 1, 2, 3, 4, 5, 6], time: '00:00', everyWeeks: 1, reminderHours: 0, roundHours: 48 },
      questions: [{ id: 'confidence', kind: 'scale', text: 'Confidence?' }, { id: 'progress', kind: 'text', text: 'What happened?' }],
      startDate: today,
      endDate: new Date(Date.now() + 30 * DAY).toISOString().slice(0, 10),
    });
    expect(created.status).toBe(201);
    const pilotId: string = created.body.pilot.id;
    expect((await call(manager, `/api/pilots/${encodeURIComponent(pilotId)}/launch`, 'POST')).status).toBe(200);
    // The scheduler's first pass comes a second after start: restart, so that it opens the round.
    await app.stop();
    app = startAppProcess(env);
    url = await app.ready;
    // The scheduler opens the round and delivery sends each member their prompt (a throttled send first).
    connector.failNext(429, 1, { 'retry-after': '0' });
    const prompts = await connector.waitFor((a) => a.method === 'POST' && /checkin\.submit/.test(JSON.stringify(a.activity)) && members.some((m) => connector.personalChats.get(a.conversationId) === `29:${m.userId}`), members.length, 60_000);
    for (const m of members) {
      const prompt = prompts.find((p) => connector.personalChats.get(p.conversationId) === `29:${m.userId}`)!;
      const roundId = /"roundId":"(round:[^"]+)"/.exec(JSON.stringify(prompt.activity))![1];
      expect(await invoke(adaptiveActionActivity(connector.url, m, 'checkin.submit', { roundId, confidence: '4', progress: answerText }, prompt.conversationId))).toBe(200);
    }
    expect((await call(members[0], '/api/feedback', 'POST', { audience: 'manager', topic: 'workload', text: feedbackText, anonymous: false })).status).toBe(201);
    expect((await call(manager, `/api/pilots/${encodeURIComponent(pilotId)}`, 'GET')).status).toBe(200);
    expect((await call(manager, `/api/pilots?search=${encodeURIComponent(members[0].name)}`, 'GET')).status).toBeLessThan(500);

    // Requests, named by route.
    await until('request telemetry', () => ingestion.requestsTracked().some((r) => r.name === 'POST /api/messages') && ingestion.requestsTracked().some((r) => r.name === 'GET /api/pilots/:id'));
    const requests = ingestion.requestsTracked();
    expect(requests.find((r) => r.name === 'POST /api/pilots/:id/:action')).toMatchObject({ responseCode: '200', success: true });
    // Dependencies: the store (Cosmos REST) and the Bot Connector, including the throttled send.
    await until('Cosmos and Bot Connector dependencies', () => {
      const deps = ingestion.dependencies();
      return deps.some((d) => d.type === 'Http' && /\/dbs\/leaderful\/colls\//.test(d.data ?? '')) && deps.some((d) => /^POST \/v3\/conversations\/:id\/activities/.test(d.name) && d.resultCode === '200');
    });
    expect(ingestion.dependencies().some((d) => /\/v3\/conversations/.test(d.name) && d.resultCode === '429')).toBe(true);
    // The app's metrics.
    await until('metrics', () =>
      ingestion.metrics('leaderful.delivery.sent').some((m) => m.value > 0) &&
      ingestion.metrics('leaderful.outbox.depth').length > 0 &&
      ingestion.metrics('leaderful.scheduler.lag').length > 0 &&
      ingestion.metrics('leaderful.throttled').some((m) => m.properties.dependency === 'bot-connector'),
    );
    expect(ingestion.metrics('leaderful.delivery.retried').some((m) => m.value > 0)).toBe(true);
    expect(ingestion.requests.every((r) => /^POST \/v2(\.1)?\/track/.test(r))).toBe(true);
    expect(otelModulesLoaded(app.stderr()).length).toBeGreaterThan(10); // what the test below looks for, seen here

    // Nothing personal, anywhere in what was sent.
    await app.stop(); // flushes
    const everything = ingestion.bodies.join('\n');
    const conversations = [...connector.personalChats.keys(), ...prompts.map((p) => p.conversationId)];
    const forbidden = [
      tenantId,
      teamsTeamId,
      aadGroupId,
      ...[manager, ...members].flatMap((u) => [u.userId, u.name, ...u.name.split(/[\s-]/)]),
      ...conversations,
      answerText,
      'zebra-quokka',
      feedbackText,
      'pelican-narwhal',
      ...tokens.values(),
      pilotId,
      pilotId.replace(/^pilot:/, ''),
    ];
    expect(everything.length).toBeGreaterThan(10_000);
    expect(forbidden.filter((s) => everything.includes(s) || everything.includes(encodeURIComponent(s)))).toEqual([]);
    expect(everything).not.toMatch(/127\.0\.0\.1:\d+\/[^"]*\?/); // no query strings
  } finally {
    await app?.kill('group');
    await connector.stop();
    await ingestion.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
});

test('without a connection string: the SDK is not loaded, so nothing is sent', async () => {
  const app = startAppProcess(baseEnv());
  try {
    const url = await app.ready;
    expect((await fetch(`${url}/healthz`)).status).toBe(200);
    expect((await fetch(`${url}/api/pilots`)).status).toBe(401);
    expect(app.stderr()).toMatch(/MODULE \d+: load "[^"]*restify/); // the module trace is there
    expect(otelModulesLoaded(app.stderr())).toEqual([]);
  } finally {
    await app.kill('group');
  }
});
