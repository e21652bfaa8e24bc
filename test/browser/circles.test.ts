import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import { STORY_SEARCH_COMMAND } from '../../bot/stories';
import { DEMO_TENANT_ID } from '../../domain/demo';
import { demoUser } from '../../support/app';
import { APP_BACKGROUND, rememberDemoUser, seriousViolations } from '../helpers/browser';
import { startBrowserApp, type BrowserApp } from '../../support/browser';
import { BOT_ID, invokeActivity, rosterOf, type TeamsUser } from '../../support/teams';

/**
 * Circles, practice stories, community projects and development paths in the tab (issue 9):
 * a circle elects its convenor and rotates the role, a story is published and found (in the tab
 * and through the message extension), a project is approved by its sponsor, a development path
 * runs to a readiness review — and nobody it is not shared with can read it. axe on every view;
 * the Teams host in Spanish with the dark theme. `SCREENSHOTS=1` saves screenshots to /tmp.
 */
const morgan = demoUser('Morgan'); // manager of Operations (Sam's manager)
const jordan = demoUser('Jordan'); // manager of Customer Care
const priya = demoUser('Priya'); // manager of Engineering: "Decision log for platform changes" closed (adapted)
const sam = demoUser('Sam'); // member of Operations
const avery = demoUser('Avery'); // senior leader
const alex = demoUser('Alex'); // admin and senior leader
const CHAT = `19:${randomUUID()}@thread.v2`;
const CIRCLE_NAME = 'Managers who coach';

