import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { demoUser, startTestApp, type TestApp } from '../../support/app';
import { invokeActivity, messageActivity, type TeamsUser } from '../../support/teams';
import { routesFromSource } from './routes';
import { changeCount, diffDigests, printFigures, settle, storeDigest, type StoreDigest } from './support';

/**
 * Issue 7.4: a property-based corpus (fast-check, fixed seed) of malformed, oversized, deeply
 * nested, odd-Unicode, injection-bearing and wrongly typed payloads against /api/messages and
 * every /api route, signed in and not. Every payload is one the rules must refuse (or a read),
 * so: no crash, no 5xx, the server healthy afterwards, and not one stored document changed.
 *
 * The one exclusion from "changed": `outbox/…/activity:<id>` records, the bot's dedupe
 * bookkeeping of a Teams-shaped message it processed (answering "help"), which is not user data.
 */
const SEED = 20_240_607;
const API_CASES_PER_ROUTE = 16;
const BOT_CASES = 260;

const morgan = demoUser('Morgan');
const sam = demoUser('Sam');
const jordan = demoUser('Jordan');
const avery = demoUser('Avery');
const alex = demoUser('Alex');
const outsider: TeamsUser = { tenantId: randomUUID(), userId: randomUUID(), name: 'Eve Outsider' };
const SIGNED_IN = [morgan, sam, jordan, avery, alex, outsider];

// ---------------------------------------------------------------------------------------------
// Payload generators.

const INJECTIONS = [
  "' OR 1=1 --",
  "'; DROP TABLE pilots; --",
  '" OR ""="',
  'SELECT * FROM c WHERE 1=1',
  ') OR (c.tenantId != @tenantId',
  "c.tenantId = @tenantId OR true",
  '@tenantId',
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '"><svg/onload=alert(1)>',
  'javascript:alert(1)',
  '${process.exit(1)}',
  '${7*7}',
  '{{7*7}}',
  '${$root.secret}',
  '[click me](https://evil.example/login)',
  '![img](https://evil.example/x.png)',
  '<at>Everyone</at>',
  '<at id="0">Morgan Lee</at>',
  '=HYPERLINK("https://evil.example","x")',
  '+cmd|\' /C calc\'!A0',
  '../../../../etc/passwd',
  '..%2f..%2f..%2fetc%2fpasswd',
  '%00',
  '\u0000',
  '\\u0000',
  'pilot:demo-facilitator',
  'feedback:demo-1',
  'round:pilot:demo-facilitator:2099-01-01',
  '__proto__',
  'constructor',
  'prototype',
  '$where',
  '{"$ne": null}',
];
const ODD_UNITS = ['\uD800', '\uDBFF', '\uDC00', '\uDFFF', '\u202E', '\u202D', '\u2066', '\u200B', '\u200D', '\uFEFF', '\u0000', '\u0007', '\u001B', '\u2028', '\u2029', '\uFFFF', '\uFFFE', 'e\u0301\u0301\u0301', '👩‍👩‍👧‍👦', '𝕏', 'ﷺ', 'Ꙭ', 'İ', 'ß', '\r\n', '\t'];
const PROTO_KEYS = ['__proto__', 'constructor', 'prototype', 'tenantId', 'id', '_etag', '_rid', 'roles', 'managerId', 'ownerId', 'authorId', 'status', 'type', '$where', '$ne'];

const oddUnicode = fc.string({ unit: fc.constantFrom(...ODD_UNITS, 'a', ' ', '1'), minLength: 1, maxLength: 40 });
const hostileString = fc.oneof(
  fc.constantFrom(...INJECTIONS),
  oddUnicode,
  fc.string({ unit: 'binary', maxLength: 80 }),
  fc.tuple(fc.constantFrom(...INJECTIONS), oddUnicode).map(([a, b]) => `${a}${b}`),
  fc.integer({ min: 1_000, max: 20_000 }).map((n) => 'x'.repeat(n)),
);
const wrongType: fc.Arbitrary<unknown> = fc.oneof(
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.constant(-0),
  fc.constant(1e308),
  fc.array(hostileString, { maxLength: 4 }),
  fc.dictionary(fc.constantFrom(...PROTO_KEYS), hostileString, { maxKeys: 3 }),
  hostileString,
);

