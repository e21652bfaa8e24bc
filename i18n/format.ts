import type { GroupLabel } from '../domain/anonymity/rules';
import type { Param, Params } from '../domain/shared/codes';
import type { Code, CodeWords, Wording } from './codes';

/**
 * Wording codes in one language. A wording's `{name}` placeholders take the param of that name;
 * `{name:format}` formats it for the locale:
 *   decimal  a number with one decimal (3.4)          percent  a number of 0–100 as a percent
 *   date     a YYYY-MM-DD day, medium style            and / or  a list, joined for the language
 *   steps    numbers joined with arrows (3.1 → 3.4)    inline   a group label inside a sentence
 *   <prefix> the word for the code `<prefix>.<value>` (an enum value: `{status:status}`)
 * Other numbers follow the locale (grouped from five digits), group labels are named as people
 * read them, strings are shown as they are. Plural wordings pick `.one` / `.other` by the
 * language's plural rules, for the `count` param (else the code's only number).
 *
 * No dictionaries here: the tab loads the reader's language alone and words with the same code.
 * A part of a table (the tab's, before its lazy areas arrive) words the codes it has; any other
 * comes back as the code itself.
 */
export interface Words {
  readonly locale: string;
  word(code: Code, params?: Params): string;
  /** A group's label as a heading ("Your organisation", "Ops (other teams)", a team's name). */
  group(label: GroupLabel, inline?: boolean): string;
}

/**
 * A value made on first use. Intl formatters cost milliseconds each to build (a browser loads
 * locale data for the first one): a tab that shows no date builds no date format.
 */
export function onFirstUse<T>(make: () => T): () => T {
  let made: { value: T } | undefined;
  return () => (made ??= { value: make() }).value;
}

export function createWords(wordings: CodeWords, locale: string): Words {
  const table = Object.assign({}, ...Object.values(wordings)) as Record<string, Wording | undefined>;
  const plural = onFirstUse(() => new Intl.PluralRules(locale));
  // Grouped from five digits only (2000, 10,000): what both languages write for counts and limits.
  const grouping = { useGrouping: 'min2' as unknown as boolean };
  const number = onFirstUse(() => new Intl.NumberFormat(locale, { maximumFractionDigits: 2, ...grouping }));
  const decimal = onFirstUse(() => new Intl.NumberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1, ...grouping }));
  const percent = onFirstUse(() => new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }));
  const day = onFirstUse(() => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }));
  const lists = { and: onFirstUse(() => new Intl.ListFormat(locale, { type: 'conjunction' })), or: onFirstUse(() => new Intl.ListFormat(locale, { type: 'disjunction' })) };

  const group = (label: GroupLabel, inline = false): string => {
    if (label.level === 'team') return label.name ?? word('group.some_team');
    if (label.level === 'unit') return word(label.others ? 'group.unit_others' : 'group.unit', { name: label.name ?? word('group.some_department') });
    if (label.level === 'department') return label.otherTeams ? word('group.other_teams', { name: label.name ?? word('group.some_department') }) : (label.name ?? word('group.some_department'));
    return word(label.rest ? 'group.rest' : inline ? 'group.organisation_inline' : 'group.organisation');
  };

  const show = (value: Param, format: string | undefined): string => {
    if (Array.isArray(value)) {
      const items = value.map((v) => (typeof v === 'number' ? (format === 'steps' ? decimal().format(v) : number().format(v)) : String(v)));
      if (format === 'steps') return items.join(' → ');
      return (format === 'or' ? lists.or : lists.and)().format(items);
    }
    if (typeof value === 'object') return group(value as GroupLabel, format === 'inline');
    if (typeof value === 'number') {
      if (format === 'decimal') return decimal().format(value);
      if (format === 'percent') return percent().format(value / 100);
      return number().format(value);
    }
    if (format === 'date') {
      const d = new Date(`${value.slice(0, 10)}T00:00:00Z`);
      return Number.isNaN(d.getTime()) ? value : day().format(d);
    }
    if (format && `${format}.${value}` in table) return word(`${format}.${value}` as Code);
    return value;
  };

  function word(code: Code, params: Params = {}): string {
    const wording = table[code];
    if (wording === undefined) return code;
    const text = typeof wording === 'string' ? wording : plural().select(countOf(params)) === 'one' ? wording.one : wording.other;
    return text.replace(/\{(\w+)(?::(\w+))?\}/g, (whole, name: string, format?: string) => (name in params ? show(params[name], format) : whole));
  }

  return { locale, word, group };
}

/** The number a plural wording counts: `count`, else the only number among the params. */
function countOf(params: Params): number {
  if (typeof params.count === 'number') return params.count;
  const numbers = Object.values(params).filter((v): v is number => typeof v === 'number');
  return numbers.length === 1 ? numbers[0] : NaN;
}
