import { randomUUID } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { ME_COMMANDS } from '../../bot/app/message-extension';
import { DEMO_TENANT_ID } from '../../domain/demo';
import type { Pilot } from '../../domain/pilots';
import type { Round } from '../../domain/checkins';
import { demoUser, startTestApp, type TestApp } from '../../support/app';
import { adaptiveActionActivity, installInTeamActivity, invokeActivity, messageActivity, rosterOf, type TeamsUser } from '../../support/teams';
import { routesFromServer, routesFromSource } from './routes';
import { changeCount, diffDigests, printFigures, settle, storeDigest, type StoreDiff } from './support';
import { fieldRows, fieldsOf, type Fixture, type Want } from './field-table';
import type { z } from 'zod';
import { preferencesSchema } from '../../domain/directory';
import { pauseSchema } from '../../domain/checkins';
import { closePilotSchema, pilotInputSchema, pilotPatchSchema } from '../../domain/pilots';
import { checkinPreviewSchema } from '../../server/api/pilots';
import { practiceInputSchema, practicePatchSchema, proposalInputSchema } from '../../domain/practices';
import { acknowledgeSchema, actSchema, closeSchema as feedbackCloseSchema, confirmSchema, feedbackInputSchema, replySchema } from '../../domain/feedback';
import { thresholdSchema } from '../../domain/anonymity';
import { pulseAnswerSchema } from '../../domain/pulse';
import { tenantSettingsSchema } from '../../domain/admin';
import { retentionSchema } from '../../domain/retention';
import { circleInputSchema, circlePatchSchema, nominationSchema, openElectionSchema, voteSchema } from '../../domain/circles';
import { reactionSchema, storyInputSchema, storyLinkSchema, storyQuestionSchema, storyShareSchema } from '../../domain/stories';
import { challengeInputSchema, projectCheckinSchema, projectDecisionSchema, projectDoneSchema, projectInputSchema } from '../../domain/projects';
import { assessmentSchema, coachingSchema, goalPatchSchema, goalSchema, pathLevelSchema, recognitionSchema, reviewSchema, shareSchema } from '../../domain/paths';
import { deletionSchema, eraseSchema } from '../../domain/privacy';

/**
 * Issue 7.3: every read and write is scoped to the caller's tenant and role. Issue 22 adds the
 * table field by field (last describe, rows in field-table.ts): every field of every write, alone,
 * set to values of other teams, other document types and other tenants. One table covers
 * every tab API route (plus the public ones) and one every bot invoke, each tried by an
 * anonymous caller, a caller from another tenant, and callers of every role in the demo tenant:
 *
 *   Sam (member, Ops)    Riley (member, Ops; wrote feedback:demo-3)   Noor (member, Care; wrote feedback:demo-1, anonymously)
 *   Morgan (manager, Ops; owns feedback:demo-3)   Jordan (manager, Care; owns feedback:demo-1)
 *   Avery (senior leader)   Alex (admin + leader)   Eve (another tenant)   Ivan (another tenant, claiming admin + leader)
 *
 * Senior leader and admin are Entra app roles in each person's token (the demo cast's assignments).
 *
 * A call the domain rules deny must answer 4xx and change nothing; a call they allow must return
 * nothing the caller may not see. Anything else is an "unauthorized success": there must be none.
 */
type Who = 'anonymous' | 'demoHeader' | 'outsider' | 'intruder' | 'sam' | 'riley' | 'noor' | 'morgan' | 'jordan' | 'avery' | 'alex';
const PEOPLE: Record<Exclude<Who, 'anonymous' | 'demoHeader'>, TeamsUser> = {
  outsider: { tenantId: randomUUID(), userId: randomUUID(), name: 'Eve Outsider' },
  // A verified token from another tenant claiming both app roles: roles count only from the
  // tenant the app's role assignments live in (AAD_APP_TENANT_ID), so it is a plain outsider.
  intruder: { tenantId: randomUUID(), userId: randomUUID(), name: 'Ivan Intruder', roles: ['admin', 'leader'] },
  sam: demoUser('Sam'),
  riley: demoUser('Riley'),
  noor: demoUser('Noor'),
  morgan: demoUser('Morgan'),
  jordan: demoUser('Jordan'),
  avery: demoUser('Avery'),
  alex: demoUser('Alex'),
};
const CALLERS = Object.keys(PEOPLE) as (keyof typeof PEOPLE)[];
const EVERYONE: Who[] = ['anonymous', 'demoHeader', ...CALLERS];

// What each person may see. Everything else listed in SECRETS must never reach them.
// pilot:demo-recognition ("Friday recognition round") is left out: its story is published to the
// whole organisation below, so its title is meant to be seen tenant-wide.
const OPS_PILOTS = ['pilot:demo-facilitator', 'pilot:demo-decisions', 'Rotate who runs our Monday stand-up', 'Let the desk decide refunds'];
const CARE_PILOTS = ['pilot:demo-retro', 'pilot:demo-focus', 'Friday 30-minute retro', 'Meeting-free Wednesday mornings'];
const ENG_PILOTS = ['pilot:demo-coaching', 'pilot:demo-ysywd', 'pilot:demo-log', 'Peer coaching trios', 'Decision log for platform changes'];
const FB1 = ['feedback:demo-1', 'retro actions are decided before we meet'];
const FB2 = ['feedback:demo-2', 'Queue volume doubled'];
const FB3 = ['feedback:demo-3', 'Facilitating the stand-up was a great stretch'];
const FB4 = ['feedback:demo-4', 'shared on-call rota with Engineering'];
// Issue 9 fixtures (made in beforeAll): a circle in a channel of Morgan, Sam and Riley (everyone in
// the conversation is a member from the start; Morgan convenes), a project it proposed with Avery
// as sponsor, a story Morgan published, and Sam's development path shared with Morgan as his
// coaching manager. Paths are private: leaders and admins must not see them.
const PROJECT = ['PROJECT-7f3 shared on-call tooling'];
const PATH = ['PATHGOAL-9q2 run a retro without notes'];
const SECRETS = [...OPS_PILOTS, ...CARE_PILOTS, ...ENG_PILOTS, ...FB1, ...FB2, ...FB3, ...FB4, ...PROJECT, ...PATH];
/** Anything at all from the demo tenant: another tenant must see none of it. */
const DEMO_TENANT_MARKERS = [DEMO_TENANT_ID, '00000000-0000-4000-8000-', 'team:demo-', 'Contoso (demo)', 'Morgan Lee', 'Jordan Silva', 'Avery Okafor', 'Sam Taylor', 'Operations — Service Desk', 'CIRCLE-4k1', 'STORY-2m8', ...SECRETS];
const VISIBLE: Record<keyof typeof PEOPLE, string[]> = {
  outsider: [],
  intruder: [],
  sam: [...OPS_PILOTS, ...PROJECT, ...PATH],
  riley: [...OPS_PILOTS, ...FB3, ...PROJECT],
  noor: [...CARE_PILOTS, ...FB1],
  morgan: [...OPS_PILOTS, ...FB3, ...FB4, ...PROJECT, ...PATH],
  jordan: [...CARE_PILOTS, ...FB1],
  avery: [...OPS_PILOTS, ...CARE_PILOTS, ...ENG_PILOTS, ...FB2, ...FB4, ...PROJECT],
  alex: [...OPS_PILOTS, ...CARE_PILOTS, ...ENG_PILOTS, ...FB2, ...FB4, ...PROJECT],
};
const hiddenFrom = (who: Who): string[] =>
  who === 'outsider' || who === 'intruder' ? DEMO_TENANT_MARKERS : who === 'anonymous' || who === 'demoHeader' ? DEMO_TENANT_MARKERS : SECRETS.filter((s) => !VISIBLE[who].includes(s));

type Expect = number | number[];
interface ApiCase {
  /** The route spec this case exercises, as the server registers it. */
  route: string;
  method: string;
  /** A function when the id exists only once the fixtures are made. */
  path: string | (() => string);
  body?: () => unknown;
  headers?: () => Promise<Record<string, string>>;
  /** Expected status per caller; callers not listed expect `otherwise`. */
  expect: Partial<Record<Who, Expect>>;
  otherwise: Expect;
  /** Public routes: no identity involved at all. */
  public?: boolean;
}

const enc = encodeURIComponent;
const F = {
  facilitator: enc('pilot:demo-facilitator'),
  decisions: enc('pilot:demo-decisions'),
  retro: enc('pilot:demo-retro'),
  fb1: enc('feedback:demo-1'),
  fb3: enc('feedback:demo-3'),
};
const newPilot = (teamId: string) => ({
  title: 'Authorization probe',
  hypothesis: 'Only the right people can create this pilot.',
  successMeasures: ['Nobody else can'],
  teamId,
  startDate: '2027-03-01',
  endDate: '2027-04-30',
});
const PRACTICE = {
  name: 'Authorization probe practice',
  summary: 'Only admins can add this practice.',
  why: 'The library is managed content: admins decide what is in it.',
  how: ['Try to add it'],
  measures: ['Only admins can'],
  questions: [{ kind: 'text', text: 'What went well?' }],
};
const OK = [200, 201];
const OWNER_ACTION = [200, 409];
const LEADERS = { avery: 200, alex: 200 };
const ALL_200 = 200;

/** Denied: not found (outside what the caller may see) or forbidden (seen, not theirs to do). */
const DENY = [403, 404];
/** Allowed by role; the exact answer depends on state the table changes as it goes. */
const MAYBE = [200, 201, 202, 400, 403, 404, 409];
const fx = { circleId: '', teamId: '', projectId: '', storyId: '', pathId: '', goalId: '', challengeId: '' };

