import type { Doc, Store } from '../ports/store';
import type { Clock } from '../shared/clock';
import { isoDay } from '../shared/clock';
import type { Directory } from '../directory/directory';
import { deriveHealth, average, type RoundFigures } from '../pilots/health';
import type { Answer, Round } from '../checkins/model';
import type { FeedbackItem } from '../feedback/model';
import type { Member, Team } from '../directory/model';
import type { Pilot, PilotStatus } from '../pilots/model';
import type { Role } from '../shared/caller';
import { addWeeks, weekOf } from '../anonymity/rules';
import { builtInPractices } from '../practices/library';
import { DEFAULT_CADENCE } from '../pilots/schemas';

/**
 * One demo tenant so a fresh `npm start` shows a real picture: teams, managers, a senior leader,
 * pilots in every state with weeks of check-in history, and feedback. Seeding is idempotent: a
 * marker document records that it ran, and every document has a fixed id.
 */
export const DEMO_TENANT_ID = '8d3e2a1c-0000-4000-8000-00000000d3e0';

interface DemoUser {
  id: string;
  name: string;
  roles: Role[];
  timeZone: string;
  department: string;
}

const user = (n: number, name: string, roles: Role[], timeZone: string, department: string): DemoUser => ({
  id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
  name,
  roles,
  timeZone,
  department,
});

export const DEMO_USERS: DemoUser[] = [
  user(1, 'Avery Okafor', ['leader'], 'Europe/London', 'Operations'),
  user(2, 'Morgan Lee', ['manager'], 'Europe/London', 'Operations'),
  user(3, 'Jordan Silva', ['manager'], 'America/New_York', 'Customer Care'),
  user(4, 'Priya Raman', ['manager'], 'Asia/Kolkata', 'Engineering'),
  user(5, 'Alex Kim', ['admin', 'leader'], 'Europe/Berlin', 'People'),
  ...['Sam Taylor', 'Riley Chen', 'Casey Moreau', 'Drew Patel', 'Quinn Adeyemi', 'Robin Novak'].map((n, i) =>
    user(10 + i, n, ['member'], ['Europe/London', 'Europe/Madrid', 'Europe/Paris'][i % 3], 'Operations'),
  ),
  ...['Jamie Rossi', 'Kai Müller', 'Noor Haddad', 'Lee Wong', 'Mika Tanaka', 'Sasha Ivanova'].map((n, i) =>
    user(20 + i, n, ['member'], ['America/New_York', 'America/Chicago', 'America/Los_Angeles'][i % 3], 'Customer Care'),
  ),
  ...['Ana Souza', 'Ravi Iyer', 'Zoe Martin', 'Omar Farouk', 'Ines García'].map((n, i) =>
    user(30 + i, n, ['member'], ['Asia/Kolkata', 'Europe/Madrid'][i % 2], 'Engineering'),
  ),
];

const TEAMS = [
  { id: 'team:demo-ops', name: 'Operations — Service Desk', manager: 2, members: [10, 11, 12, 13, 14, 15], department: 'Operations' },
  { id: 'team:demo-care', name: 'Customer Care — Americas', manager: 3, members: [20, 21, 22, 23, 24, 25], department: 'Customer Care' },
  { id: 'team:demo-eng', name: 'Engineering — Platform', manager: 4, members: [30, 31, 32, 33, 34], department: 'Engineering' },
];

const idOf = (n: number) => DEMO_USERS.find((u) => u.id.endsWith(String(n).padStart(12, '0')))!.id;

