import type { FeedbackItem } from '../feedback/model';
import type { PilotStatus } from '../pilots/model';
import type { AppRole } from '../shared/caller';
import { addWeeks } from '../anonymity/rules';

/**
 * The demo tenant's cast and story: an organisation in four levels (a chief executive, a senior
 * leader, three team managers, their teams), pilots in every state and feedback. The people,
 * their departments, job titles and managers, and the teams' owners are the demo directory the
 * local Microsoft Graph stand-in serves: the app learns the org tree through a real sync. App
 * roles (senior leader, admin) are what Entra ID would assign; demo sign-in carries them like a
 * token would. `seed.ts` adds the rest, with weeks of check-in history.
 */
export const DEMO_TENANT_ID = '8d3e2a1c-0000-4000-8000-00000000d3e0';

interface DemoUser {
  id: string;
  name: string;
  /** Entra app roles assigned to them. */
  roles: AppRole[];
  timeZone: string;
  department: string;
  jobTitle: string;
  /** Their manager's number in the cast. */
  reportsTo?: number;
}

/** The Entra object id of the cast's person number `n`. */
export const idOf = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

const user = (n: number, name: string, roles: AppRole[], timeZone: string, department: string, jobTitle: string, reportsTo?: number): DemoUser => ({
  id: idOf(n),
  name,
  roles,
  timeZone,
  department,
  jobTitle,
  reportsTo,
});

/** Everyone the demo sign-in offers. */
export const DEMO_USERS: DemoUser[] = [
  user(1, 'Avery Okafor', ['leader'], 'Europe/London', 'Operations', 'Chief Operating Officer', 6),
  user(2, 'Morgan Lee', [], 'Europe/London', 'Operations', 'Service Desk Manager', 1),
  user(3, 'Jordan Silva', [], 'America/New_York', 'Customer Care', 'Customer Care Manager', 1),
  user(4, 'Priya Raman', [], 'Asia/Kolkata', 'Engineering', 'Engineering Manager', 1),
  user(5, 'Alex Kim', ['admin', 'leader'], 'Europe/Berlin', 'People', 'Head of People', 6),
  ...['Sam Taylor', 'Riley Chen', 'Casey Moreau', 'Drew Patel', 'Quinn Adeyemi', 'Robin Novak'].map((n, i) =>
    user(10 + i, n, [], ['Europe/London', 'Europe/Madrid', 'Europe/Paris'][i % 3], 'Operations', 'Service Desk Analyst', 2),
  ),
  ...['Jamie Rossi', 'Kai Müller', 'Noor Haddad', 'Lee Wong', 'Mika Tanaka', 'Sasha Ivanova'].map((n, i) =>
    user(20 + i, n, [], ['America/New_York', 'America/Chicago', 'America/Los_Angeles'][i % 3], 'Customer Care', 'Customer Care Agent', 3),
  ),
  ...['Ana Souza', 'Ravi Iyer', 'Zoe Martin', 'Omar Farouk', 'Ines García'].map((n, i) =>
    user(30 + i, n, [], ['Asia/Kolkata', 'Europe/Madrid'][i % 2], 'Engineering', 'Software Engineer', 4),
  ),
];

/** The rest of the demo organisation: in the directory, not offered at sign-in. */
export const DEMO_DIRECTORY_ONLY: DemoUser[] = [user(6, 'Dana Whitfield', [], 'Europe/London', 'Executive', 'Chief Executive Officer')];

/** The demo teams; `aadGroupId` is the Microsoft 365 group behind each, whose owner is its manager. */
export const DEMO_TEAMS = [
  { id: 'team:demo-ops', aadGroupId: '0d3e0000-0000-4000-8000-0000000000a1', name: 'Operations — Service Desk', manager: 2, members: [10, 11, 12, 13, 14, 15], department: 'Operations' },
  { id: 'team:demo-care', aadGroupId: '0d3e0000-0000-4000-8000-0000000000a2', name: 'Customer Care — Americas', manager: 3, members: [20, 21, 22, 23, 24, 25], department: 'Customer Care' },
  { id: 'team:demo-eng', aadGroupId: '0d3e0000-0000-4000-8000-0000000000a3', name: 'Engineering — Platform', manager: 4, members: [30, 31, 32, 33, 34], department: 'Engineering' },
];

/** The demo directory in the shape Microsoft Graph serves it. */
export function demoDirectory() {
  const everyone = [...DEMO_USERS, ...DEMO_DIRECTORY_ONLY];
  return {
    users: everyone.map((u) => ({ id: u.id, displayName: u.name, department: u.department, jobTitle: u.jobTitle, managerId: u.reportsTo ? idOf(u.reportsTo) : undefined })),
    teams: DEMO_TEAMS.map((t) => ({
      groupId: t.aadGroupId,
      members: [{ userId: idOf(t.manager), owner: true }, ...t.members.map((m) => ({ userId: idOf(m), owner: false }))],
    })),
  };
}

/** What the demo sign-in shows next to a name: their app roles, and "manager" for team owners. */
export function demoRoles(u: DemoUser): string[] {
  const manages = DEMO_TEAMS.some((t) => idOf(t.manager) === u.id);
  const roles = [...(manages ? ['manager'] : []), ...u.roles];
  return roles.length ? roles : ['member'];
}


