import { randomUUID } from 'node:crypto';
import { weekOf, type GroupLabel } from '../domain/anonymity';
import { ManualClock } from '../domain/shared/clock';
import { EMPTY_HEALTH } from '../domain/pilots';
import type { Answer, Round } from '../domain/checkins';
import type { FeedbackItem } from '../domain/feedback';
import type { Member, Team } from '../domain/directory';
import type { Pilot } from '../domain/pilots';
import type { Role } from '../domain/shared/caller';
import type { OutboxItem } from '../domain/outbox';
import { groupName, word } from '../i18n';
import { startTestApp, type TestApp } from '../support/app';
import { messageActivity, type TeamsUser } from '../support/teams';

/**
 * The adversarial suite: every way we could think of to find out who wrote an anonymous item,
 * through every API and export. Each attempt must fail.
 *
 * The organisation (threshold 5):
 *   Ops     team A (manager + 6), team B (manager + 3), team C (manager + 1)
 *   Lab     team T (manager + 2)                        — a department below the threshold
 *   Sales   team S1 (manager + 4), team "=SUM(1+1)" (manager + 4)
 *   Field   4 people in no team
 *   2 senior leaders and an admin in no department
 */
const DAY = 86_400_000;
/** A group label as English readers see it. */
const label = (l: GroupLabel) => groupName('en', l);
/** Every group label in an API body, as English readers see it (labels, groups, shown-as). */
function labelsIn(body: unknown, out: string[] = []): string[] {
  if (Array.isArray(body)) body.forEach((v) => labelsIn(v, out));
  else if (body && typeof body === 'object') {
    for (const [k, v] of Object.entries(body)) {
      if ((k === 'label' || k === 'group') && v && typeof v === 'object' && 'level' in v) out.push(label(v as GroupLabel));
      else labelsIn(v, out);
    }
  }
  return out;
}
/** Why a group's signal fired, in English. */
const reasonOf = (s: any) => word('en', s.code, { ...s.params, group: s.group.label });
const tenantId = randomUUID();
interface Person extends TeamsUser {
  roles: Role[];
}
const person = (name: string, roles: Role[] = ['member']): Person => ({ tenantId, userId: randomUUID(), name, roles });
const many = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => person(`${prefix}${i + 1}`));

const mgrA = person('Ada Manager', ['manager']);
const mgrB = person('Bo Manager', ['manager']);
const mgrC = person('Cy Manager', ['manager']);
const mgrT = person('Tess Manager', ['manager']);
const mgrS1 = person('Sol Manager', ['manager']);
const mgrS2 = person('Sue Manager', ['manager']);
const A = many('Anna A', 6);
const B = many('Ben B', 3);
const C = many('Cat C', 1);
const T = many('Tom T', 2);
const S1 = many('Sam S', 4);
const S2 = many('Sid S', 4);
const F = many('Fay F', 4);
const L1 = person('Lena Leader', ['leader']);
const L2 = person('Luis Leader', ['leader']);
const AD = person('Ari Admin', ['admin']);
const outsider: TeamsUser = { tenantId: randomUUID(), userId: randomUUID(), name: 'Eve Outsider' };

const TEAMS = [
  { id: 'team:a', name: 'Team Alpha', department: 'Ops', manager: mgrA, members: A },
  { id: 'team:b', name: 'Team Bravo', department: 'Ops', manager: mgrB, members: B },
  { id: 'team:c', name: 'Team Charlie', department: 'Ops', manager: mgrC, members: C },
  { id: 'team:t', name: 'Team Tango', department: 'Lab', manager: mgrT, members: T },
  { id: 'team:s1', name: 'Team Sierra', department: 'Sales', manager: mgrS1, members: S1 },
  { id: 'team:s2', name: '=SUM(1+1)', department: 'Sales', manager: mgrS2, members: S2 },
];
const SMALL_NAMES = ['Team Bravo', 'Team Charlie', 'Team Tango', 'Lab', 'Field'];

const clock = new ManualClock(new Date('2027-03-03T10:00:00Z')); // a Wednesday
let t: TestApp;

