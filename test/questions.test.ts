import { randomUUID } from 'node:crypto';
import { ManualClock } from '../domain/shared/clock';
import type { Round } from '../domain/checkins';
import type { TenantSettings } from '../domain/directory';
import type { Pilot } from '../domain/pilots';
import { demoUser, startTestApp, type TestApp } from '../support/app';
import { adaptiveCardsIn, cardProblems } from './helpers/cards';
import { adaptiveActionActivity, installInTeamActivity, invokeActivity, rosterOf, type TeamsUser } from '../support/teams';

/**
 * Check-in questions over HTTP: the bank's kinds on the card, practice defaults, one validation for
 * creating and editing, ids that keep a question's trend through rewording, and a pilot that can
 * never be saved or launched with nothing to answer.
 */
const morgan = demoUser('Morgan'); // manages team:demo-ops
const MONDAY = '2027-01-04';
const clock = new ManualClock(new Date(`${MONDAY}T06:00:00Z`));
let t: TestApp;

beforeAll(async () => {
  t = await startTestApp({ clock });
});
afterAll(() => t.stop());

const pilotBody = (over: Record<string, unknown> = {}) => ({
  title: 'Team experiments',
  hypothesis: 'A small budget for experiments surfaces better ideas.',
  successMeasures: ['One experiment a month'],
  teamId: 'team:demo-ops',
  startDate: '2027-01-04',
  endDate: '2027-03-01',
  ...over,
});
const ALL_KINDS = [
  { kind: 'scale', text: 'How clear were our priorities?', low: 'Foggy', high: 'Crystal clear' },
  { kind: 'choice', text: 'Which day worked best?', choices: ['Monday', 'Wednesday', 'Friday'] },
  { kind: 'yesno', text: 'Did you try something new?' },
  { kind: 'text', text: 'What would you change?' },
];
const enc = encodeURIComponent;
const pilotCount = async () => (await t.api('/api/pilots?mine=true', { as: morgan })).body.pilots.length;
const fieldCodes = (body: { error: { fields?: { field: string; code: string }[] } }) => (body.error.fields ?? []).map((f) => `${f.field} ${f.code}`);

