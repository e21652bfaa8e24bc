import type { z } from 'zod';
import type { TeamsUser } from '../../support/teams';

/**
 * The authorization table field by field (issue 22): every write, each field changed alone from
 * a valid request by someone allowed to make it, to values of other teams, other document types
 * and other tenants. Refused probes must answer 4xx and change nothing; `ok` probes show the
 * row can pass at all. authz.test.ts runs the rows and checks every field of every write route
 * has probes.
 */
export type Want = 'deny' | 'ok' | number[];
export type Probe = [label: string, value: unknown, want: Want];

export interface FieldRow {
  route: string;
  as: TeamsUser;
  /** The path, or path probes (`:param` values) when the field under test is in the path. */
  path: string;
  base?: Record<string, unknown>;
  /** The ETag of this pilot (or practice) goes in If-Match. */
  etagOf?: string;
  fields: Record<string, Probe[]>;
  /** Path parameters tried with hostile values, the rest of the request valid. */
  pathProbes?: { param: string; probes: Probe[]; build: (value: string) => string };
}

/** The fixture the rows are written against (made by authz.test.ts in its own app). */
export interface Fixture {
  morgan: TeamsUser;
  sam: TeamsUser;
  riley: TeamsUser;
  jordan: TeamsUser;
  avery: TeamsUser;
  alex: TeamsUser;
  outsider: TeamsUser;
  /** A channel Morgan installed Leaderful in (so manages), with Sam and Riley; its circle and rhythm. */
  teamId: string;
  circleId: string;
  rhythmId: string;
  draftId: string;
  closableId: string;
  storyId: string;
  projectId: string;
  pathId: string;
  goalId: string;
  /** An open organisation challenge Avery posted. */
  challengeId: string;
  /** The other tenant's team, pilot and circle. */
  other: { teamId: string; pilotId: string; circleId: string };
}

/** Questions no pilot may ask: too many, empty labels, 10 kB of text, an unknown type, a bad id. */
const QUESTION_PROBES: Probe[] = [
  ['a bad question id', [{ id: 'a b', kind: 'scale', text: 'How sure are you?' }], 'deny'],
  ['eight questions', Array.from({ length: 8 }, (_, i) => ({ kind: 'text', text: `Question ${i + 1}?` })), 'deny'],
  ['none', [], 'deny'],
  ['an empty scale label', [{ kind: 'scale', text: 'How was it?', low: '', high: 'Good' }], 'deny'],
  ['an empty choice', [{ kind: 'choice', text: 'Which?', choices: ['A', ' '] }], 'deny'],
  ['10 kB of text', [{ kind: 'text', text: 'x'.repeat(10_240) }], 'deny'],
  ['an unknown type', [{ kind: 'slider', text: 'How far?' }], 'deny'],
  ['translations', [{ kind: 'text', text: 'What went well?', translations: { es: { text: 'x' } } }], 'deny'],
];

/** What each write route takes in its body, by schema (fields are read from it). */
export function fieldsOf(schema: z.ZodTypeAny): string[] {
  let s: z.ZodTypeAny = schema;
  for (;;) {
    const def = s._def as { schema?: z.ZodTypeAny; innerType?: z.ZodTypeAny; shape?: () => Record<string, unknown> };
    if (def.schema) s = def.schema;
    else if (def.innerType) s = def.innerType;
    else break;
  }
  return Object.keys((s as z.AnyZodObject).shape ?? {});
}

const enc = encodeURIComponent;

