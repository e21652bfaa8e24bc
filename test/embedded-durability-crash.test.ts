import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { outboxId, type OutboxItem } from '../domain/outbox';
import type { Doc } from '../domain/ports/store';
import { startTestApp } from '../support/app';
import { startAppProcess, type AppProcess } from '../support/app-process';
import { TestConnector } from '../support/connector';
import { GraphStandIn } from '../support/graph/stand-in';
import { TEST_APP_CLIENT_ID, TEST_APP_ID_URI, TestIdentityProvider } from '../support/identity-provider';
import { adaptiveActionActivity, installInTeamActivity, rosterOf, type TeamsUser } from '../support/teams';

/**
 * The crash test: the built app runs in its own process with the embedded store keeping its data
 * on disk, under a write load through its public surfaces — pilots created and launched and
 * preferences set through the tab API (SSO tokens), feedback given, check-ins answered through
 * the bot endpoint (Teams-shaped invokes), and check-in prompts claimed from the outbox and sent
 * to the Bot Connector (this test stands in for it). It is killed with SIGKILL at random moments
 * (sometimes the app alone, sometimes with its store process, as a power cut would; sometimes
 * while it is still starting, loading or compacting) and started again, many times. Then the data
 * folder is opened once more and every acknowledged write must be there, once and whole.
 *
 * Needs `npm run build` (it runs dist/server/main.js, like production).
 */
const KILLS = 22;
jest.setTimeout(600_000); // ~90 s on an idle 2-core machine; much longer when it is shared

const DAY = 86_400_000;
const ZONES = ['Asia/Tokyo', 'Europe/Madrid', 'UTC', 'Asia/Kolkata', 'Australia/Sydney'];

type Outcome = 'acked' | 'unknown';
interface Attempt<T> {
  value: T;
  outcome: Outcome;
}

/** What the test asked for and what the app acknowledged. */
class Ledger {
  readonly pilots = new Map<string, { outcome: Outcome; id?: string; launched: Outcome | 'not tried' }>();
  readonly feedback = new Map<string, { outcome: Outcome; id?: string; author: string; acknowledged: Outcome | 'not tried' }>();
  readonly zones = new Map<string, Attempt<string>[]>();
  readonly answers = new Map<string, Attempt<number>[]>();

  attempt<T>(map: Map<string, Attempt<T>[]>, key: string, value: T): Attempt<T> {
    const a: Attempt<T> = { value, outcome: 'unknown' };
    map.set(key, [...(map.get(key) ?? []), a]);
    return a;
  }
}

/** Values a last-writer-wins field may hold: the last acknowledged one or any attempted after it. */
function allowedFinal<T>(attempts: Attempt<T>[], initial: T | undefined): T[] {
  const lastAck = attempts.map((a) => a.outcome).lastIndexOf('acked');
  const before = lastAck >= 0 ? [attempts[lastAck].value] : initial === undefined ? [] : [initial];
  return [...before, ...attempts.slice(lastAck + 1).map((a) => a.value)];
}

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));
const between = (lo: number, hi: number) => lo + Math.random() * (hi - lo);