function ISSUE9_CASES(): ApiCase[] {
  const circle = () => enc(fx.circleId);
  const project = () => enc(fx.projectId);
  const story = () => enc(fx.storyId);
  const samPath = () => enc(fx.pathId);
  const ALL = ALL_200;
  return [
    // Circles: members see theirs; anyone in the tenant sees summaries; convenor or admin runs elections.
    { route: 'GET /api/circles', method: 'GET', path: '/api/circles?scope=mine', expect: {}, otherwise: ALL },
    { route: 'GET /api/circles', method: 'GET', path: '/api/circles?scope=all', expect: {}, otherwise: ALL },
    { route: 'GET /api/circles/options', method: 'GET', path: '/api/circles/options', expect: {}, otherwise: ALL },
    { route: 'POST /api/circles', method: 'POST', path: '/api/circles', body: () => ({ teamId: fx.teamId, name: 'CIRCLE-4k1 again' }), expect: { morgan: MAYBE, sam: MAYBE, riley: MAYBE }, otherwise: DENY },
    { route: 'GET /api/circles/:id', method: 'GET', path: () => `/api/circles/${circle()}`, expect: { morgan: 200, sam: 200, riley: 200, alex: 200 }, otherwise: DENY },
    { route: 'PATCH /api/circles/:id', method: 'PATCH', path: () => `/api/circles/${circle()}`, body: () => ({ purpose: 'Edited by the authorization table.' }), expect: { morgan: 200, alex: 200 }, otherwise: DENY },
    { route: 'POST /api/circles/:id/join', method: 'POST', path: () => `/api/circles/${circle()}/join`, expect: { riley: 200, morgan: 200, sam: 200 }, otherwise: DENY },
    { route: 'POST /api/circles/:id/election', method: 'POST', path: () => `/api/circles/${circle()}/election`, body: () => ({ days: 3 }), expect: { morgan: MAYBE, alex: MAYBE }, otherwise: DENY },
    { route: 'POST /api/circles/:id/nominations', method: 'POST', path: () => `/api/circles/${circle()}/nominations`, body: () => ({ userId: PEOPLE.sam.userId }), expect: { morgan: MAYBE, sam: MAYBE, riley: MAYBE, alex: MAYBE }, otherwise: DENY },
    { route: 'PUT /api/circles/:id/vote', method: 'PUT', path: () => `/api/circles/${circle()}/vote`, body: () => ({ userId: PEOPLE.sam.userId }), expect: { morgan: MAYBE, sam: MAYBE, riley: MAYBE, alex: MAYBE }, otherwise: DENY },
    { route: 'DELETE /api/circles/:id/vote', method: 'DELETE', path: () => `/api/circles/${circle()}/vote`, expect: { morgan: MAYBE, sam: MAYBE, riley: MAYBE, alex: MAYBE }, otherwise: DENY },
    { route: 'DELETE /api/circles/:id/nominations/:userId', method: 'DELETE', path: () => `/api/circles/${circle()}/nominations/${enc(PEOPLE.sam.userId)}`, expect: { sam: MAYBE, alex: MAYBE }, otherwise: DENY },
    { route: 'POST /api/circles/:id/election/close', method: 'POST', path: () => `/api/circles/${circle()}/election/close`, expect: { morgan: MAYBE, alex: MAYBE }, otherwise: DENY },
    // Stories: the tenant's library; only the author shares, only a pilot's manager links.
    { route: 'GET /api/stories', method: 'GET', path: '/api/stories', expect: {}, otherwise: ALL },
    { route: 'GET /api/stories/publishable', method: 'GET', path: '/api/stories/publishable', expect: {}, otherwise: ALL },
    { route: 'POST /api/stories', method: 'POST', path: '/api/stories', body: () => ({ pilotId: 'pilot:demo-recognition', tried: 'A recognition round every Friday.', happened: 'It felt forced in a small team.', change: 'Moved it into the retro.' }), expect: { morgan: MAYBE, alex: MAYBE }, otherwise: DENY },
    { route: 'GET /api/stories/:id', method: 'GET', path: () => `/api/stories/${story()}`, expect: { outsider: DENY, intruder: DENY }, otherwise: 200 },
    { route: 'POST /api/stories/:id/reactions', method: 'POST', path: () => `/api/stories/${story()}/reactions`, body: () => ({ kind: 'helpful' }), expect: { outsider: DENY, intruder: DENY }, otherwise: 200 },
    { route: 'DELETE /api/stories/:id/reactions/:kind', method: 'DELETE', path: () => `/api/stories/${story()}/reactions/helpful`, expect: { outsider: DENY, intruder: DENY }, otherwise: 200 },
    { route: 'POST /api/stories/:id/questions', method: 'POST', path: () => `/api/stories/${story()}/questions`, body: () => ({ text: 'How did you start it?' }), expect: { outsider: DENY, intruder: DENY }, otherwise: MAYBE },
    { route: 'POST /api/stories/:id/share', method: 'POST', path: () => `/api/stories/${story()}/share`, body: () => ({ circleIds: [fx.circleId] }), expect: { morgan: MAYBE, alex: MAYBE }, otherwise: DENY },
    { route: 'POST /api/stories/:id/link', method: 'POST', path: () => `/api/stories/${story()}/link`, body: () => ({ pilotId: 'pilot:demo-retro' }), expect: { jordan: MAYBE, alex: MAYBE }, otherwise: DENY },
    // Projects: circle members, the sponsor, senior leaders and admins.
    { route: 'GET /api/projects', method: 'GET', path: '/api/projects', expect: {}, otherwise: ALL },
    { route: 'GET /api/projects/options', method: 'GET', path: '/api/projects/options', expect: {}, otherwise: ALL },
    { route: 'POST /api/projects', method: 'POST', path: '/api/projects', body: () => ({ circleId: fx.circleId, title: 'Second probe project', goal: 'Proposed by the authorization table.', weeksAsked: 2, budget: { amount: 10, currency: 'EUR' }, sponsorId: PEOPLE.avery.userId }), expect: { morgan: MAYBE, sam: MAYBE, riley: MAYBE, alex: MAYBE }, otherwise: DENY },
    { route: 'GET /api/projects/:id', method: 'GET', path: () => `/api/projects/${project()}`, expect: { morgan: 200, sam: 200, riley: 200, avery: 200, alex: 200 }, otherwise: DENY },
    { route: 'POST /api/projects/:id/decision', method: 'POST', path: () => `/api/projects/${project()}/decision`, body: () => ({ decision: 'approve' }), expect: { avery: MAYBE, alex: MAYBE }, otherwise: DENY },
    { route: 'POST /api/projects/:id/checkins', method: 'POST', path: () => `/api/projects/${project()}/checkins`, body: () => ({ confidence: 4, note: 'On track.' }), expect: { morgan: MAYBE, sam: MAYBE, riley: MAYBE, avery: MAYBE, alex: MAYBE }, otherwise: DENY },
    // Micro-lessons: everyone in the organisation reads them and marks them read; reach (counts only) for senior leaders and admins.
    { route: 'GET /api/lessons', method: 'GET', path: '/api/lessons?locale=es', expect: {}, otherwise: ALL_200 },
    { route: 'GET /api/lessons/:id', method: 'GET', path: '/api/lessons/lesson:weekly-retro', expect: {}, otherwise: 404 },
    { route: 'GET /api/lessons/:id', method: 'GET', path: '/api/lessons/lesson:their-meeting', expect: {}, otherwise: ALL_200 },
    { route: 'POST /api/lessons/:id/read', method: 'POST', path: '/api/lessons/lesson:their-meeting/read', expect: {}, otherwise: ALL_200 },
    { route: 'GET /api/lessons/reach', method: 'GET', path: '/api/lessons/reach', expect: { avery: 200, alex: 200 }, otherwise: 403 },
    // Organisation challenges: everyone in the organisation reads them, senior leaders post, the poster (or an admin) closes.
    { route: 'GET /api/challenges', method: 'GET', path: '/api/challenges', expect: {}, otherwise: ALL_200 },
    { route: 'POST /api/challenges', method: 'POST', path: '/api/challenges', body: () => ({ title: 'Authorization probe challenge', problem: 'Only senior leaders can post this challenge.' }), expect: { avery: OK, alex: OK }, otherwise: 403 },
    { route: 'POST /api/challenges', method: 'POST', path: '/api/challenges', body: () => ({ title: 'Mass assignment probe', problem: 'Nobody may set who posted this.', postedById: PEOPLE.sam.userId, status: 'closed' }), expect: {}, otherwise: [400, 403] },
    { route: 'POST /api/challenges/:id/close', method: 'POST', path: () => `/api/challenges/${enc(fx.challengeId)}/close`, expect: { avery: 200, alex: 200 }, otherwise: DENY },
    { route: 'POST /api/projects/:id/done', method: 'POST', path: () => `/api/projects/${project()}/done`, body: () => ({ summary: 'Done, and the rota works at night.' }), expect: { morgan: MAYBE, sam: MAYBE, riley: MAYBE, avery: MAYBE, alex: MAYBE }, otherwise: DENY },
    // Development paths: private to the owner and whom they share with — not leaders, not admins.
    { route: 'GET /api/paths/options', method: 'GET', path: '/api/paths/options', expect: {}, otherwise: ALL },
    { route: 'GET /api/paths/me', method: 'GET', path: '/api/paths/me', expect: {}, otherwise: ALL },
    { route: 'GET /api/paths/shared', method: 'GET', path: '/api/paths/shared', expect: {}, otherwise: ALL },
    { route: 'PUT /api/paths/me', method: 'PUT', path: '/api/paths/me', body: () => ({ level: 'direct' }), expect: {}, otherwise: OK },
    { route: 'PUT /api/paths/me/assessment', method: 'PUT', path: '/api/paths/me/assessment', body: () => ({ ratings: { setting_direction: 3, owning_results: 4, influencing: 3, empowering_others: 2, accountability: 4 } }), expect: {}, otherwise: MAYBE },
    { route: 'POST /api/paths/me/goals', method: 'POST', path: '/api/paths/me/goals', body: () => ({ text: 'Ask for feedback weekly.' }), expect: {}, otherwise: MAYBE },
    { route: 'PATCH /api/paths/me/goals/:goalId', method: 'PATCH', path: () => `/api/paths/me/goals/${enc(fx.goalId)}`, body: () => ({ status: 'done' }), expect: { sam: MAYBE }, otherwise: DENY },
    { route: 'POST /api/paths/me/shares', method: 'POST', path: '/api/paths/me/shares', body: () => ({ userId: PEOPLE.riley.userId, relation: 'peer', coach: false }), expect: {}, otherwise: MAYBE },
    { route: 'PUT /api/paths/me/recognition', method: 'PUT', path: '/api/paths/me/recognition', body: () => ({ visibility: 'private' }), expect: {}, otherwise: MAYBE },
    { route: 'POST /api/paths/me/review-request', method: 'POST', path: '/api/paths/me/review-request', expect: {}, otherwise: MAYBE },
    { route: 'GET /api/paths/:id', method: 'GET', path: () => `/api/paths/${samPath()}`, expect: { sam: 200, morgan: 200 }, otherwise: DENY },
    { route: 'POST /api/paths/:id/coaching', method: 'POST', path: () => `/api/paths/${samPath()}/coaching`, body: () => ({ text: 'Try it in Thursday’s retro.' }), expect: { sam: MAYBE, morgan: MAYBE }, otherwise: DENY },
    { route: 'POST /api/paths/:id/review', method: 'POST', path: () => `/api/paths/${samPath()}/review`, body: () => ({ outcome: 'not_yet', note: 'One more month of practice.' }), expect: { morgan: MAYBE }, otherwise: DENY },
  ];
}

