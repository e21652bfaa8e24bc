import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { ManualClock } from '../../domain/shared/clock';
import type { Round } from '../../domain/checkins';
import type { Pilot } from '../../domain/pilots';
import { SORRY } from '../../bot/app/errors';
import { startTestApp, type TestApp } from '../../support/app';
import { adaptiveActionActivity, installInGroupChatActivity, installInTeamActivity, invokeActivity, messageActivity, rosterOf, type TeamsUser } from '../../support/teams';
import { printFigures } from './support';

/**
 * Issue 22: any sequence of valid API and bot calls by members and managers (well-formed calls,
 * naming any id there is: other teams, other types, other tenants) never answers a 5xx, never
 * makes the bot apologise for an unexpected failure, and never makes the scheduler fail for the
 * tenant. fast-check (fixed seed) draws the sequences; the clock moves and the scheduler and
 * delivery run between calls, so rounds open, remind and close on what the calls left behind.
 */
const SEED = 20_260_122;
const RUNS = 25;
const tenantId = randomUUID();
const person = (name: string, roles?: string[]): TeamsUser => ({ tenantId, userId: randomUUID(), name, roles });
const maria = person('Maria Manager');
const nils = person('Nils Manager');
const m = [person('Mia Member'), person('Max Member'), person('Moe Member')];
const n1 = person('Nora Member');
const lena = person('Lena Leader', ['leader']); // senior leader (Entra app role)
const adi = person('Adi Admin', ['admin']);
const outsider: TeamsUser = { tenantId: randomUUID(), userId: randomUUID(), name: 'Eve Outsider' };
const ACTORS = [maria, nils, ...m, n1];
const PEOPLE = [...ACTORS, lena, outsider];
const T1 = `19:${randomUUID()}@thread.tacv2`;
const T2 = `19:${randomUUID()}@thread.tacv2`;
const CHAT = `19:${randomUUID()}@thread.v2`;
const OTHER = `19:${randomUUID()}@thread.tacv2`;

const clock = new ManualClock(new Date('2027-03-01T08:00:00Z'));
let t: TestApp;
/** Every id a call may name: teams, chats, other document types, other tenants; pilots and the rest as they appear. */
const pool = new Set<string>([`team:${T1}`, `team:${T2}`, `team:${CHAT}`, `team:${OTHER}`, 'settings', 'tenants', 'practice:weekly-retro', ...PEOPLE.map((p) => `member:${p.userId}`)]);
const failures: string[] = [];
let calls = 0;
let ticks = 0;

// ---------------------------------------------------------------------------------------------
// What a member or manager may do, as data (fast-check draws it) and as calls (run() makes them).

const idx = fc.nat({ max: 10_000 });
const pick = <T>(list: T[], i: number): T => list[i % list.length];
const ids = () => [...pool];
const ACTIONS = ['launch', 'pause', 'resume', 'review'] as const;
const actionArb = fc.oneof(
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('create' as const), who: idx, team: idx, launch: fc.boolean() }) },
  // Changes to a pilot come mostly from whoever manages it (the interesting case), sometimes from anyone.
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('patch' as const), who: idx, owner: fc.boolean(), pilot: idx, field: fc.constantFrom('teamId', 'teamId', 'title', 'practiceId', 'dates', 'cadence', 'questions'), value: idx }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('transition' as const), who: idx, owner: fc.boolean(), pilot: idx, action: fc.constantFrom(...ACTIONS) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('close' as const), who: idx, owner: fc.boolean(), pilot: idx, outcome: fc.constantFrom('adopted', 'adapted', 'stopped') }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('measure' as const), who: idx, owner: fc.boolean(), pilot: idx, index: fc.nat({ max: 3 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('feedback' as const), who: idx, pilot: idx, anonymous: fc.boolean() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('kudos' as const), who: idx, to: idx, where: fc.constantFrom('team', 'chat', 'personal'), visibility: fc.constantFrom('team', 'private') }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('chat' as const), who: idx, text: fc.constantFrom('my pilots', 'circle', 'join circle', 'leave circle', 'nominate Mia', 'nominate me', 'call election', 'close election', 'pause me for 3 days', 'celebrations off', 'celebrations on', 'stories', 'help') }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('vote' as const), who: idx, whom: idx }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('story' as const), who: idx, pilot: idx, circle: idx }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('goal' as const), who: idx, pilot: idx, circle: idx, team: idx }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('project' as const), who: idx, circle: idx }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('answer' as const), who: idx, round: idx }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('time' as const), hours: fc.integer({ min: 1, max: 30 }) }) },
);
type Action = typeof actionArb extends fc.Arbitrary<infer A> ? A : never;

