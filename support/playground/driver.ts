import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Answer } from '../../domain/checkins';
import type { Pilot } from '../../domain/pilots';
import { ManualClock } from '../../domain/shared/clock';
import { WARN, startTestApp, type LogLine, type TestApp } from '../app';
import { PLAYGROUND_PEOPLE, PLAYGROUND_TEAM, PLAYGROUND_USER, Playground, textOf, type Exchange, type Logged } from './client';

/**
 * Uses the bot through the Agents Playground as a new user would, step by step, and writes
 * what each step saw to a JSON file for the test to judge. Runs inside a private network
 * namespace, where the app, the playground and Chromium share a loopback and nothing else:
 *
 *   node dist/playground/driver.js <results.json>
 *
 * The app runs on a clock the driver moves, so check-in days come when the scenario wants them.
 */
export interface StepResult {
  name: string;
  observed?: Record<string, unknown>;
  error?: string;
  screenshot?: string;
}

export interface PlaygroundRun {
  /** Why the run could not start (the playground, its page or Chromium), if it could not. */
  error?: string;
  steps: StepResult[];
  /** Every warning the app logged during the run. */
  warnings: LogLine[];
}

// Monday. The pilot form's defaults then start next Monday and check in on Fridays at 10:00.
const clock = new ManualClock(new Date('2027-01-04T08:00:00Z'));
const CHECKIN_FRIDAY = '2027-01-15T12:00:00Z';

const repliesText = (x: Exchange) => x.replies.map((r) => textOf(r.body)).join('\n---\n');

/** The value a card's input (by id) starts with, anywhere in an invoke's response. */
function inputValue(value: unknown, id: string): unknown {
  if (Array.isArray(value)) return value.map((v) => inputValue(v, id)).find((v) => v !== undefined);
  if (!value || typeof value !== 'object') return undefined;
  const o = value as Record<string, unknown>;
  if (o.id === id && typeof o.type === 'string' && o.type.startsWith('Input.')) return o.value;
  return inputValue(Object.values(o), id);
}

interface Context {
  t: TestApp;
  pg: Playground;
}

type Step = [name: string, run: (c: Context) => Promise<Record<string, unknown>>];

