import { DEFAULT_POLICY, RETENTION_KINDS } from '../domain/retention';
import { DEFAULT_THRESHOLD, THRESHOLD_MAX, THRESHOLD_MIN } from '../domain/anonymity/rules';
import { startTestApp, type TestApp } from '../support/app';
import { LEGAL_EN } from '../server/pages/legal-en';
import { LEGAL_ES } from '../server/pages/legal-es';

/**
 * The privacy statement and terms of use the manifest links to, over HTTP with no sign-in: in
 * English and Spanish (?lang= first, then Accept-Language), with the retention periods and the
 * anonymity threshold the code applies.
 */
let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ env: { SEED_DEMO_DATA: 'false' } });
});
afterAll(() => t?.stop());

const get = async (path: string, headers: Record<string, string> = {}) => {
  const res = await fetch(`${t.url}${path}`, { headers });
  const html = await res.text();
  const text = html.replace(/<[^>]+>/g, ' ').replace(/&#(\d+);/g, (_m, c: string) => String.fromCharCode(Number(c))).replace(/\s+/g, ' ');
  return { status: res.status, type: res.headers.get('content-type') ?? '', language: res.headers.get('content-language'), html, text };
};

test('the privacy statement is public, in English, and states the periods and threshold the code applies', async () => {
  const page = await get('/privacy');
  expect(page.status).toBe(200);
  expect(page.type).toBe('text/html; charset=utf-8');
  expect(page.html).toContain('<html lang="en">');
  expect(page.text).toContain('Leaderful privacy statement');
  const p = LEGAL_EN.period;
  expect(p(DEFAULT_POLICY.answers)).toBe('2 years');
  expect(p(DEFAULT_POLICY.audit)).toBe('7 years');
  expect(p(DEFAULT_POLICY.outbox)).toBe('30 days');
  expect(page.text).toContain(`Your check-in answers: ${p(DEFAULT_POLICY.answers)} (limits ${p(RETENTION_KINDS.answers.minDays)} to ${p(RETENTION_KINDS.answers.maxDays)})`);
  expect(page.text).toContain(`Closed feedback: ${p(DEFAULT_POLICY.feedback)} after it was closed`);
  expect(page.text).toContain(`Messages sent to you: ${p(DEFAULT_POLICY.outbox)} after delivery`);
  expect(page.text).toContain(`The audit log: ${p(DEFAULT_POLICY.audit)}`);
  expect(page.text).toContain(`at least ${DEFAULT_THRESHOLD} people could have contributed`);
  expect(page.text).toContain(`between ${THRESHOLD_MIN} and ${THRESHOLD_MAX}`);
  expect(page.text).toMatch(/Download your data/);
  expect(page.text).toMatch(/export or erase your data/);
  // Links to the other language and to the terms.
  expect(page.html).toContain('href="/privacy?lang=es"');
  expect(page.html).toContain('href="/terms?lang=en"');
});

test('both pages in Spanish, from ?lang= or Accept-Language; ?lang= wins', async () => {
  for (const [path, headers] of [
    ['/privacy?lang=es', {}],
    ['/privacy', { 'accept-language': 'es-ES,es;q=0.9,en;q=0.5' }],
  ] as const) {
    const page = await get(path, headers);
    expect(page.status).toBe(200);
    expect(page.language).toBe('es');
    expect(page.html).toContain('<html lang="es">');
    expect(page.text).toContain('Declaración de privacidad de Leaderful');
    expect(page.text).toContain(`Tus respuestas a los seguimientos: ${LEGAL_ES.period(DEFAULT_POLICY.answers)}`);
    expect(LEGAL_ES.period(DEFAULT_POLICY.answers)).toBe('2 años');
  }
  const terms = await get('/terms', { 'accept-language': 'es' });
  expect(terms.status).toBe(200);
  expect(terms.text).toContain('Condiciones de uso de Leaderful');
  expect(terms.text).toContain(`al menos ${DEFAULT_THRESHOLD} personas`);
  const english = await get('/terms?lang=en', { 'accept-language': 'es' });
  expect(english.text).toContain('Leaderful terms of use');
  expect((await get('/terms?lang=fr', { 'accept-language': 'es' })).text).toContain('Condiciones de uso de Leaderful');
});

test('no sign-in is asked for, a bad token is ignored, and nothing but GET is served', async () => {
  expect((await get('/terms', { authorization: 'Bearer not-a-token' })).status).toBe(200);
  for (const method of ['POST', 'PUT', 'DELETE']) {
    const res = await fetch(`${t.url}/privacy`, { method });
    expect([404, 405]).toContain(res.status);
  }
});
