
/**
 * What the domain says to people, as codes: refusals (DomainError), field problems, signals and
 * notices. Each code declares the names of its params; params hold names, numbers, enum values,
 * lists of them and group labels, never sentences. The words live in i18n/ (one table per
 * language) and every face (bot, tab API, tab) words codes there, in its reader's language.
 */
/** A group as data (anonymity's roll-ups): a team's or department's name, the rest of a department's teams, the organisation. */
export type GroupLabel = { level: 'team'; name?: string } | { level: 'department'; name?: string; otherTeams?: true } | { level: 'organisation'; rest?: true };

export type Param = string | number | readonly (string | number)[] | GroupLabel;
export type Params = Readonly<Record<string, Param>>;

type Table = Readonly<Record<string, readonly string[]>>;
/** The params a code of `T` takes, by the names it declares. */
export type ParamsOf<T extends Table, C extends keyof T> = { readonly [K in T[C][number]]: Param };
/** A code's params as trailing arguments: none for a code that declares none. */
export type ParamArgs<T extends Table, C extends keyof T> = T[C] extends readonly [] ? [] : [params: ParamsOf<T, C>];

/** Why the domain (or an edge) refused: the `reason` of an API error, the words of a bot refusal. */
export const ERROR_CODES = {
  invalid: [],
  not_found: ['thing'],
  forbidden: [],
  rate_limited: ['seconds'],
  internal: [],
  bad_encoding: [],
  'store.exists': [],
  'store.changed': [],
  'store.contended': [],
  'store.gone': [],
  'store.unavailable': [],
  'auth.unknown_demo_user': [],
  'auth.sign_in': [],
  'auth.bearer': [],
  'auth.not_configured': [],
  'auth.invalid_token': [],
  'auth.scope': [],
  'pilot.if_match': [],
  'pilot.unknown_action': ['action'],
  'pilot.managers_only': [],
  'pilot.own_team_only': [],
  'pilot.manager_only_edit': [],
  'pilot.manager_only_change': [],
  'pilot.circle_rhythm_edit': [],
  'pilot.circle_rhythm_close': [],
  'pilot.not_editable': ['status'],
  'pilot.cannot': ['action', 'status'],
  'pilot.move_under_way': ['status'],
  'pilot.no_questions_to_launch': [],
  'challenge.leaders_only': [],
  'challenge.poster_only': [],
  'challenge.closed': [],
  'lesson.reach_leaders_only': [],
  'practice.admin_only': [],
  'practice.retired': [],
  'practice.proposal_manager_only': [],
  'practice.pilot_not_adopted': ['status'],
  'practice.proposal_decided': [],
  'checkin.closed': [],
  'checkin.facilitator_only': [],
  'checkin.pause_days': ['min', 'max'],
  'checkin.close_not_allowed': [],
  'kudos.self': [],
  'story.manager_only_publish': [],
  'story.not_closed': [],
  'story.author_only_share': [],
  'story.own_question': [],
  'story.manager_only_link': [],
  'project.leaders_only': [],
  'project.own_proposal': [],
  'project.already_decided': ['status'],
  'project.members_only': [],
  'project.not_started': [],
  'project.finished': ['status'],
  'project.done_by': [],
  'project.not_approved': [],
  'project.declined': [],
  'circle.convenor_only_call': [],
  'circle.convenor_only_close': [],
  'circle.convenor_only_edit': [],
  'circle.election_open': [],
  'circle.election_closed': [],
  'circle.no_election': [],
  'circle.nominee_only': [],
  'circle.full': ['max'],
  'circle.convenor_leaving': [],
  'feedback.admins_only': [],
  'feedback.too_few_people': ['k'],
  'feedback.leaders_only': [],
  'feedback.closed': [],
  'feedback.already_acted': [],
  'feedback.acknowledge_first': [],
  'feedback.replies_closed': [],
  'feedback.thread_full': [],
  'feedback.owner_only': [],
  'feedback.nothing_done': [],
  'feedback.in_progress': [],
  'path.needs_coach': [],
  'path.needs_assessment': [],
  'path.coaching_only': [],
  'path.coach_only': [],
  'path.none': [],
  'portfolio.leaders_only': [],
  'admin.admins_only': [],
  'admin.owner_in_teams': [],
} as const satisfies Table;
export type ErrorCode = keyof typeof ERROR_CODES;
/** The error codes that take no params. */
export type PlainErrorCode = { [C in ErrorCode]: (typeof ERROR_CODES)[C] extends readonly [] ? C : never }[ErrorCode];

/** What `not_found` can be about. */
export const THINGS = ['pilot', 'practice', 'checkin', 'circle', 'conversation', 'story', 'project', 'path', 'goal', 'team', 'department', 'feedback', 'person', 'profile', 'proposal', 'challenge', 'lesson'] as const;
export type Thing = (typeof THINGS)[number];