async function seedOrganisation(): Promise<void> {
  const { store, domain } = t.app;
  await domain.directory.ensureTenant(tenantId);
  const everyone = [mgrA, mgrB, mgrC, mgrT, mgrS1, mgrS2, ...A, ...B, ...C, ...T, ...S1, ...S2, ...F, L1, L2, AD];
  const teamOf = (p: Person) => TEAMS.find((x) => x.members.includes(p) || x.manager === p);
  const members: Member[] = everyone.map((p) => {
    const team = teamOf(p);
    return {
      id: `member:${p.userId}`,
      tenantId,
      type: 'member',
      userId: p.userId,
      name: p.name,
      timeZone: 'UTC',
      roles: p.roles,
      teamIds: team ? [team.id] : [],
      managerId: team && team.manager !== p ? team.manager.userId : undefined,
      department: team?.department ?? (F.includes(p) ? 'Field' : undefined),
      workDays: [1, 2, 3, 4, 5],
    };
  });
  const teams: Team[] = TEAMS.map((x) => ({ id: x.id, tenantId, type: 'team', name: x.name, kind: 'channel', department: x.department, managerId: x.manager.userId, memberIds: x.members.map((m) => m.userId) }));
  await store.bulkCreate('directory', [...members, ...teams]);
}

const api = (as: TeamsUser, url: string, init: { method?: string; body?: unknown } = {}) => t.api(url, { as, ...init });
const give = (as: TeamsUser, body: Record<string, unknown>) => t.api('/api/feedback', { as, body: { topic: 'workload', ...body } });
const act = (as: TeamsUser, id: string, action: string, body: unknown = {}) => t.api(`/api/feedback/${encodeURIComponent(id)}/${action}`, { as, method: 'POST', body });
const inbox = async (as: TeamsUser) => (await api(as, '/api/feedback/inbox')).body.items as any[];
const nextWeek = () => clock.advance(7 * DAY);
const outboxFor = (id: string) => t.app.store.all<OutboxItem>('outbox', tenantId, "SELECT * FROM c WHERE c.tenantId = @tenantId AND c.type = 'outbox' AND c.data.feedbackId = @id", { id });

/** Everything a senior leader or an owner can read, as one string per view. */
async function everyView(): Promise<Record<string, string>> {
  const views: Record<string, string> = {};
  for (const [who, u] of [['L1', L1], ['L2', L2], ['AD', AD], ['mgrA', mgrA], ['mgrB', mgrB], ['mgrC', mgrC], ['mgrT', mgrT]] as const) {
    // Named items carry their author and team by design; anonymous ones must not place theirs.
    views[`${who} inbox (anonymous items)`] = JSON.stringify(((await api(u, '/api/feedback/inbox')).body.items as any[]).filter((i) => i.anonymous));
    views[`${who} pilots`] = JSON.stringify((await api(u, '/api/pilots')).body);
  }
  for (const [who, u] of [['L1', L1], ['AD', AD]] as const) {
    for (const q of ['', '?teamId=team:a', '?teamId=team:b', '?teamId=team:c', '?teamId=team:t', '?department=Ops', '?department=Lab', '?department=Sales', '?department=Field', '?weeks=1', '?weeks=52']) {
      views[`${who} summary${q}`] = JSON.stringify((await api(u, `/api/feedback/summary${q}`)).body);
      views[`${who} export${q}`] = (await api(u, `/api/feedback/export.csv${q}`)).body;
    }
    views[`${who} signals`] = JSON.stringify((await api(u, '/api/signals')).body);
  }
  return views;
}

beforeAll(async () => {
  t = await startTestApp({ clock, env: { SEED_DEMO_DATA: 'false', RATE_LIMIT_FEEDBACK_PER_HOUR: '10000' } });
  await seedOrganisation();
});
afterAll(() => t.stop());