export interface DemoPilot {
  key: string;
  practice: string;
  title: string;
  team: number;
  status: PilotStatus;
  weeks: number;
  /** Per-round shape of the answers, for a varied picture. */
  trend: 'rising' | 'falling-autonomy' | 'overloaded' | 'steady';
  learning?: string;
}

export const DEMO_PILOTS: DemoPilot[] = [
  { key: 'facilitator', practice: 'rotating-facilitator', title: 'Rotate who runs our Monday stand-up', team: 0, status: 'active', weeks: 5, trend: 'rising' },
  { key: 'decisions', practice: 'delegated-decisions', title: 'Let the desk decide refunds under £200', team: 0, status: 'draft', weeks: 0, trend: 'steady' },
  { key: 'retro', practice: 'weekly-retro', title: 'Friday 30-minute retro', team: 1, status: 'active', weeks: 6, trend: 'falling-autonomy' },
  { key: 'focus', practice: 'no-meeting-focus', title: 'Meeting-free Wednesday mornings', team: 1, status: 'paused', weeks: 3, trend: 'overloaded' },
  { key: 'coaching', practice: 'peer-coaching', title: 'Peer coaching trios', team: 2, status: 'in_review', weeks: 8, trend: 'steady' },
  { key: 'ysywd', practice: 'you-said-we-did', title: 'Monthly “you said, we did”', team: 2, status: 'adopted', weeks: 8, trend: 'rising', learning: 'People gave twice as much feedback once they saw it acted on. Keep it monthly, not weekly.' },
  { key: 'log', practice: 'decision-log', title: 'Decision log for platform changes', team: 2, status: 'adapted', weeks: 6, trend: 'steady', learning: 'The log helped, but only for big decisions: we now log those alone.' },
  { key: 'recognition', practice: 'recognition-round', title: 'Friday recognition round', team: 0, status: 'stopped', weeks: 4, trend: 'steady', learning: 'Felt forced in a team this size; we moved recognition into the retro.' },
];

/** The demo tenant's anonymity threshold. */
export const DEMO_THRESHOLD = 5;

/**
 * The demo feedback, dated by `week(daysAgo)`. Feedback carries weeks, never exact times (see
 * domain/anonymity); anonymous items name no author.
 */
export function demoFeedback(week: (daysAgo: number) => string): Omit<FeedbackItem, 'tenantId'>[] {
  const care = { level: 'team' as const, teamId: 'team:demo-care' };
  return [
    { id: 'feedback:demo-1', type: 'feedback', audience: 'manager', topic: 'autonomy', text: 'The retro actions are decided before we meet. It would help to choose them together.', anonymous: true, scope: care, teamId: 'team:demo-care', pilotId: 'pilot:demo-retro', ownerId: idOf(3), ownerName: 'Jordan Silva', state: 'open', dueDate: addWeeks(week(19), 2), createdWeek: week(19), source: 'direct', replies: [] },
    { id: 'feedback:demo-2', type: 'feedback', audience: 'leaders', topic: 'workload', text: 'Queue volume doubled this quarter; retros get skipped when we are short-staffed.', anonymous: true, scope: care, teamId: 'team:demo-care', pilotId: 'pilot:demo-retro', state: 'open', dueDate: addWeeks(week(12), 2), createdWeek: week(12), source: 'direct', replies: [] },
    { id: 'feedback:demo-3', type: 'feedback', audience: 'manager', topic: 'practice', text: 'Facilitating the stand-up was a great stretch for me, thanks!', anonymous: false, authorId: idOf(11), authorName: 'Riley Chen', scope: { level: 'team', teamId: 'team:demo-ops' }, teamId: 'team:demo-ops', pilotId: 'pilot:demo-facilitator', ownerId: idOf(2), ownerName: 'Morgan Lee', state: 'acted', dueDate: addWeeks(week(9), 2), createdWeek: week(9), acknowledgedWeek: week(7), source: 'direct', replies: [{ from: 'owner', kind: 'acted', name: 'Morgan Lee', text: 'Glad to hear it. We will keep the rota going, and everyone gets a turn before anyone goes twice.', week: week(7) }] },
    { id: 'feedback:demo-4', type: 'feedback', audience: 'leaders', topic: 'support', text: 'Could we get a shared on-call rota with Engineering? Escalations stall at night.', anonymous: false, authorId: idOf(2), authorName: 'Morgan Lee', scope: { level: 'team', teamId: 'team:demo-ops' }, teamId: 'team:demo-ops', ownerId: idOf(1), ownerName: 'Avery Okafor', state: 'closed', dueDate: addWeeks(week(30), 2), createdWeek: week(30), acknowledgedWeek: week(30), closedWeek: week(16), contributorVerdict: 'closed', source: 'direct', replies: [{ from: 'owner', kind: 'acknowledged', name: 'Avery Okafor', text: 'Good call. I will raise it with Priya this week.', week: week(30) }, { from: 'owner', kind: 'acted', name: 'Avery Okafor', text: 'You said escalations stall at night; we now share one on-call rota with Engineering.', week: week(20) }, { from: 'contributor', kind: 'confirmed', text: 'Yes, much better.', week: week(16) }] },
  ];
}

/** Who wrote each anonymous demo item: the private links delivery and "what I gave" read. */
export const DEMO_CONTACTS = [
  { feedbackId: 'feedback:demo-1', userId: idOf(22) },
  { feedbackId: 'feedback:demo-2', userId: idOf(23) },
];
