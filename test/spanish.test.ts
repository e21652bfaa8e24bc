import { randomUUID } from 'node:crypto';
import { word, type Code } from '../i18n';
import type { Params } from '../domain/shared/codes';
import { demoUser, startTestApp, type TestApp } from '../support/app';
import { adaptiveActionActivity, invokeActivity, type TeamsUser } from '../support/teams';
import { adaptiveCardsIn } from './helpers/cards';

/**
 * A Spanish reader, over HTTP: the tab API with `Accept-Language: es`, the bot with a Spanish
 * Teams locale. A validation error, a domain refusal, a signal and a feedback notice each come
 * back as codes worded in Spanish, and no English sentence of the domain leaks through.
 */
const sam = demoUser('Sam'); // member of Operations, manager Morgan
const riley = demoUser('Riley'); // member of Operations
const morgan = demoUser('Morgan'); // manager of Operations
const avery = demoUser('Avery'); // senior leader
const alex = demoUser('Alex'); // admin
const ES = { 'accept-language': 'es-ES,es;q=0.9,en;q=0.5' };

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ env: { RATE_LIMIT_FEEDBACK_PER_HOUR: '10000' } });
  // Operations has 6 members besides Morgan: below 8, anonymous feedback to him goes up to leaders.
  expect((await t.api('/api/settings/anonymity', { as: alex, method: 'PUT', body: { anonymityThreshold: 8 } })).status).toBe(200);
});
afterAll(() => t.stop());

const api = (as: TeamsUser, path: string, init: { method?: string; body?: unknown } = {}) => t.api(path, { as, ...init, headers: ES });
/** The activity as a Spanish Teams client sends it. */
const inSpanish = <A extends { locale?: string }>(activity: A): A => ({ ...activity, locale: 'es-ES' });
const both = (code: Code, params?: Params) => ({ es: word('es', code, params), en: word('en', code, params) });

describe('the tab API in Spanish', () => {
  test('a validation error names each field, worded from its code', async () => {
    const res = await api(sam, '/api/feedback', { body: { audience: 'manager', topic: 'gossip', text: 'x'.repeat(2001), anonymous: false } });
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ code: 'validation', reason: 'invalid', params: {} });
    const text = res.body.error.fields.find((f: any) => f.field === 'text');
    expect(text).toEqual({ field: 'text', code: 'too_long', params: { max: 2000 }, message: 'debe tener como máximo 2000 caracteres' });
    const topic = res.body.error.fields.find((f: any) => f.field === 'topic');
    expect(topic).toMatchObject({ code: 'invalid_choice', message: expect.stringMatching(/^debe ser uno de estos valores: practice, workload, .* [ou] other$/) });
    expect(res.body.error.message).toContain('text: debe tener como máximo 2000 caracteres');
    expect(JSON.stringify(res.body)).not.toMatch(/must be|characters/);
  });

  test('a domain refusal carries its reason and params, and Spanish words', async () => {
    const missing = await api(sam, '/api/pilots/pilot:nope');
    expect(missing.status).toBe(404);
    expect(missing.body.error).toEqual({ code: 'not_found', reason: 'not_found', params: { thing: 'pilot' }, message: 'No se encontró ese piloto.' });

    const notLeader = await api(sam, '/api/leader/portfolio');
    expect(notLeader.status).toBe(403);
    expect(notLeader.body.error).toMatchObject({ code: 'forbidden', reason: 'portfolio.leaders_only', message: both('portfolio.leaders_only').es });

    // Without Accept-Language, English (as every client that asks for nothing gets).
    const english = await t.api('/api/pilots/pilot:nope', { as: sam });
    expect(english.body.error.message).toBe('That pilot was not found.');
  });

  test('the portfolio’s signals are codes with figures, worded in Spanish by the reader', async () => {
    // The demo's rounds had 5 answerers: at 8 their figures (and signals) are withheld when read.
    const threshold = async (k: number) => expect((await t.api('/api/settings/anonymity', { as: alex, method: 'PUT', body: { anonymityThreshold: k } })).status).toBe(200);
    await threshold(5);
    const res = await api(avery, '/api/leader/portfolio');
    expect(res.status).toBe(200);
    const retro = res.body.pilots.find((p: any) => p.id === 'pilot:demo-retro');
    const signal = retro.health.signals.find((s: any) => s.kind === 'micromanagement');
    expect(signal).toEqual({ kind: 'micromanagement', code: 'signal.autonomy_fell', params: { from: expect.any(Number), to: expect.any(Number), rounds: expect.any(Number) } });
    expect(word('es', signal.code, signal.params)).toMatch(/^Las respuestas sobre autonomía bajaron de \d,\d a \d,\d en las últimas \d+ rondas\.$/);
    expect(JSON.stringify(res.body)).not.toMatch(/Autonomy answers fell|"reason"/);
    // The CSV export words them in the request's language.
    const csv = await api(avery, '/api/leader/pilots.csv');
    expect(csv.body).toContain(word('es', signal.code, signal.params));
    expect(csv.body).not.toContain(word('en', signal.code, signal.params));
    await threshold(8);
    expect((await api(avery, '/api/leader/portfolio')).body.pilots.find((p: any) => p.id === 'pilot:demo-retro').health.signals).toEqual([]);
  });

  test('a feedback notice and where it went are codes and group labels, worded in Spanish', async () => {
    const res = await api(sam, '/api/feedback', { body: { audience: 'manager', topic: 'workload', text: 'Too many handovers at shift change.', anonymous: true, pilotId: 'pilot:demo-facilitator' } });
    expect(res.status).toBe(201);
    expect(res.body.item).toMatchObject({ sentTo: { to: 'leaders' }, shownAs: { as: 'group', group: { level: 'organisation' } }, rerouted: true });
    expect(res.body.item.pilot).toBeUndefined();
    expect(res.body.notices).toEqual([
      { code: 'notice.rerouted', params: { k: 8, group: { level: 'organisation' } } },
      { code: 'notice.pilot_left_out', params: {} },
    ]);
    const rerouted = both('notice.rerouted', res.body.notices[0].params);
    expect(rerouted.es).toBe('Tu equipo tiene menos de 8 personas además de tu responsable, así que, para mantener tu anonimato, va a la dirección y se muestra como procedente de tu organización.');
    expect(JSON.stringify(res.body)).not.toMatch(/Your team has fewer|left out|Senior leaders|Someone in/);
    // The form's options name topics in the request's language.
    const options = await api(sam, '/api/feedback/options');
    expect(options.body.topics).toContainEqual({ value: 'workload', label: 'Carga de trabajo' });
  });
});