const STEPS: Step[] = [
  [
    'personal chat commands',
    async ({ t, pg }) => {
      await pg.open('Personal Chat');
      const help = await pg.say('help');
      await pg.card('Here is what I can do').waitFor();
      const myPilots = await pg.say('my pilots');
      const timeZone = await pg.say('time zone Europe/Madrid');
      // The next message carries the device's zone (UTC) again.
      const next = await pg.say('help');
      const prefs = await t.api('/api/me/preferences', { as: PLAYGROUND_USER });
      if (prefs.status !== 200) throw new Error(`preferences: ${prefs.status} ${JSON.stringify(prefs.body)}`);
      const preferences = prefs.body.preferences;
      return { help: repliesText(help), myPilots: repliesText(myPilots), timeZone: repliesText(timeZone), next: repliesText(next), zoneAfterNextMessage: preferences.timeZone };
    },
  ],
  [
    'team install and @mention',
    async ({ t, pg }) => {
      // The signed-in person owns the team in Teams (Microsoft Graph says so), so manages it.
      t.graph.tenant(PLAYGROUND_USER.tenantId).teams.set(PLAYGROUND_TEAM.aadGroupId, PLAYGROUND_PEOPLE.map((p, i) => ({ ...p, owner: i === 0 })));
      const install = await pg.exchange(() => pg.open('General'), (e) => e.name === 'conversationUpdate' && e.body.conversation?.conversationType === 'channel', 'the team install');
      const teams = (await t.api('/api/teams', { as: PLAYGROUND_USER })).body.teams as { id: string; managerId: string; memberCount: number }[];
      const circle = await pg.postMentioningBot('start circle Test circle');
      await pg.card('Circle: Test circle').waitFor();
      const pilots = await t.app.store.all<Pilot>('pilots', PLAYGROUND_USER.tenantId, "SELECT * FROM c WHERE c.tenantId = @tenantId AND c.type = 'pilot'");
      return {
        welcome: repliesText(install),
        team: teams.find((team) => team.id === PLAYGROUND_TEAM.id),
        circle: repliesText(circle),
        circleRhythms: pilots.filter((p) => p.circleId).map((p) => p.title),
      };
    },
  ],
  [
    'message-extension search and action',
    async ({ t, pg }) => {
      await pg.open('Personal Chat');
      const { titles } = await pg.search('findPilots', 'retro');
      await pg.pickResult('Weekly team retrospective');
      const sharedResult = await pg.sendComposed();

      const { dialog, exchange: opened } = await pg.openAction('launchPilot');
      const formTeam = inputValue(opened.sent.response, 'teamId');
      await dialog.getByPlaceholder("Leave empty to use the practice's name").fill('Stand-up pilot');
      await dialog.getByLabel(/Hypothesis/).fill('Short stand-ups keep us aligned.');
      await dialog.getByPlaceholder("Leave empty to use the practice's suggestions").fill('Stand-ups under 15 minutes');
      const created = await pg.exchange(() => dialog.getByRole('button', { name: 'Create pilot' }).click(), (e) => e.name === 'invoke' && e.body.name === 'composeExtension/submitAction', 'the pilot form');
      const sharedPilot = await pg.sendComposed();
      const pilots = await t.app.store.all<Pilot>('pilots', PLAYGROUND_USER.tenantId, "SELECT * FROM c WHERE c.tenantId = @tenantId AND c.type = 'pilot' AND c.title = 'Stand-up pilot'");
      return {
        searchTitles: titles,
        sharedResult: { attachments: sharedResult.sent.body.attachments?.length ?? 0, replies: repliesText(sharedResult), activityId: sharedResult.sent.body.id },
        formOpened: textOf(opened.sent.response).split('\n')[0],
        formTeam,
        created: textOf(created.sent.response),
        sharedPilot: { attachments: sharedPilot.sent.body.attachments?.length ?? 0, replies: repliesText(sharedPilot), activityId: sharedPilot.sent.body.id },
        pilot: pilots[0] && { status: pilots[0].status, teamId: pilots[0].teamId, questions: pilots[0].questions.map((q) => q.id) },
        // Anywhere in this chat.
        misunderstood: await pg.page.getByText("didn't understand").count(),
      };
    },
  ],
  [
    'check-ins answered on the card and by a quick answer with two rounds open',
    async ({ t, pg }) => {
      // A second pilot on the same rhythm, so two rounds open on the same day.
      const created = await t.api('/api/pilots', {
        as: PLAYGROUND_USER,
        body: {
          title: 'Weekly retro',
          practiceId: 'practice:weekly-retro',
          hypothesis: 'A weekly retro helps us improve a little every week.',
          successMeasures: ['One improvement a week'],
          teamId: PLAYGROUND_TEAM.id,
          cadence: { weekdays: [5], time: '10:00', everyWeeks: 1, reminderHours: 4, roundHours: 24 },
          startDate: '2027-01-11',
          endDate: '2027-02-22',
        },
      });
      if (created.status !== 201) throw new Error(`the second pilot was refused: ${JSON.stringify(created.body)}`);
      await t.api(`/api/pilots/${encodeURIComponent(created.body.pilot.id)}/launch`, { as: PLAYGROUND_USER, method: 'POST' });

      const since = pg.log.length;
      clock.set(CHECKIN_FRIDAY);
      await t.app.background.tick();
      await t.app.background.delivery.flush();
      // Teammates' prompts go to their own chats and may come first (conversations take turns):
      // wait for the two that reach the signed-in user's personal chat.
      const isPrompt = (e: Logged) => e.by === 'bot' && e.name === 'message' && textOf(e.body).startsWith('Check-in:') && e.body.conversation?.conversationType === 'personal';
      const prompts = (await pg.waitFor(isPrompt, since, 'the check-in prompts in the personal chat', 2)).map((e) => ({ title: textOf(e.body).split('\n')[0], conversation: e.body.conversation?.conversationType }));

      // Answered on its card: the card turns into the thanks card, in place.
      const retroCards = () => pg.page.locator('.ac-adaptiveCard', { hasText: 'Weekly retro' }).count();
      const form = pg.card('Check-in: Weekly retro');
      await form.waitFor();
      const retroCardsBefore = await retroCards();
      await form.getByRole('radio', { name: '4' }).first().check();
      await form.getByRole('textbox').first().fill('Good first retro');
      const submitted = await pg.clickCardButton(form, 'Send check-in');
      const thanks = pg.card('Thanks — your check-in for Weekly retro is in');
      await thanks.waitFor();
      const retroCardsAfter = await retroCards();

      // A quick answer with two rounds open: the bot asks which one.
      const quick = await pg.say('3 busy week');
      const choice = pg.card('Which check-in is this for?');
      await choice.waitFor();
      const picked = await pg.clickCardButton(choice, 'Stand-up pilot');
      await pg.card('Thanks — your check-in for Stand-up pilot is in').waitFor();

      const answers = await t.app.store.all<Answer>('checkins', PLAYGROUND_USER.tenantId, "SELECT * FROM c WHERE c.tenantId = @tenantId AND c.type = 'answer' AND c.userId = @u", { u: PLAYGROUND_USER.userId });
      const rounds = await t.app.store.all<{ id: string; pilotTitle: string }>('checkins', PLAYGROUND_USER.tenantId, "SELECT * FROM c WHERE c.tenantId = @tenantId AND c.type = 'round'");
      return {
        prompts,
        submitted: textOf(submitted.sent.response),
        thanksShown: await thanks.isVisible(),
        retroCards: { before: retroCardsBefore, after: retroCardsAfter },
        quick: repliesText(quick),
        picked: textOf(picked.sent.response),
        answers: answers.map((a) => ({ pilot: rounds.find((r) => r.id === a.roundId)?.pilotTitle, values: a.values })),
      };
    },
  ],
];