describe('small groups roll up instead of showing or disappearing', () => {
  test('anonymous feedback to the manager of a team below the threshold goes to senior leaders, shown as the department', async () => {
    const res = await give(B[0], { audience: 'manager', text: 'Our stand-ups run long.', anonymous: true });
    expect(res.status).toBe(201);
    expect(res.body.item).toMatchObject({ sentTo: { to: 'leaders' }, shownAs: { as: 'group', group: { level: 'department', name: 'Ops' } }, rerouted: true });
    // The notice names the group it will be shown as: the rest of Ops (Alpha has a cell of its own).
    expect(res.body.notices).toEqual([{ code: 'notice.rerouted', params: { k: 5, group: { level: 'department', name: 'Ops', otherTeams: true } } }]);
    expect(word('en', res.body.notices[0].code, res.body.notices[0].params)).toMatch(/fewer than 5 people besides your manager/);
    const id = res.body.item.id;
    const doc = (await t.app.store.read<FeedbackItem>('feedback', tenantId, id))!;
    expect(doc).toMatchObject({ audience: 'leaders', scope: { level: 'department', department: 'Ops' } });
    expect(doc).not.toHaveProperty('teamId');
    expect(doc).not.toHaveProperty('ownerId');

    nextWeek();
    expect((await inbox(mgrB)).map((i) => i.id)).not.toContain(id);
    expect((await api(mgrB, `/api/feedback/${encodeURIComponent(id)}`)).status).toBe(404);
    const seen = (await inbox(L1)).find((i) => i.id === id);
    // Not "Ops": Ops's big team has its own cell, so the rest of Ops is what it may say.
    expect(seen.from).toEqual({ group: { level: 'department', name: 'Ops', otherTeams: true } });
    expect(JSON.stringify(seen)).not.toMatch(/Bravo|Bo Manager|team:b/);
  });

  test('a department below the threshold rolls up to the organisation', async () => {
    const res = await give(T[0], { audience: 'leaders', text: 'The lab needs a second fridge.', anonymous: true });
    // What leaders will see: the rest of the organisation (Ops and Sales have cells of their own).
    expect(res.body.item.shownAs).toEqual({ as: 'group', group: { level: 'organisation', rest: true } });
    const id = res.body.item.id;
    nextWeek();
    const seen = (await inbox(L1)).find((i) => i.id === id);
    expect(seen.from).toEqual({ group: { level: 'organisation', rest: true } });
    // A manager of a tiny team asked by name still works: named feedback is not anonymous.
    const named = await give(T[1], { audience: 'manager', text: 'Thanks for the fridge.', anonymous: false });
    expect(named.body.item.sentTo).toEqual({ to: 'manager', name: 'Tess Manager' });
  });

  test('no view ever names a group below the threshold in connection with anonymous or aggregate data', async () => {
    const views = await everyView();
    for (const [name, body] of Object.entries(views)) {
      if (name.includes('pilots')) continue;
      // A merged cell may list the teams it is made of; what it may never do is be one of them.
      const labels = name.includes('export') ? body.trim().split('\r\n').slice(1).map((line) => line.split('","')[3]) : labelsIn(JSON.parse(body));
      for (const small of SMALL_NAMES) expect([name, small, labels.includes(small)]).toEqual([name, small, false]);
    }
  });

  test('in an organisation too small for anonymity, anonymous feedback is refused, named still works, and nothing is kept', async () => {
    const res = await give(outsider, { audience: 'leaders', text: 'Only I work here.', anonymous: true });
    expect(res.status).toBe(409);
    expect(res.body.error.message).toMatch(/fewer than 5 people/);
    expect(await t.app.store.all('feedback', outsider.tenantId, 'SELECT * FROM c WHERE c.tenantId = @tenantId')).toEqual([]);
    expect(await t.app.store.all('contacts', outsider.tenantId, 'SELECT * FROM c WHERE c.tenantId = @tenantId')).toEqual([]);
    expect((await give(outsider, { audience: 'leaders', text: 'Only I work here.', anonymous: false })).status).toBe(201);
  });
});