function nest(depth: number, kind: 'array' | 'object'): string {
  return kind === 'array' ? `${'['.repeat(depth)}1${']'.repeat(depth)}` : `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;
}

/** Raw request bodies: JSON or not. */
const RAW_MALFORMED = ['{', '{"a":', '[1,2', '{"a":1}}', 'undefined', 'NaN', "{'a':1}", '{"a":1,}', '\u0000', 'null', 'true', '"str"', '[]', '0', '1e999', '{"a":"\\ud800"}', '{"__proto__":{"polluted":"yes"}}', '{"constructor":{"prototype":{"polluted":"yes"}}}', '\uFEFF{}', '{"a":1}\u0000'];

/** A JSON object with every known field wrongly typed or hostile, plus at least one key no schema accepts. */
function objectPayload(fields: string[]): fc.Arbitrary<string> {
  return fc
    .tuple(
      fc.record(Object.fromEntries(fields.map((f) => [f, wrongType])) as Record<string, fc.Arbitrary<unknown>>, { requiredKeys: [] }),
      fc.constantFrom(...PROTO_KEYS),
      wrongType,
    )
    .map(([known, key, value]) => {
      // Written by hand so "__proto__" stays an own key, as JSON.parse would make it.
      const body = JSON.stringify(known);
      const extra = `${JSON.stringify(key)}:${JSON.stringify(value === undefined ? null : value)}`;
      return body === '{}' ? `{${extra}}` : `${body.slice(0, -1)},${extra}}`;
    });
}

const bodyFor = (fields: string[]): fc.Arbitrary<string> =>
  fc.oneof(
    { weight: 4, arbitrary: objectPayload(fields) },
    { weight: 2, arbitrary: fc.constantFrom(...RAW_MALFORMED) },
    { weight: 1, arbitrary: fc.constantFrom(2_000, 20_000).chain((d) => fc.constantFrom(nest(d, 'array'), nest(d, 'object'))) },
    { weight: 1, arbitrary: fc.constantFrom(300_000, 600_000).map((n) => JSON.stringify({ title: 'x'.repeat(n) })) },
    { weight: 1, arbitrary: fc.json({ maxDepth: 4 }).filter((j) => !/^\{/.test(j)) },
    { weight: 1, arbitrary: hostileString.map((s) => JSON.stringify(s)) },
  );

// ---------------------------------------------------------------------------------------------
// Routes and their fields. Path parameters are real ids, hostile strings, or both.

const FIELDS: Record<string, string[]> = {
  'POST /api/pilots': ['title', 'practiceId', 'hypothesis', 'successMeasures', 'teamId', 'cadence', 'questions', 'startDate', 'endDate'],
  'PATCH /api/pilots/:id': ['title', 'hypothesis', 'successMeasures', 'teamId', 'cadence', 'startDate', 'endDate'],
  'POST /api/pilots/:id/close': ['outcome', 'learning'],
  'POST /api/feedback': ['audience', 'topic', 'text', 'anonymous', 'pilotId'],
  'POST /api/feedback/:id/acknowledge': ['note', 'dueDate'],
  'POST /api/feedback/:id/act': ['note'],
  'POST /api/feedback/:id/close': ['note'],
  'POST /api/feedback/:id/reply': ['text'],
  'POST /api/feedback/:id/respond': ['text'],
  'POST /api/feedback/:id/confirm': ['closed', 'text'],
  'PUT /api/settings/anonymity': ['anonymityThreshold'],
};
const REAL_IDS: Record<string, string[]> = {
  id: ['pilot:demo-facilitator', 'pilot:demo-retro', 'pilot:demo-decisions', 'feedback:demo-1', 'feedback:demo-3'],
  action: ['launch', 'pause', 'resume', 'review'],
  index: ['0', '1', '-1', '99'],
};

/** Percent-encodes every byte that is not unreserved; lone surrogates go as UTF-8 of U+FFFD. */
function pct(s: string): string {
  return Array.from(Buffer.from(s, 'utf8'), (b) => (/[A-Za-z0-9_.~-]/.test(String.fromCharCode(b)) ? String.fromCharCode(b) : `%${b.toString(16).toUpperCase().padStart(2, '0')}`)).join('');
}
/** Sent as they are: broken and double percent-encodings, overlong UTF-8, encoded slashes and NULs. */
const RAW_SEGMENTS = ['%ZZ', '%25ZZ', '%', '%E0%A4%A', '%ED%A0%80', '%C0%AF', '%00', '%2F', '%252F', '%2e%2e', '..', '.', 'pilot:demo-facilitator%00', 'pilot%3Ademo-facilitator%2F..%2F..'];

/**
 * Routes that do their work without a body (or with `{}`): no payload can make them invalid, so
 * the corpus gives them only ids that do not exist, and (without ids) no signed-in caller. The
 * authorization table (authz.test.ts) is where such calls are made by right and wrong people.
 */
const BODY_OPTIONAL = new Set([
  'POST /api/pilots/:id/:action',
  'POST /api/pilots/:id/measures/:index/met',
  'POST /api/feedback/:id/acknowledge',
  'POST /api/feedback/:id/close',
  'PATCH /api/circles/:id',
  'POST /api/circles/:id/join',
  'POST /api/circles/:id/leave',
  'POST /api/circles/:id/election',
  'POST /api/circles/:id/election/close',
  'DELETE /api/circles/:id/nominations/:userId',
  'DELETE /api/circles/:id/vote',
  'DELETE /api/stories/:id/reactions/:kind',
  'PATCH /api/paths/me/goals/:goalId',
  'DELETE /api/paths/me/goals/:goalId',
  'DELETE /api/paths/me/shares/:userId',
  'POST /api/paths/me/review-request',
]);

const segment = (name: string, realIds = true) =>
  fc.oneof(
    ...(realIds ? [fc.constantFrom(...(REAL_IDS[name] ?? ['x'])).map(pct)] : []),
    hostileString.map((s) => pct(s.slice(0, 300))),
    fc.constantFrom(...RAW_SEGMENTS),
  );

const queryString = fc
  .array(fc.tuple(fc.oneof(fc.constantFrom('status', 'teamId', 'mine', 'weeks', 'department', 'managerId', 'practiceId', '__proto__[polluted]', 'constructor[prototype][polluted]', 'a[b][c][d][e][f]'), hostileString), hostileString), { maxLength: 4 })
  .map((pairs) => (pairs.length ? `?${pairs.map(([k, v]) => `${pct(k)}=${pct(v.slice(0, 500))}`).join('&')}${pairs.length > 2 ? `&${pct(pairs[0][0])}=dup&%ZZ=%ZZ` : ''}` : ''));

type Auth = { kind: 'none' } | { kind: 'garbage'; value: string } | { kind: 'user'; user: TeamsUser } | { kind: 'demo'; value: string };
const auth: fc.Arbitrary<Auth> = fc.oneof(
  { weight: 1, arbitrary: fc.constant({ kind: 'none' } as Auth) },
  { weight: 1, arbitrary: fc.oneof(hostileString, fc.constantFrom('Bearer', 'Bearer a.b.c', 'Bearer ..', 'bearer x', 'Basic Og==')).map((value) => ({ kind: 'garbage', value }) as Auth) },
  { weight: 1, arbitrary: fc.oneof(fc.constantFrom(alex.userId), hostileString).map((value) => ({ kind: 'demo', value }) as Auth) },
  { weight: 5, arbitrary: fc.constantFrom(...SIGNED_IN).map((user) => ({ kind: 'user', user }) as Auth) },
);

interface Case {
  route: string;
  method: string;
  path: string;
  body?: string;
  contentType?: string;
  auth: Auth;
  headers: Record<string, string>;
}

const extraHeaders = fc.record(
  {
    'idempotency-key': hostileString.map((s) => s.replace(/[^\x20-\x7e]/g, '?').slice(0, 4000)),
    'if-match': hostileString.map((s) => s.replace(/[^\x20-\x7e]/g, '?').slice(0, 500)),
  },
  { requiredKeys: [] },
);

function caseFor(route: string): fc.Arbitrary<Case> {
  const [method, spec] = route.split(' ');
  const params = [...spec.matchAll(/:(\w+)/g)].map((m) => m[1]);
  const bodyOptional = BODY_OPTIONAL.has(route);
  const path = fc.tuple(...params.map((name) => segment(name, !bodyOptional)), queryString).map((parts) => {
    let p = spec;
    params.forEach((name, i) => (p = p.replace(`:${name}`, parts[i] as string)));
    return `${p}${method === 'GET' ? parts[params.length] : ''}`;
  });
  const body: fc.Arbitrary<string | undefined> = method === 'GET' ? fc.constant(undefined) : bodyFor(FIELDS[route] ?? ['text', 'note', 'value']);
  const contentType = fc.oneof({ weight: 6, arbitrary: fc.constant('application/json') }, { weight: 1, arbitrary: fc.constantFrom('text/plain', 'application/x-www-form-urlencoded', 'application/json; charset=utf-7', 'multipart/form-data; boundary=x', 'application/vnd.evil+json') });
  const who = bodyOptional && !params.length ? auth.filter((a) => a.kind !== 'user') : auth;
  return fc.record({ route: fc.constant(route), method: fc.constant(method), path, body, contentType, auth: who, headers: extraHeaders });
}

// ---------------------------------------------------------------------------------------------
// Bot activities: Teams-shaped with hostile fields, and bodies that are not activities at all.

const INVOKE_NAMES = ['composeExtension/query', 'composeExtension/queryLink', 'composeExtension/fetchTask', 'composeExtension/submitAction', 'composeExtension/selectItem', 'task/fetch', 'task/submit', 'adaptiveCard/action', 'signin/verifyState', 'actionableMessage/executeAction', 'fileConsent/invoke', 'config/fetch'];
const COMMAND_IDS = ['findPilots', 'launchPilot', 'giveKudos', 'sendFeedback'];
const VERBS = ['checkin.submit', 'checkin.edit', 'checkin.open', 'checkin.swap', 'feedback.submit', 'feedback.reply', 'feedback.open', 'feedback.confirmClosed', 'feedback.notClosed', 'feedback.form'];

const invokeValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.record({ commandId: fc.oneof(fc.constantFrom(...COMMAND_IDS), hostileString), parameters: fc.oneof(fc.array(fc.record({ name: fc.oneof(fc.constant('searchQuery'), hostileString), value: wrongType })), wrongType), queryOptions: fc.oneof(fc.record({ skip: wrongType, count: wrongType }), wrongType), data: wrongType, messagePayload: fc.oneof(fc.record({ body: fc.record({ content: hostileString }) }), wrongType) }, { requiredKeys: [] }),
  fc.record({ action: fc.oneof(fc.record({ type: fc.constant('Action.Execute'), verb: fc.oneof(fc.constantFrom(...VERBS), hostileString), data: fc.oneof(fc.dictionary(fc.oneof(fc.constantFrom('roundId', 'feedbackId', 'requestId', 'replyText', 'shareAnonymously', ...PROTO_KEYS), hostileString), wrongType, { maxKeys: 6 }), wrongType) }, { requiredKeys: [] }), wrongType) }, { requiredKeys: [] }),
  fc.record({ url: fc.oneof(hostileString.map((s) => `https://leaderful.test/pilots/${pct(s)}`), fc.constantFrom(...RAW_SEGMENTS).map((s) => `https://leaderful.test/pilots/${s}`), hostileString) }),
  fc.record({ data: fc.oneof(fc.dictionary(fc.oneof(fc.constantFrom('action', 'requestId', 'teamId', 'practiceId', 'hypothesis', 'startDate', 'endDate'), hostileString), wrongType), wrongType) }),
  wrongType,
);