describe('saving a pilot always leaves questions to answer', () => {
  test('from scratch it asks the standard questions; from a practice, that practice’s own', async () => {
    const scratch = await t.api('/api/pilots', { as: morgan, body: pilotBody() });
    expect(scratch.status).toBe(201);
    expect(scratch.body.pilot.questions.map((q: { id: string }) => q.id)).toEqual(['confidence', 'progress', 'blocker', 'autonomy', 'workload']);
    const focus = await t.api('/api/pilots', { as: morgan, body: pilotBody({ practiceId: 'practice:no-meeting-focus' }) });
    const retro = await t.api('/api/pilots', { as: morgan, body: pilotBody({ practiceId: 'practice:weekly-retro' }) });
    expect(focus.body.pilot.questions.map((q: { id: string }) => q.id)).toContain('focus-kept');
    expect(retro.body.pilot.questions.map((q: { id: string }) => q.id)).toContain('kept-practice');
    expect(focus.body.pilot.questions).not.toEqual(retro.body.pilot.questions);
    // The bank's scales name their ends.
    expect(scratch.body.pilot.questions[0]).toMatchObject({ kind: 'scale', low: 'Not at all', high: 'Completely' });
  });

  test('bad questions get a 400 naming the field and the problem, and change nothing', async () => {
    const before = await pilotCount();
    const eight = Array.from({ length: 8 }, (_, i) => ({ kind: 'text', text: `Question number ${i + 1}?` }));
    const cases: [string, unknown, string][] = [
      ['eight questions', eight, 'questions pilot.too_many_questions'],
      ['none at all', [], 'questions pilot.no_questions'],
      ['an empty scale label', [{ kind: 'scale', text: 'How was it?', low: '  ', high: 'Great' }], 'questions.0.low required'],
      ['an empty choice', [{ kind: 'choice', text: 'Which one?', choices: ['A', ''] }], 'questions.0.choices.1 required'],
      ['one choice only', [{ kind: 'choice', text: 'Which one?', choices: ['A'] }], 'questions.0.choices pilot.question_choices'],
      ['10 kB of text', [{ kind: 'text', text: 'x'.repeat(10_240) }], 'questions.0.text too_long'],
      ['an unknown type', [{ kind: 'slider', text: 'How far?' }], 'questions.0.kind invalid_choice'],
      ['the same id twice', [{ id: 'a', kind: 'text', text: 'First?' }, { id: 'a', kind: 'text', text: 'Second?' }], 'questions.1.id pilot.duplicate_question'],
    ];
    for (const [label, questions, want] of cases) {
      const res = await t.api('/api/pilots', { as: morgan, body: pilotBody({ questions }) });
      expect(`${label}: ${res.status}`).toBe(`${label}: 400`);
      expect(fieldCodes(res.body)).toContain(want);
    }
    expect(await pilotCount()).toBe(before);

    // Editing is checked the same way, and a refused edit leaves the pilot as it was.
    const { pilot } = (await t.api('/api/pilots', { as: morgan, body: pilotBody({ questions: ALL_KINDS }) })).body;
    for (const [label, questions, want] of cases) {
      const res = await t.api(`/api/pilots/${enc(pilot.id)}`, { as: morgan, method: 'PATCH', body: { questions }, headers: { 'if-match': pilot.etag } });
      expect(`${label}: ${res.status}`).toBe(`${label}: 400`);
      expect(fieldCodes(res.body)).toContain(want);
    }
    const after = (await t.api(`/api/pilots/${enc(pilot.id)}`, { as: morgan })).body.pilot;
    expect(after.questions).toEqual(pilot.questions);
    expect(after.etag).toBe(pilot.etag);
  });

  test('a pilot saved without questions (before they were required) cannot be launched until it has some', async () => {
    const { pilot } = (await t.api('/api/pilots', { as: morgan, body: pilotBody() })).body;
    const stored = await t.app.store.read<Pilot>('pilots', morgan.tenantId, pilot.id);
    await t.app.store.upsert<Pilot>('pilots', { ...stored!, questions: [] });
    const refused = await t.api(`/api/pilots/${enc(pilot.id)}/launch`, { as: morgan, method: 'POST' });
    expect(refused.status).toBe(409);
    expect(refused.body.error.reason).toBe('pilot.no_questions_to_launch');
    expect((await t.api(`/api/pilots/${enc(pilot.id)}`, { as: morgan })).body.pilot.status).toBe('draft');
  });
});

describe('the check-in card shows every kind of question', () => {
  test('the preview is the card members get, valid for Teams, in the reader’s language', async () => {
    const res = await t.api('/api/checkin-preview', { as: morgan, body: { title: 'Team experiments', questions: ALL_KINDS } });
    expect(res.status).toBe(200);
    expect(cardProblems(res.body.card)).toEqual([]);
    const text = JSON.stringify(res.body.card);
    for (const words of ['How clear were our priorities?', '1 — Foggy', '5 — Crystal clear', 'Which day worked best?', 'Wednesday', 'Did you try something new?', 'Yes', 'No', 'What would you change?']) {
      expect(text).toContain(words);
    }
    // Bank questions come in Spanish to a Spanish reader; what the manager wrote stays as written.
    const es = await t.api('/api/checkin-preview', { as: morgan, body: { questions: [{ id: 'workload', kind: 'scale', text: 'How manageable was your workload?', low: 'Overloaded', high: 'Comfortable' }, ALL_KINDS[2], ALL_KINDS[3]], locale: 'es' } });
    const esText = JSON.stringify(es.body.card);
    expect(esText).toContain('¿Qué tan manejable fue tu carga de trabajo?');
    expect(esText).toContain('1 — Desbordada');
    expect(esText).toContain('What would you change?');
    expect(esText).toContain('Sí');
    const bad = await t.api('/api/checkin-preview', { as: morgan, body: { questions: [{ kind: 'slider', text: 'How far?' }] } });
    expect(bad.status).toBe(400);
  });

  test('the message extension’s launch form gives its pilots the practice’s questions', async () => {
    const data = { practiceId: 'practice:recognition-round', title: '', hypothesis: 'Recognition every Friday lifts the team.', successMeasures: '', teamId: 'team:demo-ops', weekdays: '5', time: '10:00', startDate: '2027-01-11', endDate: '2027-02-22', launchNow: 'false', requestId: randomUUID() };
    const res = await t.activity(invokeActivity(t.connector.url, morgan, 'composeExtension/submitAction', { commandId: 'launchPilot', commandContext: 'message', data }));
    expect(res.status).toBe(200);
    const pilots = (await t.api('/api/pilots?mine=true', { as: morgan })).body.pilots as Pilot[];
    const made = pilots.find((p) => p.practiceId === 'practice:recognition-round')!;
    expect(made.questions.map((q) => q.id)).toEqual(['confidence', 'recognised', 'voice', 'progress', 'blocker']);
  });
});