describe('differencing', () => {
  test('filters pick cells of one partition: a small team\'s filter returns the merged cell it is counted in', async () => {
    const all = (await api(L1, '/api/feedback/summary')).body;
    const keys = all.groups.map((g: any) => g.key);
    expect(all.groups.map((g: any) => label(g.label)).sort()).toEqual(['=SUM(1+1)', 'Ops (other teams)', 'Rest of the organisation', 'Team Alpha', 'Team Sierra'].sort());
    const b = (await api(L1, '/api/feedback/summary?teamId=team:b')).body;
    const c = (await api(L1, '/api/feedback/summary?teamId=team:c')).body;
    expect(b.groups).toHaveLength(1);
    expect(label(b.groups[0].label)).toBe('Ops (other teams)');
    expect(b.groups[0].teams).toEqual(['Team Bravo', 'Team Charlie']);
    expect(c.groups).toEqual(b.groups);
    const lab = (await api(L1, '/api/feedback/summary?department=Lab')).body;
    expect(lab.groups.map((g: any) => label(g.label))).toEqual(['Rest of the organisation']);
    // Whatever is asked, only cells of the full partition come back.
    for (const q of ['?teamId=team:a', '?teamId=team:t', '?department=Ops', '?department=Sales', '?department=Field', '?teamId=team:b&department=Sales']) {
      const res = (await api(L1, `/api/feedback/summary${q}`)).body;
      for (const g of res.groups) expect(keys).toContain(g.key);
    }
  });

  test('every group shown holds at least the threshold of people, and so does every remainder', async () => {
    // Every reader of leader views gets the same cells: comparing two leaders' views adds nothing.
    const cellsOf = async (u: TeamsUser) => JSON.stringify((await api(u, '/api/feedback/summary')).body.groups.map((g: any) => [g.key, g.label, g.teams]));
    expect(await cellsOf(L2)).toBe(await cellsOf(L1));
    expect(await cellsOf(AD)).toBe(await cellsOf(L1));
    const rosterOf = (name: string) => {
      const team = TEAMS.find((x) => x.name === name)!;
      return [team.manager, ...team.members].map((p) => p.userId);
    };
    for (const viewer of [L1, AD]) {
      const { groups } = (await api(viewer, '/api/feedback/summary')).body;
      for (const g of groups) {
        if (g.level === 'tenant') continue;
        const people = new Set((g.level === 'team' ? [label(g.label)] : g.teams).flatMap(rosterOf));
        for (const reader of [L1, L2, AD]) people.delete(reader.userId); // leader views never count their readers
        expect([label(g.label), people.size >= 5]).toEqual([label(g.label), true]);
      }
      // Department Ops = Team Alpha + the rest; the rest (Bravo + Charlie) is 6 people.
      const ops = groups.filter((g: any) => g.department === 'Ops');
      expect(ops.map((g: any) => label(g.label)).sort()).toEqual(['Ops (other teams)', 'Team Alpha']);
    }
  });

  test('counts change neither the moment someone writes nor when someone leaves a team', async () => {
    const before = await everyView();
    const pilot = await api(mgrA, '/api/pilots', {
      body: { title: 'Alpha retro', hypothesis: 'A weekly retro makes us better.', successMeasures: ['One change a week'], teamId: 'team:a', startDate: '2027-04-05', endDate: '2027-05-31' },
    });
    expect(pilot.status).toBe(201);
    const pilotId = pilot.body.pilot.id;
    const pilotBefore = await t.app.store.read<Pilot>('pilots', tenantId, pilotId);
    const baseline = await everyView();

    const toManager = await give(A[0], { audience: 'manager', text: 'Alpha retro is rushed.', anonymous: true, pilotId });
    const toLeaders = await give(A[1], { audience: 'leaders', text: 'Alpha needs another hire.', anonymous: true });
    expect(toManager.body.item.pilot).toEqual({ id: pilotId, title: 'Alpha retro' });
    const after = await everyView();
    for (const name of Object.keys(baseline)) expect([name, after[name]]).toEqual([name, baseline[name]]);
    // The pilot's health does not move either (not even its ETag) until the week is over.
    expect(await t.app.store.read<Pilot>('pilots', tenantId, pilotId)).toEqual(pilotBefore);
    expect(Object.keys(before).length).toBe(Object.keys(after).length);

    nextWeek();
    await t.app.domain.feedback.queueDigests(tenantId);
    expect((await inbox(mgrA)).map((i) => i.id)).toContain(toManager.body.item.id);
    expect((await inbox(L1)).map((i) => i.id)).toContain(toLeaders.body.item.id);
    expect((await t.app.store.read<Pilot>('pilots', tenantId, pilotId))!.health.openFeedback).toBe(1);

    // Someone leaves Team Alpha: counts are by where items were attributed, not by who is in the team now.
    const summary = JSON.stringify((await api(L1, '/api/feedback/summary')).body);
    await t.app.store.update<Team>('directory', tenantId, 'team:a', (team) => ({ ...team, memberIds: team.memberIds.filter((m) => m !== A[5].userId) }));
    expect(JSON.stringify((await api(L1, '/api/feedback/summary')).body)).toBe(summary);
    await t.app.store.update<Team>('directory', tenantId, 'team:a', (team) => ({ ...team, memberIds: [...team.memberIds, A[5].userId] }));
  });
});

