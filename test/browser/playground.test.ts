import type { ChildProcess } from 'node:child_process';
import type { PlaygroundRun } from '../../support/playground/driver';
import { buildDriver, runIsolated } from '../../support/playground/isolated';

/**
 * The bot in a real Teams-shaped client: Microsoft's Agents Playground, driven through its page
 * with Chromium, as a new user would use it. The app, the playground and the browser run in a
 * private network namespace (root needed; without it this fails, it does not skip): the
 * playground listens on every interface, tries to open a browser and to send telemetry.
 *
 * support/playground/driver.ts takes the steps and records what it saw; the checks are here.
 */
let run: PlaygroundRun;
let output = '';
let child: ChildProcess | undefined;

beforeAll(async () => {
  const script = await buildDriver();
  ({ run, output } = await runIsolated(script, (c) => (child = c)));
}, 150_000);
afterAll(() => {
  if (child && child.exitCode === null) child.kill();
});

/** What a step observed; a step that failed fails its test with the reason and a screenshot. */
function step(name: string): any {
  if (run.error) throw new Error(`the session did not start: ${run.error}\n--- driver output ---\n${output.slice(-3000)}`);
  const found = run.steps.find((s) => s.name === name);
  if (!found) throw new Error(`the driver has no step “${name}”`);
  if (found.error) throw new Error(`${found.error}${found.screenshot ? `\nscreenshot: ${found.screenshot}` : ''}\n--- driver output ---\n${output.slice(-3000)}`);
  return found.observed;
}

test('personal chat: help, my pilots, and a chosen time zone that sticks', () => {
  const o = step('personal chat commands');
  expect(o.help).toContain('Here is what I can do');
  expect(o.myPilots).toContain('Your pilots');
  expect(o.timeZone).toContain('Your check-ins now follow Europe/Madrid time.');
  // The client reports UTC with every message: offered, never applied.
  expect(o.timeZone).toContain('Your device says UTC');
  expect(o.next).toContain('Here is what I can do');
  expect(o.next).not.toContain('Your device says');
  expect(o.zoneAfterNextMessage).toBe('Europe/Madrid');
});

test('a team install reads the roster with the installer on it, and an @mention starts a circle', () => {
  const o = step('team install and @mention');
  expect(o.welcome).toContain('Welcome to Leaderful');
  // Alex (who installed) and five colleagues.
  expect(o.team).toMatchObject({ name: 'My Team', memberCount: 6 });
  expect(o.circle).toContain('Circle: Test circle');
  expect(o.circleRhythms).toEqual(['Test circle']);
});

test('message extension: search, share a result, and launch a pilot from the action form', () => {
  const o = step('message-extension search and action');
  expect(o.searchTitles).toContain('Weekly team retrospective');
  // A card shared into the chat is not a command: no "Sorry, I didn't understand", no help card.
  expect(o.sharedResult).toMatchObject({ attachments: 1, replies: '' });
  expect(o.formOpened).toBe('Launch a pilot');
  expect(o.formTeam).toBe('team:19:my-team@thread.tacv2');
  expect(o.created).toContain('Pilot launched');
  expect(o.sharedPilot).toMatchObject({ attachments: 1, replies: '' });
  // From scratch, and still answerable: the standard questions.
  expect(o.pilot).toEqual({ status: 'active', teamId: 'team:19:my-team@thread.tacv2', questions: ['confidence', 'progress', 'blocker', 'autonomy', 'workload'] });
  expect(o.misunderstood).toBe(0);
});

test('check-ins: answered on the card in place, and a quick answer with two rounds open asks which', () => {
  const o = step('check-ins answered on the card and by a quick answer with two rounds open');
  // The manager is on their own team, so their pilots' check-ins reach them.
  expect(o.prompts).toEqual(
    expect.arrayContaining([
      { title: 'Check-in: Weekly retro', conversation: 'personal' },
      { title: 'Check-in: Stand-up pilot', conversation: 'personal' },
    ]),
  );
  expect(o.submitted).toContain('Thanks — your check-in for Weekly retro is in');
  expect(o.submitted).toContain('Good first retro');
  expect(o.thanksShown).toBe(true);
  expect(o.retroCards.after).toBe(o.retroCards.before);

  expect(o.quick).toContain('Which check-in is this for?');
  expect(o.quick).toContain('Stand-up pilot');
  expect(o.quick).toContain('Weekly retro');
  expect(o.picked).toContain('Thanks — your check-in for Stand-up pilot is in');
  expect(o.answers).toEqual(
    expect.arrayContaining([
      { pilot: 'Weekly retro', values: { confidence: 4, progress: 'Good first retro' } },
      { pilot: 'Stand-up pilot', values: { confidence: 3, progress: 'busy week' } },
    ]),
  );
  expect(o.answers).toHaveLength(2);
});

test('the whole session logged no warning: nothing the bot did not expect', () => {
  expect(run.warnings).toEqual([]);
});