const enc = encodeURIComponent;
const pilots = () => ids().filter((id) => id.startsWith('pilot:'));
const circles = () => ids().filter((id) => id.startsWith('circle:'));

async function api(as: TeamsUser, path: string, init: { method?: string; body?: unknown; headers?: Record<string, string> } = {}) {
  calls++;
  const res = await t.api(path, { as, ...init });
  if (res.status >= 500) failures.push(`${init.method ?? (init.body ? 'POST' : 'GET')} ${path} as ${as.name}: ${res.status} ${JSON.stringify(res.body).slice(0, 200)}`);
  for (const found of JSON.stringify(res.body ?? '').match(/"(?:pilot|circle|story|project|path):[\w.-]+"/g) ?? []) pool.add(found.slice(1, -1));
  return res;
}

async function bot(activity: Record<string, unknown>, what: string) {
  calls++;
  const before = t.connector.received.length;
  const res = await t.activity(activity);
  const replies = JSON.stringify(t.connector.received.slice(before).map((r) => r.activity));
  if (res.status >= 500 || JSON.stringify(res.body ?? '').includes(SORRY) || replies.includes(SORRY)) failures.push(`${what}: ${res.status} ${JSON.stringify(res.body).slice(0, 200)}`);
  return res;
}

async function tick(): Promise<void> {
  ticks++;
  const report = await t.app.background.tick();
  for (const s of report.skipped) failures.push(`scheduler skipped ${s.what} ${s.id} of ${s.tenantId === tenantId ? 'the tenant' : s.tenantId}: ${s.error}`);
  await t.app.background.delivery.flush();
}

const inChat = (where: string) => (where === 'team' ? { conversationId: `${T1};messageid=1`, conversationType: 'channel' } : where === 'chat' ? { conversationId: CHAT, conversationType: 'groupChat' } : {});