const identity = fc.constantFrom<TeamsUser | undefined>(morgan, sam, outsider, undefined);

const activityBody: fc.Arbitrary<string> = fc.oneof(
  { weight: 2, arbitrary: bodyFor(['type', 'text', 'from', 'conversation', 'channelData', 'value']) },
  {
    weight: 8,
    arbitrary: fc
      .record({
        who: identity,
        type: fc.oneof({ weight: 5, arbitrary: fc.constantFrom('invoke', 'message', 'conversationUpdate', 'messageReaction', 'event', 'installationUpdate', 'typing', 'endOfConversation', 'messageUpdate', 'messageDelete') }, { weight: 1, arbitrary: hostileString }),
        name: fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...INVOKE_NAMES) }, { weight: 1, arbitrary: hostileString }),
        value: invokeValue,
        text: hostileString,
        override: fc.dictionary(fc.constantFrom('from', 'conversation', 'channelData', 'recipient', 'entities', 'attachments', 'membersAdded', 'membersRemoved', 'replyToId', 'id', 'locale', 'channelId', 'serviceUrl', 'deliveryMode', 'timestamp'), wrongType, { maxKeys: 3 }),
        deep: fc.oneof({ weight: 6, arbitrary: fc.constant(0) }, { weight: 1, arbitrary: fc.constantFrom(2_000, 20_000) }),
        badServiceUrl: fc.constantFrom('http://127.0.0.1:1/', 'javascript:alert(1)', 'file:///etc/passwd', ''),
      })
      .map(({ who, type, name, value, text, override, deep, badServiceUrl }) => {
        const user = who ?? { tenantId: '', userId: '', name: '' };
        const base: Record<string, unknown> =
          type === 'invoke' ? invokeActivity(t.connector.url, user, name, value) : { ...messageActivity(t.connector.url, user, text), type, value };
        if (!who) {
          delete (base.from as Record<string, unknown>).aadObjectId;
          delete base.channelData;
          delete (base.conversation as Record<string, unknown>).tenantId;
        }
        // Hostile overrides never point the bot at a real host: outbound goes to the local
        // connector or fails at once (refused port, bad scheme).
        for (const [k, v] of Object.entries(override)) base[k] = k === 'serviceUrl' ? badServiceUrl : v;
        let json = JSON.stringify(base);
        if (deep) json = `${json.slice(0, -1)},"deep":${nest(deep, deep % 2 ? 'object' : 'array')}}`;
        return json;
      }),
  },
);

