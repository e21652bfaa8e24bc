import { ERROR_CODES, FIELD_CODES, NOTICE_CODES, SIGNAL_CODES, SYNC_CODES, THINGS, type Params } from '../domain/shared/codes';
import { CELEBRATION_KINDS } from '../domain/celebrations/model';
import { FEEDBACK_TOPICS } from '../domain/feedback/model';
import { LEADERSHIP_ELEMENTS, LEADERSHIP_LEVELS } from '../domain/paths/model';
import { PILOT_STATUSES } from '../domain/pilots/model';
import { PROJECT_STATUSES } from '../domain/projects/model';

/**
 * Every code a face words, by kind: what the domain says (errors, fields, signals, notices, from
 * domain/shared/codes.ts) and the words for its enum values and structures (things, topics,
 * statuses, group labels, people, levels, celebrations, circle rules). Each language's table
 * (en.ts, es.ts) is a `Wordings`: one wording per code of every kind, so a missing one is a type
 * error. Codes are unique across kinds, so one `word(code)` finds any of them.
 */
type Table = Readonly<Record<string, readonly string[]>>;

/** `prefix.value` for every value, with no params. */
function keyed<P extends string, V extends string>(prefix: P, values: readonly V[]): { readonly [K in `${P}.${V}`]: readonly [] } {
  return Object.fromEntries(values.map((v) => [`${prefix}.${v}`, []])) as unknown as { readonly [K in `${P}.${V}`]: readonly [] };
}

/** Verbs of a pilot's transitions, as `pilot.cannot` names them. */
export const PILOT_ACTIONS = ['launch', 'pause', 'resume', 'review', 'close'] as const;

export const CODES = {
  errors: ERROR_CODES,
  fields: FIELD_CODES,
  signals: SIGNAL_CODES,
  notices: NOTICE_CODES,
  sync: SYNC_CODES,
  things: keyed('thing', THINGS),
  topics: keyed('topic', FEEDBACK_TOPICS),
  /** A pilot's status inside a sentence ("a pilot that is in review"). */
  statuses: { ...keyed('status', PILOT_STATUSES), ...keyed('pilot_action', PILOT_ACTIONS), ...keyed('project_status', PROJECT_STATUSES) },
  groups: {
    'group.organisation': [],
    'group.organisation_inline': [],
    'group.rest': [],
    'group.other_teams': ['name'],
    'group.some_team': [],
    'group.some_department': [],
    'group.unit': ['name'],
    'group.unit_others': ['name'],
    'sent.manager': [],
    'sent.manager_named': ['name'],
    'sent.leaders': [],
    'shown.named': [],
    'shown.group': ['group'],
  },
  people: {
    'person.leaders': [],
    'person.manager': [],
    'person.team_member': [],
    'person.former_member': [],
  },
  levels: { ...keyed('level', LEADERSHIP_LEVELS), ...keyed('level_about', LEADERSHIP_LEVELS), ...keyed('element', LEADERSHIP_ELEMENTS), ...keyed('element_about', LEADERSHIP_ELEMENTS) },
  celebrations: {
    ...keyed('celebration_heading', CELEBRATION_KINDS),
    'celebration.first_round': ['title'],
    'celebration.streak': ['count', 'title'],
    'celebration.confidence_rising': ['title', 'trend'],
    'celebration.measure_met': ['title', 'measure'],
    'celebration.adopted': ['title'],
    'celebration.kudos': ['from', 'to', 'message'],
    'celebration.project_done': ['title', 'summary', 'circle', 'sponsor'],
    'celebration.path_ready': ['name', 'level', 'coach', 'note'],
  },
  circles: {
    'circle.rule.tie_break': [],
    'circle.rule.rotation': [],
    'circle.rule.ballot': [],
    'circle.rule.outgoing_rotates': [],
    'circle.election.first': ['name', 'count'],
    'circle.election.term_ended': ['name'],
    'circle.election.requested': ['name'],
    'circle.result.votes': ['name', 'count'],
    'circle.result.tie_break': ['name'],
    'circle.result.continued': ['name'],
    'circle.result.rotation': ['name'],
  },
} as const satisfies Record<string, Table>;

export type Kind = keyof typeof CODES;
export type CodeOf<K extends Kind> = keyof (typeof CODES)[K] & string;
export type Code = { [K in Kind]: CodeOf<K> }[Kind];
export type { Params };

/** A wording: a sentence with `{param}` placeholders, or `.one` / `.other` variants chosen by the count. */
export type Wording = string | { readonly one: string; readonly other: string };
export type Wordings = { readonly [K in Kind]: Readonly<Record<CodeOf<K>, Wording>> };

/** Codes two kinds both declare (one `word` could not tell them apart): must be none. */
type Clash<K extends Kind = Kind> = K extends Kind ? CodeOf<K> & CodeOf<Exclude<Kind, K>> : never;
export type NoClash = [Clash] extends [never] ? true : { clash: Clash };
true satisfies NoClash;

/** Every code with the params it declares, for checks. */
export const CATALOGUE: Readonly<Record<Code, readonly string[]>> = Object.assign({}, ...Object.values(CODES));

/**
 * Part of a language's wordings, by kind: each language's table is joined from such parts
 * (./en/*.ts), split as the tab loads them (the codes every view may show, then each lazy area's).
 */
export type CodeWords = { readonly [K in Kind]?: { readonly [C in CodeOf<K>]?: Wording } };
/** Another language's part: exactly the English part's codes. */
export type SameCodes<Part> = { readonly [K in keyof Part]: { readonly [C in keyof Part[K]]: Wording } };