async function run(a: Action): Promise<void> {
  if (a.kind === 'time') {
    clock.advance(a.hours * 3_600_000);
    return tick();
  }
  let who = pick(ACTORS, a.who);
  const pilotId = 'pilot' in a ? pick(pilots(), a.pilot) : '';
  if ('owner' in a && a.owner) {
    const managerId = (await t.app.store.read<Pilot>('pilots', tenantId, pilotId))?.managerId;
    who = ACTORS.find((p) => p.userId === managerId) ?? who;
  }
  switch (a.kind) {
    case 'create': {
      const res = await api(who, '/api/pilots', { body: { title: 'Drawn pilot', hypothesis: 'Drawn by the property test.', successMeasures: ['One', 'Two'], teamId: pick(ids(), a.team), cadence: { weekdays: [0, 1, 2, 3, 4, 5, 6], time: '09:00', everyWeeks: 1, reminderHours: 2, roundHours: 6 }, startDate: '2027-03-01', endDate: '2027-06-30' } });
      if (res.status === 201 && a.launch) await api(who, `/api/pilots/${enc(res.body.pilot.id)}/launch`, { method: 'POST' });
      return;
    }
    case 'patch': {
      const id = pilotId;
      const read = await api(who, `/api/pilots/${enc(id)}`);
      if (read.status !== 200) return;
      const values: Record<string, unknown> = {
        teamId: { teamId: pick(ids(), a.value) },
        title: { title: `Renamed ${a.value}` },
        practiceId: { practiceId: pick([...ids(), 'practice:weekly-retro', 'practice:decision-log', ''], a.value) },
        dates: { startDate: '2027-03-02', endDate: `2027-0${4 + (a.value % 5)}-15` },
        cadence: { cadence: { weekdays: [a.value % 7], time: '10:30', everyWeeks: 1 + (a.value % 2), reminderHours: a.value % 5, roundHours: 2 + (a.value % 20) } },
        questions: { questions: a.value % 2 ? [] : [{ id: 'confidence', kind: 'scale', text: 'How sure are you?' }, { id: 'blocker', kind: 'text', text: 'What is in the way?' }] },
      };
      await api(who, `/api/pilots/${enc(id)}`, { method: 'PATCH', body: values[a.field], headers: { 'if-match': read.headers.get('etag') ?? '' } });
      return;
    }
    case 'transition':
      return void (await api(who, `/api/pilots/${enc(pilotId)}/${a.action}`, { method: 'POST' }));
    case 'close':
      return void (await api(who, `/api/pilots/${enc(pilotId)}/close`, { body: { outcome: a.outcome, learning: 'What the drawn pilot taught us.' } }));
    case 'measure':
      return void (await api(who, `/api/pilots/${enc(pilotId)}/measures/${a.index}/met`, { method: 'POST' }));
    case 'feedback':
      return void (await api(who, '/api/feedback', { body: { audience: a.anonymous ? 'leaders' : 'manager', topic: 'practice', text: 'Drawn feedback about a pilot.', anonymous: a.anonymous, pilotId: pick(pilots(), a.pilot) }, headers: { 'idempotency-key': randomUUID() } }));
    case 'kudos': {
      const to = pick(PEOPLE, a.to);
      const activity = invokeActivity(t.connector.url, who, 'composeExtension/submitAction', { commandId: 'giveKudos', data: { toUserId: to.userId, message: 'Drawn thanks.', visibility: a.visibility, requestId: randomUUID() } }, inChat(a.where));
      if (a.where === 'team') (activity.channelData as Record<string, unknown>).team = { id: T1 };
      return void (await bot(activity, `kudos ${who.name} → ${to.name} in ${a.where}`));
    }
    case 'chat': {
      const activity = messageActivity(t.connector.url, who, a.text, a.text.startsWith('pause') || a.text.startsWith('celebrations') ? {} : { conversationId: CHAT, conversationType: 'groupChat' });
      return void (await bot(activity, `"${a.text}" by ${who.name}`));
    }
    case 'vote': {
      const circle = pick(circles(), a.whom);
      const whom = pick(PEOPLE, a.whom);
      await api(who, `/api/circles/${enc(circle)}/nominations`, { body: { userId: whom.userId } });
      return void (await api(who, `/api/circles/${enc(circle)}/vote`, { method: 'PUT', body: { userId: whom.userId } }));
    }
    case 'story':
      return void (await api(who, '/api/stories', { body: { pilotId: pick(pilots(), a.pilot), tried: 'What we tried, drawn.', happened: 'What happened, drawn.', change: 'What we would change.', circleIds: [pick(ids(), a.circle)] } }));
    case 'goal':
      await api(who, '/api/paths/me', { method: 'PUT', body: { level: 'self' } });
      await api(who, '/api/paths/me/goals', { body: { text: 'A drawn goal.', pilotId: pick(pilots(), a.pilot), circleId: pick(circles(), a.circle) } });
      return void (await api(who, '/api/paths/me/recognition', { method: 'PUT', body: { visibility: 'team', teamId: pick(ids(), a.team) } }));
    case 'project':
      return void (await api(who, '/api/projects', { body: { circleId: pick(ids(), a.circle), title: 'Drawn project', goal: 'A goal drawn by the property test.', weeksAsked: 2, budget: { amount: 5, currency: 'EUR' }, sponsorId: lena.userId } }));
    case 'answer': {
      const open = await t.app.store.all<Round>('checkins', tenantId, "SELECT * FROM c WHERE c.tenantId = @tenantId AND c.type = 'round' AND c.status = 'open'");
      if (!open.length) return;
      const round = pick(open, a.round);
      const data = { roundId: round.id, confidence: '4', blocker: 'Nothing much.', progress: 'Some.', autonomy: '3', workload: '3' };
      return void (await bot(adaptiveActionActivity(t.connector.url, who, 'checkin.submit', data), `check-in answer by ${who.name}`));
    }
  }
}