describe('circles, stories, projects and paths in the tab', () => {
  let b: BrowserApp;
  let circleId: string;
  let projectUrl: string;

  beforeAll(async () => {
    b = await startBrowserApp({ env: { DEMO_SIGN_IN: 'true' } });
    // Leaderful is added to a managers' group chat (with Sam in it), and Morgan starts a circle there.
    b.t.connector.members = rosterOf(DEMO_TENANT_ID, [morgan, jordan, priya, sam].map((u) => ({ userId: u.userId, name: u.name })));
    const install = {
      type: 'conversationUpdate',
      id: randomUUID(),
      serviceUrl: b.t.connector.url,
      channelId: 'msteams',
      from: { id: `29:${morgan.userId}`, name: morgan.name, aadObjectId: morgan.userId },
      conversation: { id: CHAT, conversationType: 'groupChat', tenantId: DEMO_TENANT_ID, isGroup: true, name: 'Managers' },
      recipient: { id: BOT_ID, name: 'Leaderful' },
      membersAdded: [{ id: BOT_ID }],
      channelData: { tenant: { id: DEMO_TENANT_ID } },
    };
    expect((await b.t.activity(install)).status).toBe(200);
    const started = await b.t.api('/api/circles', { as: morgan, body: { teamId: `team:${CHAT}`, name: CIRCLE_NAME, purpose: 'Practise coaching conversations together.' } });
    expect(started.status).toBe(201);
    circleId = started.body.circle.id;
  });
  afterAll(() => b?.stop());

  async function openAs(user: TeamsUser, hash: string) {
    const { page, context, errors } = await b.newPage();
    await rememberDemoUser(context, user.userId);
    await page.goto(`${b.tabUrl}${hash}`);
    return { page, errors };
  }
  const shot = async (page: Page, name: string) => {
    if (process.env.SCREENSHOTS) await page.screenshot({ path: `/tmp/circles-${name}.png`, fullPage: true });
  };
  const circleHash = () => `#/circles/${encodeURIComponent(circleId)}`;

  test('a circle elects its convenor by secret ballot, then the role rotates', async () => {
    const m = await openAs(morgan, '#/circles');
    await m.page.getByRole('heading', { name: 'Leadership circles', level: 1 }).waitFor();
    await m.page.getByTestId('my-circles').getByRole('link', { name: CIRCLE_NAME }).waitFor();
    expect(await seriousViolations(m.page)).toEqual([]);
    await shot(m.page, 'list');
    await m.page.getByTestId('my-circles').getByRole('link', { name: CIRCLE_NAME }).click();
    await m.page.getByRole('heading', { name: CIRCLE_NAME, level: 1 }).waitFor();
    await m.page.getByTestId('convenor-name').filter({ hasText: 'Morgan Lee (interim, until the first election)' }).waitFor();
    await m.page.getByTestId('election-status').getByText('The circle’s first election.', { exact: false }).waitFor();

    // Morgan nominates Jordan; Priya nominates herself (in Teams, say).
    await m.page.getByLabel('Nominate a member').selectOption({ label: 'Jordan Silva' });
    await m.page.getByRole('button', { name: 'Nominate', exact: true }).click();
    await m.page.getByTestId('notice').getByText('Nomination added.').waitFor();
    expect((await b.t.api(`/api/circles/${encodeURIComponent(circleId)}/nominations`, { as: priya, body: { userId: priya.userId } })).status).toBe(200);
    await m.page.reload();

    // Keyboard only: pick Jordan on the ballot and cast the vote.
    const jordanRadio = m.page.getByRole('radio', { name: /^Jordan Silva/ });
    await jordanRadio.focus();
    await m.page.keyboard.press('Space');
    await expect(jordanRadio.isChecked()).resolves.toBe(true);
    await m.page.keyboard.press('Tab');
    await m.page.keyboard.press('Enter');
    await m.page.getByTestId('my-vote').getByText('You voted for Jordan Silva.').waitFor();
    expect(await seriousViolations(m.page)).toEqual([]);
    await shot(m.page, 'election');

    expect((await b.t.api(`/api/circles/${encodeURIComponent(circleId)}/vote`, { as: sam, method: 'PUT', body: { userId: jordan.userId } })).status).toBe(200);
    expect((await b.t.api(`/api/circles/${encodeURIComponent(circleId)}/vote`, { as: priya, method: 'PUT', body: { userId: priya.userId } })).status).toBe(200);
    // Secret: what anyone reads has counts, never who voted for whom.
    const seen = (await b.t.api(`/api/circles/${encodeURIComponent(circleId)}`, { as: jordan })).body.circle;
    expect(seen.election).toMatchObject({ status: 'open', votesCast: 3 });
    expect(seen.election.myVote).toBeUndefined();
    expect(seen.election.result).toBeUndefined();
    expect(JSON.stringify(seen)).not.toContain('"votes":{');

    await m.page.reload();
    await m.page.getByRole('button', { name: 'Close the election now' }).click();
    const result = m.page.getByTestId('election-result');
    await result.getByText('Election 1: Jordan Silva is the convenor. Most votes.').waitFor();
    await result.getByText('Jordan Silva: 2 votes').waitFor();
    await result.getByText('Priya Raman: 1 vote').waitFor();
    await m.page.getByTestId('convenor-name').filter({ hasText: /^Jordan Silva$/ }).waitFor();

    // Jordan calls the next election: the sitting convenor does not stand, and with no nominees the role rotates.
    const j = await openAs(jordan, circleHash());
    await j.page.getByRole('button', { name: 'Call an election' }).click();
    await j.page.getByTestId('notice').getByText('The election is open.', { exact: false }).waitFor();
    await j.page.getByText('Not standing this time (the role rotates): Jordan Silva.').waitFor();
    await expect(j.page.getByLabel('Nominate a member').locator('option', { hasText: 'Jordan Silva' }).count()).resolves.toBe(0);
    await j.page.getByRole('button', { name: 'Close the election now' }).click();
    await j.page.getByTestId('election-result').getByText('No nominees: the role rotated.', { exact: false }).waitFor();
    const convenor = await j.page.getByTestId('convenor-name').innerText();
    expect(['Morgan Lee', 'Priya Raman', 'Sam Taylor']).toContain(convenor);
    await j.page.getByTestId('past-convenors').getByText(/^Jordan Silva,/).waitFor();
    expect(m.errors).toEqual([]);
    expect(j.errors).toEqual([]);
  });

  test('a manager publishes a story from a closed pilot; others find it, react and ask the author', async () => {
    const p = await openAs(priya, '#/stories');
    await p.page.getByRole('button', { name: 'Write a story' }).click();
    await p.page.getByLabel('Pilot').selectOption('pilot:demo-log');
    await p.page.getByRole('button', { name: 'Publish', exact: true }).click();
    await expect(p.page.getByText('This is required.').count()).resolves.toBe(3); // checked here, nothing sent
    await p.page.getByLabel('What we tried').fill('A shared decision log for every platform change, reviewed in the weekly sync.');
    await p.page.getByLabel('What happened').fill('Re-arguing dropped quickly, but logging small changes felt like paperwork.');
    await p.page.getByLabel('What I would change').fill('Log only decisions that are hard to reverse.');
    await p.page.getByRole('checkbox', { name: CIRCLE_NAME }).check();
    expect(await seriousViolations(p.page)).toEqual([]);
    await shot(p.page, 'publish');
    await p.page.getByRole('button', { name: 'Publish', exact: true }).click();
    await p.page.getByRole('heading', { name: 'Decision log for platform changes', level: 1 }).waitFor();
    await p.page.getByTestId('story-outcome').filter({ hasText: 'Adapted' }).waitFor();

    // The message extension finds it too.
    const search = await b.t.activity(
      invokeActivity(b.t.connector.url, sam, 'composeExtension/query', { commandId: STORY_SEARCH_COMMAND, parameters: [{ name: 'searchQuery', value: 'hard to reverse' }], queryOptions: { skip: 0, count: 10 } }),
    );
    expect(search.status).toBe(200);
    expect(JSON.stringify(search.body)).toContain('Decision log for platform changes');

    const s = await openAs(sam, '#/stories');
    await s.page.getByRole('searchbox', { name: 'Search' }).fill('hard to reverse');
    await s.page.keyboard.press('Enter');
    const found = s.page.getByTestId('stories').getByRole('link', { name: 'Decision log for platform changes' });
    await found.waitFor();
    expect(await seriousViolations(s.page)).toEqual([]);
    await shot(s.page, 'stories');
    await s.page.getByLabel('Outcome').selectOption('stopped');
    await s.page.getByText('No stories match. Try other words or filters.').waitFor();
    await s.page.getByLabel('Outcome').selectOption('adapted');
    await found.click();
    await s.page.getByRole('heading', { name: 'Decision log for platform changes', level: 1 }).waitFor();
    await s.page.getByRole('button', { name: 'Helpful · 0' }).click();
    await s.page.getByRole('button', { name: 'Helpful · 1', pressed: true }).waitFor();
    await s.page.getByRole('button', { name: 'Send question' }).click();
    await s.page.getByText('This is required.').waitFor();
    await s.page.getByLabel('Your question').fill('Which decisions did you count as hard to reverse?');
    await s.page.getByRole('button', { name: 'Send question' }).click();
    await s.page.getByTestId('notice').getByText('Sent. Priya Raman will see your question in Teams.').waitFor();
    expect(await seriousViolations(s.page)).toEqual([]);
    await shot(s.page, 'story');
    expect(p.errors).toEqual([]);
    expect(s.errors).toEqual([]);
  });

  test('a circle proposes a project; Avery declines only with a reason, approves it; the circle checks in', async () => {
    const m = await openAs(morgan, '#/projects');
    await m.page.getByRole('button', { name: 'Propose a project' }).click();
    await m.page.getByLabel('Title').fill('Coaching clinic for new managers');
    await m.page.getByLabel('Goal').fill('Too short');
    await m.page.getByLabel('Weeks asked').fill('0');
    await m.page.getByLabel('Budget').fill('1500');
    await m.page.getByLabel('Sponsor').selectOption({ label: 'Avery Okafor' });
    await m.page.getByRole('button', { name: 'Send the proposal' }).click();
    await m.page.getByText('Write at least 10 characters.').waitFor();
    await m.page.getByText('Enter whole weeks from 1 to 52.').waitFor();
    expect(await seriousViolations(m.page)).toEqual([]);
    await shot(m.page, 'propose');
    await m.page.getByLabel('Goal').fill('Run a monthly clinic where new managers practise hard conversations with peers.');
    await m.page.getByLabel('Weeks asked').fill('12');
    await m.page.getByRole('button', { name: 'Send the proposal' }).click();
    await m.page.getByRole('heading', { name: 'Coaching clinic for new managers', level: 1 }).waitFor();
    await m.page.getByTestId('project-status').filter({ hasText: 'Proposed' }).waitFor();
    projectUrl = m.page.url();
    const hash = new URL(projectUrl).hash;

    const a = await openAs(avery, hash);
    await a.page.getByRole('heading', { name: 'Your decision as sponsor' }).waitFor();
    await a.page.getByRole('button', { name: 'Decline with this reason' }).click();
    await a.page.getByText('Say why the project is declined.').waitFor();
    expect(await seriousViolations(a.page)).toEqual([]);
    await shot(a.page, 'decide');
    await a.page.getByRole('button', { name: 'Approve' }).click();
    await a.page.getByTestId('notice').getByText('Approved. The circle has been told.').waitFor();
    await a.page.getByTestId('project-status').filter({ hasText: 'Approved' }).waitFor();
    await a.page.getByTestId('decision').getByText(/^Approved by Avery Okafor/).waitFor();

    await m.page.reload();
    await m.page.getByTestId('project-status').filter({ hasText: 'Approved' }).waitFor();
    await m.page.getByRole('radio', { name: '4' }).check();
    await m.page.getByLabel('What moved, what is stuck').fill('First clinic booked; eight managers signed up.');
    await m.page.getByRole('button', { name: 'Add check-in' }).click();
    await m.page.getByTestId('checkins').getByText('First clinic booked; eight managers signed up.').waitFor();

    const list = await openAs(morgan, '#/projects?status=approved');
    await list.page.getByTestId('projects').getByRole('link', { name: 'Coaching clinic for new managers' }).waitFor();
    expect(await seriousViolations(list.page)).toEqual([]);
    expect(a.errors).toEqual([]);
    expect(m.errors).toEqual([]);
  });

  test('a development path runs to a readiness review, and stays private to Sam and the coach he chose', async () => {
    const s = await openAs(sam, '#/paths/me');
    await s.page.getByTestId('privacy').getByText('Private: only you and the people you share it with', { exact: false }).waitFor();
    await s.page.getByRole('radio', { name: /^Leading yourself/ }).check();
    await s.page.getByRole('button', { name: 'Start my path' }).click();
    await s.page.getByTestId('notice').getByText('Your path has started.').waitFor();

    // Self-assessment: leaving elements unrated names each one, next to it.
    await s.page.locator('[data-element="setting_direction"]').getByRole('radio', { name: '3' }).check();
    await s.page.getByRole('button', { name: 'Save my assessment' }).click();
    await expect(s.page.getByText('Pick a rating from 1 to 5.').count()).resolves.toBe(4);
    for (const [el, v] of [['owning_results', '4'], ['influencing', '2'], ['empowering_others', '3'], ['accountability', '4']]) {
      await s.page.locator(`[data-element="${el}"]`).getByRole('radio', { name: v }).check();
    }
    await s.page.getByLabel('Note (optional)').fill('Influencing beyond my team is where I want to grow.');
    await s.page.getByRole('button', { name: 'Save my assessment' }).click();
    await s.page.getByTestId('notice').getByText('Self-assessment saved.').waitFor();

    await s.page.getByRole('textbox', { name: /^Goal/ }).fill('Facilitate two stand-ups and ask for feedback after each');
    await s.page.getByRole('button', { name: 'Add goal' }).click();
    await s.page.getByTestId('goals').getByText('Facilitate two stand-ups and ask for feedback after each').waitFor();

    await s.page.getByLabel('Share with').selectOption({ label: 'Morgan Lee (manager)' });
    await s.page.getByRole('button', { name: 'Share', exact: true }).click();
    await s.page.getByTestId('shares').getByText('Morgan Lee').waitFor();
    await s.page.getByRole('button', { name: 'Ask for a readiness review' }).click();
    await s.page.getByTestId('review-status').getByText(/^Review asked for on/).waitFor();
    expect(await seriousViolations(s.page)).toEqual([]);
    await shot(s.page, 'path');

    // Privacy: not a senior leader, not an admin, not another manager.
    const pathId = `path:${sam.userId}`;
    for (const who of [avery, alex, jordan]) expect((await b.t.api(`/api/paths/${encodeURIComponent(pathId)}`, { as: who })).status).toBe(404);
    const a = await openAs(avery, `#/paths/${encodeURIComponent(pathId)}`);
    await a.page.getByTestId('problem').getByText('We couldn’t find that, or it isn’t shared with you.').waitFor();
    expect(await a.page.locator('body').innerText()).not.toContain('Influencing beyond my team');

    // Morgan, Sam's chosen coach, reviews it.
    const m = await openAs(morgan, '#/paths/me');
    await m.page.getByTestId('shared-paths').getByRole('link', { name: 'Sam Taylor’s path' }).click();
    await m.page.getByRole('heading', { name: 'Sam Taylor’s development path', level: 1 }).waitFor();
    await m.page.getByTestId('ratings').getByText('Influencing beyond my team is where I want to grow.').waitFor();
    await m.page.getByRole('radio', { name: 'Not yet' }).check();
    await m.page.getByRole('button', { name: 'Send review' }).click();
    await m.page.getByText('Say what to work on next.', { exact: true }).waitFor();
    expect(await seriousViolations(m.page)).toEqual([]);
    await shot(m.page, 'review');
    await m.page.getByRole('radio', { name: 'Ready — celebrate it' }).check();
    await m.page.getByRole('button', { name: 'Send review' }).click();
    await m.page.getByTestId('review-status').getByText(/^Ready! Morgan Lee confirmed it/).waitFor();

    await s.page.reload();
    await s.page.getByTestId('review-status').getByText(/^Ready! Morgan Lee confirmed it/).waitFor();
    expect(s.errors).toEqual([]);
    expect(m.errors).toEqual([]);
  });

  test('in Teams, in Spanish with the dark theme: a circle card deep-links to the circle', async () => {
    const teams = await b.openInTeams(jordan, { tabUrl: '/tabs/index.html#/pilots', locale: 'es-ES', theme: 'dark', subEntityId: circleId });
    await teams.tab.getByRole('heading', { name: CIRCLE_NAME, level: 1 }).waitFor();
    await teams.tab.getByRole('heading', { name: 'Coordinación y mandato' }).waitFor();
    await teams.tab.getByRole('heading', { name: 'Elección' }).waitFor();
    await teams.tab.getByRole('tab', { name: 'Círculos', selected: true }).waitFor();
    const frame = teams.page.frame({ url: /\/tabs\/index\.html/ })!;
    expect(await frame.evaluate(APP_BACKGROUND)).toBe('rgb(31, 31, 31)');
    expect(await seriousViolations(teams.page)).toEqual([]);
    await shot(teams.page, 'teams-es-dark');
    await teams.tab.getByRole('tab', { name: 'Mi desarrollo' }).click();
    await teams.tab.getByRole('heading', { name: 'Mi desarrollo', level: 1 }).waitFor();
    await teams.tab.getByText('Privado: solo tú', { exact: false }).waitFor();
    expect(await seriousViolations(teams.page)).toEqual([]);
    await shot(teams.page, 'teams-es-path');
    expect(teams.errors).toEqual([]);
  });
});