describe('question ids are stable', () => {
  const tenantId = randomUUID();
  const person = (name: string): TeamsUser => ({ tenantId, userId: randomUUID(), name });
  const manager = person('Maria Manager');
  const members = ['Ana', 'Ben', 'Cy', 'Di', 'Ed'].map((n) => person(`${n} Member`));
  const roundsOf = async (pilotId: string) =>
    (await t.app.store.all<Round>('checkins', tenantId, "SELECT * FROM c WHERE c.tenantId = @tenantId AND c.type = 'round' AND c.pilotId = @p", { p: pilotId })).sort((a, b) => a.date.localeCompare(b.date));

  test('a reworded question keeps its trend, a new one starts its own, a removed one keeps its history', async () => {
    t.connector.members = rosterOf(tenantId, [manager, ...members]);
    await t.activity(installInTeamActivity(t.connector.url, manager, { teamsTeamId: '19:q@thread.tacv2', name: 'Question squad', aadGroupId: t.teamInGraph(tenantId, [manager], members) }));
    const created = await t.api('/api/pilots', {
      as: manager,
      body: pilotBody({ teamId: 'team:19:q@thread.tacv2', cadence: { weekdays: [1], time: '09:00', everyWeeks: 1, reminderHours: 0, roundHours: 24 }, questions: [{ kind: 'scale', text: 'How focused were you?', low: 'Scattered', high: 'Deep' }, ...ALL_KINDS] }),
    });
    expect(created.status).toBe(201);
    const pilot = created.body.pilot;
    const [focusQ, clarityQ, dayQ, yesQ, textQ] = pilot.questions as Pilot['questions'];
    expect(new Set(pilot.questions.map((q: { id: string }) => q.id)).size).toBe(5);
    expect((await t.api(`/api/pilots/${enc(pilot.id)}/launch`, { as: manager, method: 'POST' })).status).toBe(200);

    const answerRound = async (values: (i: number) => Record<string, string>) => {
      await t.app.background.tick();
      const rounds = await roundsOf(pilot.id);
      const open = rounds.find((r) => r.status === 'open')!;
      for (const [i, who] of members.entries()) {
        const res = await t.activity(adaptiveActionActivity(t.connector.url, who, 'checkin.submit', { roundId: open.id, ...values(i), shareAnonymously: 'false' }));
        expect(JSON.stringify(res.body.value)).toContain('Thanks');
      }
      return open;
    };
    clock.set(`${MONDAY}T09:01:00Z`);
    const first = await answerRound((i) => ({ [focusQ.id]: String(2 + (i % 2)), [clarityQ.id]: '3', [dayQ.id]: 'Friday', [yesQ.id]: 'true', [textQ.id]: 'More quiet' }));
    // The prompt showed every kind, as Teams renders them.
    await t.app.background.delivery.flush();
    const prompt = t.connector.received.find((a) => JSON.stringify(a.activity).includes(`Check-in: ${pilot.title}`))!;
    expect(cardProblems(adaptiveCardsIn(prompt.activity)[0])).toEqual([]);
    clock.set('2027-01-05T09:30:00Z');
    await t.app.background.tick();

    // Mid-pilot: reword the focus question (same id), drop clarity, add a new scale.
    const current = (await t.api(`/api/pilots/${enc(pilot.id)}`, { as: manager })).body.pilot;
    const kindChange = await t.api(`/api/pilots/${enc(pilot.id)}`, { as: manager, method: 'PATCH', headers: { 'if-match': current.etag }, body: { questions: [{ ...focusQ, kind: 'text' }, dayQ, yesQ, textQ] } });
    expect(kindChange.status).toBe(400);
    expect(fieldCodes(kindChange.body)).toContain('questions.0.kind pilot.question_kind_fixed');
    const edited = await t.api(`/api/pilots/${enc(pilot.id)}`, {
      as: manager,
      method: 'PATCH',
      headers: { 'if-match': current.etag },
      body: { questions: [{ ...focusQ, text: 'How much deep work did you get?' }, dayQ, yesQ, textQ, { kind: 'scale', text: 'How rested do you feel?', low: 'Drained', high: 'Rested' }] },
    });
    expect(edited.status).toBe(200);
    const next = edited.body.pilot;
    const energyQ = next.questions[4];
    expect(next.questions[0]).toMatchObject({ id: focusQ.id, text: 'How much deep work did you get?' });
    expect([focusQ.id, clarityQ.id, dayQ.id, yesQ.id, textQ.id]).not.toContain(energyQ.id);
    expect(next.pastQuestions).toEqual([expect.objectContaining({ id: clarityQ.id, text: clarityQ.text })]);

    clock.set('2027-01-11T09:01:00Z');
    const second = await answerRound(() => ({ [focusQ.id]: '5', [energyQ.id]: '4' }));
    clock.set('2027-01-12T09:30:00Z');
    await t.app.background.tick();

    const [r1, r2] = await roundsOf(pilot.id);
    expect([r1.id, r2.id]).toEqual([first.id, second.id]);
    expect(r1.figures?.scales).toEqual({ [focusQ.id]: 2.4, [clarityQ.id]: 3 });
    expect(r2.figures?.scales).toEqual({ [focusQ.id]: 5, [energyQ.id]: 4 });
    // The rollup on the pilot keeps both rounds, the removed question's included.
    const rolled = (await t.api(`/api/pilots/${enc(pilot.id)}`, { as: manager })).body.pilot as Pilot;
    expect(rolled.roundFigures?.map((f) => f.scales)).toEqual([r1.figures?.scales, r2.figures?.scales]);
    expect(rolled.pastQuestions?.map((q) => q.id)).toEqual([clarityQ.id]);

    // Each question's average is over the five who answered it: raising k to 6 withholds them when read.
    expect(r1.figures?.scaleCounts).toEqual({ [focusQ.id]: 5, [clarityQ.id]: 5 });
    let before = 0;
    await t.app.store.update<TenantSettings>('directory', tenantId, 'settings', (s) => ((before = s.anonymityThreshold), { ...s, anonymityThreshold: 6 }));
    expect(before).toBeLessThan(6);
    const withheld = (await t.api(`/api/pilots/${enc(pilot.id)}`, { as: manager })).body.pilot as Pilot;
    expect(withheld.roundFigures?.map((f) => f.scales)).toEqual([
      { [focusQ.id]: null, [clarityQ.id]: null },
      { [focusQ.id]: null, [energyQ.id]: null },
    ]);
    expect(JSON.stringify(withheld.roundFigures)).not.toContain('2.4');
    await t.app.store.update<TenantSettings>('directory', tenantId, 'settings', (s) => ({ ...s, anonymityThreshold: before }));
    const again = (await t.api(`/api/pilots/${enc(pilot.id)}`, { as: manager })).body.pilot as Pilot;
    expect(again.roundFigures?.map((f) => f.scales)).toEqual([r1.figures?.scales, r2.figures?.scales]);
  });
});