interface DemoPilot {
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

const PILOTS: DemoPilot[] = [
  { key: 'facilitator', practice: 'rotating-facilitator', title: 'Rotate who runs our Monday stand-up', team: 0, status: 'active', weeks: 5, trend: 'rising' },
  { key: 'decisions', practice: 'delegated-decisions', title: 'Let the desk decide refunds under £200', team: 0, status: 'draft', weeks: 0, trend: 'steady' },
  { key: 'retro', practice: 'weekly-retro', title: 'Friday 30-minute retro', team: 1, status: 'active', weeks: 6, trend: 'falling-autonomy' },
  { key: 'focus', practice: 'no-meeting-focus', title: 'Meeting-free Wednesday mornings', team: 1, status: 'paused', weeks: 3, trend: 'overloaded' },
  { key: 'coaching', practice: 'peer-coaching', title: 'Peer coaching trios', team: 2, status: 'in_review', weeks: 8, trend: 'steady' },
  { key: 'ysywd', practice: 'you-said-we-did', title: 'Monthly “you said, we did”', team: 2, status: 'adopted', weeks: 8, trend: 'rising', learning: 'People gave twice as much feedback once they saw it acted on. Keep it monthly, not weekly.' },
  { key: 'log', practice: 'decision-log', title: 'Decision log for platform changes', team: 2, status: 'adapted', weeks: 6, trend: 'steady', learning: 'The log helped, but only for big decisions: we now log those alone.' },
  { key: 'recognition', practice: 'recognition-round', title: 'Friday recognition round', team: 0, status: 'stopped', weeks: 4, trend: 'steady', learning: 'Felt forced in a team this size; we moved recognition into the retro.' },
];

/** Deterministic pseudo-random numbers so every seed produces the same demo. */
function seeded(seed: number) {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) & 0x7fffffff;
    return s / 0x7fffffff;
  };
}

const DEMO_THRESHOLD = 5;
const clamp = (x: number) => Math.max(1, Math.min(5, Math.round(x)));