describe('ordering and time', () => {
  test('order says nothing about who wrote first; times are weeks, never days or instants', async () => {
    // Monday morning and Saturday night of the same week.
    clock.set('2027-03-22T07:00:00Z');
    const ids: string[] = [];
    for (const p of A.slice(0, 3)) ids.push((await give(p, { audience: 'leaders', text: `Early note from the week, ${ids.length}.`, anonymous: true })).body.item.id);
    clock.set('2027-03-27T22:30:00Z');
    for (const p of A.slice(3, 6)) ids.push((await give(p, { audience: 'leaders', text: `Late note from the week, ${ids.length}.`, anonymous: true })).body.item.id);
    nextWeek();

    const listed = (await inbox(L1)).filter((i) => ids.includes(i.id));
    expect(listed).toHaveLength(6);
    // Within a week the order is by the random id alone: the same whatever order they were written in.
    expect(listed.map((i) => i.id)).toEqual([...ids].sort());
    // The same week and due date for Monday's and Saturday's items.
    expect(new Set(listed.map((i) => `${i.createdWeek}|${i.dueDate}`))).toEqual(new Set(['2027-03-22|2027-04-05']));
    const stored = await Promise.all(ids.map((id) => t.app.store.read<FeedbackItem>('feedback', tenantId, id)));
    for (const doc of stored) expect(Object.keys(doc!).filter((k) => /at$|time|date/i.test(k) && k !== 'dueDate')).toEqual([]);
  });

  test('no instant, ETag or storage field reaches any view', async () => {
    const views = await everyView();
    for (const [name, body] of Object.entries(views)) {
      if (name.includes('pilots')) continue;
      expect([name, /\d{4}-\d{2}-\d{2}T\d{2}:/.test(body)]).toEqual([name, false]);
      expect([name, /"_ts"|"_etag"|"etag"|"_rid"|"_self"|createdAt|answeredAt/.test(body)]).toEqual([name, false]);
    }
    const res = await t.api('/api/feedback/inbox', { as: L1 });
    expect(res.headers.get('etag')).toBeNull();
    expect(res.headers.get('last-modified')).toBeNull();
  });
});

describe('reply routing', () => {
  test('the owner\'s reply goes to a contact the owner cannot read, and lands only in the author\'s 1:1 chat', async () => {
    // S1[0] talks to the bot once, so a 1:1 chat exists.
    const hello = messageActivity(t.connector.url, S1[0], 'help');
    await t.activity(hello);
    await t.connector.waitFor((a) => a.activity.replyToId === hello.id);
    const id = (await give(S1[0], { audience: 'leaders', text: 'Our quota is unrealistic.', anonymous: true })).body.item.id;
    nextWeek();
    await t.app.background.delivery.flush();

    // The owner cannot steer the reply anywhere.
    const steer = await act(L1, id, 'reply', { text: 'Hello', to: S1[1].userId });
    expect(steer.status).toBe(400);
    expect((await api(L1, `/api/feedback/${encodeURIComponent(`contact:${id}`)}`)).status).toBe(404);

    const before = t.connector.received.length;
    expect((await act(L1, id, 'reply', { text: 'What would be realistic?' })).status).toBe(200);
    const [queued] = await outboxFor(id);
    expect(queued.target).toEqual({ kind: 'contact', feedbackId: id });
    await t.app.background.delivery.flush();
    const sent = t.connector.received.slice(before);
    expect(sent.map((s) => s.conversationId)).toEqual([hello.conversation.id]);
    const [record] = await outboxFor(id);
    for (const secret of [S1[0].userId, S1[0].name, hello.conversation.id]) expect(JSON.stringify(record)).not.toContain(secret);

    // Owners and others acting as the author are not found, exactly like a missing item.
    const missing = await act(L1, 'feedback:00000000-0000-4000-8000-000000000000', 'respond', { text: 'x' });
    for (const who of [L1, L2, mgrS1, S1[1], outsider]) {
      for (const [action, body] of [['respond', { text: 'x' }], ['confirm', { closed: true }]] as const) {
        const res = await act(who, id, action, body);
        expect({ status: res.status, body: res.body }).toEqual({ status: missing.status, body: missing.body });
      }
    }
  });
});

