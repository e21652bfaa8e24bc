import { demoUser, startTestApp, type TestApp } from '../support/app';
import { adaptiveCardsIn, cardProblems } from './helpers/cards';
import { invokeActivity } from '../support/teams';
import type { Practice } from '../domain/practices';

/**
 * Practices as managed content over HTTP: the built-in library in English and Spanish (and cards
 * in the reader's language), admins adding, editing, translating and retiring practices, and
 * "adopt as practice" from a finished pilot, approved by an admin.
 */
const morgan = demoUser('Morgan'); // manager of team:demo-ops
const sam = demoUser('Sam'); // member of team:demo-ops
const alex = demoUser('Alex'); // admin
let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.stop());

const enc = encodeURIComponent;
const library = async (as = morgan, query = '') => (await t.api(`/api/practices${query}`, { as })).body.practices as Practice[];
const fieldCodes = (body: { error: { fields?: { field: string; code: string }[] } }) => (body.error.fields ?? []).map((f) => `${f.field} ${f.code}`);
const newPractice = (over: Record<string, unknown> = {}) => ({
  name: 'Walking one-on-ones',
  summary: 'Hold one-on-ones while walking, away from screens.',
  why: 'Side by side and moving, people talk more freely than across a desk.',
  how: ['Agree a route of about 30 minutes', 'Leave laptops behind', 'Write down one commitment afterwards'],
  measures: ['Most one-on-ones walked', 'People rate them useful'],
  pitfalls: ['Bad weather ends the habit'],
  questions: [{ id: 'usefulness', kind: 'scale', text: 'How useful was it this time?', low: 'Not useful', high: 'Very useful' }, { kind: 'yesno', text: 'Did you walk this week?' }],
  ...over,
});

describe('the built-in library', () => {
  test('every practice and every question has English and Spanish, with pitfalls', async () => {
    const practices = await library();
    expect(practices.length).toBeGreaterThanOrEqual(12);
    for (const p of practices.filter((x) => x.builtIn)) {
      expect(`${p.id} ${p.pitfalls.length > 0}`).toBe(`${p.id} true`);
      const es = p.translations?.es;
      expect(es && es.name && es.summary && es.why && es.how.length === p.how.length && es.measures.length === p.measures.length && es.pitfalls.length === p.pitfalls.length).toBeTruthy();
      expect(es!.name).not.toBe(p.name);
      for (const q of p.questions) expect(`${p.id}/${q.id} ${!!q.translations?.es?.text}`).toBe(`${p.id}/${q.id} true`);
    }
  });

  test('the practice card and the launch form speak the reader’s language', async () => {
    const search = (locale: string) => {
      const activity = invokeActivity(t.connector.url, morgan, 'composeExtension/query', { commandId: 'findPilots', parameters: [{ name: 'searchText', value: 'decision log' }], queryOptions: { skip: 0, count: 10 } });
      return t.activity({ ...activity, locale });
    };
    const es = await search('es-ES');
    const esText = JSON.stringify(es.body);
    expect(esText).toContain('Derechos de decisión delegados');
    expect(esText).toContain('Los equipos avanzan más rápido');
    for (const card of adaptiveCardsIn(es.body)) expect(cardProblems(card)).toEqual([]);
    expect(JSON.stringify((await search('en-US')).body)).toContain('Delegated decision rights');

    const form = await t.activity({ ...invokeActivity(t.connector.url, morgan, 'composeExtension/fetchTask', { commandId: 'launchPilot', commandContext: 'message', messagePayload: { body: { content: 'x' } } }), locale: 'es-ES' });
    expect(JSON.stringify(form.body)).toContain('Facilitación rotativa de reuniones');
  });
});