export async function seedDemoData(store: Store, directory: Directory, clock: Clock): Promise<{ seeded: boolean }> {
  const tenantId = DEMO_TENANT_ID;
  const marker = await store.read<Doc>('directory', tenantId, 'demo-seed:v1');
  if (marker) return { seeded: false };

  const now = clock.now();
  const day = 86_400_000;
  const docs: Record<'directory' | 'pilots' | 'checkins' | 'feedback', Doc[]> = { directory: [], pilots: [], checkins: [], feedback: [] };

  docs.directory.push(...builtInPractices(tenantId));
  docs.directory.push({ id: 'settings', tenantId, type: 'settings', name: 'Contoso (demo)', anonymityThreshold: DEMO_THRESHOLD, defaultTimeZone: 'Europe/London' } as Doc);

  for (const u of DEMO_USERS) {
    const teamIds = TEAMS.filter((t) => t.members.some((m) => idOf(m) === u.id) || idOf(t.manager) === u.id).map((t) => t.id);
    const member: Member = {
      id: `member:${u.id}`,
      tenantId,
      type: 'member',
      userId: u.id,
      name: u.name,
      timeZone: u.timeZone,
      roles: u.roles,
      teamIds,
      department: u.department,
      managerId: TEAMS.find((t) => t.members.some((m) => idOf(m) === u.id)) ? idOf(TEAMS.find((t) => t.members.some((m) => idOf(m) === u.id))!.manager) : undefined,
      workDays: [1, 2, 3, 4, 5],
    };
    docs.directory.push(member);
  }
  for (const t of TEAMS) {
    const team: Team = {
      id: t.id,
      tenantId,
      type: 'team',
      name: t.name,
      kind: 'channel',
      department: t.department,
      managerId: idOf(t.manager),
      memberIds: t.members.map(idOf),
    };
    docs.directory.push(team);
  }

  const practices = builtInPractices(tenantId);
  PILOTS.forEach((p, index) => {
    const rand = seeded(index + 7);
    const team = TEAMS[p.team];
    const practice = practices.find((x) => x.id === `practice:${p.practice}`)!;
    const start = new Date(now.getTime() - (p.weeks * 7 + 2) * day);
    const pilotId = `pilot:demo-${p.key}`;
    const figures: RoundFigures[] = [];
    for (let w = 0; w < p.weeks; w++) {
      const opensAt = new Date(start.getTime() + (w * 7 + 1) * day);
      const roundId = `round:${pilotId}:${isoDay(opensAt)}`;
      const memberIds = team.members.map(idOf);
      const answerRate = p.trend === 'overloaded' ? 0.95 - w * 0.2 : 0.85 + rand() * 0.15;
      const answered = memberIds.filter(() => rand() < answerRate);
      const confidences: number[] = [];
      const autonomies: number[] = [];
      const workloads: number[] = [];
      for (const userId of answered) {
        const base = p.trend === 'rising' ? 2.5 + w * 0.4 : 3.3;
        const confidence = clamp(base + (rand() - 0.5) * 1.5);
        const autonomy = clamp((p.trend === 'falling-autonomy' ? 4.2 - w * 0.45 : 3.8) + (rand() - 0.5));
        const workload = clamp((p.trend === 'overloaded' ? 2.6 - w * 0.4 : 3.6) + (rand() - 0.5));
        confidences.push(confidence);
        autonomies.push(autonomy);
        workloads.push(workload);
        const answer: Answer = {
          id: `answer:${roundId}:${userId}`,
          tenantId,
          type: 'answer',
          pilotId,
          roundId,
          userId,
          values: { confidence, autonomy, workload, progress: 'Demo answer', blocker: '' },
          shareAnonymously: false,
          answeredAt: new Date(opensAt.getTime() + rand() * day).toISOString(),
        };
        docs.checkins.push(answer);
      }
      const round: Round = {
        id: roundId,
        tenantId,
        type: 'round',
        pilotId,
        teamId: team.id,
        date: isoDay(opensAt),
        number: w + 1,
        opensAt: opensAt.toISOString(),
        closesAt: new Date(opensAt.getTime() + day).toISOString(),
        facilitatorId: memberIds[w % memberIds.length],
        invited: memberIds,
        schedule: {},
        prompted: memberIds,
        reminded: [],
        answered,
        status: 'closed',
      };
      const shown = answered.length >= DEMO_THRESHOLD;
      round.figures = { date: round.date, invited: memberIds.length, answered: answered.length, confidence: shown ? average(confidences) : null, autonomy: shown ? average(autonomies) : null, workload: shown ? average(workloads) : null };
      docs.checkins.push(round);
      figures.push(round.figures);
    }
    const openFeedback = p.key === 'retro' ? 2 : 0;
    const pilot: Pilot = {
      id: pilotId,
      tenantId,
      type: 'pilot',
      title: p.title,
      practiceId: practice.id,
      practiceName: practice.name,
      hypothesis: `If we try “${practice.name.toLowerCase()}”, then ${practice.why.charAt(0).toLowerCase()}${practice.why.slice(1)}`,
      successMeasures: practice.measures,
      teamId: team.id,
      teamName: team.name,
      managerId: idOf(team.manager),
      managerName: DEMO_USERS.find((u) => u.id === idOf(team.manager))!.name,
      cadence: DEFAULT_CADENCE,
      questions: practice.questions,
      startDate: isoDay(start),
      endDate: isoDay(new Date(start.getTime() + Math.max(p.weeks, 6) * 7 * day + 7 * day)),
      status: p.status,
      learning: p.learning,
      createdAt: start.toISOString(),
      updatedAt: new Date(now.getTime() - index * 3600_000).toISOString(),
      health: deriveHealth(figures, openFeedback, openFeedback ? 19 : 0),
      roundFigures: figures,
      rota: { order: team.members.map(idOf), last: p.weeks > 0 ? (p.weeks - 1) % team.members.length : -1 },
    };
    docs.pilots.push(pilot);
  });

  // Feedback carries weeks, never exact times (see domain/anonymity); anonymous items name no author.
  const week = (daysAgo: number) => weekOf(new Date(now.getTime() - daysAgo * day));
  const care = { level: 'team' as const, teamId: 'team:demo-care' };
  const feedback: Omit<FeedbackItem, 'tenantId'>[] = [
    { id: 'feedback:demo-1', type: 'feedback', audience: 'manager', topic: 'autonomy', text: 'The retro actions are decided before we meet. It would help to choose them together.', anonymous: true, scope: care, teamId: 'team:demo-care', pilotId: 'pilot:demo-retro', ownerId: idOf(3), ownerName: 'Jordan Silva', state: 'open', dueDate: addWeeks(week(19), 2), createdWeek: week(19), source: 'direct', replies: [] },
    { id: 'feedback:demo-2', type: 'feedback', audience: 'leaders', topic: 'workload', text: 'Queue volume doubled this quarter; retros get skipped when we are short-staffed.', anonymous: true, scope: care, teamId: 'team:demo-care', pilotId: 'pilot:demo-retro', state: 'open', dueDate: addWeeks(week(12), 2), createdWeek: week(12), source: 'direct', replies: [] },
    { id: 'feedback:demo-3', type: 'feedback', audience: 'manager', topic: 'practice', text: 'Facilitating the stand-up was a great stretch for me, thanks!', anonymous: false, authorId: idOf(11), authorName: 'Riley Chen', scope: { level: 'team', teamId: 'team:demo-ops' }, teamId: 'team:demo-ops', pilotId: 'pilot:demo-facilitator', ownerId: idOf(2), ownerName: 'Morgan Lee', state: 'acted', dueDate: addWeeks(week(9), 2), createdWeek: week(9), acknowledgedWeek: week(7), source: 'direct', replies: [{ from: 'owner', kind: 'acted', name: 'Morgan Lee', text: 'Glad to hear it. We will keep the rota going, and everyone gets a turn before anyone goes twice.', week: week(7) }] },
    { id: 'feedback:demo-4', type: 'feedback', audience: 'leaders', topic: 'support', text: 'Could we get a shared on-call rota with Engineering? Escalations stall at night.', anonymous: false, authorId: idOf(2), authorName: 'Morgan Lee', scope: { level: 'team', teamId: 'team:demo-ops' }, teamId: 'team:demo-ops', ownerId: idOf(1), ownerName: 'Avery Okafor', state: 'closed', dueDate: addWeeks(week(30), 2), createdWeek: week(30), acknowledgedWeek: week(30), closedWeek: week(16), contributorVerdict: 'closed', source: 'direct', replies: [{ from: 'owner', kind: 'acknowledged', name: 'Avery Okafor', text: 'Good call. I will raise it with Priya this week.', week: week(30) }, { from: 'owner', kind: 'acted', name: 'Avery Okafor', text: 'You said escalations stall at night; we now share one on-call rota with Engineering.', week: week(20) }, { from: 'contributor', kind: 'confirmed', text: 'Yes, much better.', week: week(16) }] },
  ];
  docs.feedback.push(...feedback.map((f) => ({ ...f, tenantId }) as Doc));
  // The private links from anonymous demo items to their authors (read only by delivery and "what I gave").
  await store.bulkCreate('contacts', [
    { id: 'contact:feedback:demo-1', tenantId, type: 'contact', feedbackId: 'feedback:demo-1', userId: idOf(22) } as Doc,
    { id: 'contact:feedback:demo-2', tenantId, type: 'contact', feedbackId: 'feedback:demo-2', userId: idOf(23) } as Doc,
  ]);

  await directory.ensureTenant(tenantId); // registers the tenant; the demo settings replace the defaults
  for (const [name, list] of Object.entries(docs) as [keyof typeof docs, Doc[]][]) await store.bulkCreate(name, list);
  await store.createOnce('directory', { id: 'demo-seed:v1', tenantId, type: 'marker' });
  return { seeded: true };
}
