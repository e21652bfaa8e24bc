import { demoUser } from '../../support/app';
import { signInAsDemoUser } from '../helpers/browser';
import { startBrowserApp, type BrowserApp } from '../../support/browser';

/**
 * The practice library in the tab: admins add, translate and retire practices and approve one
 * proposed from a finished pilot; the library reads in the reader's language; others cannot manage it.
 */
describe('practice library in the tab', () => {
  let b: BrowserApp;
  beforeAll(async () => {
    b = await startBrowserApp({ env: { DEMO_SIGN_IN: 'true' } });
  });
  afterAll(() => b?.stop());

  test('an admin adds a practice with its Spanish, retires one, and approves a proposal', async () => {
    // A manager's adopted pilot, proposed as a practice from its page.
    const morgan = demoUser('Morgan');
    const pilot = (await b.t.api('/api/pilots', { as: morgan, body: { title: 'Morning desk huddle', hypothesis: 'A short huddle each morning clears the question queue.', successMeasures: ['Queue clear by noon'], teamId: 'team:demo-ops', startDate: '2027-01-04', endDate: '2027-03-01' } })).body.pilot;
    await b.t.api(`/api/pilots/${encodeURIComponent(pilot.id)}/launch`, { as: morgan, method: 'POST' });
    await b.t.api(`/api/pilots/${encodeURIComponent(pilot.id)}/close`, { as: morgan, body: { outcome: 'adopted', learning: 'Standing keeps it short.' } });
    const manager = await b.newPage();
    await signInAsDemoUser(manager.page, b.tabUrl, 'Morgan Lee', `#/pilots/${encodeURIComponent(pilot.id)}`);
    await manager.page.getByRole('button', { name: 'Propose as a practice' }).click();
    await manager.page.getByRole('dialog').getByLabel(/One-sentence summary/).fill('A five-minute morning huddle for support desks.');
    await manager.page.getByRole('dialog').getByRole('button', { name: 'Send proposal' }).click();
    await manager.page.getByTestId('proposal-sent').waitFor();

    const { page, errors } = await b.newPage();
    await signInAsDemoUser(page, b.tabUrl, 'Alex Kim');
    await page.getByRole('link', { name: 'Manage the practice library' }).click();
    await page.getByRole('heading', { name: 'Practice library', level: 1 }).waitFor();
    await page.getByTestId('practice').filter({ hasText: 'Team decision log' }).waitFor();

    await page.getByTestId('proposal').filter({ hasText: 'Morning desk huddle' }).getByRole('button', { name: 'Add to the library' }).click();
    await page.getByTestId('practice').filter({ hasText: 'Morning desk huddle' }).waitFor();

    await page.getByRole('button', { name: 'Add a practice' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.locator('[data-field="name"] input').fill('Walking one-on-ones');
    await dialog.locator('[data-field="summary"] textarea').fill('Hold one-on-ones while walking, away from screens.');
    await dialog.locator('[data-field="why"] textarea').fill('Side by side and moving, people talk more freely.');
    await dialog.locator('[data-field="how"] textarea').fill('Agree a route\nLeave laptops behind');
    await dialog.locator('[data-field="measures"] textarea').fill('Most one-on-ones walked');
    await dialog.locator('[data-field="es.name"] input').fill('Reuniones individuales caminando');
    await dialog.locator('[data-field="es.summary"] textarea').fill('Reuniones individuales caminando, lejos de las pantallas.');
    await dialog.locator('[data-field="es.why"] textarea').fill('Hombro con hombro, la gente habla con más libertad.');
    await dialog.locator('[data-field="es.how"] textarea').fill('Acordad una ruta');
    await dialog.locator('[data-field="es.measures"] textarea').fill('La mayoría caminando');
    await dialog.getByRole('button', { name: 'Save practice' }).click();
    await page.getByTestId('practice').filter({ hasText: 'Walking one-on-ones' }).waitFor();

    await page.getByRole('button', { name: 'Retire Protected focus time' }).click();
    await page.locator('[data-testid="practice"][data-retired="true"]').filter({ hasText: 'Protected focus time' }).waitFor();
    const library = (await b.t.api('/api/practices', { as: morgan })).body.practices as { name: string; translations?: { es?: { name: string } } }[];
    expect(library.map((p) => p.name)).not.toContain('Protected focus time');
    expect(library.find((p) => p.name === 'Walking one-on-ones')?.translations?.es?.name).toBe('Reuniones individuales caminando');
    expect(library.map((p) => p.name)).toContain('Morning desk huddle');
    await page.getByRole('button', { name: 'Restore Protected focus time' }).click();
    await page.getByRole('button', { name: 'Retire Protected focus time' }).waitFor();
    expect(errors).toEqual([]);
  });

  test('in Spanish the library and the pilot form read in Spanish; a manager cannot manage it', async () => {
    const admin = await b.openInTeams(demoUser('Alex'), { tabUrl: '/tabs/index.html#/practices', locale: 'es-ES' });
    await admin.tab.getByRole('heading', { name: 'Biblioteca de prácticas', level: 1 }).waitFor();
    await admin.tab.getByTestId('practice').filter({ hasText: 'Registro de decisiones del equipo' }).waitFor();

    const manager = await b.openInTeams(demoUser('Morgan'), { tabUrl: '/tabs/index.html#/practices', locale: 'es-ES' });
    await manager.tab.getByText('Solo las personas administradoras pueden gestionar la biblioteca de prácticas.').waitFor();
    const pilots = await b.openInTeams(demoUser('Morgan'), { tabUrl: '/tabs/index.html#/pilots', locale: 'es-ES' });
    await pilots.tab.getByRole('button', { name: 'Nuevo piloto' }).click();
    await pilots.tab.getByRole('dialog').getByRole('combobox', { name: 'Empezar desde' }).click();
    await pilots.tab.getByRole('option', { name: 'Facilitación rotativa de reuniones' }).click();
    await expect(pilots.tab.getByRole('dialog').getByLabel('Medida de éxito 1', { exact: true }).inputValue()).resolves.toBe('Cada persona facilita al menos una vez');
    expect([...admin.errors, ...manager.errors, ...pilots.errors]).toEqual([]);
  });
});