/**
 * What is wrong with one field. `parseInput` derives the generic ones from the schema's issues;
 * a schema names a specific one with `says(code)` (domain/shared/validation.ts).
 */
export const FIELD_CODES = {
  required: [],
  not_valid: [],
  invalid_type: [],
  not_text: [],
  not_number: [],
  not_boolean: [],
  not_list: [],
  not_object: [],
  not_whole: [],
  too_short: ['min'],
  too_long: ['max'],
  too_few: ['min'],
  too_many: ['max'],
  too_small: ['min'],
  too_big: ['max'],
  invalid_choice: ['options'],
  invalid_format: [],
  unknown_field: ['keys'],
  invalid_id: [],
  not_a_date: [],
  unreal_date: [],
  not_a_time: ['example'],
  between: ['min', 'max'],
  whole_between: ['min', 'max'],
  number_between: ['min', 'max'],
  weeks_between: ['min', 'max'],
  days_between: ['min', 'max'],
  not_weeks: [],
  not_whole_weeks: [],
  negative: [],
  not_currency: [],
  empty: [],
  not_plain_text: [],
  control_chars: [],
  pick_person: [],
  invalid_person: [],
  pick_team: [],
  not_yourself: [],
  not_yes_no: [],
  not_a_choice: [],
  not_time_zone: [],
  'pilot.no_days': [],
  'pilot.no_measures': [],
  'pilot.question_id': [],
  'pilot.no_questions': [],
  'pilot.too_many_questions': ['max'],
  'pilot.duplicate_question': [],
  'pilot.question_choices': ['min', 'max'],
  'pilot.question_kind_fixed': [],
  'pilot.end_before_start': [],
  'pilot.no_such_measure': [],
  'checkin.unknown_question': [],
  'checkin.no_answers': [],
  'directory.no_work_days': [],
  'directory.channel_unavailable': [],
  'circle.pick_conversation': [],
  'circle.needs_group_chat': [],
  'circle.not_member': [],
  'circle.cannot_stand': [],
  'circle.not_standing': [],
  'story.no_circles': [],
  'story.too_many_circles': ['max'],
  'story.own': [],
  'story.own_link': [],
  'project.not_leader': [],
  'project.self_sponsor': [],
  'project.decline_reason': [],
  'path.rate_element': [],
  'path.celebration_team': [],
  'path.review_note': [],
  'path.too_many_goals': ['max'],
  'path.not_in_org': [],
  'path.not_your_manager': [],
  'path.not_your_team': [],
  'feedback.no_manager': [],
  'feedback.due_date_range': [],
} as const satisfies Table;
export type FieldCode = keyof typeof FIELD_CODES;

/** Why a pilot's health, or a group's feedback and check-ins, call for attention (with `group` from the signal). */
export const SIGNAL_CODES = {
  'signal.autonomy_fell': ['from', 'to', 'rounds'],
  'signal.workload_low': ['value'],
  'signal.participation_fell': ['from', 'to'],
  'signal.low_participation': ['value'],
  'signal.open_feedback': ['count', 'days'],
  'signal.group_neglected': ['count', 'group', 'days', 'week'],
  'signal.group_slow_ack': ['group', 'weeks', 'items'],
  'signal.group_workload': ['week', 'group', 'value', 'answers'],
  'signal.group_participation_fell': ['group', 'from', 'fromWeek', 'to', 'toWeek'],
  'signal.group_autonomy_fell': ['group', 'from', 'fromWeek', 'to', 'toWeek', 'weeks'],
} as const satisfies Table;
export type SignalCode = keyof typeof SIGNAL_CODES;

/** What someone giving feedback should know about where it went. */
export const NOTICE_CODES = {
  'notice.rerouted': ['k', 'group'],
  'notice.pilot_left_out': [],
} as const satisfies Table;
export type NoticeCode = keyof typeof NOTICE_CODES;

/** What an organisation sync could not do or accept: the error entries admins see with its status. */
export const SYNC_CODES = {
  'sync.not_connected': [],
  'sync.graph_forbidden': [],
  'sync.graph_throttled': [],
  'sync.graph_unavailable': [],
  'sync.restarted': [],
  'sync.cycle': ['people'],
  'sync.missing_manager': ['person', 'manager'],
  'sync.too_many_reports': ['person', 'count', 'max'],
  'sync.team_not_found': ['team'],
  'sync.team_forbidden': ['team'],
  'sync.failed': [],
  'sync.more_problems': ['count'],
} as const satisfies Table;
export type SyncCode = keyof typeof SYNC_CODES;

/** A code and its params: a signal, a notice, a refusal, said in any language. */
export interface Coded<C extends string = string> {
  code: C;
  params: Params;
}