test(`SIGKILL ${KILLS} times at random moments under a write load: every acknowledged write is there, once, whole`, async () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'leaderful-crash-'));
  const idp = await new TestIdentityProvider().start();
  const connector = await new TestConnector().start();
  const tenantId = randomUUID();
  const person = (name: string): TeamsUser => ({ tenantId, userId: randomUUID(), name });
  const manager = person('Maria Manager');
  const members = Array.from({ length: 6 }, (_, i) => person(`Member ${i + 1}`));
  const tokens = new Map<string, string>();
  for (const u of [manager, ...members]) tokens.set(u.userId, await idp.token({ tid: tenantId, oid: u.userId, name: u.name, expiresInSeconds: 3 * 3600 }));
  connector.members = rosterOf(tenantId, [manager, ...members]);
  const teamsTeamId = `19:${randomUUID()}@thread.tacv2`;
  // Microsoft Graph says who owns the team (its manager).
  const graph = await new GraphStandIn(randomUUID()).start();
  const aadGroupId = randomUUID();
  graph.tenant(tenantId).teams.set(aadGroupId, [{ userId: manager.userId, owner: true }, ...members.map((m) => ({ userId: m.userId }))]);
  const today = new Date().toISOString().slice(0, 10);
  const env = {
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    DATA_DIR: dataDir,
    EMBEDDED_SNAPSHOT: 'true',
    // Small, so that snapshots are written (and interrupted) again and again during the run.
    EMBEDDED_COSMOS_COMPACT_BYTES: String(96 * 1024),
    BACKGROUND: 'true',
    SEED_DEMO_DATA: 'false',
    AAD_APP_CLIENT_ID: TEST_APP_CLIENT_ID,
    AAD_APP_ID_URI: TEST_APP_ID_URI,
    AAD_JWKS_URI: idp.jwksUri,
    AAD_AUTHORITY_HOST: idp.authorityHost,
    PUBLIC_URL: 'https://leaderful.test',
    RATE_LIMIT_API_PER_MINUTE: '100000',
    RATE_LIMIT_FEEDBACK_PER_HOUR: '10000',
    GRAPH_ENDPOINT: graph.url,
    GRAPH_LOCAL_TOKEN: graph.secret,
    GRAPH_LOCAL_CA: graph.ca,
  };

  let url = '';
  const call = async (as: TeamsUser, p: string, method: string, body?: unknown) => {
    const res = await fetch(`${url}${p}`, {
      method,
      headers: { authorization: `Bearer ${tokens.get(as.userId)}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(30_000),
    });
    return { status: res.status, body: (await res.json().catch(() => undefined)) as any };
  };
  const invoke = async (activity: unknown) => {
    const res = await fetch(`${url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(activity), signal: AbortSignal.timeout(30_000) });
    return { status: res.status, body: (await res.json().catch(() => undefined)) as any };
  };
  const pilotBody = (title: string) => ({
    title,
    hypothesis: 'If every write is journaled, a crash loses nothing anyone was told was saved.',
    successMeasures: ['Nothing acknowledged is lost'],
    teamId: `team:${teamsTeamId}`,
    cadence: { weekdays: [0, 1, 2, 3, 4, 5, 6], time: '00:00', everyWeeks: 1, reminderHours: 0, roundHours: 48 },
    questions: [{ id: 'confidence', kind: 'scale', text: 'Confidence?' }],
    startDate: today,
    endDate: new Date(Date.now() + 30 * DAY).toISOString().slice(0, 10),
  });
  /** Check-in prompts the connector received: round and person, and how many times each. */
  const prompts = () => {
    const seen = new Map<string, { roundId: string; userId: string; sends: number }>();
    for (const a of connector.received) {
      const json = JSON.stringify(a.activity);
      const round = /"verb":"checkin\.submit"[^}]*?"data":\{"roundId":"(round:[^"]+)"/.exec(json);
      const member = connector.personalChats.get(a.conversationId);
      if (!round || !member || a.method !== 'POST') continue;
      const userId = member.replace(/^29:/, '');
      const key = `${round[1]}|${userId}`;
      const entry = seen.get(key) ?? { roundId: round[1], userId, sends: 0 };
      entry.sends += 1;
      seen.set(key, entry);
    }
    return seen;
  };

  const ledger = new Ledger();
  let app: AppProcess | undefined;
  try {
    // Set-up, with nobody killing anything: the bot in a team, everyone working every day.
    app = startAppProcess(env);
    url = await app.ready;
    expect((await invoke(installInTeamActivity(connector.url, manager, { teamsTeamId, name: 'Crash team', aadGroupId }))).status).toBe(200);
    for (const m of members) expect((await call(m, '/api/me/preferences', 'PUT', { workDays: [0, 1, 2, 3, 4, 5, 6] })).status).toBe(200);
    // A pilot with a check-in open today. The scheduler's first pass comes a second after start:
    // restart so that it opens the round, and wait until everyone has their prompt.
    const first = await call(manager, '/api/pilots', 'POST', pilotBody('Crash pilot 0'));
    expect(first.status).toBe(201);
    expect((await call(manager, `/api/pilots/${encodeURIComponent(first.body.pilot.id)}/launch`, 'POST')).status).toBe(200);
    ledger.pilots.set('Crash pilot 0', { outcome: 'acked', id: first.body.pilot.id, launched: 'acked' });
    let serial = 0;
    await app.stop();
    app = startAppProcess(env);
    url = await app.ready;
    while (new Set([...prompts().values()].map((p) => p.userId)).size < members.length) await pause(50);

    const load = (stop: () => boolean): Promise<unknown>[] => {
      // The manager creates pilots (launching every third: each launch means a check-in round and
      // prompts to claim and send) and acknowledges feedback (each means a message to its author).
      const managerWork = async () => {
        for (let step = 0; !stop(); step++) {
          const unacknowledged = [...ledger.feedback.values()].find((e) => e.outcome === 'acked' && e.acknowledged === 'not tried');
          if (step % 2 && unacknowledged) {
            unacknowledged.acknowledged = 'unknown';
            const res = await call(manager, `/api/feedback/${encodeURIComponent(unacknowledged.id!)}/acknowledge`, 'POST', {}).catch(() => undefined);
            if (res?.status === 200 && res.body.item.state === 'acknowledged') unacknowledged.acknowledged = 'acked';
            continue;
          }
          const title = `Crash pilot ${++serial}`;
          const entry: { outcome: Outcome; id?: string; launched: Outcome | 'not tried' } = { outcome: 'unknown', launched: 'not tried' };
          ledger.pilots.set(title, entry);
          const created = await call(manager, '/api/pilots', 'POST', pilotBody(title)).catch(() => undefined);
          if (created?.status !== 201) continue;
          entry.outcome = 'acked';
          entry.id = created.body.pilot.id;
          if (serial % 3) continue;
          entry.launched = 'unknown';
          const launched = await call(manager, `/api/pilots/${encodeURIComponent(entry.id!)}/launch`, 'POST').catch(() => undefined);
          if (launched?.status === 200) entry.launched = 'acked';
        }
      };
      const memberWork = async (m: TeamsUser, index: number) => {
        for (let step = index; !stop(); step++) {
          if (step % 3 === 0) {
            const a = ledger.attempt(ledger.zones, m.userId, ZONES[step % ZONES.length]);
            const res = await call(m, '/api/me/preferences', 'PUT', { timeZone: a.value }).catch(() => undefined);
            if (res?.status === 200 && res.body.preferences.timeZone === a.value) a.outcome = 'acked';
          } else if (step % 3 === 1) {
            const text = `Crash feedback ${++serial} from ${m.name}: the journal keeps what was acknowledged.`;
            const entry = { outcome: 'unknown' as Outcome, id: undefined as string | undefined, author: m.userId, acknowledged: 'not tried' as Outcome | 'not tried' };
            ledger.feedback.set(text, entry);
            const res = await call(m, '/api/feedback', 'POST', { audience: 'manager', topic: 'workload', text, anonymous: false }).catch(() => undefined);
            if (res?.status === 201) Object.assign(entry, { outcome: 'acked', id: res.body.item.id });
          } else {
            const mine = [...prompts().values()].filter((p) => p.userId === m.userId).at(-1);
            if (!mine) continue;
            const a = ledger.attempt(ledger.answers, `${mine.roundId}|${m.userId}`, 1 + (step % 5));
            const res = await invoke(adaptiveActionActivity(connector.url, m, 'checkin.submit', { roundId: mine.roundId, confidence: String(a.value) })).catch(() => undefined);
            const card = JSON.stringify(res?.body ?? {});
            if (res?.status === 200 && card.includes('Here is what you said') && card.includes('You can edit until') && card.includes(`"value":"${a.value}"`)) a.outcome = 'acked';
          }
        }
      };
      return [managerWork(), ...members.map((m, i) => memberWork(m, i))];
    };

    // The crashes.
    let restarts = 0;
    for (let kill = 0; kill < KILLS; kill++) {
      if (kill > 0) app = startAppProcess(env);
      let stopped = false;
      let workers: Promise<unknown>[] = [];
      if (kill > 0 && Math.random() < 0.25) {
        // Killed while starting: loading the snapshot, replaying the journal, connecting.
        await Promise.race([pause(between(50, 1500)), app.exited]);
      } else {
        url = await app.ready;
        if (kill > 0) restarts += 1;
        workers = load(() => stopped);
        await pause(between(300, 3200));
      }
      stopped = true;
      await app.kill(Math.random() < 0.5 ? 'group' : 'app');
      await Promise.all(workers);
      const { signal, code } = await app.exited;
      // It never stops on its own: a restart after a crash must always come up.
      if (signal !== 'SIGKILL') throw new Error(`The app exited by itself (code ${code}): ${app.stderr()}`);
    }
    expect(restarts).toBeGreaterThan(KILLS / 2);

    // Snapshots were written (and interrupted) along the way, not just the journal.
    expect(existsSync(path.join(dataDir, 'cosmos', 'snapshot.db'))).toBe(true);

    // Open the data folder once more (in this process, to read the store directly).
    const t = await startTestApp({ connector, env: { DATA_DIR: dataDir, EMBEDDED_SNAPSHOT: 'true', SEED_DEMO_DATA: 'false' } });
    try {
      const store = t.app.store;
      const all = <T>(container: Parameters<typeof store.all>[0], type: string) =>
        store.all<T & Doc>(container, tenantId, 'SELECT * FROM c WHERE c.tenantId = @tenantId AND c.type = @type', { type });

      // Pilots: every acknowledged one once, whole, launched if the launch was acknowledged.
      const pilots = await all<{ title: string; status: string; hypothesis: string; teamId: string }>('pilots', 'pilot');
      const acked = [...ledger.pilots].filter(([, e]) => e.outcome === 'acked');
      expect(acked.length).toBeGreaterThan(0);
      for (const [title, e] of ledger.pilots) {
        const found = pilots.filter((p) => p.title === title);
        expect(found.length).toBeLessThanOrEqual(1);
        if (e.outcome !== 'acked') continue;
        expect(found).toHaveLength(1);
        expect(found[0]).toMatchObject({ id: e.id, hypothesis: pilotBody(title).hypothesis, teamId: `team:${teamsTeamId}` });
        if (e.launched === 'acked') expect(found[0].status).toBe('active');
      }
      expect(pilots.every((p) => ledger.pilots.has(p.title))).toBe(true);

      // Feedback: every acknowledged item once, whole, from its author; an acknowledgement the
      // manager was told of is recorded, and so is the message to the author it queued.
      const items = await all<{ text: string; authorId: string; state: string; audience: string }>('feedback', 'feedback');
      expect([...ledger.feedback.values()].filter((e) => e.outcome === 'acked').length).toBeGreaterThan(0);
      expect([...ledger.feedback.values()].filter((e) => e.acknowledged === 'acked').length).toBeGreaterThan(0);
      for (const [text, e] of ledger.feedback) {
        const found = items.filter((i) => i.text === text);
        expect(found.length).toBeLessThanOrEqual(1);
        if (e.outcome !== 'acked') continue;
        expect(found).toHaveLength(1);
        expect(found[0]).toMatchObject({ id: e.id, authorId: e.author, audience: 'manager' });
        expect(e.acknowledged === 'acked' ? ['acknowledged'] : e.acknowledged === 'unknown' ? ['open', 'acknowledged'] : ['open']).toContain(found[0].state);
        const message = await store.read<OutboxItem>('outbox', tenantId, outboxId(tenantId, `feedback:${e.id}:0`));
        if (e.acknowledged === 'acked') expect(message).toMatchObject({ kind: 'feedback_update', target: { kind: 'user', userId: e.author } });
        if (e.acknowledged === 'not tried') expect(message).toBeUndefined();
      }

      // Preferences: the last acknowledged time zone (or one asked for after it); work days kept.
      const people = await all<{ userId: string; timeZone: string; workDays: number[] }>('directory', 'member');
      for (const m of members) {
        const doc = people.find((p) => p.userId === m.userId)!;
        expect(doc.workDays).toEqual([0, 1, 2, 3, 4, 5, 6]);
        expect(allowedFinal(ledger.zones.get(m.userId) ?? [], 'UTC')).toContain(doc.timeZone);
      }
      expect([...ledger.zones.values()].flat().filter((a) => a.outcome === 'acked').length).toBeGreaterThan(0);

      // Check-in answers: the last acknowledged value (or one sent after it), one answer per person and round.
      const answers = await all<{ roundId: string; userId: string; values: { confidence: number } }>('checkins', 'answer');
      expect([...ledger.answers.values()].flat().filter((a) => a.outcome === 'acked').length).toBeGreaterThan(0);
      for (const [key, attempts] of ledger.answers) {
        const [roundId, userId] = key.split('|');
        const found = answers.filter((a) => a.roundId === roundId && a.userId === userId);
        expect(found.length).toBeLessThanOrEqual(1);
        if (!attempts.some((a) => a.outcome === 'acked')) continue;
        expect(found).toHaveLength(1);
        expect(allowedFinal(attempts, undefined)).toContain(found[0].values.confidence);
      }

      // Outbox claims: a message is claimed (ETag, attempts + 1) before it is sent, so every send
      // the connector received stands for an acknowledged claim: prompts one by one, and per
      // person, no more messages than claims.
      const sent = [...prompts().values()];
      expect(sent.length).toBeGreaterThan(0);
      for (const p of sent) {
        const item = await store.read<OutboxItem>('outbox', tenantId, outboxId(tenantId, `prompt:${p.roundId}:${p.userId}`));
        expect(item).toBeDefined();
        expect(['sending', 'sent']).toContain(item!.status);
        expect(item!.attempts).toBeGreaterThanOrEqual(p.sends);
      }
      const outbox = await all<OutboxItem>('outbox', 'outbox');
      let personalSends = 0;
      for (const m of [manager, ...members]) {
        const chats = [...connector.personalChats].filter(([, member]) => member === `29:${m.userId}`).map(([id]) => id);
        const received = connector.received.filter((a) => a.method === 'POST' && chats.includes(a.conversationId)).length;
        const claims = outbox.filter((o) => o.target.kind === 'user' && o.target.userId === m.userId).reduce((n, o) => n + o.attempts, 0);
        expect(claims).toBeGreaterThanOrEqual(received);
        personalSends += received;
      }
      const count = (list: { outcome: Outcome }[]) => `${list.filter((a) => a.outcome === 'acked').length}/${list.length}`;
      console.info(
        `${KILLS} kills (${KILLS - restarts - 1} while starting), acknowledged/attempted: pilots ${count([...ledger.pilots.values()])}, ` +
          `feedback ${count([...ledger.feedback.values()])}, time zones ${count([...ledger.zones.values()].flat())}, ` +
          `answers ${count([...ledger.answers.values()].flat())}, feedback acknowledgements ${count([...ledger.feedback.values()].filter((e) => e.acknowledged !== 'not tried').map((e) => ({ outcome: e.acknowledged as Outcome })))}; ` +
          `messages claimed and sent ${personalSends} (check-in prompts ${sent.length}); documents restored ${t.app.embedded?.restored?.documents}`,
      );
    } finally {
      await t.stop();
    }
  } finally {
    await app?.kill('group');
    await connector.stop();
    await graph.stop();
    await idp.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
});
