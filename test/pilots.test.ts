import { randomUUID } from 'node:crypto';
import { demoUser, startTestApp, type TestApp } from '../support/app';
import { adaptiveCardsIn, cardProblems } from './helpers/cards';
import { invokeActivity, messageActivity, type TeamsUser } from '../support/teams';

const morgan = demoUser('Morgan'); // manager of team:demo-ops
const jordan = demoUser('Jordan'); // manager of team:demo-care
const sam = demoUser('Sam'); // member of team:demo-ops
const avery = demoUser('Avery'); // senior leader
const alex = demoUser('Alex'); // admin
const outsider: TeamsUser = { tenantId: randomUUID(), userId: randomUUID(), name: 'Eve Outsider' };

const newPilot = (over: Record<string, unknown> = {}) => ({
  title: 'Decision log for the desk',
  practiceId: 'practice:decision-log',
  hypothesis: 'If we log decisions, we stop re-arguing them every week.',
  successMeasures: ['Every significant decision logged'],
  teamId: 'team:demo-ops',
  cadence: { weekdays: [2, 4], time: '09:30', everyWeeks: 1, reminderHours: 4, roundHours: 24 },
  startDate: '2026-12-01',
  endDate: '2027-01-31',
  ...over,
});

/** Every card in a response must be one Teams renders: checked with the adaptivecards library. */
function expectValidCards(value: unknown, maxVersion?: string) {
  const cards = adaptiveCardsIn(value);
  for (const c of cards) expect(cardProblems(c, { maxVersion })).toEqual([]);
  return cards;
}

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.stop());