/** Issue 14: the admin area. Admins only (Alex); everyone else, and every other tenant, 403. */
function ADMIN_CASES(): ApiCase[] {
  const ADMIN = { alex: 200 };
  const manager = `/api/admin/teams/${enc('team:demo-ops')}/managers/${enc(PEOPLE.sam.userId)}`;
  return [
    { route: 'GET /api/admin/sync', method: 'GET', path: '/api/admin/sync', expect: ADMIN, otherwise: 403 },
    { route: 'POST /api/admin/sync', method: 'POST', path: '/api/admin/sync', expect: { alex: 202 }, otherwise: 403 },
    { route: 'GET /api/admin/roles', method: 'GET', path: '/api/admin/roles', expect: ADMIN, otherwise: 403 },
    { route: 'GET /api/admin/teams', method: 'GET', path: '/api/admin/teams', expect: ADMIN, otherwise: 403 },
    // Named and taken back at once (Sam managing the Ops team would change other rows).
    { route: 'PUT /api/admin/teams/:teamId/managers/:userId', method: 'PUT', path: manager, expect: ADMIN, otherwise: 403 },
    { route: 'DELETE /api/admin/teams/:teamId/managers/:userId', method: 'DELETE', path: manager, expect: ADMIN, otherwise: 403 },
    // A Teams owner is not taken back here: that is changed in Teams.
    { route: 'DELETE /api/admin/teams/:teamId/managers/:userId', method: 'DELETE', path: `/api/admin/teams/${enc('team:demo-ops')}/managers/${enc(PEOPLE.morgan.userId)}`, expect: { alex: 409 }, otherwise: 403 },
    { route: 'GET /api/admin/settings', method: 'GET', path: '/api/admin/settings', expect: ADMIN, otherwise: 403 },
    { route: 'PATCH /api/admin/settings', method: 'PATCH', path: '/api/admin/settings', body: () => ({ defaultTimeZone: 'Europe/London', workDays: [1, 2, 3, 4, 5] }), expect: ADMIN, otherwise: 403 },
    { route: 'PATCH /api/admin/settings', method: 'PATCH', path: '/api/admin/settings', body: () => ({ name: 'Hijacked', tenantId: randomUUID() }), expect: {}, otherwise: 400 },
    { route: 'GET /api/admin/people', method: 'GET', path: '/api/admin/people', expect: ADMIN, otherwise: 403 },
    { route: 'GET /api/admin/people', method: 'GET', path: `/api/admin/people?managerId=${enc(PEOPLE.avery.userId)}`, expect: ADMIN, otherwise: 403 },
    { route: 'GET /api/admin/people', method: 'GET', path: '/api/admin/people?q=Sa', expect: ADMIN, otherwise: 403 },
    { route: 'GET /api/admin/audit', method: 'GET', path: '/api/admin/audit', expect: ADMIN, otherwise: 403 },
    // Issue 17: a person's data. Admins export anyone of their tenant; erasing needs the name typed
    // back (a wrong one here: nobody is erased by the table), deleting the tenant a token from step 1.
    { route: 'GET /api/admin/privacy/people/:userId/export', method: 'GET', path: `/api/admin/privacy/people/${enc(PEOPLE.sam.userId)}/export`, expect: ADMIN, otherwise: 403 },
    { route: 'GET /api/admin/privacy/people/:userId/export', method: 'GET', path: `/api/admin/privacy/people/${enc(PEOPLE.outsider.userId)}/export`, expect: { alex: 404 }, otherwise: 403 },
    { route: 'POST /api/admin/privacy/people/:userId/erase', method: 'POST', path: `/api/admin/privacy/people/${enc(PEOPLE.sam.userId)}/erase`, body: () => ({ confirmName: 'Sam Tailor' }), expect: { alex: 400 }, otherwise: 403 },
    { route: 'POST /api/admin/privacy/people/:userId/erase', method: 'POST', path: `/api/admin/privacy/people/${enc(PEOPLE.outsider.userId)}/erase`, body: () => ({ confirmName: 'Eve Outsider' }), expect: { alex: 404 }, otherwise: 403 },
    { route: 'POST /api/admin/tenant-deletion', method: 'POST', path: '/api/admin/tenant-deletion', body: () => ({}), expect: ADMIN, otherwise: 403 },
    { route: 'POST /api/admin/tenant-deletion/confirm', method: 'POST', path: '/api/admin/tenant-deletion/confirm', body: () => ({ token: 'mz0.forged', tenantName: 'Contoso (demo)' }), expect: { alex: 400 }, otherwise: 403 },
    // Issue 17: the audit log's exports, and retention periods.
    { route: 'GET /api/admin/audit/export.csv', method: 'GET', path: '/api/admin/audit/export.csv', expect: ADMIN, otherwise: 403 },
    { route: 'GET /api/admin/audit/export.json', method: 'GET', path: '/api/admin/audit/export.json', expect: ADMIN, otherwise: 403 },
    { route: 'GET /api/admin/retention', method: 'GET', path: '/api/admin/retention', expect: ADMIN, otherwise: 403 },
    { route: 'PATCH /api/admin/retention', method: 'PATCH', path: '/api/admin/retention', body: () => ({ outbox: 30, audit: 2555 }), expect: ADMIN, otherwise: 403 },
    { route: 'PATCH /api/admin/retention', method: 'PATCH', path: '/api/admin/retention', body: () => ({ outbox: 1, tenantId: randomUUID() }), expect: {}, otherwise: 400 },
  ];
}

/** The issue-9 fixtures, made through the API as the people who would make them. */
async function makeFixtures(): Promise<void> {
  const teamsTeamId = `19:${randomUUID()}@thread.tacv2`;
  fx.teamId = `team:${teamsTeamId}`;
  t.connector.members = rosterOf(DEMO_TENANT_ID, [PEOPLE.morgan, PEOPLE.sam, PEOPLE.riley]);
  const aadGroupId = t.teamInGraph(DEMO_TENANT_ID, [PEOPLE.morgan], [PEOPLE.sam, PEOPLE.riley]);
  const installed = await t.activity(installInTeamActivity(t.connector.url, PEOPLE.morgan, { teamsTeamId, name: 'Circle team', aadGroupId }));
  if (installed.status !== 200) throw new Error(`install: ${installed.status}`);
  const must = async (what: string, res: Promise<{ status: number; body: any }>) => {
    const r = await res;
    if (r.status >= 300) throw new Error(`${what}: ${r.status} ${JSON.stringify(r.body).slice(0, 300)}`);
    return r.body;
  };
  fx.circleId = (await must('circle', t.api('/api/circles', { as: PEOPLE.morgan, body: { teamId: fx.teamId, name: 'CIRCLE-4k1 Ops leads' } }))).circle.id;
  await must('join', t.api(`/api/circles/${enc(fx.circleId)}/join`, { as: PEOPLE.sam, method: 'POST' }));
  fx.projectId = (await must('project', t.api('/api/projects', { as: PEOPLE.morgan, body: { circleId: fx.circleId, title: PROJECT[0], goal: 'One on-call rota for the desk and Engineering.', weeksAsked: 6, budget: { amount: 500, currency: 'EUR' }, sponsorId: PEOPLE.avery.userId } }))).project.id;
  fx.challengeId = (await must('challenge', t.api('/api/challenges', { as: PEOPLE.avery, body: { title: 'Shared tooling for on-call', problem: 'Every team builds its own on-call tooling.' } }))).challenge.id;
  fx.storyId = (await must('story', t.api('/api/stories', { as: PEOPLE.morgan, body: { pilotId: 'pilot:demo-recognition', tried: 'STORY-2m8 a recognition round every Friday.', happened: 'It felt forced in a team this size.', change: 'We moved recognition into the retro.' } }))).story.id;
  fx.pathId = (await must('path', t.api('/api/paths/me', { as: PEOPLE.sam, method: 'PUT', body: { level: 'self' } }))).path.id;
  const goals = (await must('goal', t.api('/api/paths/me/goals', { as: PEOPLE.sam, body: { text: PATH[0] } }))).path.goals as { id: string; text: string }[];
  fx.goalId = goals.find((g) => g.text === PATH[0])!.id;
  await must('share', t.api('/api/paths/me/shares', { as: PEOPLE.sam, body: { userId: PEOPLE.morgan.userId, relation: 'manager', coach: true } }));
}

let t: TestApp;
const etagOf = async (id: string) => (await t.app.store.read<Pilot>('pilots', DEMO_TENANT_ID, id))?._etag ?? '';

