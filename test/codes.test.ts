import { z } from 'zod';
import { ERROR_CODES, FIELD_CODES, NOTICE_CODES, SIGNAL_CODES } from '../domain/shared/codes';
import { DomainError } from '../domain/shared/errors';
import { parseInput, says } from '../domain/shared/validation';
import { CATALOGUE, CODES, en, es, groupName, localeOfAcceptLanguage, word, type Code, type Wording } from '../i18n';

/**
 * The domain speaks in codes; i18n/ words every one of them in every language. These checks keep
 * the two in step: nothing unworded, no placeholder without a param, no Spanish left in English.
 */
const LANGUAGES = { en, es };
const flat = (w: typeof en) => Object.assign({}, ...Object.values(w)) as Record<string, Wording>;
const variants = (w: Wording) => (typeof w === 'string' ? [w] : [w.one, w.other]);
const placeholders = (text: string) => [...text.matchAll(/\{(\w+)(?::(\w+))?\}/g)].map((m) => ({ name: m[1], format: m[2] }));
const FORMATS = new Set(['decimal', 'percent', 'date', 'and', 'or', 'steps', 'inline']);

/** Wordings Spanish shares with English on purpose: names, symbols and the like. */
const SAME_IN_SPANISH = new Set<Code>([]);

test('the catalogue holds the domain’s codes, each in exactly one kind', () => {
  const size = Object.keys(CATALOGUE).length;
  const kinds = Object.values(CODES).reduce((n, table) => n + Object.keys(table).length, 0);
  expect(size).toBe(kinds); // a code in two kinds would count once here
  for (const table of [ERROR_CODES, FIELD_CODES, SIGNAL_CODES, NOTICE_CODES]) for (const code of Object.keys(table)) expect(CATALOGUE).toHaveProperty([code]);
});

test.each(Object.entries(LANGUAGES))('every code has a %s wording, and nothing else does', (_lang, wordings) => {
  const table = flat(wordings);
  expect(Object.keys(table).sort()).toEqual(Object.keys(CATALOGUE).sort());
  for (const [code, wording] of Object.entries(table)) for (const text of variants(wording)) expect([code, text.trim().length > 0]).toEqual([code, true]);
});

test.each(Object.entries(LANGUAGES))('every %s placeholder is a param its code declares, with a known format', (_lang, wordings) => {
  const problems: string[] = [];
  for (const [code, wording] of Object.entries(flat(wordings))) {
    const declared = CATALOGUE[code as Code];
    for (const text of variants(wording)) {
      for (const { name, format } of placeholders(text)) {
        if (!declared.includes(name)) problems.push(`${code}: {${name}} is not a param`);
        // Any other format names a code prefix: an enum value's word.
        if (format && !FORMATS.has(format) && !Object.keys(CATALOGUE).some((c) => c.startsWith(`${format}.`))) problems.push(`${code}: {${name}:${format}} formats nothing`);
      }
    }
  }
  expect(problems).toEqual([]);
});

test('Spanish uses the same params as English, and is Spanish', () => {
  const english = flat(en);
  const spanish = flat(es);
  const names = (w: Wording) => [...new Set(variants(w).flatMap((v) => placeholders(v).map((p) => p.name)))].sort();
  const same: string[] = [];
  for (const code of Object.keys(CATALOGUE) as Code[]) {
    expect([code, names(spanish[code])]).toEqual([code, names(english[code])]);
    if (JSON.stringify(spanish[code]) === JSON.stringify(english[code]) && !SAME_IN_SPANISH.has(code)) same.push(code);
  }
  expect(same).toEqual([]);
});