beforeAll(async () => {
  t = await startTestApp({ clock, env: { SEED_DEMO_DATA: 'false', RATE_LIMIT_API_PER_MINUTE: '100000', RATE_LIMIT_NOTIFY_PER_HOUR: '100000', RATE_LIMIT_FEEDBACK_PER_HOUR: '10000' } });
  const install = async (activity: unknown) => expect((await t.activity(activity)).status).toBe(200);
  t.connector.members = rosterOf(tenantId, [maria, ...m]);
  // Managers are the teams' owners in Teams; a chat's is named by an admin.
  await install(installInTeamActivity(t.connector.url, maria, { teamsTeamId: T1, name: 'Team one', aadGroupId: t.teamInGraph(tenantId, [maria], m) }));
  t.connector.members = rosterOf(tenantId, [nils, n1, maria]);
  await install(installInTeamActivity(t.connector.url, nils, { teamsTeamId: T2, name: 'Team two', aadGroupId: t.teamInGraph(tenantId, [nils], [n1, maria]) }));
  t.connector.members = rosterOf(tenantId, [m[0], m[1], nils]);
  await install(installInGroupChatActivity(t.connector.url, m[0], { id: CHAT, name: 'A chat' }));
  expect((await api(adi, `/api/admin/teams/${encodeURIComponent(`team:${CHAT}`)}/managers/${m[0].userId}`, { method: 'PUT' })).status).toBe(200);
  t.connector.members = rosterOf(outsider.tenantId, [outsider]);
  await install(installInTeamActivity(t.connector.url, outsider, { teamsTeamId: OTHER, name: 'Elsewhere', aadGroupId: t.teamInGraph(outsider.tenantId, [outsider]) }));
  expect((await api(lena, '/api/me')).status).toBe(200);
  await api(m[0], '/api/circles', { body: { teamId: `team:${CHAT}`, name: 'A circle' } });
  await run({ kind: 'create', who: 0, team: 0, launch: true }); // Maria's pilot in team one
  await run({ kind: 'create', who: 1, team: 1, launch: true }); // Nils's in team two
  await api(outsider, '/api/pilots', { body: { title: 'Elsewhere pilot', hypothesis: 'Another tenant’s pilot.', successMeasures: ['x'], teamId: `team:${OTHER}`, startDate: '2027-03-01', endDate: '2027-06-30' } });
});
afterAll(() => t.stop());

test('any sequence of valid calls: no 5xx, no apology, a scheduler that runs clean', async () => {
  await fc.assert(
    fc.asyncProperty(fc.array(actionArb, { minLength: 5, maxLength: 25 }), async (actions) => {
      const before = failures.length;
      for (const a of actions) await run(a);
      await tick();
      // Every pilot there is still reads, for a leader and for its team.
      for (const id of pilots()) for (const who of [lena, maria, m[0]]) await api(who, `/api/pilots/${enc(id)}`);
      if (failures.length > before) throw new Error(`${failures.slice(before).join('\n')}\nafter: ${JSON.stringify(actions)}`);
    }),
    { seed: SEED, numRuns: RUNS, endOnFailure: true },
  );
  expect(failures).toEqual([]);
  printFigures('Call sequences (issue 22)', { 'sequences (fixed seed)': RUNS, 'calls made': calls, 'scheduler passes': ticks, 'ids in the pool': pool.size, failures: failures.length });
});