describe('error messages', () => {
  test('a missing item, another team\'s item, an unreleased item and another tenant\'s item all look the same', async () => {
    const unreleased = (await give(A[2], { audience: 'manager', text: 'Not yet visible.', anonymous: true })).body.item.id;
    const released = (await inbox(mgrA)).find((i) => i.anonymous)!.id;
    const missing = 'feedback:00000000-0000-4000-8000-000000000000';
    const probes: [TeamsUser, string][] = [
      [mgrA, missing],
      [mgrA, unreleased], // its own owner, before the week ends
      [mgrB, released], // another manager
      [mgrS1, released],
      [A[3], released], // a teammate of the author
      [outsider, released], // another tenant
    ];
    for (const [action, body] of [['', undefined], ['acknowledge', {}], ['reply', { text: 'x' }], ['act', { note: 'x' }], ['close', {}], ['respond', { text: 'x' }], ['confirm', { closed: true }]] as const) {
      const results = await Promise.all(
        probes.map(async ([who, id]) => {
          const res = action ? await act(who, id, action, body) : await api(who, `/api/feedback/${encodeURIComponent(id)}`);
          return JSON.stringify({ status: res.status, body: res.body });
        }),
      );
      expect([action, new Set(results).size]).toEqual([action, 1]);
      expect(results[0]).toContain('That feedback item was not found.');
    }
  });
});

describe('the threshold', () => {
  afterAll(async () => {
    await api(AD, '/api/settings/anonymity', { method: 'PUT', body: { anonymityThreshold: 5 } });
  });

  test('raising it rolls items up to leaders instead of hiding them; lowering it never splits what was rolled up', async () => {
    const itemOf = async (u: TeamsUser, text: string) => (await inbox(u)).find((i) => i.text === text);
    expect((await itemOf(mgrA, 'Alpha retro is rushed.'))?.from).toEqual({ group: { level: 'team', name: 'Team Alpha' } });
    expect((await api(AD, '/api/settings/anonymity', { method: 'PUT', body: { anonymityThreshold: 8 } })).status).toBe(200);
    // Alpha has 6 people besides its manager: too few now. The manager loses it; leaders get it, as Ops.
    expect(await itemOf(mgrA, 'Alpha retro is rushed.')).toBeUndefined();
    const rolled = await itemOf(L1, 'Alpha retro is rushed.');
    expect(rolled.from).toEqual({ group: { level: 'department', name: 'Ops' } });
    // Rolled up, the pilot would say which team it came from: it is left out, decided at read time.
    expect(rolled).not.toHaveProperty('pilot');
    expect(JSON.stringify(rolled)).not.toMatch(/"Alpha retro"|Team Alpha|Ada Manager|team:a/);
    // At 8, what is left outside Ops and Sales (Lab and Field: 7 people) is too small, so Sales merges into it.
    expect((await api(L1, '/api/feedback/summary')).body.groups.map((g: any) => label(g.label)).sort()).toEqual(['Ops', 'Rest of the organisation']);
    expect((await api(AD, '/api/settings/anonymity', { method: 'PUT', body: { anonymityThreshold: 3 } })).status).toBe(200);
    // The Bravo item was rolled up when written: it is never split back down to its team. (At 3,
    // everyone is in some cell, so the organisation-level Tango item has no remainder to sit in and
    // the whole view collapses to one group rather than single it out.)
    const bravo = await itemOf(L1, 'Our stand-ups run long.');
    expect(['Ops', 'Ops (other teams)', 'Your organisation']).toContain(label(bravo.from.group));
    expect((await inbox(L1)).filter((i) => i.anonymous).map((i) => label(i.from.group))).not.toContain('Team Bravo');
    expect((await inbox(mgrB)).map((i) => i.text)).not.toContain('Our stand-ups run long.');
    expect((await api(AD, '/api/settings/anonymity', { method: 'PUT', body: { anonymityThreshold: 5 } })).status).toBe(200);
    expect((await itemOf(mgrA, 'Alpha retro is rushed.'))?.from).toEqual({ group: { level: 'team', name: 'Team Alpha' } });
  });
});