const API_CASES: ApiCase[] = [
  { route: 'GET /api/me', method: 'GET', path: '/api/me', expect: {}, otherwise: ALL_200 },
  { route: 'GET /api/me', method: 'GET', path: '/api/me?opening=leader', expect: {}, otherwise: ALL_200 },
  { route: 'GET /api/teams', method: 'GET', path: '/api/teams', expect: {}, otherwise: ALL_200 },
  { route: 'GET /api/me/preferences', method: 'GET', path: '/api/me/preferences', expect: {}, otherwise: ALL_200 },
  { route: 'GET /api/privacy/me/export', method: 'GET', path: '/api/privacy/me/export', expect: {}, otherwise: ALL_200 },
  { route: 'PUT /api/me/preferences', method: 'PUT', path: '/api/me/preferences', body: () => ({ timeZone: 'Europe/Madrid' }), expect: {}, otherwise: ALL_200 },
  { route: 'POST /api/me/pause', method: 'POST', path: '/api/me/pause', body: () => ({ days: 2 }), expect: {}, otherwise: ALL_200 },
  { route: 'DELETE /api/me/pause', method: 'DELETE', path: '/api/me/pause', expect: {}, otherwise: ALL_200 },
  // Mass assignment: fields nobody may set through the API are refused outright, for everyone.
  { route: 'PUT /api/me/preferences', method: 'PUT', path: '/api/me/preferences', body: () => ({ timeZone: 'UTC', roles: ['admin'] }), expect: {}, otherwise: 400 },
  { route: 'PUT /api/me/preferences', method: 'PUT', path: '/api/me/preferences', body: () => ({ timeZone: 'UTC', userId: PEOPLE.alex.userId, tenantId: DEMO_TENANT_ID }), expect: {}, otherwise: 400 },
  { route: 'POST /api/pilots', method: 'POST', path: '/api/pilots', body: () => ({ ...newPilot('team:demo-ops'), managerId: PEOPLE.sam.userId, tenantId: randomUUID(), status: 'adopted' }), expect: {}, otherwise: 400 },
  {
    route: 'PATCH /api/pilots/:id',
    method: 'PATCH',
    path: `/api/pilots/${F.decisions}`,
    body: () => ({ status: 'adopted', managerId: PEOPLE.sam.userId, tenantId: randomUUID() }),
    headers: async () => ({ 'if-match': await etagOf('pilot:demo-decisions') }),
    expect: {},
    otherwise: 400,
  },
  { route: 'POST /api/feedback', method: 'POST', path: '/api/feedback', body: () => ({ audience: 'leaders', topic: 'support', text: 'Mass assignment probe.', anonymous: false, authorId: PEOPLE.alex.userId, ownerId: PEOPLE.sam.userId, state: 'closed' }), expect: {}, otherwise: 400 },
  { route: 'PUT /api/settings/anonymity', method: 'PUT', path: '/api/settings/anonymity', body: () => ({ anonymityThreshold: 3, tenantId: randomUUID() }), expect: {}, otherwise: 400 },
  { route: 'GET /api/demo/users', method: 'GET', path: '/api/demo/users', expect: {}, otherwise: 404, public: true },
  { route: 'GET /api/practices', method: 'GET', path: '/api/practices', expect: {}, otherwise: ALL_200 },
  { route: 'GET /api/practices/:id', method: 'GET', path: '/api/practices/practice:weekly-retro', expect: { outsider: [200, 404] }, otherwise: ALL_200 },
  { route: 'POST /api/practices', method: 'POST', path: '/api/practices', body: () => PRACTICE, expect: { alex: 201 }, otherwise: 403 },
  {
    route: 'PATCH /api/practices/:id',
    method: 'PATCH',
    path: '/api/practices/practice:decision-log',
    body: () => ({ tags: ['probe'] }),
    headers: async () => ({ 'if-match': (await t.app.store.read<Pilot>('directory', DEMO_TENANT_ID, 'practice:decision-log'))?._etag ?? '' }),
    expect: { alex: 200 },
    otherwise: 403,
  },
  { route: 'POST /api/practices/:id/:action', method: 'POST', path: '/api/practices/practice:experiment-budget/retire', expect: { alex: 200 }, otherwise: 403 },
  { route: 'POST /api/practices/:id/:action', method: 'POST', path: '/api/practices/practice:experiment-budget/restore', expect: { alex: 200 }, otherwise: 403 },
  { route: 'POST /api/practice-proposals', method: 'POST', path: '/api/practice-proposals', body: () => ({ pilotId: 'pilot:demo-retro', summary: 'Proposed by the authorization table.' }), expect: { jordan: MAYBE, alex: MAYBE }, otherwise: DENY },
  { route: 'GET /api/practice-proposals', method: 'GET', path: '/api/practice-proposals', expect: { alex: 200 }, otherwise: 403 },
  { route: 'POST /api/practice-proposals/:id/:decision', method: 'POST', path: '/api/practice-proposals/proposal:pilot:none/decline', expect: { alex: 404 }, otherwise: 403 },
  // Renders a card from what was sent: reads and stores nothing, so anyone signed in may.
  { route: 'POST /api/checkin-preview', method: 'POST', path: '/api/checkin-preview', body: () => ({ questions: [{ kind: 'text', text: 'What went well?' }] }), expect: {}, otherwise: ALL_200 },
  { route: 'GET /api/pilots', method: 'GET', path: '/api/pilots', expect: {}, otherwise: ALL_200 },
  { route: 'GET /api/pilots', method: 'GET', path: '/api/pilots?teamId=team:demo-ops', expect: {}, otherwise: ALL_200 },
  { route: 'GET /api/pilots', method: 'GET', path: '/api/pilots?teamId=team:demo-eng&status=adopted', expect: {}, otherwise: ALL_200 },
  { route: 'GET /api/pilots/:id', method: 'GET', path: `/api/pilots/${F.facilitator}`, expect: { sam: 200, riley: 200, morgan: 200, ...LEADERS }, otherwise: 404 },
  { route: 'GET /api/pilots/:id', method: 'GET', path: `/api/pilots/${F.retro}`, expect: { noor: 200, jordan: 200, ...LEADERS }, otherwise: 404 },
  { route: 'POST /api/pilots', method: 'POST', path: '/api/pilots', body: () => newPilot('team:demo-ops'), expect: { morgan: 201, alex: 201 }, otherwise: 403 },
  { route: 'POST /api/pilots', method: 'POST', path: '/api/pilots', body: () => newPilot('team:demo-care'), expect: { jordan: 201, alex: 201 }, otherwise: 403 },
  {
    route: 'PATCH /api/pilots/:id',
    method: 'PATCH',
    path: `/api/pilots/${F.decisions}`,
    body: () => ({ title: 'Hijacked title' }),
    headers: async () => ({ 'if-match': await etagOf('pilot:demo-decisions') }),
    expect: { morgan: 200, alex: 200, sam: 403, riley: 403, avery: 403 },
    otherwise: 404,
  },
  ...(['pause', 'resume', 'review'] as const).map((action) => ({
    route: 'POST /api/pilots/:id/:action',
    method: 'POST',
    path: `/api/pilots/${F.facilitator}/${action}`,
    expect: { morgan: OWNER_ACTION, alex: OWNER_ACTION, sam: 403, riley: 403, avery: 403 },
    otherwise: 404,
  })),
  { route: 'POST /api/pilots/:id/:action', method: 'POST', path: `/api/pilots/${F.decisions}/launch`, expect: { morgan: OWNER_ACTION, alex: OWNER_ACTION, sam: 403, riley: 403, avery: 403 }, otherwise: 404 },
  { route: 'POST /api/pilots/:id/:action', method: 'POST', path: `/api/pilots/${F.retro}/pause`, expect: { jordan: OWNER_ACTION, alex: OWNER_ACTION, noor: 403, avery: 403 }, otherwise: 404 },
  { route: 'POST /api/pilots/:id/:action', method: 'POST', path: `/api/pilots/${F.facilitator}/delete`, expect: {}, otherwise: 404 },
  { route: 'POST /api/pilots/:id/measures/:index/met', method: 'POST', path: `/api/pilots/${F.facilitator}/measures/0/met`, expect: { morgan: OWNER_ACTION, alex: OWNER_ACTION, sam: 403, riley: 403, avery: 403 }, otherwise: 404 },
  // A pilot's round in its meeting: whoever may see the pilot; closing it, its facilitator or whoever manages the pilot.
  { route: 'GET /api/pilots/:id/round', method: 'GET', path: `/api/pilots/${F.facilitator}/round`, expect: { morgan: 200, sam: 200, riley: 200, avery: 200, alex: 200 }, otherwise: DENY },
  { route: 'POST /api/pilots/:id/round/close', method: 'POST', path: `/api/pilots/${F.facilitator}/round/close`, expect: { morgan: 200, alex: 200, sam: [200, 403], riley: [200, 403], avery: [200, 403] }, otherwise: DENY },
  {
    route: 'POST /api/pilots/:id/close',
    method: 'POST',
    path: `/api/pilots/${F.retro}/close`,
    body: () => ({ outcome: 'stopped', learning: 'Closed by the authorization table.' }),
    expect: { jordan: OWNER_ACTION, alex: OWNER_ACTION, noor: 403, avery: 403 },
    otherwise: 404,
  },
  { route: 'POST /api/feedback', method: 'POST', path: '/api/feedback', body: () => ({ audience: 'leaders', topic: 'support', text: 'Authorization probe: plain feedback.', anonymous: false }), expect: {}, otherwise: 201 },
  // Feedback about a pilot the caller cannot see is refused (and another tenant's pilot never resolves).
  { route: 'POST /api/feedback', method: 'POST', path: '/api/feedback', body: () => ({ audience: 'leaders', topic: 'practice', text: 'Authorization probe about the Care retro.', anonymous: false, pilotId: 'pilot:demo-retro' }), expect: { noor: 201, jordan: 201, avery: 201, alex: 201 }, otherwise: 404 },
  { route: 'GET /api/feedback/options', method: 'GET', path: '/api/feedback/options', expect: {}, otherwise: ALL_200 },
  { route: 'GET /api/feedback/mine', method: 'GET', path: '/api/feedback/mine', expect: {}, otherwise: ALL_200 },
  { route: 'GET /api/feedback/inbox', method: 'GET', path: '/api/feedback/inbox', expect: {}, otherwise: ALL_200 },
  { route: 'GET /api/feedback/summary', method: 'GET', path: '/api/feedback/summary', expect: LEADERS, otherwise: 403 },
  { route: 'GET /api/feedback/summary', method: 'GET', path: '/api/feedback/summary?teamId=team:demo-care&weeks=52', expect: LEADERS, otherwise: 403 },
  { route: 'GET /api/feedback/export.csv', method: 'GET', path: '/api/feedback/export.csv', expect: LEADERS, otherwise: 403 },
  { route: 'GET /api/feedback/:id', method: 'GET', path: `/api/feedback/${F.fb3}`, expect: { morgan: 200, riley: 200 }, otherwise: 404 },
  { route: 'GET /api/feedback/:id', method: 'GET', path: `/api/feedback/${F.fb1}`, expect: { jordan: 200, noor: 200 }, otherwise: 404 },
  { route: 'GET /api/feedback/:id', method: 'GET', path: `/api/feedback/${enc('feedback:demo-2')}`, expect: { ...LEADERS, noor: 404 }, otherwise: 404 },
  ...([
    ['acknowledge', { note: 'Seen it, thanks.' }],
    ['reply', { text: 'Could you say more?' }],
    ['act', { note: 'We now choose retro actions together.' }],
    ['close', { note: 'Done.' }],
  ] as const).map(([action, body]) => ({
    route: `POST /api/feedback/:id/${action}`,
    method: 'POST',
    path: `/api/feedback/${F.fb1}/${action}`,
    body: () => body,
    // The contributor is told it is not theirs to act on; everyone else learns nothing.
    expect: { jordan: OWNER_ACTION, noor: [403, 404] },
    otherwise: 404,
  })),
  { route: 'POST /api/feedback/:id/respond', method: 'POST', path: `/api/feedback/${F.fb3}/respond`, body: () => ({ text: 'Thanks for acting on it.' }), expect: { riley: OWNER_ACTION }, otherwise: 404 },
  { route: 'POST /api/feedback/:id/confirm', method: 'POST', path: `/api/feedback/${F.fb3}/confirm`, body: () => ({ closed: true }), expect: { riley: OWNER_ACTION }, otherwise: 404 },
  { route: 'GET /api/signals', method: 'GET', path: '/api/signals', expect: LEADERS, otherwise: 403 },
  { route: 'GET /api/leader/portfolio', method: 'GET', path: '/api/leader/portfolio', expect: LEADERS, otherwise: 403 },
  { route: 'GET /api/leader/portfolio', method: 'GET', path: '/api/leader/portfolio?teamId=team:demo-care', expect: LEADERS, otherwise: 403 },
  { route: 'GET /api/leader/portfolio/first', method: 'GET', path: '/api/leader/portfolio/first', expect: LEADERS, otherwise: 403 },
  { route: 'GET /api/leader/portfolio/first', method: 'GET', path: `/api/leader/portfolio/first?group=${enc('pulse:organisation')}`, expect: { avery: 404, alex: 404 }, otherwise: 403 },
  { route: 'GET /api/leader/pilots.csv', method: 'GET', path: '/api/leader/pilots.csv', expect: LEADERS, otherwise: 403 },
  // The managers' pulse: anyone's own view; answers only to a pulse one was asked in (none is open here);
  // figures by managers' group and the groups themselves for leaders (the demo's few managers make none).
  { route: 'GET /api/pulse/me', method: 'GET', path: '/api/pulse/me', expect: {}, otherwise: ALL_200 },
  { route: 'PUT /api/pulse/:period/answer', method: 'PUT', path: '/api/pulse/2027-01-11/answer', body: () => ({ values: { autonomy: 4 } }), expect: {}, otherwise: 404 },
  { route: 'GET /api/pulse/leader', method: 'GET', path: '/api/pulse/leader', expect: LEADERS, otherwise: 403 },
  { route: 'GET /api/pulse/groups/:key', method: 'GET', path: `/api/pulse/groups/${enc('pulse:organisation')}`, expect: { avery: 404, alex: 404 }, otherwise: 403 },
  { route: 'GET /api/leader/portfolio', method: 'GET', path: `/api/leader/portfolio?group=${enc('pulse:organisation')}`, expect: { avery: 404, alex: 404 }, otherwise: 403 },
  { route: 'GET /api/settings/anonymity', method: 'GET', path: '/api/settings/anonymity', expect: {}, otherwise: ALL_200 },
  { route: 'PUT /api/settings/anonymity', method: 'PUT', path: '/api/settings/anonymity', body: () => ({ anonymityThreshold: 3 }), expect: { alex: 200 }, otherwise: 403 },
  ...ISSUE9_CASES(),
  ...ADMIN_CASES(),
  // Public by design: no identity, no tenant data.
  { route: 'GET /healthz', method: 'GET', path: '/healthz', expect: {}, otherwise: 200, public: true },
  { route: 'GET /', method: 'GET', path: '/', expect: {}, otherwise: 302, public: true },
  { route: 'GET /pilots/:id', method: 'GET', path: `/pilots/${F.facilitator}`, expect: {}, otherwise: 302, public: true },
  { route: 'GET /tabs/*', method: 'GET', path: '/tabs/index.html', expect: {}, otherwise: 200, public: true },
  { route: 'HEAD /tabs/*', method: 'HEAD', path: '/tabs/index.html', expect: {}, otherwise: 200, public: true },
  // The privacy statement and terms of use the manifest links to: readable before any sign-in.
  { route: 'GET /privacy', method: 'GET', path: '/privacy', expect: {}, otherwise: 200, public: true },
  { route: 'GET /terms', method: 'GET', path: '/terms', expect: {}, otherwise: 200, public: true },
];
/** Rows whose order matters (they take people out of fixtures) run last. */
const LAST_CASES = (): ApiCase[] => [
  { route: 'DELETE /api/paths/me/goals/:goalId', method: 'DELETE', path: () => `/api/paths/me/goals/${enc(fx.goalId)}`, expect: { sam: MAYBE }, otherwise: DENY },
  { route: 'DELETE /api/paths/me/shares/:userId', method: 'DELETE', path: () => `/api/paths/me/shares/${enc(PEOPLE.morgan.userId)}`, expect: {}, otherwise: MAYBE },
  { route: 'POST /api/circles/:id/leave', method: 'POST', path: () => `/api/circles/${enc(fx.circleId)}/leave`, expect: { morgan: MAYBE, sam: MAYBE, riley: MAYBE }, otherwise: DENY },
];
API_CASES.splice(API_CASES.findIndex((c) => c.route === 'GET /healthz'), 0, ...LAST_CASES());

