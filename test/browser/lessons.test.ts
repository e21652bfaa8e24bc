import { demoUser } from '../../support/app';
import { startBrowserApp, type BrowserApp } from '../../support/browser';

/**
 * Leadership lessons in the tab: a card's link opens its lesson first, in the reader's language;
 * the reader marks it read; a senior leader sees reach as counts, never who.
 */
describe('leadership lessons in the tab', () => {
  let b: BrowserApp;
  beforeAll(async () => {
    b = await startBrowserApp({ env: { DEMO_SIGN_IN: 'true' } });
  });
  afterAll(() => b?.stop());

  test('a member reads a lesson in Spanish and marks it read; a leader sees the count', async () => {
    const member = await b.openInTeams(demoUser('Sam'), { tabUrl: `/tabs/index.html#/lessons/${encodeURIComponent('lesson:their-meeting')}`, locale: 'es-ES' });
    await member.tab.getByRole('heading', { name: 'Lecciones de liderazgo', level: 1 }).waitFor();
    const first = member.tab.getByTestId('lessons').locator('li').first();
    await first.getByRole('heading', { name: 'Es su reunión individual' }).waitFor();
    // Markdown rendered: bold as <strong>, no raw HTML.
    await expect(first.locator('strong').first().textContent()).resolves.toBe('¿qué puedo hacer para ayudarte?');
    await first.getByRole('button', { name: 'Marcar como leída' }).click();
    await first.getByTestId('lesson-read').getByText('Leída').waitFor();

    // Filtered by level, in Spanish.
    await member.tab.getByRole('combobox', { name: 'Nivel' }).selectOption('executive');
    await member.tab.getByRole('heading', { name: 'Liderar la organización' }).waitFor();
    // That lesson is in the unfiltered list too: wait for the filtered list to replace it.
    await member.tab.getByTestId('lessons').locator('li').nth(1).waitFor({ state: 'detached' });
    await expect(member.tab.getByTestId('lessons').locator('li').count()).resolves.toBe(1);
    await expect(member.tab.getByTestId('reach').count()).resolves.toBe(0);

    const leader = await b.openInTeams(demoUser('Avery'), { tabUrl: '/tabs/index.html#/lessons' });
    await leader.tab.getByRole('heading', { name: 'Leadership lessons', level: 1 }).waitFor();
    const row = leader.tab.getByTestId('reach').locator('li[data-lesson-id="lesson:their-meeting"]');
    await row.getByText('Read by 1 person').waitFor();
    await expect(leader.tab.getByTestId('reach').textContent()).resolves.not.toContain('Sam');
    expect([...member.errors, ...leader.errors]).toEqual([]);
  });
});