describe('check-in answers shared anonymously', () => {
  async function closedRound(teamId: string, people: Person[], answers: { who: Person; values: Record<string, string | number>; share: boolean }[], figures: Round['figures']): Promise<{ roundId: string; pilotId: string }> {
    const team = TEAMS.find((x) => x.id === teamId)!;
    const pilotId = `pilot:${randomUUID()}`;
    const pilot: Pilot = {
      id: pilotId, tenantId, type: 'pilot', title: `${team.name} focus time`, practiceName: 'Focus time', hypothesis: 'Quiet mornings help.', successMeasures: ['Fewer interruptions'],
      teamId, teamName: team.name, managerId: team.manager.userId, managerName: team.manager.name,
      cadence: { weekdays: [1], time: '09:00', everyWeeks: 1, reminderHours: 0, roundHours: 24 },
      questions: [{ id: 'workload', kind: 'scale', text: 'How manageable was your workload?' }, { id: 'blocker', kind: 'text', text: `What got in the way of ${team.name}'s focus time?` }],
      startDate: '2027-01-04', endDate: '2027-06-30', status: 'active', createdAt: '2027-01-01T00:00:00Z', updatedAt: '2027-01-01T00:00:00Z', health: EMPTY_HEALTH,
    };
    const date = new Date(clock.now().getTime() - 2 * DAY).toISOString().slice(0, 10);
    const roundId = `round:${pilotId}:${date}`;
    const round: Round = {
      id: roundId, tenantId, type: 'round', pilotId, teamId, date, number: 1, opensAt: `${date}T09:00:00Z`, closesAt: `${date}T23:00:00Z`, invited: people.map((p) => p.userId),
      schedule: {}, prompted: people.map((p) => p.userId), reminded: [], answered: answers.map((a) => a.who.userId), status: 'closed', figures,
    };
    const docs: Answer[] = answers.map((a) => ({ id: `answer:${roundId}:${a.who.userId}`, tenantId, type: 'answer', pilotId, roundId, userId: a.who.userId, values: a.values, shareAnonymously: a.share, answeredAt: `${date}T10:00:00Z` }));
    await t.app.store.bulkCreate('pilots', [pilot]);
    await t.app.store.bulkCreate('checkins', [round, ...docs]);
    return { roundId, pilotId };
  }

  test('a shared answer from a round with fewer than k answerers is not shared at all: it would name its round', async () => {
    const { roundId } = await closedRound('team:t', [mgrT, ...T], [
      { who: T[0], values: { workload: 2, blocker: 'Constant pings from sales.' }, share: true },
      { who: T[1], values: { workload: 3, blocker: 'Nothing much.' }, share: false },
    ], { invited: 3, answered: 2, confidence: null, autonomy: null, workload: null });
    expect(await t.app.domain.feedback.shareCheckinAnswers(tenantId, roundId)).toBe(0);
    const all = JSON.stringify(await t.app.store.all('feedback', tenantId, "SELECT * FROM c WHERE c.tenantId = @tenantId AND c.type = 'feedback'"));
    for (const secret of ['Constant pings from sales.', 'Nothing much.', T[0].userId]) expect(all).not.toContain(secret);
  });

  test('from a round of at least k answerers in a big enough team it names the pilot and the questions, decided when read', async () => {
    const { roundId, pilotId } = await closedRound('team:s1', [mgrS1, ...S1], [mgrS1, ...S1].map((who, i) => ({ who, values: { workload: 2, blocker: `Blocker ${i}` }, share: i === 1 })), { invited: 5, answered: 5, confidence: null, autonomy: null, workload: 2 });
    expect(await t.app.domain.feedback.shareCheckinAnswers(tenantId, roundId)).toBe(1);
    const [item] = await t.app.store.all<FeedbackItem>('feedback', tenantId, "SELECT * FROM c WHERE c.tenantId = @tenantId AND c.type = 'feedback' AND c.pilotId = @pilotId", { pilotId });
    expect(item).toMatchObject({ anonymous: true, scope: { level: 'team', teamId: 'team:s1' }, checkin: { parts: [{ question: expect.stringContaining('Team Sierra'), answer: 'Blocker 1' }] } });
    // The stored text never names the pilot: views compose it while disclosure allows.
    expect(item.text).toBe('From a check-in:\n\nBlocker 1');
    expect(JSON.stringify(item)).not.toContain(S1[0].userId);
    nextWeek();
    const seen = (await inbox(L1)).find((i) => i.id === item.id);
    expect(seen).toMatchObject({ from: { group: { level: 'team', name: 'Team Sierra' } }, pilot: { id: pilotId, title: 'Team Sierra focus time' }, text: expect.stringContaining('From a check-in on “Team Sierra focus time”') });
  });
});

