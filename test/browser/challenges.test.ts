import { randomUUID } from 'node:crypto';
import { DEMO_TENANT_ID } from '../../domain/demo';
import { demoUser } from '../../support/app';
import { startBrowserApp, type BrowserApp } from '../../support/browser';
import { installInTeamActivity, rosterOf } from '../../support/teams';

/**
 * Organisation challenges in the tab: a senior leader posts one; a circle member sees it (here in
 * Spanish) and takes it up, the proposal starting from the challenge with its poster as sponsor.
 */
describe('organisation challenges in the tab', () => {
  let b: BrowserApp;
  beforeAll(async () => {
    b = await startBrowserApp({ env: { DEMO_SIGN_IN: 'true' } });
  });
  afterAll(() => b?.stop());

  test('a leader posts a challenge; a circle member takes it up in Spanish', async () => {
    const [avery, morgan, sam] = [demoUser('Avery'), demoUser('Morgan'), demoUser('Sam')];
    const channel = `19:${randomUUID()}@thread.tacv2`;
    b.t.connector.members = rosterOf(DEMO_TENANT_ID, [morgan, sam]);
    await b.t.activity(installInTeamActivity(b.t.connector.url, morgan, { teamsTeamId: channel, name: 'Desk leads' }));
    expect((await b.t.api('/api/circles', { as: morgan, body: { teamId: `team:${channel}`, name: 'Desk leads circle' } })).status).toBe(201);

    const leader = await b.openInTeams(avery, { tabUrl: '/tabs/index.html#/challenges' });
    await leader.tab.getByRole('heading', { name: 'Organisation challenges', level: 1 }).waitFor();
    await leader.tab.getByText('No challenges posted yet.').waitFor();
    const form = leader.tab.getByRole('form', { name: 'Post a challenge' });
    await form.getByRole('button', { name: 'Post the challenge' }).click();
    await form.getByText('This is required.').first().waitFor();
    await form.getByLabel(/^Challenge/).fill('Answer customers within a day');
    await form.getByLabel(/^The problem/).fill('Half of our customer emails wait more than three days for a first answer.');
    await form.getByRole('button', { name: 'Post the challenge' }).click();
    await leader.tab.getByTestId('challenges').getByText('Answer customers within a day').waitFor();

    // A member reads it in Spanish and takes it up with their circle.
    const member = await b.openInTeams(morgan, { tabUrl: '/tabs/index.html#/challenges', locale: 'es-ES' });
    await member.tab.getByRole('heading', { name: 'Retos de la organización', level: 1 }).waitFor();
    const card = member.tab.getByTestId('challenges').locator('li').filter({ hasText: 'Answer customers within a day' });
    await card.getByText('Ningún círculo lo ha asumido todavía.').waitFor();
    await expect(member.tab.getByRole('form', { name: 'Publicar un reto' }).count()).resolves.toBe(0);
    await card.getByRole('link', { name: 'Asumirlo con tu círculo' }).click();
    await member.tab.getByTestId('takes-up').getByText('Este proyecto asume el reto «Answer customers within a day».').waitFor();
    const propose = member.tab.getByRole('form', { name: 'Proponer un proyecto' });
    await expect(propose.locator('input[name="title"]').inputValue()).resolves.toBe('Answer customers within a day');
    await expect(propose.locator('select[name="sponsorId"]').inputValue()).resolves.toBe(avery.userId);
    await propose.locator('input[name="budget.amount"]').fill('300');
    await propose.getByRole('button', { name: /Enviar/ }).click();
    await member.tab.getByRole('heading', { name: 'Answer customers within a day', level: 1 }).waitFor();

    const [challenge] = (await b.t.api('/api/challenges', { as: sam })).body.challenges;
    expect(challenge.takenUpBy).toEqual([expect.objectContaining({ circleName: 'Desk leads circle' })]);
    expect([...leader.errors, ...member.errors]).toEqual([]);
  });
});