// ---------------------------------------------------------------------------------------------

let t: TestApp;
interface Result {
  label: string;
  status: number;
  error?: string;
  ms: number;
}
const results: Result[] = [];
let before: StoreDigest;
let protoBefore: string[];

/**
 * The Bot Framework's answer to an invoke name the bot does not handle is 501 Not Implemented
 * (botbuilder's ActivityHandler; Teams expects it). Counted apart from 5xx, never for the API.
 */
const notImplementedInvoke = (r: Result) => r.status === 501 && /^activity #\d+ \{"type":"invoke"/.test(r.label);

const withoutDedupe = (d: StoreDigest) => new Map([...d].filter(([k]) => !/^outbox\/[^/]+\/activity:/.test(k)));

async function send(label: string, method: string, path: string, headers: Record<string, string>, body?: string): Promise<Result> {
  const started = Date.now();
  try {
    const res = await fetch(`${t.url}${path}`, { method, headers, body, redirect: 'manual', signal: AbortSignal.timeout(20_000) });
    await res.arrayBuffer();
    return { label, status: res.status, ms: Date.now() - started };
  } catch (err) {
    return { label, status: 0, error: String((err as Error).cause ?? err), ms: Date.now() - started };
  }
}

beforeAll(async () => {
  t = await startTestApp({ env: { RATE_LIMIT_API_PER_MINUTE: '100000', RATE_LIMIT_FEEDBACK_PER_HOUR: '10000' } });
  for (const u of SIGNED_IN) await t.api('/api/me', { as: u });
  await t.activity(invokeActivity(t.connector.url, outsider, 'composeExtension/query', { commandId: 'findPilots', parameters: [] }));
  // Each fuzzing identity has written to the bot in its 1:1 chat before (the bot remembers that
  // chat once, on first sight): from here on, their messages have nothing legitimate to store.
  for (const u of [morgan, sam, outsider]) {
    const hello = messageActivity(t.connector.url, u, 'help');
    await t.activity(hello);
    await t.connector.waitFor((a) => a.activity.replyToId === hello.id);
  }
  await settle();
  before = withoutDedupe(await storeDigest(t));
  protoBefore = Object.getOwnPropertyNames(Object.prototype);
});
afterAll(() => t.stop());

