import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { TEMPLATES } from '../bot/cards';
import { CIRCLE_COMMANDS, COMMANDS } from '../bot/help';
import { ES, localeOf, t } from '../bot/i18n';
import { STATUS_LABEL } from '../bot/pilots';
import { demoUser, startTestApp, type TestApp } from '../support/app';
import { adaptiveCardsIn } from './helpers/cards';
import { invokeActivity, messageActivity } from '../support/teams';

/** Words a reader sees once template expressions, card functions, numbers and symbols are gone. */
const hasWords = (s: string) => /\p{L}{2,}/u.test(s.replace(/\$\{[^}]*\}/g, '').replace(/\{\{[^}]*\}\}/g, ''));
const READABLE = new Set(['text', 'title', 'label', 'placeholder', 'errorMessage', 'altText', 'fallbackText']);

function readableStrings(value: unknown, key = '', out = new Set<string>()): Set<string> {
  if (typeof value === 'string' && READABLE.has(key) && hasWords(value)) out.add(value);
  else if (Array.isArray(value)) value.forEach((v) => readableStrings(v, key, out));
  else if (value && typeof value === 'object') Object.entries(value).forEach(([k, v]) => readableStrings(v, k, out));
  return out;
}

/** String literals passed as the sentence to t(locale, …) in the bot's code. */
function sentencesInCode(): Set<string> {
  const out = new Set<string>();
  const dir = path.join(__dirname, '..', 'bot');
  for (const file of (readdirSync(dir, { recursive: true }) as string[]).filter((f) => f.endsWith('.ts'))) {
    const src = readFileSync(path.join(dir, file), 'utf8');
    const call = /\bt\(\s*[\w.]+(?:\([^)]*\))?\s*,\s*((?:[^()]|\([^()]*\))*)\)/g;
    for (const m of src.matchAll(call)) {
      const args = m[1].split(/,\s*\{/)[0];
      for (const lit of args.matchAll(/'((?:[^'\\]|\\.)*)'|"((?:[^"\\]|\\.)*)"/g)) {
        const text = (lit[1] ?? lit[2]).replace(/\\'/g, "'");
        // Bare identifiers are comparisons (err.kind === 'unavailable'), not sentences.
        if (hasWords(text) && !/^[a-z_]+$/.test(text)) out.add(text);
      }
    }
  }
  return out;
}

describe('Spanish is complete', () => {
  test('every readable string of every card template has a Spanish translation', () => {
    const missing: string[] = [];
    for (const [name, template] of Object.entries(TEMPLATES)) {
      for (const s of readableStrings(template)) if (!ES[s]) missing.push(`${name}: ${s}`);
    }
    expect(missing).toEqual([]);
  });

  test('every sentence the bot passes through t() has a Spanish translation', () => {
    const sentences = [...sentencesInCode(), ...Object.values(STATUS_LABEL), ...COMMANDS.map((c) => c.description), ...CIRCLE_COMMANDS.map((c) => c.description)];
    expect(sentences.length).toBeGreaterThan(40);
    expect(sentences.filter((s) => !ES[s])).toEqual([]);
  });

  test('placeholders survive translation', () => {
    for (const [en, es] of Object.entries(ES)) {
      const names = (x: string) => [...x.matchAll(/\{(\w+)\}|\$\{([^}]+)\}/g)].map((m) => m[1] ?? m[2]).sort();
      expect([en, names(es)]).toEqual([en, names(en)]);
    }
    expect(t('es', '{answered} of {invited}', { answered: 3, invited: 5 })).toBe('3 de 5');
    expect(localeOf('es-419')).toBe('es');
    expect(localeOf('en-GB')).toBe('en');
    expect(localeOf(undefined)).toBe('en');
  });
});

describe('cards follow the Teams locale', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(() => app.stop());

  test('a Spanish-speaking user gets Spanish cards; an English one English', async () => {
    const morgan = demoUser('Morgan');
    const es = { ...messageActivity(app.connector.url, morgan, 'my pilots'), locale: 'es-ES' };
    await app.activity(es);
    const [reply] = await app.connector.waitFor((a) => a.activity.replyToId === es.id);
    const text = JSON.stringify(adaptiveCardsIn(reply.activity));
    expect(text).toContain('Tus pilotos');
    expect(text).toContain('Activo ·');

    const form = await app.activity({ ...invokeActivity(app.connector.url, morgan, 'composeExtension/fetchTask', { commandId: 'launchPilot' }), locale: 'es-MX' });
    expect(form.body.task.value.title).toBe('Lanzar un piloto');
    expect(JSON.stringify(form.body)).toContain('Hipótesis: ¿qué esperas que cambie y por qué?');

    const en = messageActivity(app.connector.url, morgan, 'help');
    await app.activity(en);
    const [help] = await app.connector.waitFor((a) => a.activity.replyToId === en.id);
    expect(JSON.stringify(adaptiveCardsIn(help.activity))).toContain('Here is what I can do');
  });
});