async function main(): Promise<void> {
  const out = process.argv[2];
  if (!out) throw new Error('usage: driver.js <results.json>');
  const workDir = mkdtempSync(path.join(os.tmpdir(), 'leaderful-playground-'));
  const run: PlaygroundRun = { steps: [], warnings: [] };
  const t = await startTestApp({ clock, env: { SEED_DEMO_DATA: 'false' }, captureLog: true });
  let pg: Playground | undefined;
  try {
    pg = await Playground.start({ endpoint: `${t.url}/api/messages`, workDir });
    // Opening the page installs the bot in the personal chat (and it says welcome).
    await pg.next((e) => e.by === 'client' && e.name === 'conversationUpdate', 0, 'the personal install');
    let failed: string | undefined;
    for (const [name, step] of STEPS) {
      if (failed) {
        run.steps.push({ name, error: `not run: “${failed}” failed first` });
        continue;
      }
      try {
        run.steps.push({ name, observed: await step({ t, pg }) });
      } catch (err) {
        failed = name;
        const screenshot = path.join(workDir, `${run.steps.length + 1}-failed.png`);
        await pg.screenshot(screenshot);
        const pageErrors = pg.pageErrors.length ? `\nthe playground's page reported:\n${pg.pageErrors.slice(-5).join('\n')}` : '';
        run.steps.push({ name, error: `${(err as Error).stack ?? String(err)}${pageErrors}`, screenshot });
      }
    }
  } catch (err) {
    run.error = (err as Error).stack ?? String(err);
  } finally {
    run.warnings = t.logs.filter((l) => l.level >= WARN);
    writeFileSync(out, JSON.stringify(run, null, 2));
    await pg?.stop();
    await t.stop();
    // Screenshots of a failed step stay for whoever reads the report.
    if (!run.steps.some((s) => s.screenshot)) rmSync(workDir, { recursive: true, force: true });
  }
}

// Only as the script itself (the test imports this file's types).
if (require.main === module) {
  main().then(
    () => process.exit(0),
    (err) => {
      console.error(err);
      process.exit(1);
    },
  );
}