describe('pilots over the tab API', () => {
  test('a manager creates, edits, launches, pauses, resumes and closes a pilot', async () => {
    const created = await t.api('/api/pilots', { as: morgan, body: newPilot() });
    expect(created.status).toBe(201);
    const pilot = created.body.pilot;
    expect(pilot).toMatchObject({ status: 'draft', practiceName: 'Team decision log', teamName: 'Operations — Service Desk', managerName: 'Morgan Lee', canEdit: true });
    const id = encodeURIComponent(pilot.id);

    const edited = await t.api(`/api/pilots/${id}`, { as: morgan, method: 'PATCH', body: { title: 'Desk decision log' }, headers: { 'if-match': pilot.etag } });
    expect(edited.status).toBe(200);
    expect(edited.body.pilot.title).toBe('Desk decision log');

    for (const [action, status] of [['launch', 'active'], ['pause', 'paused'], ['resume', 'active']]) {
      const res = await t.api(`/api/pilots/${id}/${action}`, { as: morgan, method: 'POST' });
      expect(res.status).toBe(200);
      expect(res.body.pilot.status).toBe(status);
    }
    const closed = await t.api(`/api/pilots/${id}/close`, { as: morgan, body: { outcome: 'adapted', learning: 'Kept it for big decisions only.' } });
    expect(closed.status).toBe(200);
    expect(closed.body.pilot).toMatchObject({ status: 'adapted', learning: 'Kept it for big decisions only.' });

    const again = await t.api(`/api/pilots/${id}/launch`, { as: morgan, method: 'POST' });
    expect(again.status).toBe(409);
    expect(again.body.error.message).toMatch(/Cannot launch a pilot that is adapted/);
  });

  test('a retried create with the same Idempotency-Key makes one pilot', async () => {
    const key = randomUUID();
    const first = await t.api('/api/pilots', { as: morgan, body: newPilot({ title: 'Retried once' }), headers: { 'idempotency-key': key } });
    const second = await t.api('/api/pilots', { as: morgan, body: newPilot({ title: 'Retried once' }), headers: { 'idempotency-key': key } });
    expect(first.status).toBe(201);
    expect(second.status).toBe(200);
    expect(second.body.pilot.id).toBe(first.body.pilot.id);
    const list = await t.api('/api/pilots?mine=true', { as: morgan });
    expect(list.body.pilots.filter((p: any) => p.title === 'Retried once')).toHaveLength(1);
  });

  test('an edit racing another edit gets 409 and loses nothing', async () => {
    const { body } = await t.api('/api/pilots', { as: morgan, body: newPilot({ title: 'Race me' }) });
    const id = encodeURIComponent(body.pilot.id);
    const staleEtag = body.pilot.etag;
    const first = await t.api(`/api/pilots/${id}`, { as: morgan, method: 'PATCH', body: { hypothesis: 'First editor wins this round of edits.' }, headers: { 'if-match': staleEtag } });
    expect(first.status).toBe(200);
    const second = await t.api(`/api/pilots/${id}`, { as: morgan, method: 'PATCH', body: { title: 'Second editor' }, headers: { 'if-match': staleEtag } });
    expect(second.status).toBe(409);
    expect(second.body.error.message).toMatch(/changed this a moment ago/);
    const now = await t.api(`/api/pilots/${id}`, { as: morgan });
    expect(now.body.pilot).toMatchObject({ title: 'Race me', hypothesis: 'First editor wins this round of edits.' });
  });

  test.each([
    ['missing fields', {}, ['title', 'hypothesis', 'successMeasures', 'teamId', 'startDate', 'endDate']],
    ['oversized title', newPilot({ title: 'x'.repeat(121) }), ['title']],
    ['dates in the wrong order', newPilot({ startDate: '2027-02-01', endDate: '2027-01-01' }), ['endDate']],
    ['an impossible date', newPilot({ startDate: '2027-02-30' }), ['startDate']],
    ['an unknown field', newPilot({ sneaky: true }), ['body']],
    ['a bad cadence', newPilot({ cadence: { weekdays: [9], time: '25:00' } }), ['cadence.weekdays.0', 'cadence.time']],
  ])('%s gets a 400 naming the fields', async (_name, body, fields) => {
    const res = await t.api('/api/pilots', { as: morgan, body });
    expect(res.status).toBe(400);
    expect(res.body.error.fields.map((f: any) => f.field)).toEqual(expect.arrayContaining(fields));
  });

  test('odd ids in the path get a clear 4xx, never a 500', async () => {
    for (const id of ['%25ZZ', '%00', 'x'.repeat(300), '..%2F..%2Fsettings']) {
      const res = await t.api(`/api/pilots/${id}`, { as: morgan, method: 'PATCH', body: { title: 'whatever title' }, headers: { 'if-match': 'x' } });
      expect([400, 404]).toContain(res.status);
    }
  });

  test('an unknown practice is a clear 404', async () => {
    const res = await t.api('/api/pilots', { as: morgan, body: newPilot({ practiceId: 'practice:nope' }) });
    expect(res.status).toBe(404);
    expect(res.body.error.message).toBe('That practice was not found.');
  });

  test('roles: members and other managers cannot change a pilot; leaders see all, members their team', async () => {
    const { body } = await t.api('/api/pilots', { as: morgan, body: newPilot({ title: 'Roles check' }) });
    const id = encodeURIComponent(body.pilot.id);

    expect((await t.api('/api/pilots', { as: sam, body: newPilot() })).status).toBe(403);
    expect((await t.api(`/api/pilots/${id}/launch`, { as: sam, method: 'POST' })).status).toBe(403);
    expect((await t.api(`/api/pilots/${id}`, { as: sam, method: 'PATCH', body: { title: 'hijack' }, headers: { 'if-match': body.pilot.etag } })).status).toBe(403);
    // Jordan manages another team: cannot see Morgan's team's pilot at all.
    expect((await t.api(`/api/pilots/${id}`, { as: jordan })).status).toBe(404);
    expect((await t.api('/api/pilots', { as: jordan, body: newPilot() })).status).toBe(403);

    const samView = await t.api(`/api/pilots/${id}`, { as: sam });
    expect(samView.status).toBe(200);
    expect(samView.body.pilot.canEdit).toBe(false);

    const samList = await t.api('/api/pilots', { as: sam });
    expect(new Set(samList.body.pilots.map((p: any) => p.teamId))).toEqual(new Set(['team:demo-ops']));
    const leaderList = await t.api('/api/pilots', { as: avery });
    expect(new Set(leaderList.body.pilots.map((p: any) => p.teamId))).toEqual(new Set(['team:demo-ops', 'team:demo-care', 'team:demo-eng']));
    expect((await t.api(`/api/pilots/${id}/pause`, { as: avery, method: 'POST' })).status).toBe(403);
    // Admins may edit any pilot.
    expect((await t.api(`/api/pilots/${id}/launch`, { as: alex, method: 'POST' })).status).toBe(200);
  });

  test('another tenant sees none of it', async () => {
    const list = await t.api('/api/pilots', { as: outsider });
    expect(list.status).toBe(200);
    expect(list.body.pilots).toEqual([]);
    expect((await t.api('/api/pilots/pilot%3Ademo-facilitator', { as: outsider })).status).toBe(404);
    expect((await t.api('/api/pilots/pilot%3Ademo-facilitator/pause', { as: outsider, method: 'POST' })).status).toBe(404);
    expect((await t.api('/api/pilots', { as: outsider, body: newPilot() })).status).toBe(403);
  });
});