describe('admins manage the library', () => {
  test('add, edit, translate, retire and restore; nobody else may', async () => {
    const before = (await library(alex, '?retired=true')).length;
    // Bad input: a clear 400 with codes, and nothing added.
    const eight = Array.from({ length: 8 }, (_, i) => ({ kind: 'text', text: `Question ${i + 1}?` }));
    for (const [label, body, want] of [
      ['eight questions', newPractice({ questions: eight }), 'questions pilot.too_many_questions'],
      ['an unknown question type', newPractice({ questions: [{ kind: 'slider', text: 'How far?' }] }), 'questions.0.kind invalid_choice'],
      ['an empty pitfall', newPractice({ pitfalls: [''] }), 'pitfalls.0 too_short'],
      ['10 kB of why', newPractice({ why: 'x'.repeat(10_240) }), 'why too_long'],
      ['no questions', newPractice({ questions: [] }), 'questions pilot.no_questions'],
    ] as const) {
      const res = await t.api('/api/practices', { as: alex, body: body });
      expect(`${label} ${res.status}`).toBe(`${label} 400`);
      expect(fieldCodes(res.body)).toContain(want);
    }
    const notAdmin = await t.api('/api/practices', { as: morgan, body: newPractice() });
    expect(notAdmin.status).toBe(403);
    expect(notAdmin.body.error.reason).toBe('practice.admin_only');
    expect((await library(alex, '?retired=true')).length).toBe(before);

    const added = await t.api('/api/practices', { as: alex, body: newPractice() });
    expect(added.status).toBe(201);
    const practice = added.body.practice;
    expect(practice).toMatchObject({ builtIn: false, name: 'Walking one-on-ones', questions: [expect.objectContaining({ id: 'usefulness', translations: expect.anything() }), expect.objectContaining({ kind: 'yesno' })] });
    expect((await library(morgan)).map((p) => p.id)).toContain(practice.id);

    // Translate it (and an edit from someone else's stale copy is refused).
    const es = { name: 'Reuniones individuales caminando', summary: 'Reuniones individuales caminando, lejos de las pantallas.', why: 'Hombro con hombro y en movimiento, la gente habla con más libertad.', how: ['Acordad una ruta de unos 30 minutos'], measures: ['La mayoría se hacen caminando'], pitfalls: ['El mal tiempo acaba con el hábito'] };
    const translated = await t.api(`/api/practices/${enc(practice.id)}`, { as: alex, method: 'PATCH', body: { translations: { es } }, headers: { 'if-match': practice.etag } });
    expect(translated.status).toBe(200);
    expect(translated.body.practice.translations.es.name).toBe('Reuniones individuales caminando');
    const stale = await t.api(`/api/practices/${enc(practice.id)}`, { as: alex, method: 'PATCH', body: { name: 'Stale edit' }, headers: { 'if-match': practice.etag } });
    expect(stale.status).toBe(409);
    expect((await t.api(`/api/practices/${enc(practice.id)}`, { as: morgan, method: 'PATCH', body: { name: 'Mine now' }, headers: { 'if-match': translated.body.practice.etag } })).status).toBe(403);

    // Editing a built-in practice makes it the tenant's own version.
    const retro = (await t.api('/api/practices/practice:weekly-retro', { as: alex })).body.practice;
    const renamed = await t.api('/api/practices/practice:weekly-retro', { as: alex, method: 'PATCH', body: { name: 'Friday retrospective' }, headers: { 'if-match': retro.etag } });
    expect(renamed.body.practice).toMatchObject({ name: 'Friday retrospective', builtIn: true });
    expect((await library(morgan)).find((p) => p.id === 'practice:weekly-retro')?.name).toBe('Friday retrospective');

    // Retired: gone from the library and refused for new pilots; restored: back.
    expect((await t.api(`/api/practices/${enc(practice.id)}/retire`, { as: morgan, method: 'POST' })).status).toBe(403);
    expect((await t.api(`/api/practices/${enc(practice.id)}/retire`, { as: alex, method: 'POST' })).body.practice.retired).toBe(true);
    expect((await library(morgan)).map((p) => p.id)).not.toContain(practice.id);
    expect((await library(morgan, '?retired=true')).map((p) => p.id)).not.toContain(practice.id);
    expect((await library(alex, '?retired=true')).map((p) => p.id)).toContain(practice.id);
    const pilot = { title: 'Walk and talk', practiceId: practice.id, hypothesis: 'Walking one-on-ones make people more open.', successMeasures: ['Most walked'], teamId: 'team:demo-ops', startDate: '2027-01-04', endDate: '2027-03-01' };
    const refused = await t.api('/api/pilots', { as: morgan, body: pilot });
    expect(refused.status).toBe(409);
    expect(refused.body.error.reason).toBe('practice.retired');
    await t.api(`/api/practices/${enc(practice.id)}/restore`, { as: alex, method: 'POST' });
    const launched = await t.api('/api/pilots', { as: morgan, body: pilot });
    expect(launched.status).toBe(201);
    expect(launched.body.pilot.questions.map((q: { id: string }) => q.id)).toEqual(practice.questions.map((q: { id: string }) => q.id));
  });
});