describe('signals', () => {
  test('signals fire per group of at least the threshold, from closed weeks, with their reasons; small groups\' figures never show', async () => {
    const { store } = t.app;
    const thisWeek = weekOf(clock.now());
    const round = (teamId: string, weeksAgo: number, figures: Round['figures']): Round => {
      const date = new Date(Date.parse(`${thisWeek}T00:00:00Z`) - weeksAgo * 7 * DAY + DAY).toISOString().slice(0, 10);
      return { id: `round:sig-${teamId}:${date}`, tenantId, type: 'round', pilotId: `pilot:sig-${teamId}`, teamId, date, number: 1, opensAt: `${date}T09:00:00Z`, closesAt: `${date}T20:00:00Z`, invited: [], schedule: {}, prompted: [], reminded: [], answered: [], status: 'closed', figures };
    };
    await store.bulkCreate('checkins', [
      // Team Alpha: autonomy falling, workload heavy, 6 answers a week.
      round('team:a', 3, { invited: 7, answered: 6, confidence: 3, autonomy: 4.2, workload: 3 }),
      round('team:a', 2, { invited: 7, answered: 6, confidence: 3, autonomy: 3.6, workload: 2.8 }),
      round('team:a', 1, { invited: 7, answered: 6, confidence: 3, autonomy: 3.1, workload: 2.1 }),
      // Bravo alone (4 answers) is below the threshold: even with figures, it cannot make a signal.
      round('team:b', 1, { invited: 4, answered: 4, confidence: 2, autonomy: 1, workload: 1 }),
      // This week has not ended: not counted.
      round('team:a', 0, { invited: 7, answered: 6, confidence: 3, autonomy: 1, workload: 1 }),
    ]);
    const { signals } = (await api(L1, '/api/signals')).body;
    const alpha = signals.filter((s: any) => label(s.group.label) === 'Team Alpha' && s.kind !== 'neglected_feedback');
    expect(alpha.map((s: any) => s.kind).sort()).toEqual(['micromanagement', 'overload']);
    expect(reasonOf(alpha.find((s: any) => s.kind === 'overload'))).toMatch(/average of 2\.1 of 5 .* over 6 answers/);
    expect(reasonOf(alpha.find((s: any) => s.kind === 'micromanagement'))).toMatch(/fell from 4\.2 .* to 3\.1/);
    expect(signals.filter((s: any) => label(s.group.label) === 'Ops (other teams)' && s.kind !== 'neglected_feedback')).toEqual([]);
    for (const s of signals) for (const small of SMALL_NAMES) expect(reasonOf(s)).not.toContain(small);
  });
});

describe('exports', () => {
  test('the CSV holds the same cells, and a team name cannot run as a spreadsheet formula', async () => {
    const csv: string = (await api(L1, '/api/feedback/export.csv')).body;
    const groups = new Set(csv.trim().split('\r\n').slice(1).map((line) => line.split('","')[3]));
    expect([...groups].sort()).toEqual(["'=SUM(1+1)", 'Ops (other teams)', 'Rest of the organisation', 'Team Alpha', 'Team Sierra'].sort());
    expect(csv).not.toMatch(/(^|,)"=/m);
  });
});

describe('digests', () => {
  test('an owner\'s digest counts only what that owner may see', async () => {
    await t.app.domain.feedback.queueDigests(tenantId);
    const digests = await t.app.store.all<OutboxItem>('outbox', tenantId, "SELECT * FROM c WHERE c.tenantId = @tenantId AND c.type = 'outbox' AND c.kind = 'feedback_digest'");
    const week = weekOf(clock.now());
    const to = (u: TeamsUser) => digests.filter((d) => (d.target as { userId?: string }).userId === u.userId && d.data.week === week);
    expect(to(mgrB)).toEqual([]); // Bravo's anonymous item went to leaders
    expect(to(mgrA)).toHaveLength(1);
    expect(to(L1)).toHaveLength(1);
    for (const d of digests) expect(JSON.stringify(d.data)).not.toMatch(/rushed|hire|quota|fridge|stand-ups|Bravo/);
  });
});