describe('wording', () => {
  test('plurals follow the count, numbers and lists the language', () => {
    expect(word('en', 'rate_limited', { seconds: 1 })).toBe('Too many requests. Please wait 1 second and try again.');
    expect(word('en', 'rate_limited', { seconds: 3 })).toBe('Too many requests. Please wait 3 seconds and try again.');
    expect(word('es', 'rate_limited', { seconds: 1 })).toBe('Demasiadas solicitudes. Espera 1 segundo y vuelve a intentarlo.');
    expect(word('en', 'too_big', { max: 10_000_000 })).toBe('must be at most 10,000,000');
    expect(word('es', 'too_big', { max: 10_000_000 })).toBe('debe ser como máximo 10.000.000');
    expect(word('en', 'too_long', { max: 2000 })).toBe('must be at most 2000 characters');
    expect(word('en', 'invalid_choice', { options: ['manager', 'leaders'] })).toBe('must be one of manager or leaders');
    expect(word('es', 'invalid_choice', { options: ['manager', 'leaders'] })).toBe('debe ser uno de estos valores: manager o leaders');
    expect(word('en', 'signal.autonomy_fell', { from: 4, to: 3.1, rounds: 3 })).toBe('Autonomy answers fell from 4.0 to 3.1 over the last 3 rounds.');
    expect(word('es', 'signal.autonomy_fell', { from: 4, to: 3.1, rounds: 3 })).toBe('Las respuestas sobre autonomía bajaron de 4,0 a 3,1 en las últimas 3 rondas.');
    expect(word('es', 'signal.low_participation', { value: 40 })).toBe('Solo el 40\u00a0% del equipo respondió al último seguimiento.');
    expect(word('en', 'celebration.confidence_rising', { title: 'Retro', trend: [3.1, 3.4, 3.9] })).toBe('Confidence in “Retro” has risen three check-ins running: 3.1 → 3.4 → 3.9.');
  });

  test('enum values and group labels are worded where they appear', () => {
    expect(word('en', 'pilot.not_editable', { status: 'in_review' })).toBe('A pilot that is in review can no longer be edited.');
    expect(word('es', 'pilot.cannot', { action: 'launch', status: 'adapted' })).toBe('No se puede lanzar un piloto adaptado.');
    expect(word('en', 'not_found', { thing: 'feedback' })).toBe('That feedback item was not found.');
    expect(word('es', 'not_found', { thing: 'pilot' })).toBe('No se encontró ese piloto.');
    expect(groupName('en', { level: 'department', name: 'Ops', otherTeams: true })).toBe('Ops (other teams)');
    expect(groupName('es', { level: 'organisation', rest: true })).toBe('Resto de la organización');
    expect(word('en', 'shown.group', { group: { level: 'organisation' } })).toBe('Someone in your organisation');
    expect(word('es', 'shown.group', { group: { level: 'team', name: 'Ops' } })).toBe('Alguien de Ops');
    expect(word('en', 'notice.rerouted', { k: 5, group: { level: 'department', name: 'Ops' } })).toBe(
      'Your team has fewer than 5 people besides your manager, so to keep you anonymous this goes to senior leaders, shown as coming from Ops.',
    );
  });

  test('the request’s language comes from Accept-Language, else English', () => {
    expect(localeOfAcceptLanguage('es-ES,es;q=0.9,en;q=0.8')).toBe('es');
    expect(localeOfAcceptLanguage('fr-FR,es;q=0.5,en;q=0.7')).toBe('en');
    expect(localeOfAcceptLanguage('de, es-419;q=0.4')).toBe('es');
    expect(localeOfAcceptLanguage('')).toBe('en');
    expect(localeOfAcceptLanguage(undefined)).toBe('en');
  });
});

describe('parseInput speaks in field codes', () => {
  const problems = (schema: z.ZodTypeAny, input: unknown) => {
    try {
      parseInput(schema, input);
    } catch (err) {
      if (err instanceof DomainError) return { code: err.code, fields: err.fields };
      throw err;
    }
    return undefined;
  };

  test('zod issues become codes with their figures, never sentences', () => {
    const schema = z.object({ name: z.string().trim().min(3).max(10), n: z.number().int().min(1).max(5), tags: z.array(z.string()).min(1), kind: z.enum(['a', 'b']), ok: z.boolean() }).strict();
    expect(problems(schema, { name: 'x', n: 9, tags: [], kind: 'c', ok: 'yes', extra: 1 })).toEqual({
      code: 'invalid',
      fields: [
        { field: 'name', code: 'too_short', params: { min: 3 } },
        { field: 'n', code: 'too_big', params: { max: 5 } },
        { field: 'tags', code: 'too_few', params: { min: 1 } },
        { field: 'kind', code: 'invalid_choice', params: { options: ['a', 'b'] } },
        { field: 'ok', code: 'not_boolean', params: {} },
        { field: 'body', code: 'unknown_field', params: { keys: ['extra'] } },
      ],
    });
    expect(problems(schema, { name: '', n: 1.5, tags: ['t'], kind: 'a' })?.fields).toEqual([
      { field: 'name', code: 'too_short', params: { min: 3 } },
      { field: 'n', code: 'not_whole', params: {} },
      { field: 'ok', code: 'required', params: {} },
    ]);
  });

  test('a schema’s own code comes through with its params', () => {
    const schema = z.object({ weeks: z.number().min(2, says('weeks_between', { min: 2, max: 52 })) });
    expect(problems(schema, { weeks: 1 })?.fields).toEqual([{ field: 'weeks', code: 'weeks_between', params: { min: 2, max: 52 } }]);
    expect(word('en', 'weeks_between', { min: 2, max: 52 })).toBe('must be 2–52 weeks');
  });
});