export function fieldRows(f: Fixture): FieldRow[] {
  /** Ids of everything else there is: other teams, other types, other tenants. All refused, unless `accept`ed. */
  const ids = (accept: string[] = []): Probe[] =>
    (
      [
        ['another team', 'team:demo-care'],
        ['the settings document', 'settings'],
        ['the tenant index', 'tenants'],
        ['a member document', `member:${f.sam.userId}`],
        ['a practice', 'practice:weekly-retro'],
        ['a circle', f.circleId],
        ['a circle’s rhythm', f.rhythmId],
        ['a story', f.storyId],
        ['a project', f.projectId],
        ['a path', f.pathId],
        ['another tenant’s team', f.other.teamId],
        ['another tenant’s pilot', f.other.pilotId],
        ['another tenant’s circle', f.other.circleId],
        ['nothing at all', 'team:does-not-exist'],
      ] as [string, string][]
    )
      .filter(([label]) => !accept.includes(label))
      .map(([label, value]) => [label, value, 'deny']);
  const users: Probe[] = [
    ['another tenant’s person', f.outsider.userId, 'deny'],
    ['the settings document', 'settings', 'deny'],
    ['nobody', '00000000-0000-4000-8000-999999999999', 'deny'],
  ];
  const bad = (label: string, value: unknown): Probe => [label, value, 'deny'];
  const STATE = [200, 201, 202, 409]; // valid input; the object's state may still say no
  const pilotPath = (tail = ''): FieldRow['pathProbes'] => ({
    param: 'id',
    probes: [...ids(), bad('another team’s pilot', 'pilot:demo-retro')],
    build: (v) => `/api/pilots/${enc(v)}${tail}`,
  });
  const pilotFields = (p: Record<string, Probe[]>) => ({
    title: [bad('too short', 'x'), bad('not text', 42)],
    practiceId: [bad('the settings document', 'settings'), bad('a team', 'team:demo-ops'), bad('a circle', f.circleId), bad('no such practice', 'practice:nope'), ['a practice', 'practice:weekly-retro', 'ok'] as Probe],
    hypothesis: [bad('too short', 'x')],
    successMeasures: [bad('none', [])],
    cadence: [bad('no days', { weekdays: [], time: '10:00' }), bad('not a time', { weekdays: [1], time: '25:00' })],
    questions: QUESTION_PROBES,
    startDate: [bad('after the end', '2027-05-01'), bad('not a day', '2027-02-30')],
    endDate: [bad('before the start', '2027-02-01')],
    '(fields nobody may set)': [bad('status', { status: 'adopted' }), bad('manager', { managerId: f.sam.userId }), bad('tenant', { tenantId: f.outsider.tenantId }), bad('circle', { circleId: f.circleId }), bad('team name', { teamName: 'x' })],
    ...p,
  });
  const practice = { name: 'Field probe practice', summary: 'Checked field by field.', why: 'Every field is checked on its own.', how: ['Probe each field'], measures: ['Nothing slips'], questions: [{ kind: 'text', text: 'What went well?' }] };
  const practiceFields = (p: Record<string, Probe[]>) => ({
    name: [bad('too short', 'x')],
    summary: [bad('10 kB', 'x'.repeat(10_240))],
    why: [bad('too short', 'x')],
    how: [bad('none', []), bad('an empty step', [''])],
    measures: [bad('none', []), bad('six', ['a1a', 'b2b', 'c3c', 'd4d', 'e5e', 'f6f'])],
    pitfalls: [bad('an empty one', [''])],
    questions: QUESTION_PROBES,
    tags: [bad('not a list', 'x')],
    translations: [bad('a language we do not have', { fr: practice }), bad('half a translation', { es: { name: 'Práctica' } })],
    '(fields nobody may set)': [bad('built in', { builtIn: true }), bad('tenant', { tenantId: f.outsider.tenantId }), bad('retired', { retired: true }), bad('from a pilot', { fromPilotId: 'pilot:demo-retro' })],
    ...p,
  });
  const newPilot = { title: 'Field probe pilot', hypothesis: 'Each field is checked on its own.', successMeasures: ['Nothing slips'], teamId: 'team:demo-ops', startDate: '2027-03-01', endDate: '2027-04-30' };
  const story = { pilotId: 'pilot:demo-recognition', tried: 'A recognition round every Friday.', happened: 'It felt forced in a small team.', change: 'Moved it into the retro.' };
  const project = { circleId: f.circleId, title: 'Field probe project', goal: 'Checked field by field, again.', weeksAsked: 4, budget: { amount: 10, currency: 'EUR' }, sponsorId: f.avery.userId };

  return [
    {
      route: 'POST /api/checkin-preview', as: f.morgan, path: '/api/checkin-preview', base: { questions: [{ kind: 'text', text: 'What went well?' }] },
      fields: {
        questions: [...QUESTION_PROBES, ['every kind', [{ kind: 'scale', text: 'How was it?', low: 'Bad', high: 'Good' }, { kind: 'yesno', text: 'Kept to it?' }, { kind: 'choice', text: 'Which?', choices: ['A', 'B'] }], 'ok']],
        title: [bad('10 kB', 'x'.repeat(10_240))],
        locale: [bad('not a language we speak', 'xx')],
        '(fields nobody may set)': [bad('pilot', { pilotId: 'pilot:demo-retro' })],
      },
    },
    {
      route: 'POST /api/practices', as: f.alex, path: '/api/practices', base: practice,
      fields: practiceFields({ name: [bad('too short', 'x'), ['a name', 'Field probe practice, again', 'ok']] }),
    },
    {
      route: 'PATCH /api/practices/:id', as: f.alex, path: '/api/practices/practice:peer-coaching', etagOf: 'practice:peer-coaching', base: {},
      fields: practiceFields({ tags: [bad('a long tag', ['x'.repeat(40)]), ['tags', ['coaching'], 'ok']] }),
      pathProbes: { param: 'id', probes: [...ids(), bad('a pilot', 'pilot:demo-retro')], build: (v) => `/api/practices/${enc(v)}` },
    },
    {
      route: 'POST /api/practice-proposals', as: f.morgan, path: '/api/practice-proposals', base: { pilotId: f.closableId, summary: 'A field probe proposal.' },
      fields: {
        pilotId: [...ids(), bad('another team’s pilot', 'pilot:demo-retro'), bad('the other tenant’s pilot', f.other.pilotId), ['his pilot, still under way', f.closableId, [409]]],
        name: [bad('too short', 'x')],
        summary: [bad('10 kB', 'x'.repeat(10_240)), bad('missing', undefined)],
        pitfalls: [bad('empty', [''])],
        '(fields nobody may set)': [bad('status', { status: 'approved' }), bad('practice', { practiceId: 'practice:weekly-retro' })],
      },
    },
    {
      route: 'PUT /api/me/preferences', as: f.sam, path: '/api/me/preferences', base: { timeZone: 'Europe/London' },
      fields: {
        timeZone: [bad('not a zone', 'Mars/Olympus'), ['a zone', 'Europe/Madrid', 'ok']],
        workDays: [bad('none', []), bad('day 9', [9])],
        quietHours: [bad('not times', { from: '25:00', to: '07:00' })],
        pausedUntil: [bad('not a day', '2027-02-30')],
        optOutPublicCelebration: [bad('not yes/no', 'yes')],
        notifications: [
          bad('unknown kind', { everything: 'chat' }),
          bad('not a channel', { leader_digest: 'pigeon' }),
          ['chat', { feedback_reply: 'chat' }, 'ok'],
          // Graph is configured in the test app, so the activity feed is offered (refused without it: test/activity-feed.test.ts).
          ['the feed', { checkin_due: 'feed' }, 'ok'],
        ],
        '(fields nobody may set)': [bad('roles', { roles: ['admin'] }), bad('user', { userId: f.alex.userId })],
      },
    },
    {
      route: 'POST /api/me/pause', as: f.riley, path: '/api/me/pause', base: { days: 3 },
      fields: {
        days: [bad('none', 0), bad('too many', 91), bad('not whole', 2.5), bad('text', '7'), ['a week', 7, 'ok']],
        '(fields nobody may set)': [bad('user', { userId: f.alex.userId })],
      },
    },
    { route: 'POST /api/pilots', as: f.morgan, path: '/api/pilots', base: newPilot, fields: pilotFields({ teamId: [...ids(), bad('his own team, not managed', 'team:demo-eng'), ['a team he manages', f.teamId, 'ok']] }) },
    {
      route: 'PATCH /api/pilots/:id', as: f.morgan, path: `/api/pilots/${enc(f.draftId)}`, etagOf: f.draftId, base: {},
      fields: pilotFields({ teamId: [...ids(), ['another team he manages (a draft may move)', f.teamId, 'ok']], title: [bad('too short', 'x'), ['a title', 'Field probe, renamed', 'ok']] }),
      pathProbes: pilotPath(),
    },
    { route: 'PATCH /api/pilots/:id', as: f.morgan, path: `/api/pilots/${enc(f.closableId)}`, etagOf: f.closableId, base: {}, fields: { teamId: [['another team he manages, but the pilot is under way', f.teamId, [409]]] } },
    {
      route: 'POST /api/pilots/:id/close', as: f.morgan, path: `/api/pilots/${enc(f.closableId)}/close`, base: { outcome: 'stopped', learning: 'Closed by the field table.' },
      fields: { outcome: [bad('not an outcome', 'deleted')], learning: [bad('too short', 'x')] },
      pathProbes: pilotPath('/close'),
    },
    {
      route: 'POST /api/pilots/:id/measures/:index/met', as: f.morgan, path: `/api/pilots/${enc('pilot:demo-facilitator')}/measures/0/met`, fields: {},
      pathProbes: { param: 'index', probes: [bad('no such measure', '99'), bad('negative', '-1'), bad('not a number', 'x'), ['the first', '0', STATE]], build: (v) => `/api/pilots/${enc('pilot:demo-facilitator')}/measures/${v}/met` },
    },
    { route: 'POST /api/pilots/:id/:action', as: f.morgan, path: '', fields: {}, pathProbes: { param: 'id', probes: [...ids(), bad('another team’s pilot', 'pilot:demo-retro')], build: (v) => `/api/pilots/${enc(v)}/pause` } },
    {
      route: 'POST /api/feedback', as: f.sam, path: '/api/feedback', base: { audience: 'leaders', topic: 'practice', text: 'A field probe about a pilot.', anonymous: false },
      fields: {
        pilotId: [...ids(), bad('another team’s pilot', 'pilot:demo-retro'), ['his team’s pilot', 'pilot:demo-facilitator', 'ok']],
        audience: [bad('not an audience', 'everyone')],
        topic: [bad('not a topic', 'gossip')],
        text: [bad('markup', '<b>bold</b> move'), bad('empty', '')],
        anonymous: [bad('not yes/no', 'yes')],
      },
    },
    ...(['acknowledge', 'act', 'close', 'reply'] as const).map((action): FieldRow => ({
      route: `POST /api/feedback/:id/${action}`, as: f.morgan, path: `/api/feedback/${enc('feedback:demo-3')}/${action}`, base: action === 'reply' ? { text: 'Field probe reply.' } : { note: 'Field probe note.' },
      fields: action === 'reply' ? { text: [bad('markup', '<i>x</i>'), ['a reply', 'Thanks, noted.', STATE]] } : { note: [bad('markup', '<i>x</i>')], ...(action === 'acknowledge' ? { dueDate: [bad('not a day', '2027-02-30')] } : {}) },
      pathProbes: { param: 'id', probes: [...ids(), bad('someone else’s feedback', 'feedback:demo-1')], build: (v) => `/api/feedback/${enc(v)}/${action}` },
    })),
    { route: 'POST /api/feedback/:id/respond', as: f.riley, path: `/api/feedback/${enc('feedback:demo-3')}/respond`, base: { text: 'Field probe answer.' }, fields: { text: [bad('markup', '<i>x</i>'), ['an answer', 'Thanks!', STATE]] } },
    { route: 'POST /api/feedback/:id/confirm', as: f.riley, path: `/api/feedback/${enc('feedback:demo-3')}/confirm`, base: { closed: true }, fields: { closed: [bad('not yes/no', 'yes')], text: [bad('markup', '<i>x</i>')] } },
    { route: 'PUT /api/settings/anonymity', as: f.alex, path: '/api/settings/anonymity', base: { anonymityThreshold: 5 }, fields: { anonymityThreshold: [bad('too low', 1), bad('not a number', 'five'), ['the default', 5, 'ok']] } },
    {
      route: 'POST /api/circles', as: f.morgan, path: '/api/circles', base: { teamId: f.teamId, name: 'Field probe circle' },
      fields: {
        teamId: [...ids(), ['his channel (its circle exists)', f.teamId, 'ok']],
        name: [bad('too short', 'x')],
        purpose: [bad('too long', 'x'.repeat(600))],
        termWeeks: [bad('99 weeks', 99)],
        electionDays: [bad('no days', 0)],
        cadence: [bad('day 9', { weekdays: [9], time: '10:00' })],
      },
    },
    {
      route: 'PATCH /api/circles/:id', as: f.morgan, path: `/api/circles/${enc(f.circleId)}`, base: {},
      fields: { name: [bad('too short', 'x'), ['a name', 'Field probe circle', 'ok']], purpose: [bad('too long', 'x'.repeat(600))], termWeeks: [bad('one week', 1)], electionDays: [bad('22 days', 22)], cadence: [bad('not a time', { weekdays: [1], time: '9' })], '(fields nobody may set)': [bad('members', { memberIds: [f.jordan.userId] }), bad('convenor', { convenor: { userId: f.sam.userId } })] },
      pathProbes: { param: 'id', probes: ids(['a circle']), build: (v) => `/api/circles/${enc(v)}` },
    },
    { route: 'POST /api/circles/:id/election', as: f.morgan, path: `/api/circles/${enc(f.circleId)}/election`, base: {}, fields: { days: [bad('no days', 0), bad('not a number', 'x')] } },
    {
      route: 'POST /api/circles/:id/nominations', as: f.sam, path: `/api/circles/${enc(f.circleId)}/nominations`, base: {}, fields: { userId: [...users, bad('someone outside the circle', f.jordan.userId), ['a member', f.riley.userId, 'ok']] },
      pathProbes: { param: 'id', probes: ids(['a circle']), build: (v) => `/api/circles/${enc(v)}/nominations` },
    },
    { route: 'PUT /api/circles/:id/vote', as: f.sam, path: `/api/circles/${enc(f.circleId)}/vote`, base: {}, fields: { userId: [...users, bad('not standing', f.jordan.userId), ['a nominee', f.riley.userId, 'ok']] } },
    { route: 'DELETE /api/circles/:id/nominations/:userId', as: f.sam, path: '', fields: {}, pathProbes: { param: 'userId', probes: [['another tenant’s person', f.outsider.userId, 'deny'], ['someone else', f.riley.userId, 'deny']], build: (v) => `/api/circles/${enc(f.circleId)}/nominations/${enc(v)}` } },
    {
      route: 'POST /api/stories', as: f.morgan, path: '/api/stories', base: story,
      fields: {
        pilotId: [...ids(), bad('another team’s pilot', 'pilot:demo-retro'), ['a pilot under way', 'pilot:demo-facilitator', [409]], ['his closed pilot', 'pilot:demo-recognition', 'ok']],
        circleIds: [...ids(['a circle']).map(([label, value]): Probe => [label, [value], 'deny']), bad('not a list', f.circleId), ['his circle', [f.circleId], 'ok']],
        tried: [bad('too short', 'x')],
        happened: [bad('too short', 'x')],
        change: [bad('empty', '')],
      },
    },
    { route: 'POST /api/stories/:id/reactions', as: f.sam, path: `/api/stories/${enc(f.storyId)}/reactions`, base: { kind: 'helpful' }, fields: { kind: [bad('not a reaction', 'love'), ['helpful', 'helpful', 'ok']] }, pathProbes: { param: 'id', probes: ids(['a story']), build: (v) => `/api/stories/${enc(v)}/reactions` } },
    { route: 'DELETE /api/stories/:id/reactions/:kind', as: f.sam, path: '', fields: {}, pathProbes: { param: 'kind', probes: [bad('not a reaction', 'love')], build: (v) => `/api/stories/${enc(f.storyId)}/reactions/${enc(v)}` } },
    { route: 'POST /api/stories/:id/questions', as: f.sam, path: `/api/stories/${enc(f.storyId)}/questions`, base: { text: 'How did you start?' }, fields: { text: [bad('too short', 'x')] }, pathProbes: { param: 'id', probes: ids(['a story']), build: (v) => `/api/stories/${enc(v)}/questions` } },
    { route: 'POST /api/stories/:id/share', as: f.morgan, path: `/api/stories/${enc(f.storyId)}/share`, base: {}, fields: { circleIds: [...ids(['a circle']).map(([label, value]): Probe => [label, [value], 'deny']), bad('none', []), ['his circle', [f.circleId], 'ok']] } },
    { route: 'POST /api/stories/:id/link', as: f.morgan, path: `/api/stories/${enc(f.storyId)}/link`, base: {}, fields: { pilotId: [...ids(), bad('the story’s own pilot', 'pilot:demo-recognition'), bad('another team’s pilot', 'pilot:demo-retro'), ['his team’s pilot', 'pilot:demo-facilitator', 'ok']] } },
    {
      route: 'POST /api/projects', as: f.morgan, path: '/api/projects', base: project,
      fields: {
        circleId: [...ids(['a circle']), ['his circle', f.circleId, 'ok']],
        sponsorId: [...users, bad('not a senior leader', f.sam.userId), bad('himself', f.morgan.userId)],
        title: [bad('too short', 'x')],
        goal: [bad('too short', 'x')],
        weeksAsked: [bad('99 weeks', 99), bad('half a week', 0.5)],
        budget: [bad('negative', { amount: -1, currency: 'EUR' }), bad('not a currency', { amount: 1, currency: 'euro' })],
        challengeId: [...ids(), bad('no such challenge', 'challenge:nope'), ['an open challenge', f.challengeId, 'ok']],
      },
    },
    {
      route: 'POST /api/challenges', as: f.avery, path: '/api/challenges', base: { title: 'Field probe challenge, again', problem: 'Each field is checked on its own.' },
      fields: {
        title: [bad('too short', 'x'), bad('not text', 42)],
        problem: [bad('too short', 'x'), bad('10 kB of text', 'x'.repeat(10_240))],
        '(fields nobody may set)': [bad('status', { status: 'closed' }), bad('poster', { postedById: f.sam.userId }), bad('tenant', { tenantId: f.outsider.tenantId }), bad('taken up', { takenUpBy: [] })],
      },
    },
    { route: 'POST /api/lessons/:id/read', as: f.sam, path: '', fields: {}, pathProbes: { param: 'id', probes: [...ids(), bad('no such lesson', 'lesson:nope'), bad('a read record', 'lessonread:x'), ['a lesson', 'lesson:their-meeting', 'ok']], build: (v) => `/api/lessons/${enc(v)}/read` } },
    { route: 'POST /api/challenges/:id/close', as: f.avery, path: '', fields: {}, pathProbes: { param: 'id', probes: ids(), build: (v) => `/api/challenges/${enc(v)}/close` } },
    { route: 'POST /api/projects/:id/decision', as: f.avery, path: `/api/projects/${enc(f.projectId)}/decision`, base: { decision: 'approve' }, fields: { decision: [bad('maybe', 'maybe')], reason: [bad('too long', 'x'.repeat(1200))] }, pathProbes: { param: 'id', probes: ids(['a project']), build: (v) => `/api/projects/${enc(v)}/decision` } },
    { route: 'POST /api/projects/:id/checkins', as: f.sam, path: `/api/projects/${enc(f.projectId)}/checkins`, base: { confidence: 4, note: 'On track.' }, fields: { confidence: [bad('9 of 5', 9)], note: [bad('too short', 'x')] } },
    { route: 'POST /api/projects/:id/done', as: f.sam, path: `/api/projects/${enc(f.projectId)}/done`, base: { summary: 'Done, and it works.' }, fields: { summary: [bad('too short', 'x')] } },
    { route: 'PUT /api/paths/me', as: f.sam, path: '/api/paths/me', base: { level: 'self' }, fields: { level: [bad('not a level', 'king'), ['self', 'self', 'ok']] } },
    { route: 'PUT /api/paths/me/assessment', as: f.sam, path: '/api/paths/me/assessment', base: { ratings: { setting_direction: 3, owning_results: 4, influencing: 3, empowering_others: 2, accountability: 4 } }, fields: { ratings: [bad('none', {}), bad('6 of 5', { setting_direction: 6, owning_results: 4, influencing: 3, empowering_others: 2, accountability: 4 })], note: [bad('too long', 'x'.repeat(1200))] } },
    {
      route: 'POST /api/paths/me/goals', as: f.sam, path: '/api/paths/me/goals', base: { text: 'Ask for feedback weekly.' },
      fields: {
        pilotId: [...ids(), bad('another team’s pilot', 'pilot:demo-retro'), ['his team’s pilot', 'pilot:demo-facilitator', 'ok']],
        circleId: [...ids(['a circle']), ['his circle', f.circleId, 'ok']],
        text: [bad('too short', 'x')],
      },
    },
    { route: 'PATCH /api/paths/me/goals/:goalId', as: f.sam, path: `/api/paths/me/goals/${enc(f.goalId)}`, base: {}, fields: { text: [bad('too short', 'x')], status: [bad('not a status', 'gone')] }, pathProbes: { param: 'goalId', probes: [bad('no such goal', 'nope'), bad('a path', f.pathId)], build: (v) => `/api/paths/me/goals/${enc(v)}` } },
    { route: 'DELETE /api/paths/me/goals/:goalId', as: f.sam, path: '', fields: {}, pathProbes: { param: 'goalId', probes: [['no such goal', 'nope', [200, 404]]], build: (v) => `/api/paths/me/goals/${enc(v)}` } },
    { route: 'POST /api/paths/me/shares', as: f.sam, path: '/api/paths/me/shares', base: { userId: f.riley.userId, relation: 'peer' }, fields: { userId: [...users, bad('himself', f.sam.userId)], relation: [bad('boss', 'boss'), bad('a manager who is not his', 'manager')], coach: [bad('not yes/no', 'yes')] } },
    { route: 'DELETE /api/paths/me/shares/:userId', as: f.sam, path: '', fields: {}, pathProbes: { param: 'userId', probes: [['another tenant’s person (nothing to undo)', f.outsider.userId, [200]]], build: (v) => `/api/paths/me/shares/${enc(v)}` } },
    { route: 'PUT /api/paths/me/recognition', as: f.sam, path: '/api/paths/me/recognition', base: { visibility: 'team', teamId: 'team:demo-ops' }, fields: { teamId: [...ids(), ['his team', 'team:demo-ops', 'ok']], visibility: [bad('public', 'public')] } },
    { route: 'POST /api/paths/:id/coaching', as: f.morgan, path: `/api/paths/${enc(f.pathId)}/coaching`, base: { text: 'Try it on Thursday.' }, fields: { text: [bad('too short', 'x')] }, pathProbes: { param: 'id', probes: ids(['a path']), build: (v) => `/api/paths/${enc(v)}/coaching` } },
    // Issue 14: the admin area (Alex is an admin by his token's app role).
    {
      route: 'PATCH /api/admin/settings', as: f.alex, path: '/api/admin/settings', base: {},
      fields: {
        anonymityThreshold: [bad('too low', 1), bad('not a number', 'five'), ['the default', 5, 'ok']],
        defaultTimeZone: [bad('not a zone', 'Mars/Olympus'), bad('empty', ''), ['a zone', 'Europe/Madrid', 'ok']],
        workDays: [bad('none', []), bad('day 9', [9]), ['weekdays', [1, 2, 3, 4, 5], 'ok']],
        quietHours: [bad('not times', { from: '25:00', to: '07:00' }), ['none', null, 'ok']],
        '(fields nobody may set)': [bad('name', { name: 'Hijacked' }), bad('tenant', { tenantId: f.outsider.tenantId }), bad('id', { id: 'tenants' })],
      },
    },
    ...(['PUT', 'DELETE'] as const).flatMap((method): FieldRow[] => [
      {
        route: `${method} /api/admin/teams/:teamId/managers/:userId`, as: f.alex, path: '', fields: {},
        pathProbes: { param: 'teamId', probes: ids(['another team']), build: (v) => `/api/admin/teams/${enc(v)}/managers/${enc(f.sam.userId)}` },
      },
      {
        route: `${method} /api/admin/teams/:teamId/managers/:userId`, as: f.alex, path: '', fields: {},
        pathProbes: { param: 'userId', probes: method === 'PUT' ? [...users, ['someone in the tenant', f.riley.userId, 'ok']] : [...users, ['a Teams owner (changed in Teams)', f.morgan.userId, [409]]], build: (v) => `/api/admin/teams/${enc(f.teamId)}/managers/${enc(v)}` },
      },
    ]),
    { route: 'POST /api/paths/:id/review', as: f.morgan, path: `/api/paths/${enc(f.pathId)}/review`, base: { outcome: 'not_yet', note: 'One more month.' }, fields: { outcome: [bad('maybe', 'maybe')], note: [bad('not yet, without a note', '')] } },
  ];
}
