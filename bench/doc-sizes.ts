/**
 * Documents and bytes a team produces in one check-in week: seeds one tenant, opens the week's
 * rounds, delivers every prompt, has everyone answer, closes the rounds, then weighs each
 * container by document type. docs/scale.md multiplies these out per person per year.
 *   node bench/run.mjs doc-sizes [--members 200] [--teams 10]
 */
import { randomUUID } from 'node:crypto';
import type { Doc } from '../store/cosmos';
import { CONTAINERS } from '../domain/ports/store';
import { ManualClock } from '../domain/shared/clock';
import { DEFAULT_CADENCE, EMPTY_HEALTH } from '../domain/pilots';
import { PRACTICE_SEEDS } from '../domain/practices';
import { startTestApp } from '../support/app';
import { adaptiveActionActivity } from '../support/teams';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const MEMBERS = arg('--members', 200);
const TEAMS = arg('--teams', 10);

async function main() {
  const clock = new ManualClock(new Date('2027-01-04T09:00:30Z'));
  const t = await startTestApp({ clock, env: { DEMO_SIGN_IN: 'true', SEED_DEMO_DATA: 'false', BACKGROUND: 'false' } });
  const { app } = t;
  const tenantId = randomUUID();
  await app.domain.directory.ensureTenant(tenantId);
  const ref = (id: string) => ({ serviceUrl: t.connector.url, channelId: 'msteams', bot: { id: '28:bot', name: 'Leaderful' }, conversation: { id, tenantId } });
  const docs: Doc[] = [];
  const pilots: Doc[] = [];
  const users: string[][] = [];
  for (let k = 0; k < TEAMS; k++) {
    const ids = Array.from({ length: MEMBERS / TEAMS }, () => randomUUID());
    users.push(ids);
    for (const [i, userId] of ids.entries()) docs.push({ id: `member:${userId}`, tenantId, type: 'member', userId, teamsUserId: `29:${userId}`, name: `Member Name ${k}.${i}`, timeZone: 'Europe/Madrid', roles: ['member'], teamIds: [`team:${k}`], workDays: [1, 2, 3, 4, 5], personalConversation: ref(`a:${randomUUID()}`) } as Doc);
    docs.push({ id: `team:${k}`, tenantId, type: 'team', name: `Team ${k}`, kind: 'channel', memberIds: ids, conversationReference: ref(`19:${k}@thread`) } as Doc);
    pilots.push({
      id: `pilot:${k}`, tenantId, type: 'pilot', title: `Pilot ${k}`, practiceName: 'x', hypothesis: 'A hypothesis of typical length for a pilot.', successMeasures: ['m1', 'm2'], teamId: `team:${k}`, teamName: `Team ${k}`, managerId: ids[0], managerName: 'x',
      cadence: { ...DEFAULT_CADENCE, weekdays: [1], time: '09:00' }, questions: PRACTICE_SEEDS[0].questions, startDate: '2027-01-04', endDate: '2027-12-31', status: 'active', createdAt: '', updatedAt: '', health: EMPTY_HEALTH,
    } as Doc);
  }
  await app.store.bulkCreate('directory', docs);
  await app.store.bulkCreate('pilots', pilots);
  await app.background.tick();
  while (await app.background.delivery.flush()) clock.advance(2_000);
  for (const [k, ids] of users.entries()) {
    for (const userId of ids) {
      await fetch(`${app.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(adaptiveActionActivity(t.connector.url, { tenantId, userId, name: 'x' }, 'checkin.submit', { roundId: `round:pilot:${k}:2027-01-04`, confidence: '4', progress: 'A sentence or two about how the week went, of typical length.', blocker: '', autonomy: '4', workload: '3' })) }).then((r) => r.text());
    }
  }
  clock.advance(2 * 86_400_000);
  await app.background.tick();
  while (await app.background.delivery.flush()) clock.advance(2_000);
  console.log(`One check-in week of ${MEMBERS} people in ${TEAMS} teams (everyone answers):`);
  console.log('  container  | type               |  docs | bytes/doc | bytes per person');
  for (const name of CONTAINERS) {
    const all = (await app.store.dumpContainer(name)).filter((d) => d.tenantId === tenantId);
    const byType = new Map<string, number[]>();
    for (const d of all) byType.set(String(d.type), [...(byType.get(String(d.type)) ?? []), Buffer.byteLength(JSON.stringify(d))]);
    for (const [type, sizes] of byType) {
      const bytes = sizes.reduce((a, b) => a + b, 0);
      console.log(`  ${name.padEnd(10)} | ${type.padEnd(18)} | ${String(sizes.length).padStart(5)} | ${(bytes / sizes.length).toFixed(0).padStart(9)} | ${(bytes / MEMBERS).toFixed(0).padStart(8)}`);
    }
  }
  await t.stop();
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
