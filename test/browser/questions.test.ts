import type { Frame, FrameLocator, Locator, Page } from 'playwright-core';
import type { Pilot } from '../../domain/pilots';
import { demoUser } from '../../support/app';
import { signInAsDemoUser } from '../helpers/browser';
import { startBrowserApp, type BrowserApp } from '../../support/browser';

/**
 * The pilot form's question editor in a real browser: add (written and from the bank), edit,
 * change type, reorder and remove, with the check-in card previewed as the `adaptivecards`
 * library renders it; a Spanish reader gets it all in Spanish; rewording keeps a question's id.
 */
describe('check-in questions in the pilot form', () => {
  let b: BrowserApp;
  beforeAll(async () => {
    b = await startBrowserApp({ env: { DEMO_SIGN_IN: 'true' } });
  });
  afterAll(() => b?.stop());

  const morgan = demoUser('Morgan');
  type Root = Page | FrameLocator | Locator;
  const rows = (root: Root) => root.getByTestId('question-row');
  const preview = (root: Root) => root.getByTestId('checkin-preview');
  /** The preview's labels in order, once it shows `want`. */
  async function previewShows(root: Root, want: string): Promise<string> {
    await preview(root).getByText(want, { exact: false }).first().waitFor();
    return (await preview(root).innerText()).replace(/\s+/g, ' ');
  }

  test('a manager shapes the questions and sees the card members will get', async () => {
    const { page, errors } = await b.newPage();
    const posts: any[] = [];
    page.on('request', (req) => {
      if (req.method() === 'POST' && new URL(req.url()).pathname === '/api/pilots') posts.push(req.postDataJSON());
    });
    await signInAsDemoUser(page, b.tabUrl, 'Morgan Lee');
    await page.getByRole('button', { name: 'New pilot' }).click();
    const dialog = page.getByRole('dialog');

    // A blank pilot starts with the standard questions, and the preview is a rendered Adaptive Card.
    await rows(dialog).nth(4).waitFor();
    await expect(rows(dialog).count()).resolves.toBe(5);
    let shown = await previewShows(dialog, 'How confident are you that this practice is helping us?');
    expect(shown).toContain('1 — Not at all');
    expect(shown).toContain('Is anything in the way?');
    await expect(preview(dialog).locator('.ac-adaptiveCard').count()).resolves.toBe(1);
    await expect(preview(dialog).getByRole('radio').count()).resolves.toBe(15); // three 1–5 scales

    // Write a question: it is incomplete until it has words, and the preview says so.
    await dialog.getByRole('button', { name: 'Write a question' }).click();
    await dialog.getByText('The preview appears when every question is complete.').waitFor();
    await dialog.getByLabel('Question 6', { exact: true }).fill('How calm was the week?');
    await dialog.getByLabel('5 means').nth(3).fill('Very calm');
    shown = await previewShows(dialog, 'How calm was the week?');
    expect(shown).toContain('5 — Very calm');

    // Change its type to a single choice; the preview shows the choices.
    await dialog.getByRole('combobox', { name: 'Type of question 6' }).click();
    await page.getByRole('option', { name: 'Single choice' }).click();
    await dialog.getByLabel('Choice 1').fill('Calm');
    await dialog.getByLabel('Choice 2').fill('Busy');
    await preview(dialog).locator('select option', { hasText: 'Busy' }).waitFor({ state: 'attached' });

    // Move it to the top, remove "What went well", add a yes/no from the bank: seven is the limit.
    for (let n = 6; n > 1; n--) await dialog.getByRole('button', { name: `Move question ${n} up` }).click();
    await dialog.getByRole('button', { name: 'Remove question 3' }).click(); // "What went well…" is now third
    await dialog.getByRole('combobox', { name: 'Add from the question bank' }).click();
    await page.getByRole('option', { name: 'Did we keep to the practice since the last check-in?' }).click();
    await dialog.getByRole('combobox', { name: 'Add from the question bank' }).click();
    await page.getByRole('option', { name: 'How useful was it this time?' }).click();
    await dialog.getByText('Seven questions is the most a check-in asks.').waitFor();
    await expect(dialog.getByRole('button', { name: 'Write a question' }).count()).resolves.toBe(0);
    shown = await previewShows(dialog, 'Did we keep to the practice');
    expect(shown.indexOf('How calm was the week?')).toBeLessThan(shown.indexOf('How confident are you'));
    expect(shown).not.toContain('What went well');
    expect(shown).toMatch(/Did we keep to the practice since the last check-in\? ?Yes ?No/);

    // An empty label is caught before anything is sent.
    await dialog.getByLabel('1 means').first().fill('');
    await dialog.getByLabel(/^Title/).fill(`Calm weeks ${Date.now()}`);
    await dialog.getByLabel(/^Hypothesis/).fill('If we protect quiet time, the team feels calmer and gets more done.');
    await dialog.getByLabel('Success measure 1').fill('Calm most weeks');
    await dialog.getByRole('button', { name: 'Create pilot' }).click();
    await dialog.getByText('Use 1 to 40 characters.').waitFor();
    expect(posts).toHaveLength(0);
    await dialog.getByLabel('1 means').first().fill('Barely');
    await dialog.getByRole('button', { name: 'Create pilot' }).click();
    await page.getByTestId('notice').getByText('Pilot created as a draft').waitFor();

    expect(posts).toHaveLength(1);
    expect(posts[0].questions.map((q: any) => q.text)).toEqual([
      'How calm was the week?',
      'How confident are you that this practice is helping us?',
      'Is anything in the way?',
      'How free did you feel to decide how to do your work?',
      'How manageable was your workload?',
      'Did we keep to the practice since the last check-in?',
      'How useful was it this time?',
    ]);
    const id = decodeURIComponent(page.url().split('#/pilots/')[1]);
    const stored = (await b.t.api(`/api/pilots/${encodeURIComponent(id)}`, { as: morgan })).body.pilot as Pilot;
    expect(stored.questions[0]).toMatchObject({ kind: 'choice', choices: ['Calm', 'Busy'], id: expect.stringMatching(/^q-/) });
    expect(stored.questions[1]).toMatchObject({ id: 'confidence', low: 'Barely', high: 'Completely' });
    expect(stored.questions[1].translations).toBeUndefined(); // reworded: asked as written
    expect(stored.questions[5]).toMatchObject({ id: 'kept-practice', translations: { es: expect.anything() } });

    // Editing later: rewording keeps the question's id (and its trend).
    await page.getByRole('button', { name: 'Edit' }).click();
    await dialog.getByLabel('Question 1', { exact: true }).fill('How calm was the week, really?');
    await dialog.getByRole('button', { name: 'Save changes' }).click();
    await page.getByTestId('notice').getByText('Changes saved').waitFor();
    const edited = (await b.t.api(`/api/pilots/${encodeURIComponent(id)}`, { as: morgan })).body.pilot as Pilot;
    expect(edited.questions[0]).toMatchObject({ id: stored.questions[0].id, text: 'How calm was the week, really?' });
    expect(errors).toEqual([]);
  });

  test('in Spanish, the editor, the bank and the preview speak Spanish, and bank questions keep every language', async () => {
    const teams = await b.openInTeams(morgan, { tabUrl: '/tabs/index.html#/pilots', locale: 'es-ES' });
    const tab = teams.tab;
    await tab.getByRole('button', { name: 'Nuevo piloto' }).click();
    const dialog = tab.getByRole('dialog');
    await rows(dialog).nth(4).waitFor();
    const shown = await previewShows(dialog, '¿Cuánta confianza tienes en que esta práctica nos ayuda?');
    expect(shown).toContain('1 — Nada');
    expect(shown).toContain('Seguimiento:');
    await dialog.getByRole('combobox', { name: 'Añadir del banco de preguntas' }).click();
    await tab.getByRole('option', { name: '¿Se respetaron tus bloques de concentración?' }).click();
    expect(await previewShows(dialog, '¿Se respetaron tus bloques de concentración?')).toMatch(/concentración\? ?Sí ?No/);

    await dialog.getByLabel(/^Título/).fill(`Bloques de foco ${Date.now()}`);
    await dialog.getByLabel(/^Hipótesis/).fill('Si protegemos las mañanas, el equipo termina más trabajo profundo.');
    await dialog.getByLabel('Medida de éxito 1').fill('Bloques respetados');
    await dialog.getByRole('button', { name: 'Crear piloto' }).click();
    await tab.getByTestId('notice').waitFor();
    const frame = teams.page.frame({ url: /\/tabs\/index\.html/ }) as Frame;
    const id = decodeURIComponent(frame.url().split('#/pilots/')[1]);
    const stored = (await b.t.api(`/api/pilots/${encodeURIComponent(id)}`, { as: morgan })).body.pilot as Pilot;
    // Sent in Spanish, recognised as the bank's: kept in English with its translation, for every reader.
    expect(stored.questions.find((q) => q.id === 'focus-kept')).toMatchObject({ text: 'Were your focus blocks protected?', translations: { es: { text: '¿Se respetaron tus bloques de concentración?' } } });
    expect(stored.questions[0]).toMatchObject({ id: 'confidence', text: 'How confident are you that this practice is helping us?' });
    expect(teams.errors).toEqual([]);
  });
});