describe('the bot with a Spanish Teams locale', () => {
  const submit = (user: TeamsUser, data: Record<string, unknown>) =>
    t.activity(inSpanish(invokeActivity(t.connector.url, user, 'composeExtension/submitAction', { commandId: 'sendFeedback', commandContext: 'message', data: { requestId: randomUUID(), pilotId: 'none', ...data } })));

  test('a validation error comes back on the form, in Spanish', async () => {
    const res = await submit(riley, { audience: 'manager', topic: 'workload', text: '', anonymous: 'true' });
    expect(res.body.task.type).toBe('continue');
    const form = JSON.stringify(adaptiveCardsIn(res.body));
    expect(form).toContain('No puede estar vacío.');
    expect(form).toContain('Corrige los campos señalados.');
    expect(form).not.toContain('Must not be empty');
  });

  test('the confirmation says where it went, with the notices, in Spanish', async () => {
    const res = await submit(riley, { audience: 'manager', topic: 'support', text: 'We need a buddy for new starters.', anonymous: 'true', pilotId: 'pilot:demo-facilitator' });
    expect(res.body.task.type).toBe('message');
    const text: string = res.body.task.value;
    expect(text).toMatch(/^Enviada de forma anónima a la dirección\./);
    expect(text).toContain(word('es', 'notice.rerouted', { k: 8, group: { level: 'organisation' } }));
    expect(text).toContain(word('es', 'notice.pilot_left_out'));
    expect(text).not.toMatch(/Your team|left out|senior leaders/);
  });

  test('a domain refusal on a card is worded from its code in Spanish', async () => {
    const given = await t.api('/api/feedback', { as: riley, body: { audience: 'manager', topic: 'practice', text: 'The rota works, thanks.', anonymous: false } });
    const id = given.body.item.id;
    for (const action of ['acknowledge', 'close']) expect((await t.api(`/api/feedback/${encodeURIComponent(id)}/${action}`, { as: morgan, method: 'POST', body: {} })).status).toBe(200);
    const res = await t.activity(inSpanish(adaptiveActionActivity(t.connector.url, riley, 'feedback.reply', { feedbackId: id, replyText: 'One more thing' })));
    expect(res.status).toBe(200);
    const card = JSON.stringify(res.body);
    const closed = both('feedback.replies_closed');
    expect(card).toContain(closed.es);
    expect(card).not.toContain(closed.en);
  });
});
