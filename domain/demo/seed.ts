import type { Clock } from '../shared/clock';
import { isoDay } from '../shared/clock';
import type { Doc, Store } from '../ports/store';
import type { Directory } from '../directory/directory';
import type { OrgSync } from '../org/sync';
import { effectiveRoles, type Member, type Team } from '../directory/model';
import { memberId } from '../directory/repository';
import { deriveHealth, average, type RoundFigures } from '../pilots/health';
import type { Pilot } from '../pilots/model';
import { DEFAULT_CADENCE } from '../pilots/schemas';
import type { Answer, Round } from '../checkins/model';
import { weekOf } from '../anonymity/rules';
import { builtInPractices } from '../practices/library';
import { DEMO_CONTACTS, DEMO_PILOTS, DEMO_TEAMS, DEMO_TENANT_ID, DEMO_THRESHOLD, DEMO_USERS, demoFeedback, idOf } from './demo-data';
import { DemoRepository } from './repository';

/**
 * One demo tenant so a fresh `npm start` shows a real picture: the cast of demo-data.ts with
 * weeks of check-in history. Seeding is idempotent: a marker document records that it ran, and
 * every document has a fixed id.
 */
const DAY = 86_400_000;

/** Deterministic pseudo-random numbers so every seed produces the same demo. */
function seeded(seed: number) {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) & 0x7fffffff;
    return s / 0x7fffffff;
  };
}

const clamp = (x: number) => Math.max(1, Math.min(5, Math.round(x)));

export async function seedDemoData(store: Store, directory: Directory, org: OrgSync, clock: Clock): Promise<{ seeded: boolean }> {
  const tenantId = DEMO_TENANT_ID;
  const repo = new DemoRepository(store);
  if (await repo.isSeeded(tenantId)) return { seeded: false };

  const now = clock.now();
  const { pilots, checkins } = pilotHistory(tenantId, now);
  const week = (daysAgo: number) => weekOf(new Date(now.getTime() - daysAgo * DAY));
  const feedback = demoFeedback(week).map((f) => ({ ...f, tenantId }) as Doc);
  // The private links from anonymous demo items to their authors (read only by delivery and "what I gave").
  await repo.load(
    'contacts',
    DEMO_CONTACTS.map(({ feedbackId, userId }) => ({ id: `contact:${feedbackId}`, tenantId, type: 'contact', feedbackId, userId }) as Doc),
  );

  await directory.ensureTenant(tenantId); // registers the tenant; the demo settings replace the defaults
  await repo.load('directory', directoryDocs(tenantId, now));
  await repo.load('pilots', pilots);
  await repo.load('checkins', checkins);
  await repo.load('feedback', feedback);
  // Departments, managers and team owners come from the directory (the local Graph stand-in
  // serves the demo organisation): a real sync, as in a customer's tenant.
  await org.run(tenantId, 'demo');
  await repo.markSeeded(tenantId);
  return { seeded: true };
}

/** Practices, settings, members and teams (who manages them, and where people sit, the sync says). */
function directoryDocs(tenantId: string, now: Date): Doc[] {
  const directory: Doc[] = [];
  directory.push(...builtInPractices(tenantId));
  directory.push({ id: 'settings', tenantId, type: 'settings', name: 'Contoso (demo)', anonymityThreshold: DEMO_THRESHOLD, defaultTimeZone: 'Europe/London', workDays: [1, 2, 3, 4, 5] } as Doc);

  for (const u of DEMO_USERS) {
    const teamIds = DEMO_TEAMS.filter((t) => t.members.some((m) => idOf(m) === u.id) || idOf(t.manager) === u.id).map((t) => t.id);
    const member: Member = {
      id: memberId(u.id),
      tenantId,
      type: 'member',
      userId: u.id,
      name: u.name,
      timeZone: u.timeZone,
      // Their app roles in Entra ID, as their last sign-in would have recorded them (for the bot).
      roles: effectiveRoles(u.roles),
      ...(u.roles.length ? { entraRoles: { roles: u.roles, verifiedAt: now.toISOString() } } : {}),
      teamIds,
      workDays: [1, 2, 3, 4, 5],
    };
    directory.push(member);
  }
  for (const t of DEMO_TEAMS) {
    const team: Team = {
      id: t.id,
      tenantId,
      type: 'team',
      name: t.name,
      kind: 'channel',
      department: t.department,
      aadGroupId: t.aadGroupId,
      memberIds: t.members.map(idOf),
    };
    directory.push(team);
  }

  return directory;
}

/** Each demo pilot with its closed rounds and answers, shaped by its trend. */
function pilotHistory(tenantId: string, now: Date): { pilots: Doc[]; checkins: Doc[] } {
  const pilots: Doc[] = [];
  const checkins: Doc[] = [];
  const practices = builtInPractices(tenantId);
  DEMO_PILOTS.forEach((p, index) => {
    const rand = seeded(index + 7);
    const team = DEMO_TEAMS[p.team];
    const practice = practices.find((x) => x.id === `practice:${p.practice}`)!;
    const start = new Date(now.getTime() - (p.weeks * 7 + 2) * DAY);
    const pilotId = `pilot:demo-${p.key}`;
    const figures: RoundFigures[] = [];
    for (let w = 0; w < p.weeks; w++) {
      const opensAt = new Date(start.getTime() + (w * 7 + 1) * DAY);
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
          answeredAt: new Date(opensAt.getTime() + rand() * DAY).toISOString(),
        };
        checkins.push(answer);
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
        closesAt: new Date(opensAt.getTime() + DAY).toISOString(),
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
      checkins.push(round);
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
      endDate: isoDay(new Date(start.getTime() + Math.max(p.weeks, 6) * 7 * DAY + 7 * DAY)),
      status: p.status,
      learning: p.learning,
      createdAt: start.toISOString(),
      updatedAt: new Date(now.getTime() - index * 3600_000).toISOString(),
      health: deriveHealth(figures, openFeedback, openFeedback ? 19 : 0),
      roundFigures: figures,
      rota: { order: team.members.map(idOf), last: p.weeks > 0 ? (p.weeks - 1) % team.members.length : -1 },
    };
    pilots.push(pilot);
  });

  return { pilots, checkins };
}