describe('adopt as practice', () => {
  test('the manager of an adopted pilot proposes it; an admin approves it into the library', async () => {
    const body = { title: 'Desk huddle at 9', hypothesis: 'A five-minute huddle every morning cuts the queue of unanswered questions.', successMeasures: ['Fewer questions waiting by noon'], teamId: 'team:demo-ops', startDate: '2027-01-04', endDate: '2027-03-01' };
    const pilot = (await t.api('/api/pilots', { as: morgan, body })).body.pilot;
    const propose = () => t.api('/api/practice-proposals', { as: morgan, body: { pilotId: pilot.id, summary: 'A five-minute morning huddle for support desks.', pitfalls: ['It grows into a meeting'] } });
    const early = await propose();
    expect(early.status).toBe(409);
    expect(early.body.error.reason).toBe('practice.pilot_not_adopted');

    await t.api(`/api/pilots/${enc(pilot.id)}/launch`, { as: morgan, method: 'POST' });
    await t.api(`/api/pilots/${enc(pilot.id)}/close`, { as: morgan, body: { outcome: 'adopted', learning: 'Standing up keeps it short; rotate who reads the queue.' } });
    expect((await t.api('/api/practice-proposals', { as: sam, body: { pilotId: pilot.id, summary: 'Someone else’s pilot, proposed.' } })).status).toBe(403);
    const first = await propose();
    expect(first.status).toBe(201);
    expect((await propose()).status).toBe(200); // once per pilot
    expect(first.body.proposal).toMatchObject({ status: 'pending', words: { name: 'Desk huddle at 9', why: body.hypothesis, how: ['Standing up keeps it short; rotate who reads the queue.'] } });

    expect((await t.api('/api/practice-proposals', { as: morgan })).status).toBe(403);
    const pending = (await t.api('/api/practice-proposals?status=pending', { as: alex })).body.proposals;
    expect(pending.map((p: { pilotId: string }) => p.pilotId)).toContain(pilot.id);
    const id = enc(first.body.proposal.id);
    expect((await t.api(`/api/practice-proposals/${id}/approve`, { as: morgan, method: 'POST' })).status).toBe(403);
    const approved = await t.api(`/api/practice-proposals/${id}/approve`, { as: alex, method: 'POST' });
    expect(approved.status).toBe(200);
    expect(approved.body.practice).toMatchObject({ name: 'Desk huddle at 9', fromPilotId: pilot.id, pitfalls: ['It grows into a meeting'] });
    expect((await t.api(`/api/practice-proposals/${id}/approve`, { as: alex, method: 'POST' })).body.practice.id).toBe(approved.body.practice.id);
    expect((await t.api(`/api/practice-proposals/${id}/decline`, { as: alex, method: 'POST' })).status).toBe(409);
    expect((await library(sam)).filter((p) => p.name === 'Desk huddle at 9')).toHaveLength(1);
  });
});