async function runAll(cases: { label: string; method: string; path: string; headers: Record<string, string>; body?: string }[], concurrency = 4) {
  let next = 0;
  const workers = Array.from({ length: concurrency }, async () => {
    while (next < cases.length) {
      const c = cases[next++];
      results.push(await send(c.label, c.method, c.path, c.headers, c.body));
    }
  });
  await Promise.all(workers);
}

async function headersFor(c: Case): Promise<Record<string, string>> {
  const h: Record<string, string> = { ...c.headers };
  if (c.body !== undefined) h['content-type'] = c.contentType ?? 'application/json';
  if (c.auth.kind === 'garbage') h.authorization = c.auth.value.replace(/[^\x20-\x7e]/g, '?');
  if (c.auth.kind === 'demo') h['x-leaderful-demo-user'] = c.auth.value.replace(/[^\x20-\x7e]/g, '?');
  if (c.auth.kind === 'user') h.authorization = `Bearer ${await t.token(c.auth.user)}`; // with the person's app roles
  return h;
}

describe('hostile input corpus', () => {
  test('every /api route: no crash, no 5xx', async () => {
    const routes = routesFromSource().filter((r) => r.split(' ')[1].startsWith('/api/') && r !== 'POST /api/messages');
    expect(routes.length).toBeGreaterThan(20);
    const corpus = routes.flatMap((route, i) => fc.sample(caseFor(route), { seed: SEED + i, numRuns: API_CASES_PER_ROUTE }));
    const requests = [];
    for (const c of corpus) {
      const who = c.auth.kind === 'user' ? `:${c.auth.user.name}` : '';
      requests.push({ label: `${c.method} ${c.path.slice(0, 120)} [${c.auth.kind}${who}] ${String(c.body ?? '').slice(0, 80)}`, method: c.method, path: c.path, headers: await headersFor(c), body: c.body });
    }
    await runAll(requests);
    const bad = results.filter((r) => r.status === 0 || r.status >= 500);
    expect(bad).toEqual([]);
  });

  test('bodies streamed without a length are cut off at the limit (413), not read into memory', async () => {
    const big = new TextEncoder().encode(JSON.stringify({ title: 'x'.repeat(600_000) }));
    const stream = new ReadableStream({
      start(controller) {
        for (let i = 0; i < big.length; i += 64 * 1024) controller.enqueue(big.slice(i, i + 64 * 1024));
        controller.close();
      },
    });
    const token = await t.idp.token({ tid: morgan.tenantId, oid: morgan.userId });
    const res = await fetch(`${t.url}/api/pilots`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: stream, duplex: 'half' } as RequestInit);
    results.push({ label: 'chunked 600 KB body', status: res.status, ms: 0 });
    expect(res.status).toBe(413);
  });

  test('/api/messages: no crash, no 5xx', async () => {
    const bodies = fc.sample(activityBody, { seed: SEED, numRuns: BOT_CASES });
    await runAll(bodies.map((body, i) => ({ label: `activity #${i} ${body.slice(0, 160)}`, method: 'POST', path: '/api/messages', headers: { 'content-type': 'application/json' }, body })));
    // Content types and methods the endpoint does not take.
    await runAll([
      { label: 'messages as text/plain', method: 'POST', path: '/api/messages', headers: { 'content-type': 'text/plain' }, body: '{"type":"message"}' },
      { label: 'messages GET', method: 'GET', path: '/api/messages', headers: {} },
      { label: 'messages PUT', method: 'PUT', path: '/api/messages', headers: { 'content-type': 'application/json' }, body: '{}' },
    ]);
    const bad = results.filter((r) => r.label.startsWith('activity') && (r.status === 0 || (r.status >= 500 && !notImplementedInvoke(r))));
    expect(bad).toEqual([]);
  });

  test('paths outside the API: traversal and odd methods get 4xx', async () => {
    const probes = ['/tabs/../package.json', '/tabs/..%2f..%2fpackage.json', '/tabs/%2e%2e/%2e%2e/package.json', '/tabs/....//....//package.json', '/tabs/%00', '/tabs/index.html%00.js', '/tabs/..\\..\\package.json', '/api/../package.json', '/%2e%2e/%2e%2e/etc/passwd', '/api/pilots/%2e%2e%2f%2e%2e', '/data/cosmos-snapshot.json', '/.env', '/dist/server/main.js', '/tabs/.env'];
    for (const p of probes) {
      const r = await send(`path ${p}`, 'GET', p, {});
      results.push(r);
      expect(r.status).toBeGreaterThanOrEqual(400);
      expect(r.status).toBeLessThan(500);
    }
    // Redirects stay on this origin, whatever the path carries (no open redirect).
    for (const seg of ['%2F%2Fevil.example', '%5C%5Cevil.example', 'https%3A%2F%2Fevil.example', '%ED%A0%80', '%ZZ', '..%2F..%2F', '%0D%0ALocation:%20https://evil.example', encodeURIComponent('\u202Eevil')]) {
      const res = await fetch(`${t.url}/pilots/${seg}`, { redirect: 'manual' });
      results.push({ label: `redirect /pilots/${seg}`, status: res.status, ms: 0 });
      expect(`${seg} ${res.status}`).toMatch(/ (302|4\d\d)$/);
      const location = res.headers.get('location');
      if (location) expect(location).toMatch(/^\/tabs\/index\.html#\/pilots\/[^\\]*$/);
    }
    for (const method of ['DELETE', 'OPTIONS', 'PATCH', 'PROPFIND', 'PURGE']) {
      const r = await send(`method ${method}`, method, '/api/pilots', {});
      results.push(r);
      expect(`${method} ${r.status}`).toMatch(/ 4\d\d$/);
    }
  });

  test('afterwards: healthy, no stored document changed, no prototype polluted', async () => {
    await settle(300);
    const health = await fetch(`${t.url}/healthz`);
    expect(health.status).toBe(200);
    // A signed-in request still works (nothing wedged).
    expect((await t.api('/api/pilots', { as: morgan })).status).toBe(200);
    const diff = diffDigests(before, withoutDedupe(await storeDigest(t)));
    const protoAfter = Object.getOwnPropertyNames(Object.prototype);
    const polluted = ({} as Record<string, unknown>).polluted !== undefined || protoAfter.length !== protoBefore.length;

    const crashes = results.filter((r) => r.status === 0).length + (health.status === 200 ? 0 : 1);
    const fiveHundreds = results.filter((r) => r.status >= 500 && !notImplementedInvoke(r)).length;
    const byStatus = results.reduce<Record<string, number>>((acc, r) => ((acc[r.status] = (acc[r.status] ?? 0) + 1), acc), {});
    printFigures('Hostile input corpus (issue 7.4)', {
      seed: SEED,
      'cases tried': results.length,
      'API cases': results.filter((r) => /^(GET|POST|PUT|PATCH|DELETE) \/api\//.test(r.label)).length,
      '/api/messages cases': results.filter((r) => r.label.startsWith('activity') || r.label.startsWith('messages')).length,
      crashes,
      '5xx': fiveHundreds,
      '501 for unhandled invoke names (protocol)': results.filter(notImplementedInvoke).length,
      'data changes': changeCount(diff),
      'prototype polluted': polluted ? 'yes' : 'no',
      'slowest cases (ms)': [...results].sort((a, b) => b.ms - a.ms).slice(0, 3).map((r) => `${r.ms} ${r.label.slice(0, 70)}`).join('\n' + ' '.repeat(31)),
      statuses: Object.entries(byStatus).map(([s, n]) => `${s}×${n}`).join(' '),
    });
    expect(results.length).toBeGreaterThanOrEqual(500);
    expect(diff).toEqual({ added: [], changed: [], removed: [] });
    expect(polluted).toBe(false);
    expect({ crashes, fiveHundreds }).toEqual({ crashes: 0, fiveHundreds: 0 });
  });
});