/** Covered by the invoke table below and by bot-auth.test.ts. */
const COVERED_ELSEWHERE = ['POST /api/messages'];

const expected = (c: ApiCase, who: Who): number[] => {
  if (!c.public && (who === 'anonymous' || who === 'demoHeader')) return [401];
  const e = c.expect[who] ?? c.otherwise;
  return Array.isArray(e) ? e : [e];
};
const pathOf = (c: ApiCase) => (typeof c.path === 'function' ? c.path() : c.path);
const caseName = (c: ApiCase) => `${c.method} ${pathOf(c)}`;
const allows = (c: ApiCase, who: Who) => expected(c, who).some((s) => s >= 200 && s < 300);

interface Outcome {
  kind: 'api' | 'invoke';
  name: string;
  who: Who;
  status: number;
  problem?: string;
}
const outcomes: Outcome[] = [];

async function callApi(c: ApiCase, who: Who): Promise<{ status: number; text: string; type: string }> {
  const headers: Record<string, string> = { ...(c.headers ? await c.headers() : {}) };
  if (who === 'demoHeader') headers['x-leaderful-demo-user'] = PEOPLE.alex.userId;
  else if (who !== 'anonymous') {
    headers.authorization = `Bearer ${await t.token(PEOPLE[who])}`;
  }
  const body = c.body?.();
  if (body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(`${t.url}${pathOf(c)}`, { method: c.method, headers, body: body === undefined ? undefined : JSON.stringify(body), redirect: 'manual' });
  return { status: res.status, text: await res.text(), type: res.headers.get('content-type') ?? '' };
}

/** `sent`: what the caller sent; echoing a caller's own input back is not a leak. */
function judge(kind: Outcome['kind'], name: string, who: Who, status: number, text: string, wanted: number[], mayAct: boolean, sent = ''): Outcome {
  const leaked = hiddenFrom(who).filter((m) => text.includes(m) && !sent.includes(m));
  let problem: string | undefined;
  if (!wanted.includes(status)) problem = `status ${status}, expected ${wanted.join('|')}`;
  if (!mayAct && status >= 200 && status < 300 && kind === 'api') problem = `unauthorized success (${status})`;
  if (leaked.length) problem = `${problem ? `${problem}; ` : ''}leaked ${leaked.slice(0, 3).join(', ')}`;
  return { kind, name, who, status, problem };
}

beforeAll(async () => {
  t = await startTestApp({ env: { AAD_APP_TENANT_ID: DEMO_TENANT_ID } });
  // First sight of each caller creates their member (and the outsider's tenant) record: do it
  // now, so that "changes nothing" below means exactly that.
  for (const who of CALLERS) {
    const p = PEOPLE[who];
    const me = await t.api('/api/me', { as: p });
    if (me.status !== 200) throw new Error(`warm-up failed for ${who}: ${me.status}`);
    await t.activity(invokeActivity(t.connector.url, p, 'composeExtension/query', { commandId: 'findPilots', parameters: [{ name: 'searchQuery', value: '' }] }));
  }
  await makeFixtures();
});
afterAll(() => t.stop());

describe('the authorization table covers every route', () => {
  test('every registered route has a row (new routes must be added to API_CASES)', () => {
    const live = routesFromServer(t.app) ?? routesFromSource();
    const covered = new Set([...API_CASES.map((c) => c.route), ...COVERED_ELSEWHERE]);
    expect(live.filter((r) => !covered.has(r))).toEqual([]);
    // And the table names no route that does not exist (a typo would test nothing).
    expect([...covered].filter((r) => !live.includes(r))).toEqual([]);
  });
});

describe('tab API: tenant and role scoping', () => {
  test('calls the rules deny answer 4xx and change nothing', async () => {
    const before = await storeDigest(t);
    for (const c of API_CASES) {
      for (const who of EVERYONE) {
        if (allows(c, who)) continue;
        const res = await callApi(c, who);
        outcomes.push(judge('api', caseName(c), who, res.status, res.text, expected(c, who), false, decodeURIComponent(pathOf(c)) + JSON.stringify(c.body?.() ?? '')));
      }
    }
    await settle();
    const diff = diffDigests(before, await storeDigest(t));
    deniedChanges = diff;
    const problems = outcomes.filter((o) => o.kind === 'api' && o.problem);
    expect(problems).toEqual([]);
    expect(diff).toEqual({ added: [], changed: [], removed: [] });
  });

  test('calls the rules allow succeed and return nothing the caller may not see', async () => {
    for (const c of API_CASES) {
      for (const who of EVERYONE) {
        if (!allows(c, who)) continue;
        const res = await callApi(c, who);
        outcomes.push(judge('api', caseName(c), who, res.status, res.text, expected(c, who), true, decodeURIComponent(pathOf(c)) + JSON.stringify(c.body?.() ?? '')));
        if (c.method !== 'HEAD' && !c.public && res.status < 300 && !/\.csv/.test(pathOf(c))) expect(res.type).toMatch(/^application\/json/);
      }
    }
    const problems = outcomes.filter((o) => o.kind === 'api' && allows(API_CASES.find((c) => caseName(c) === o.name)!, o.who) && o.problem);
    expect(problems).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------
// Bot invokes: the caller comes from the activity (tenant + Entra object id), never from the data.

interface InvokeCase {
  name: string;
  /** Builds the activity for a caller. */
  activity: (p: TeamsUser) => Record<string, unknown>;
  /** Callers the rules allow to succeed (state may change); everyone else must change nothing. */
  allowed: (keyof typeof PEOPLE)[];
  /** Text that shows the invoke did its work: must not appear for callers who are not allowed. */
  successMarker?: RegExp;
}

let openRoundId = '';
let pilotQuestions: Pilot['questions'] = [];
const answersFor = () =>
  Object.fromEntries(pilotQuestions.map((q) => [q.id, q.kind === 'scale' ? '4' : q.kind === 'yesno' ? 'true' : q.kind === 'choice' ? q.choices?.[0] ?? '' : 'Probe answer']));
const url = () => t.connector.url;
const launchData = (teamId: string) => ({ requestId: randomUUID(), practiceId: 'practice:decision-log', hypothesis: 'If we log decisions we stop re-deciding them.', teamId, startDate: '2027-01-04', endDate: '2027-02-15', launchNow: 'true' });

const INVOKE_CASES: InvokeCase[] = [
  { name: 'composeExtension/query findPilots', activity: (p) => invokeActivity(url(), p, 'composeExtension/query', { commandId: 'findPilots', parameters: [{ name: 'searchQuery', value: '' }], queryOptions: { skip: 0, count: 25 } }), allowed: CALLERS },
  { name: 'composeExtension/query findPilots (another team’s pilot by name)', activity: (p) => invokeActivity(url(), p, 'composeExtension/query', { commandId: 'findPilots', parameters: [{ name: 'searchQuery', value: 'stand-up' }] }), allowed: CALLERS },
  { name: 'composeExtension/query findStories', activity: (p) => invokeActivity(url(), p, 'composeExtension/query', { commandId: 'findStories', parameters: [{ name: 'searchQuery', value: '' }], queryOptions: { skip: 0, count: 25 } }), allowed: CALLERS },
  { name: 'composeExtension/queryLink (Ops pilot)', activity: (p) => invokeActivity(url(), p, 'composeExtension/queryLink', { url: 'https://leaderful.test/pilots/pilot%3Ademo-facilitator' }), allowed: CALLERS },
  { name: 'composeExtension/queryLink (Care pilot)', activity: (p) => invokeActivity(url(), p, 'composeExtension/queryLink', { url: 'https://leaderful.test/tabs/index.html#/pilots/pilot%3Ademo-retro' }), allowed: CALLERS },
  { name: 'composeExtension/fetchTask launchPilot', activity: (p) => invokeActivity(url(), p, 'composeExtension/fetchTask', { commandId: 'launchPilot', commandContext: 'compose' }), allowed: CALLERS },
  { name: 'composeExtension/fetchTask giveKudos', activity: (p) => invokeActivity(url(), p, 'composeExtension/fetchTask', { commandId: 'giveKudos', commandContext: 'compose' }), allowed: CALLERS },
  { name: 'composeExtension/fetchTask sendFeedback', activity: (p) => invokeActivity(url(), p, 'composeExtension/fetchTask', { commandId: 'sendFeedback', commandContext: 'message', messagePayload: { body: { content: 'x' } } }), allowed: CALLERS },
  {
    name: 'composeExtension/submitAction launchPilot (Ops team)',
    activity: (p) => invokeActivity(url(), p, 'composeExtension/submitAction', { commandId: 'launchPilot', data: launchData('team:demo-ops') }),
    allowed: ['morgan', 'alex'],
    successMarker: /"type":"result"/,
  },
  {
    name: 'composeExtension/submitAction giveKudos (to Sam)',
    activity: (p) => invokeActivity(url(), p, 'composeExtension/submitAction', { commandId: 'giveKudos', data: { toUserId: PEOPLE.sam.userId, message: 'Probe kudos, well done.', visibility: 'private', requestId: randomUUID() } }),
    // Kudos go to anyone in one's own tenant; Sam cannot kudo himself; another tenant cannot reach Sam.
    allowed: ['riley', 'noor', 'morgan', 'jordan', 'avery', 'alex'],
    successMarker: /went privately/,
  },
  {
    name: 'composeExtension/submitAction sendFeedback (about the Care retro)',
    activity: (p) => invokeActivity(url(), p, 'composeExtension/submitAction', { commandId: 'sendFeedback', data: { audience: 'leaders', topic: 'practice', text: 'Probe feedback from the message extension.', anonymous: 'false', pilotId: 'pilot:demo-retro', requestId: randomUUID() } }),
    allowed: ['noor', 'jordan', 'avery', 'alex'],
    successMarker: /Sent (anonymously )?to/,
  },
  { name: 'task/fetch', activity: (p) => invokeActivity(url(), p, 'task/fetch', { data: { action: 'launchPilot' } }), allowed: CALLERS },
  {
    name: 'task/submit createPilot (Care team)',
    activity: (p) => invokeActivity(url(), p, 'task/submit', { data: { action: 'createPilot', ...launchData('team:demo-care') } }),
    allowed: ['jordan', 'alex'],
    successMarker: /launched|saved as a draft/,
  },
  { name: 'adaptiveCard/action checkin.open', activity: (p) => adaptiveActionActivity(url(), p, 'checkin.open', { roundId: openRoundId }), allowed: ['sam', 'riley'], successMarker: /Check-in: Rotate/ },
  { name: 'adaptiveCard/action checkin.edit', activity: (p) => adaptiveActionActivity(url(), p, 'checkin.edit', { roundId: openRoundId }), allowed: ['sam', 'riley'], successMarker: /Check-in: Rotate/ },
  { name: 'adaptiveCard/action checkin.submit', activity: (p) => adaptiveActionActivity(url(), p, 'checkin.submit', { roundId: openRoundId, ...answersFor() }), allowed: ['sam', 'riley'], successMarker: /Thanks|thanks/ },
  { name: 'adaptiveCard/action checkin.quick', activity: (p) => adaptiveActionActivity(url(), p, 'checkin.quick', { roundId: openRoundId, confidence: '3', note: 'Quick answer' }), allowed: ['sam', 'riley'], successMarker: /Thanks|thanks/ },
  { name: 'adaptiveCard/action checkin.swap', activity: (p) => adaptiveActionActivity(url(), p, 'checkin.swap', { roundId: openRoundId }), allowed: ['riley'], successMarker: /is now facilitating/ },
  ...['feedback.open', 'feedback.reply', 'feedback.confirmClosed', 'feedback.notClosed'].map((verb) => ({
    name: `adaptiveCard/action ${verb} (feedback:demo-3)`,
    activity: (p: TeamsUser) => adaptiveActionActivity(url(), p, verb, { feedbackId: 'feedback:demo-3', replyText: verb === 'feedback.reply' ? 'Probe reply.' : '', requestId: randomUUID() }),
    allowed: ['riley'] as (keyof typeof PEOPLE)[],
  })),
  { name: 'adaptiveCard/action feedback.form', activity: (p) => adaptiveActionActivity(url(), p, 'feedback.form', {}), allowed: CALLERS },
  { name: 'adaptiveCard/action feedback.submit', activity: (p) => adaptiveActionActivity(url(), p, 'feedback.submit', { audience: 'leaders', topic: 'practice', text: 'Probe feedback from a card.', anonymous: 'false', pilotId: 'pilot:demo-retro', requestId: randomUUID() }), allowed: ['noor', 'jordan', 'avery', 'alex'] },
  // Issue 9 cards (circles, stories, projects, paths): members, authors, sponsors and coaches only.
  ...(['circle.join', 'circle.nominate', 'circle.vote', 'circle.ballot', 'circle.withdraw'] as const).map((verb) => ({
    name: `adaptiveCard/action ${verb}`,
    activity: (p: TeamsUser) => adaptiveActionActivity(url(), p, verb, { circleId: fx.circleId, nominate: PEOPLE.sam.userId, voteFor: PEOPLE.sam.userId }),
    allowed: ['morgan', 'sam', 'riley', 'alex'] as (keyof typeof PEOPLE)[],
  })),
  { name: 'adaptiveCard/action circle.closeElection', activity: (p) => adaptiveActionActivity(url(), p, 'circle.closeElection', { circleId: fx.circleId }), allowed: ['morgan', 'alex'] },
  { name: 'adaptiveCard/action story.react', activity: (p) => adaptiveActionActivity(url(), p, 'story.react', { storyId: fx.storyId, kind: 'inspiring' }), allowed: CALLERS.filter((w) => w !== 'outsider' && w !== 'intruder') },
  { name: 'adaptiveCard/action story.ask', activity: (p) => adaptiveActionActivity(url(), p, 'story.ask', { storyId: fx.storyId, question: 'How long did it take?', requestId: randomUUID() }), allowed: CALLERS.filter((w) => w !== 'outsider' && w !== 'intruder') },
  { name: 'adaptiveCard/action story.publish', activity: (p) => adaptiveActionActivity(url(), p, 'story.publish', { requestId: randomUUID(), pilotId: 'pilot:demo-recognition', tried: 'A recognition round every Friday.', happened: 'It felt forced in a small team.', change: 'Moved it into the retro.' }), allowed: ['morgan', 'alex'] },
  { name: 'adaptiveCard/action project.decide', activity: (p) => adaptiveActionActivity(url(), p, 'project.decide', { projectId: fx.projectId, decision: 'approve', reason: '' }), allowed: ['avery', 'alex'] },
  { name: 'adaptiveCard/action path.review', activity: (p) => adaptiveActionActivity(url(), p, 'path.review', { pathId: fx.pathId, outcome: 'not_yet', note: 'Another month.' }), allowed: ['morgan'] },
  // The managers' pulse: no pulse is open in the fixture, so nobody's card action is accepted (404 card, nothing written).
  ...['pulse.open', 'pulse.edit', 'pulse.refresh'].map((verb) => ({ name: `adaptiveCard/action ${verb}`, activity: (p: TeamsUser) => adaptiveActionActivity(url(), p, verb, { period: '2027-01-11' }), allowed: [] as (keyof typeof PEOPLE)[] })),
  { name: 'adaptiveCard/action pulse.submit', activity: (p) => adaptiveActionActivity(url(), p, 'pulse.submit', { period: '2027-01-11', autonomy: '4' }), allowed: [] },
  { name: 'adaptiveCard/action unknown verb', activity: (p) => adaptiveActionActivity(url(), p, 'admin.grant', { userId: p.userId, roles: ['admin'] }), allowed: [] },
];

/** Which invoke name each ActivityHandler override answers (botbuilder's TeamsActivityHandler). */
const OVERRIDE_INVOKES: Record<string, string> = {
  handleTeamsMessagingExtensionQuery: 'composeExtension/query',
  handleTeamsAppBasedLinkQuery: 'composeExtension/queryLink',
  handleTeamsAnonymousAppBasedLinkQuery: 'composeExtension/anonymousQueryLink',
  handleTeamsMessagingExtensionFetchTask: 'composeExtension/fetchTask',
  handleTeamsMessagingExtensionSubmitAction: 'composeExtension/submitAction',
  handleTeamsMessagingExtensionSubmitActionDispatch: 'composeExtension/submitAction',
  handleTeamsMessagingExtensionBotMessagePreviewSend: 'composeExtension/submitAction',
  handleTeamsMessagingExtensionBotMessagePreviewEdit: 'composeExtension/submitAction',
  handleTeamsMessagingExtensionSelectItem: 'composeExtension/selectItem',
  handleTeamsMessagingExtensionConfigurationQuerySettingUrl: 'composeExtension/querySettingUrl',
  handleTeamsMessagingExtensionConfigurationSetting: 'composeExtension/setting',
  handleTeamsMessagingExtensionCardButtonClicked: 'composeExtension/onCardButtonClicked',
  handleTeamsTaskModuleFetch: 'task/fetch',
  handleTeamsTaskModuleSubmit: 'task/submit',
  handleTeamsTabFetch: 'tab/fetch',
  handleTeamsTabSubmit: 'tab/submit',
  handleTeamsConfigFetch: 'config/fetch',
  handleTeamsConfigSubmit: 'config/submit',
  handleTeamsCardActionInvoke: 'actionableMessage/executeAction',
  handleTeamsFileConsent: 'fileConsent/invoke',
  handleTeamsSigninVerifyState: 'signin/verifyState',
  handleTeamsSigninTokenExchange: 'signin/tokenExchange',
  onAdaptiveCardInvoke: 'adaptiveCard/action',
};

describe('the invoke table covers every invoke, command and card verb', () => {
  const root = path.resolve(__dirname, '../..');
  const read = (f: string) => readFileSync(path.join(root, f), 'utf8');
  const names = () => INVOKE_CASES.map((c) => c.name);

  test('every invoke the bot overrides', () => {
    const overrides = [...read('bot/app/teams-bot.ts').matchAll(/override\s+(?:async\s+)?(handleTeams\w+|onAdaptiveCardInvoke|onInvokeActivity)\s*\(/g)].map((m) => m[1]);
    expect(overrides.filter((o) => !OVERRIDE_INVOKES[o])).toEqual([]); // a new kind of invoke: map it and add cases
    expect(overrides.map((o) => OVERRIDE_INVOKES[o]).filter((n) => !names().some((x) => x.startsWith(n)))).toEqual([]);
  });

  test('every message-extension command', () => {
    expect(Object.values(ME_COMMANDS).filter((id) => !names().some((x) => x.includes(id)))).toEqual([]);
  });

  test('every Action.Execute verb the bot sends or handles', () => {
    const files = readdirSync(path.join(root, 'bot'), { recursive: true }) as string[];
    const templates = files.filter((f) => f.endsWith('.json')).map((f) => read(`bot/${f}`));
    const sources = files.filter((f) => f.endsWith('.ts')).map((f) => read(`bot/${f}`));
    const verbs = new Set<string>();
    for (const t of templates) for (const m of t.matchAll(/"verb":\s*"([\w.]+)"/g)) verbs.add(m[1]);
    for (const s of sources) for (const m of s.matchAll(/(?:verb === |case |\.verb\()'([a-z]+\.[\w]+)'/g)) verbs.add(m[1]);
    expect(verbs.size).toBeGreaterThan(5);
    expect([...verbs].filter((v) => !names().some((x) => x.includes(` ${v}`)))).toEqual([]);
  });
});

describe('bot invokes: tenant and role scoping', () => {
  beforeAll(async () => {
    // The admin's "sync now" above runs in the background: let it finish before digests are taken.
    await t.app.domain.org.idle();
    // An open check-in round of the Ops pilot: Sam and Riley are invited, Riley facilitates.
    const pilot = (await t.app.store.read<Pilot>('pilots', DEMO_TENANT_ID, 'pilot:demo-facilitator'))!;
    pilotQuestions = pilot.questions;
    const now = Date.now();
    openRoundId = `round:${pilot.id}:2099-01-01`;
    await t.app.store.create<Round>('checkins', {
      id: openRoundId,
      tenantId: DEMO_TENANT_ID,
      type: 'round',
      pilotId: pilot.id,
      teamId: pilot.teamId,
      date: '2099-01-01',
      number: 99,
      opensAt: new Date(now - 3600_000).toISOString(),
      closesAt: new Date(now + 86_400_000).toISOString(),
      facilitatorId: PEOPLE.riley.userId,
      invited: [PEOPLE.sam.userId, PEOPLE.riley.userId],
      schedule: {},
      prompted: [PEOPLE.sam.userId, PEOPLE.riley.userId],
      reminded: [],
      answered: [],
      status: 'open',
    } as Round);
  });

  test('invokes by callers the rules deny change nothing and reveal nothing', async () => {
    const before = await storeDigest(t);
    const sent = t.connector.received.length;
    for (const c of INVOKE_CASES) {
      for (const who of CALLERS) {
        if (c.allowed.includes(who)) continue;
        const activity = c.activity(PEOPLE[who]);
        const res = await t.activity(activity);
        const text = JSON.stringify(res.body ?? '');
        const o = judge('invoke', c.name, who, res.status, text, [200, 501], false, JSON.stringify(activity.value));
        if (c.successMarker?.test(text)) o.problem = `${o.problem ? `${o.problem}; ` : ''}unauthorized success: ${c.successMarker}`;
        outcomes.push(o);
      }
    }
    await settle();
    const diff = diffDigests(before, await storeDigest(t));
    invokeDeniedChanges = diff;
    expect(outcomes.filter((o) => o.kind === 'invoke' && o.problem)).toEqual([]);
    expect(diff).toEqual({ added: [], changed: [], removed: [] });
    expect(t.connector.received.length).toBe(sent);
  });

  test('invokes by callers the rules allow return nothing they may not see', async () => {
    for (const c of INVOKE_CASES) {
      for (const who of c.allowed) {
        const activity = c.activity(PEOPLE[who]);
        const res = await t.activity(activity);
        const text = JSON.stringify(res.body ?? '');
        const o = judge('invoke', c.name, who, res.status, text, [200], true, JSON.stringify(activity.value));
        // The marker must show for allowed callers, or it would prove nothing for the others.
        if (c.successMarker && !c.successMarker.test(text)) o.problem = `${o.problem ? `${o.problem}; ` : ''}allowed caller did not succeed: ${text.slice(0, 200)}`;
        outcomes.push({ ...o, name: `${c.name} (allowed)` });
      }
    }
    expect(outcomes.filter((o) => o.kind === 'invoke' && o.name.endsWith('(allowed)') && o.problem)).toEqual([]);
  });

  test('chat commands answer from the caller’s own tenant and teams only', async () => {
    for (const who of ['outsider', 'jordan', 'sam'] as const) {
      const m = messageActivity(url(), PEOPLE[who], 'my pilots');
      await t.activity(m);
      const [reply] = await t.connector.waitFor((a) => a.activity.replyToId === m.id);
      const o = judge('invoke', 'message "my pilots"', who, 200, JSON.stringify(reply.activity), [200], true);
      outcomes.push(o);
      expect(o.problem).toBeUndefined();
    }
  });
});

let deniedChanges: StoreDiff = { added: [], changed: [], removed: [] };
let invokeDeniedChanges: StoreDiff = { added: [], changed: [], removed: [] };

afterAll(() => {
  const unauthorized = outcomes.filter((o) => o.problem && /unauthorized success|leaked/.test(o.problem)).length;
  printFigures('Authorization table (issue 7.3)', {
    'API routes in table': new Set(API_CASES.map((c) => c.route)).size,
    'API cases (route × caller)': outcomes.filter((o) => o.kind === 'api').length,
    'invoke cases (invoke × caller)': outcomes.filter((o) => o.kind === 'invoke').length,
    'unexpected statuses': outcomes.filter((o) => o.problem && !/unauthorized success|leaked/.test(o.problem)).length,
    'unauthorized successes': unauthorized,
    'data changes by denied calls': changeCount(deniedChanges) + changeCount(invokeDeniedChanges),
  });
});

// ---------------------------------------------------------------------------------------------
// Issue 22: every field of every write, in an app of its own (the rows above change state).

describe('every field of every write: other teams, other types, other tenants', () => {
  let ft: TestApp;
  const f = { morgan: PEOPLE.morgan, sam: PEOPLE.sam, riley: PEOPLE.riley, jordan: PEOPLE.jordan, avery: PEOPLE.avery, alex: PEOPLE.alex, outsider: PEOPLE.outsider } as Fixture;
  const results: { route: string; field: string; label: string; status: number; want: Want; problem?: string }[] = [];
  const probes = (want: 'deny' | 'ok') =>
    fieldRows(f).flatMap((row) => [
      ...Object.entries(row.fields).flatMap(([field, list]) => list.map((p) => ({ row, field, probe: p, inPath: false }))),
      ...(row.pathProbes?.probes ?? []).map((p) => ({ row, field: `:${row.pathProbes!.param}`, probe: p, inPath: true })),
    ]).filter(({ probe }) => (probe[2] === 'ok' || (Array.isArray(probe[2]) && probe[2].some((s) => s < 300)) ? 'ok' : 'deny') === want);

  async function run({ row, field, probe, inPath }: ReturnType<typeof probes>[number]): Promise<void> {
    const [label, value, want] = probe;
    const method = row.route.split(' ')[0];
    const target = inPath ? row.pathProbes!.build(String(value)) : row.path;
    const body = inPath ? row.base : field.startsWith('(') ? { ...row.base, ...(value as object) } : { ...row.base, [field]: value };
    const headers = row.etagOf ? { 'if-match': (await ft.app.store.read<Pilot>(row.etagOf.startsWith('practice:') ? 'directory' : 'pilots', DEMO_TENANT_ID, row.etagOf))?._etag ?? '' } : undefined;
    const res = await ft.api(target, { as: row.as, method, body: method === 'DELETE' ? undefined : body ?? {}, headers });
    const wanted = want === 'deny' ? [400, 403, 404, 409] : want === 'ok' ? [200, 201, 202] : want;
    const problem = wanted.includes(res.status) ? undefined : `status ${res.status} ${JSON.stringify(res.body).slice(0, 160)}`;
    results.push({ route: row.route, field, label, status: res.status, want, problem });
  }

  beforeAll(async () => {
    ft = await startTestApp({ env: { RATE_LIMIT_API_PER_MINUTE: '100000', RATE_LIMIT_NOTIFY_PER_HOUR: '100000', RATE_LIMIT_FEEDBACK_PER_HOUR: '10000' } });
    for (const p of Object.values(PEOPLE)) await ft.api('/api/me', { as: p });
    const must = async (what: string, res: Promise<{ status: number; body: any }>) => {
      const r = await res;
      if (r.status >= 300) throw new Error(`${what}: ${r.status} ${JSON.stringify(r.body).slice(0, 300)}`);
      return r.body;
    };
    const channel = `19:${randomUUID()}@thread.tacv2`;
    f.teamId = `team:${channel}`;
    ft.connector.members = rosterOf(DEMO_TENANT_ID, [PEOPLE.morgan, PEOPLE.sam, PEOPLE.riley]);
    await ft.activity(installInTeamActivity(ft.connector.url, PEOPLE.morgan, { teamsTeamId: channel, name: 'Field probes', aadGroupId: ft.teamInGraph(DEMO_TENANT_ID, [PEOPLE.morgan], [PEOPLE.sam, PEOPLE.riley]) }));
    const circle = (await must('circle', ft.api('/api/circles', { as: PEOPLE.morgan, body: { teamId: f.teamId, name: 'Field probe circle' } }))).circle;
    f.circleId = circle.id;
    f.rhythmId = circle.rhythm.pilotId;
    const pilot = (teamId: string, title: string) => ({ title, hypothesis: 'Each field is checked on its own.', successMeasures: ['Nothing slips'], teamId, startDate: '2027-03-01', endDate: '2027-04-30' });
    f.draftId = (await must('draft', ft.api('/api/pilots', { as: PEOPLE.morgan, body: pilot('team:demo-ops', 'Field probe draft') }))).pilot.id;
    f.closableId = (await must('closable', ft.api('/api/pilots', { as: PEOPLE.morgan, body: pilot('team:demo-ops', 'Field probe under way') }))).pilot.id;
    await must('launch', ft.api(`/api/pilots/${enc(f.closableId)}/launch`, { as: PEOPLE.morgan, method: 'POST' }));
    f.storyId = (await must('story', ft.api('/api/stories', { as: PEOPLE.morgan, body: { pilotId: 'pilot:demo-recognition', tried: 'A recognition round every Friday.', happened: 'It felt forced in a small team.', change: 'Moved it into the retro.' } }))).story.id;
    f.projectId = (await must('project', ft.api('/api/projects', { as: PEOPLE.morgan, body: { circleId: f.circleId, title: 'Field probe project', goal: 'Checked field by field.', weeksAsked: 4, budget: { amount: 10, currency: 'EUR' }, sponsorId: PEOPLE.avery.userId } }))).project.id;
    f.challengeId = (await must('challenge', ft.api('/api/challenges', { as: PEOPLE.avery, body: { title: 'Field probe challenge', problem: 'Checked field by field.' } }))).challenge.id;
    f.pathId = (await must('path', ft.api('/api/paths/me', { as: PEOPLE.sam, method: 'PUT', body: { level: 'self' } }))).path.id;
    f.goalId = (await must('goal', ft.api('/api/paths/me/goals', { as: PEOPLE.sam, body: { text: 'Run a retro without notes.' } }))).path.goals[0].id;
    await must('share', ft.api('/api/paths/me/shares', { as: PEOPLE.sam, body: { userId: PEOPLE.morgan.userId, relation: 'manager', coach: true } }));
    // The other tenant: a team of its own, a pilot and a circle, with ids like ours.
    const elsewhere = `19:${randomUUID()}@thread.tacv2`;
    ft.connector.members = rosterOf(PEOPLE.outsider.tenantId, [PEOPLE.outsider, { ...PEOPLE.outsider, userId: randomUUID(), name: 'Eve Colleague' }]);
    await ft.activity(installInTeamActivity(ft.connector.url, PEOPLE.outsider, { teamsTeamId: elsewhere, name: 'Elsewhere', aadGroupId: ft.teamInGraph(PEOPLE.outsider.tenantId, [PEOPLE.outsider]) }));
    f.other = {
      teamId: `team:${elsewhere}`,
      pilotId: (await must('other pilot', ft.api('/api/pilots', { as: PEOPLE.outsider, body: pilot(`team:${elsewhere}`, 'Elsewhere pilot') }))).pilot.id,
      circleId: (await must('other circle', ft.api('/api/circles', { as: PEOPLE.outsider, body: { teamId: `team:${elsewhere}`, name: 'Elsewhere circle' } }))).circle.id,
    };
  });
  afterAll(async () => {
    printFigures('Authorization table, field by field (issue 22)', {
      'write routes probed': new Set(results.map((r) => r.route)).size,
      'fields probed': new Set(results.map((r) => `${r.route} ${r.field}`)).size,
      'refused probes': results.filter((r) => r.want !== 'ok' && !(Array.isArray(r.want) && r.want.some((s) => s < 300))).length,
      'accepted probes': results.filter((r) => r.want === 'ok' || (Array.isArray(r.want) && r.want.some((s) => s < 300))).length,
      '5xx answers': results.filter((r) => r.status >= 500).length,
      'unexpected answers': results.filter((r) => r.problem).length,
    });
    await ft?.stop();
  });

  test('every write route has its fields in the table', () => {
    const live = (routesFromServer(ft.app) ?? routesFromSource()).filter((r) => !/^(GET|HEAD|OPTIONS) /.test(r));
    const rows = fieldRows(f);
    const probed = (route: string) => new Set(rows.filter((r) => r.route === route).flatMap((r) => [...Object.keys(r.fields), ...(r.pathProbes ? [`:${r.pathProbes.param}`] : [])]));
    expect(live.filter((r) => !rows.some((x) => x.route === r) && !NOTHING_TO_SET.includes(r))).toEqual([]);
    const missing = Object.entries(WRITE_SCHEMAS).flatMap(([route, schema]) => fieldsOf(schema).filter((field) => !probed(route).has(field)).map((field) => `${route} ${field}`));
    expect(missing).toEqual([]);
  });

  test('refused, field by field: 4xx and nothing changed', async () => {
    const before = await storeDigest(ft);
    for (const p of probes('deny')) await run(p);
    await settle();
    expect(results.filter((r) => r.problem)).toEqual([]);
    expect(diffDigests(before, await storeDigest(ft))).toEqual({ added: [], changed: [], removed: [] });
  });

  test('each field can still be set to a valid value', async () => {
    for (const p of probes('ok')) await run(p);
    expect(results.filter((r) => r.problem)).toEqual([]);
  });

  test('afterwards every pilot reads fine and the scheduler runs clean', async () => {
    const all = await ft.app.store.all<{ id: string }>('pilots', DEMO_TENANT_ID, "SELECT c.id FROM c WHERE c.tenantId = @tenantId AND c.type = 'pilot'");
    for (const { id } of all) expect(`${id} ${(await ft.api(`/api/pilots/${enc(id)}`, { as: PEOPLE.alex })).status}`).toBe(`${id} 200`);
    const report = await ft.app.background.tick();
    expect(report.skipped).toEqual([]);
    expect(results.filter((r) => r.status >= 500)).toEqual([]);
  });
});

/** Write routes with nothing to set in their body or path beyond what the table above covers. */
const NOTHING_TO_SET = [
  'POST /api/practices/:id/:action',
  'POST /api/practice-proposals/:id/:decision',
  'POST /api/messages',
  'DELETE /api/me/pause',
  'POST /api/pilots/:id/round/close',
  'POST /api/circles/:id/join',
  'POST /api/circles/:id/leave',
  'POST /api/circles/:id/election/close',
  'DELETE /api/circles/:id/vote',
  'POST /api/paths/me/review-request',
  'POST /api/admin/sync',
  'POST /api/admin/tenant-deletion',
];
/** Each write route's body schema: every field of it must have probes. */
const WRITE_SCHEMAS: Record<string, z.ZodTypeAny> = {
  'PUT /api/me/preferences': preferencesSchema,
  'PUT /api/pulse/:period/answer': pulseAnswerSchema,
  'POST /api/me/pause': pauseSchema,
  'POST /api/pilots': pilotInputSchema,
  'PATCH /api/pilots/:id': pilotPatchSchema,
  'POST /api/pilots/:id/close': closePilotSchema,
  'POST /api/checkin-preview': checkinPreviewSchema,
  'POST /api/practices': practiceInputSchema,
  'PATCH /api/practices/:id': practicePatchSchema,
  'POST /api/practice-proposals': proposalInputSchema,
  'POST /api/feedback': feedbackInputSchema,
  'POST /api/feedback/:id/acknowledge': acknowledgeSchema,
  'POST /api/feedback/:id/act': actSchema,
  'POST /api/feedback/:id/close': feedbackCloseSchema,
  'POST /api/feedback/:id/reply': replySchema,
  'POST /api/feedback/:id/respond': replySchema,
  'POST /api/feedback/:id/confirm': confirmSchema,
  'PUT /api/settings/anonymity': thresholdSchema,
  'PATCH /api/admin/settings': tenantSettingsSchema,
  'PATCH /api/admin/retention': retentionSchema,
  'POST /api/circles': circleInputSchema,
  'PATCH /api/circles/:id': circlePatchSchema,
  'POST /api/circles/:id/election': openElectionSchema,
  'POST /api/circles/:id/nominations': nominationSchema,
  'PUT /api/circles/:id/vote': voteSchema,
  'POST /api/stories': storyInputSchema,
  'POST /api/stories/:id/reactions': reactionSchema,
  'POST /api/stories/:id/questions': storyQuestionSchema,
  'POST /api/stories/:id/share': storyShareSchema,
  'POST /api/stories/:id/link': storyLinkSchema,
  'POST /api/projects': projectInputSchema,
  'POST /api/projects/:id/decision': projectDecisionSchema,
  'POST /api/projects/:id/checkins': projectCheckinSchema,
  'POST /api/projects/:id/done': projectDoneSchema,
  'POST /api/challenges': challengeInputSchema,
  'PUT /api/paths/me': pathLevelSchema,
  'PUT /api/paths/me/assessment': assessmentSchema,
  'POST /api/paths/me/goals': goalSchema,
  'PATCH /api/paths/me/goals/:goalId': goalPatchSchema,
  'POST /api/paths/me/shares': shareSchema,
  'PUT /api/paths/me/recognition': recognitionSchema,
  'POST /api/paths/:id/coaching': coachingSchema,
  'POST /api/paths/:id/review': reviewSchema,
  'POST /api/admin/privacy/people/:userId/erase': eraseSchema,
  'POST /api/admin/tenant-deletion/confirm': deletionSchema,
};