describe('pilots from Teams: message extension, dialog and chat', () => {
  const hostileMessage = { body: { contentType: 'html', content: '<p>We keep re-deciding the same things.<br>Could a log help?</p>' } };

  test('"Launch a pilot" from a message prefills the hypothesis; a bad submit shows field errors; a good one inserts the pilot card', async () => {
    const fetch = await t.activity(invokeActivity(t.connector.url, morgan, 'composeExtension/fetchTask', { commandId: 'launchPilot', commandContext: 'message', messagePayload: hostileMessage }));
    expect(fetch.status).toBe(200);
    const [form] = expectValidCards(fetch.body);
    const hypothesis = (form.body as any[]).find((e) => e.id === 'hypothesis');
    expect(hypothesis.value).toBe('We keep re-deciding the same things.\nCould a log help?');
    const requestId = (form.actions as any[])[0].data.requestId;

    const bad = await t.activity(invokeActivity(t.connector.url, morgan, 'composeExtension/submitAction', {
      commandId: 'launchPilot',
      commandContext: 'message',
      data: { requestId, practiceId: 'practice:decision-log', hypothesis: 'short', teamId: 'team:demo-ops', startDate: '2027-03-01', endDate: '2027-02-01' },
    }));
    expect(bad.status).toBe(200);
    expect(bad.body.task.type).toBe('continue');
    const [again] = expectValidCards(bad.body);
    const text = JSON.stringify(again);
    expect(text).toContain('Please fix the highlighted fields.');
    expect(text).toContain('Must be at least 10 characters.');
    expect(text).toContain('Must be after the start date.');

    const submit = () =>
      t.activity(invokeActivity(t.connector.url, morgan, 'composeExtension/submitAction', {
        commandId: 'launchPilot',
        commandContext: 'message',
        data: { requestId, practiceId: 'practice:decision-log', title: '', hypothesis: 'If we log decisions we stop re-deciding them.', successMeasures: '', teamId: 'team:demo-ops', weekdays: '2,4', time: '09:00', startDate: '2027-01-04', endDate: '2027-02-15', launchNow: 'true' },
      }));
    const good = await submit();
    expect(good.status).toBe(200);
    expect(good.body.composeExtension.type).toBe('result');
    const [card] = expectValidCards(good.body);
    expect(JSON.stringify(card)).toContain('Team decision log');
    expect(JSON.stringify(card)).toContain('Active');

    // Teams retries the same submit: still one pilot.
    await submit();
    const mine = await t.api('/api/pilots?mine=true', { as: morgan });
    const made = mine.body.pilots.filter((p: any) => p.hypothesis === 'If we log decisions we stop re-deciding them.');
    expect(made).toHaveLength(1);
    expect(made[0]).toMatchObject({ title: 'Team decision log', status: 'active', successMeasures: ['Every significant decision logged', 'Fewer repeated debates'], cadence: expect.objectContaining({ weekdays: [2, 4], time: '09:00' }) });
  });

  test('a member who tries to launch gets the form back with the reason, and nothing is created', async () => {
    const before = (await t.api('/api/pilots', { as: avery })).body.pilots.length;
    const res = await t.activity(invokeActivity(t.connector.url, sam, 'composeExtension/submitAction', {
      commandId: 'launchPilot',
      data: { requestId: randomUUID(), practiceId: 'scratch', title: 'My pilot', hypothesis: 'A hypothesis long enough to pass.', successMeasures: 'One', teamId: 'team:demo-ops', startDate: '2027-01-04', endDate: '2027-02-15' },
    }));
    expect(res.status).toBe(200);
    expect(JSON.stringify(res.body)).toContain('You can only launch pilots for a team you manage.');
    expect((await t.api('/api/pilots', { as: avery })).body.pilots.length).toBe(before);
  });

  test('"Find pilots and practices" searches what the caller may see, in pages', async () => {
    const query = (user: TeamsUser, text: string, skip = 0, count = 10) =>
      t.activity(invokeActivity(t.connector.url, user, 'composeExtension/query', { commandId: 'findPilots', parameters: [{ name: 'searchQuery', value: text }], queryOptions: { skip, count } }));
    const res = await query(jordan, 'retro');
    expect(res.status).toBe(200);
    const cards = expectValidCards(res.body);
    const titles = cards.map((c) => (c.body as any[])[0].text);
    expect(titles).toEqual(expect.arrayContaining(['Friday 30-minute retro', 'Weekly team retrospective']));
    expect(res.body.composeExtension.attachments[0].preview.content.title).toBeTruthy();

    // Jordan cannot find Morgan's team's pilots; Avery (leader) can.
    expect(JSON.stringify((await query(jordan, 'stand-up')).body)).not.toContain('Monday stand');
    expect(JSON.stringify((await query(avery, 'stand-up')).body)).toContain('Monday stand');

    const page1 = (await query(avery, '', 0, 5)).body.composeExtension.attachments;
    const page2 = (await query(avery, '', 5, 5)).body.composeExtension.attachments;
    expect(page1).toHaveLength(5);
    expect(page2).toHaveLength(5);
    const key = (a: any) => JSON.stringify(a.content.body[0]);
    expect(page1.map(key).filter((k: string) => page2.map(key).includes(k))).toEqual([]);

    expect((await query(outsider, 'retro')).body.composeExtension.attachments.filter((a: any) => JSON.stringify(a).includes('30-minute'))).toEqual([]);
  });

  test('the app\'s pilot links unfurl into a 1.3 card for those who may see the pilot', async () => {
    const unfurl = (user: TeamsUser) => t.activity(invokeActivity(t.connector.url, user, 'composeExtension/queryLink', { url: 'https://leaderful.test/pilots/pilot%3Ademo-facilitator' }));
    const res = await unfurl(sam);
    expect(res.status).toBe(200);
    const [card] = expectValidCards(res.body, '1.3');
    expect(card.version).toBe('1.3');
    expect(JSON.stringify(card)).toContain('Rotate who runs our Monday stand-up');
    expect(JSON.stringify(card)).toContain('https://leaderful.test/tabs/index.html#/pilots/pilot%3Ademo-facilitator');
    expect((await unfurl(outsider)).body.composeExtension.attachments).toEqual([]);
    expect((await unfurl(jordan)).body.composeExtension.attachments).toEqual([]);
  });

  test('chat: "launch pilot" opens the form as a dialog; submitting posts the pilot card into the chat once', async () => {
    const ask = messageActivity(t.connector.url, jordan, 'Launch pilot');
    await t.activity(ask);
    const [reply] = await t.connector.waitFor((a) => a.activity.replyToId === ask.id);
    const [button] = expectValidCards(reply.activity);
    expect((button.actions as any[])[0].data.msteams.type).toBe('task/fetch');

    const fetched = await t.activity(invokeActivity(t.connector.url, jordan, 'task/fetch', { data: { action: 'launchPilot' } }));
    expect(fetched.status).toBe(200);
    const [form] = expectValidCards(fetched.body);
    const teamChoices = (form.body as any[]).find((e) => e.id === 'teamId').choices;
    expect(teamChoices).toEqual([{ title: 'Customer Care — Americas', value: 'team:demo-care' }]);

    const data = { action: 'createPilot', requestId: randomUUID(), practiceId: 'practice:peer-coaching', hypothesis: 'Peer coaching helps new agents ramp up faster.', teamId: 'team:demo-care', startDate: '2027-01-04', endDate: '2027-02-15', launchNow: 'false' };
    const submitted = await t.activity(invokeActivity(t.connector.url, jordan, 'task/submit', { data }));
    expect(submitted.body.task).toEqual({ type: 'message', value: '“Peer coaching circle” is saved as a draft.' });
    const posted = await t.connector.waitFor((a) => JSON.stringify(a.activity).includes('Peer coaching helps new agents'));
    expectValidCards(posted[0].activity);
    await t.activity(invokeActivity(t.connector.url, jordan, 'task/submit', { data }));
    await new Promise((r) => setTimeout(r, 300));
    expect(t.connector.received.filter((a) => JSON.stringify(a.activity).includes('Peer coaching helps new agents'))).toHaveLength(1);
  });

  test('chat: "my pilots" lists pilots with links into the tab; unknown commands get help', async () => {
    const mine = messageActivity(t.connector.url, jordan, '<at>Leaderful</at> my pilots');
    (mine as any).entities = [{ type: 'mention', text: '<at>Leaderful</at>', mentioned: { id: mine.recipient.id, name: 'Leaderful' } }];
    await t.activity(mine);
    const [list] = await t.connector.waitFor((a) => a.activity.replyToId === mine.id);
    const [card] = expectValidCards(list.activity);
    expect(JSON.stringify(card)).toContain('Friday 30-minute retro');
    expect(JSON.stringify(card)).toContain('#/pilots/pilot%3Ademo-retro');

    const odd = messageActivity(t.connector.url, jordan, 'make me a sandwich');
    await t.activity(odd);
    const [help] = await t.connector.waitFor((a) => a.activity.replyToId === odd.id);
    expect(JSON.stringify(help.activity)).toContain('didn\'t understand');
    expectValidCards(help.activity);
  });
});
