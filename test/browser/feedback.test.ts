import type { Page } from 'playwright-core';
import { DEMO_USERS } from '../../domain/demo';
import { demoUser } from '../../support/app';
import { APP_BACKGROUND, downloadText, rememberDemoUser, seriousViolations } from '../helpers/browser';
import { startBrowserApp, type BrowserApp } from '../../support/browser';

/**
 * Feedback in the tab: giving it (what "anonymous" means, where it went), the manager's inbox
 * and the whole loop (acknowledge, reply, "you said, we did", the contributor's verdict), the
 * leaders' inbox and export under the anonymity rules, keyboard-only paths and axe, standalone
 * and inside the test Teams host.
 */
const sam = demoUser('Sam'); // member of Operations, manager Morgan
const riley = demoUser('Riley'); // member of Operations
const morgan = demoUser('Morgan'); // manager of Operations
const jordan = demoUser('Jordan'); // manager of Customer Care
const avery = demoUser('Avery'); // senior leader
// The demo's anonymous items: feedback:demo-1 (to Jordan) is Noor Haddad's, feedback:demo-2 (to leaders) Lee Wong's.
const ANONYMOUS_AUTHORS = [DEMO_USERS.find((u) => u.name === 'Noor Haddad')!, DEMO_USERS.find((u) => u.name === 'Lee Wong')!];

describe('feedback in the tab', () => {
  let b: BrowserApp;
  beforeAll(async () => {
    b = await startBrowserApp({ env: { DEMO_SIGN_IN: 'true', RATE_LIMIT_FEEDBACK_PER_HOUR: '10000' } });
  });
  afterAll(() => b?.stop());

  async function openAs(user: { userId: string }, hash: string) {
    const { page, context, errors } = await b.newPage();
    await rememberDemoUser(context, user.userId);
    const responses = recordResponses(page);
    await page.goto(`${b.tabUrl}${hash}`);
    return { page, context, errors, responses };
  }
  /** Every /api response body the page receives, for privacy checks. */
  function recordResponses(page: Page): Promise<string>[] {
    const bodies: Promise<string>[] = [];
    page.on('response', (res) => {
      if (new URL(res.url()).pathname.startsWith('/api/')) bodies.push(res.text().catch(() => ''));
    });
    return bodies;
  }

  test('keyboard only: a member sends anonymous feedback to their manager, told first what anonymous means', async () => {
    const { page, errors } = await openAs(sam, '#/feedback');
    const posts: any[] = [];
    page.on('request', (r) => r.method() === 'POST' && r.url().endsWith('/api/feedback') && posts.push({ body: r.postDataJSON(), headers: r.headers() }));
    const form = page.getByTestId('give-form');
    await form.getByRole('radio', { name: 'My manager, Morgan Lee' }).waitFor();
    await expect(form.getByRole('radio', { name: 'My manager, Morgan Lee' }).isChecked()).resolves.toBe(true);

    // Submitting empty names what is missing, without sending anything.
    await form.getByRole('button', { name: 'Send feedback' }).focus();
    await page.keyboard.press('Enter');
    await form.getByText('Choose what it is about.').waitFor();
    expect(posts).toHaveLength(0);

    await form.getByRole('radio', { name: 'Workload' }).focus();
    await page.keyboard.press('Space');
    await page.keyboard.press('Tab'); // the pilot dropdown
    await page.keyboard.press('Tab'); // the text
    await page.keyboard.type('Rota week and queue peak land on the same days; could we stagger them?');
    await page.keyboard.press('Tab'); // "With my name" (checked)
    await page.keyboard.press('ArrowDown'); // "Anonymously"
    await expect(form.getByRole('radio', { name: 'Anonymously' }).isChecked()).resolves.toBe(true);
    const explainer = form.getByTestId('anonymity-explainer');
    await explainer.getByText('What “anonymously” means').waitFor();
    await explainer.getByText('It is shown as coming from a group of at least 5 people', { exact: false }).waitFor();
    await explainer.getByText('If your team has fewer than 5 people besides your manager, it goes to senior leaders instead', { exact: false }).waitFor();
    await page.keyboard.press('Tab'); // Send feedback
    await page.keyboard.press('Enter');

    const sent = page.getByTestId('sent');
    await sent.getByText('Thanks, your feedback was sent.').waitFor();
    await sent.getByText('Your manager (Morgan Lee)').waitFor();
    await sent.getByText('Someone in Operations — Service Desk').waitFor();
    await sent.getByText(/it is shown from the week of/).waitFor();
    expect(posts).toHaveLength(1);
    expect(posts[0].body).toEqual({ audience: 'manager', topic: 'workload', text: 'Rota week and queue peak land on the same days; could we stagger them?', anonymous: true });
    expect(posts[0].headers['idempotency-key']).toMatch(/^[0-9a-f-]{36}$/);

    await page.getByRole('tab', { name: 'What I gave' }).click();
    const card = page.getByTestId('mine').locator('article').filter({ hasText: 'Rota week and queue peak' });
    await card.getByText('Anonymous', { exact: true }).waitFor();
    await card.getByText('Someone in Operations — Service Desk').waitFor();
    expect(errors).toEqual([]);
  });

  test('the loop: the manager acknowledges, replies and says what they did; the contributor confirms it is resolved', async () => {
    const given = await b.t.api('/api/feedback', { as: riley, body: { audience: 'manager', topic: 'support', text: 'New starters need a buddy for their first check-in rounds.', anonymous: false } });
    expect(given.status).toBe(201);
    const id: string = given.body.item.id;

    const m = await openAs(morgan, '#/feedback/inbox');
    const card = m.page.getByTestId('inbox').locator(`article[data-feedback-id="${id}"]`);
    await card.getByTestId('from').filter({ hasText: 'Riley Chen, Operations — Service Desk' }).waitFor();
    await card.getByRole('link').click();
    await m.page.getByRole('heading', { name: 'Feedback: Support', level: 1 }).waitFor();

    // Acknowledge, keyboard only: the note field takes focus when the form opens.
    await m.page.getByRole('button', { name: 'Acknowledge' }).focus();
    await m.page.keyboard.press('Enter');
    await m.page.keyboard.type('Thanks Riley, good idea.');
    await m.page.keyboard.press('Tab'); // due date
    await m.page.keyboard.press('Tab'); // submit
    await m.page.keyboard.press('Enter');
    await m.page.getByTestId('notice').getByText('Acknowledged. They have been told.').waitFor();
    await m.page.locator('main header [data-state="acknowledged"]').waitFor();

    await m.page.getByRole('button', { name: 'Reply' }).click();
    await m.page.getByLabel('Your reply').fill('Would you be a buddy for the next starter?');
    await m.page.getByRole('button', { name: 'Send reply' }).click();
    await m.page.getByTestId('thread').getByText('Would you be a buddy for the next starter?').waitFor();

    await m.page.getByRole('button', { name: 'You said, we did' }).click();
    const act = m.page.getByRole('form', { name: 'You said, we did' });
    await act.getByRole('button', { name: 'Tell them' }).click();
    await act.getByText('Write something first.').waitFor(); // required, checked before sending
    await m.page.getByLabel('What did you do about it?').fill('You said starters need a buddy; every starter now gets one for their first month.');
    await act.getByRole('button', { name: 'Tell them' }).click();
    await m.page.locator('main header [data-state="acted"]').waitFor();
    await expect(m.page.getByRole('button', { name: 'You said, we did' }).count()).resolves.toBe(0);

    const r = await openAs(riley, '#/feedback/mine');
    const mine = r.page.getByTestId('mine').locator(`article[data-feedback-id="${id}"]`);
    await mine.getByText('Is it resolved?').waitFor();
    await mine.getByRole('link').click();
    await r.page.getByTestId('thread').getByText('You said starters need a buddy', { exact: false }).waitFor();
    await r.page.getByText('They say they acted on it. Is it resolved for you?').waitFor();
    expect(await seriousViolations(r.page)).toEqual([]);
    await r.page.getByRole('button', { name: 'Yes, it’s resolved' }).click();
    await r.page.getByRole('form', { name: 'Yes, it’s resolved' }).getByRole('button', { name: 'Yes, it’s resolved' }).click();
    await r.page.getByTestId('notice').getByText('Thanks. The loop is closed.').waitFor();
    await r.page.locator('main header [data-state="closed"]').waitFor();
    expect((await b.t.api(`/api/feedback/${encodeURIComponent(id)}`, { as: morgan })).body.item).toMatchObject({ state: 'closed', contributorVerdict: 'closed' });
  });

  test('anonymous feedback shows no author anywhere: the leaders’ inbox, the item, the API answers behind them', async () => {
    const { page, responses } = await openAs(avery, '#/leader/feedback');
    const card = page.getByTestId('inbox').locator('article[data-feedback-id="feedback:demo-2"]');
    await card.getByTestId('from').filter({ hasText: 'Anonymous, from Customer Care — Americas' }).waitFor();
    await card.getByRole('link').click();
    await page.getByRole('heading', { name: 'Feedback: Workload', level: 1 }).waitFor();
    await page.getByTestId('from').filter({ hasText: 'Anonymous, from Customer Care — Americas' }).waitFor();
    await page.getByText('This feedback is anonymous.', { exact: false }).waitFor();
    await page.getByRole('button', { name: 'Reply' }).click();
    await page.getByLabel('Your reply').fill('Thank you. We are adding two people to the queue next month.');
    await page.getByRole('button', { name: 'Send reply' }).click();
    await page.getByTestId('thread').locator('[data-entry-from="owner"]').getByText('Avery Okafor').waitFor();

    const shown = await page.locator('body').innerText();
    const bodies = await Promise.all(responses);
    expect(bodies.some((x) => x.includes('Queue volume doubled this quarter'))).toBe(true); // the inbox answer was recorded
    for (const author of ANONYMOUS_AUTHORS) {
      expect(shown).not.toContain(author.name);
      for (const body of bodies) {
        expect(body).not.toContain(author.name);
        expect(body).not.toContain(author.id);
      }
    }
    await page.getByRole('link', { name: 'Back to the leader view' }).click();
    await page.getByTestId('summary-table').waitFor();
  });

  test('the feedback export is the server’s CSV: counts per group of at least the threshold, no names, no text', async () => {
    const { page } = await openAs(avery, '#/leader/feedback');
    const table = page.getByTestId('summary-table');
    await table.waitFor();
    const groups = (await table.locator('tbody tr[data-group] td:first-child').allTextContents()).map((g) => g.split(' · ')[0]);
    const { text, filename } = await downloadText(page, () => page.getByRole('button', { name: 'Export CSV' }).click());
    expect(filename).toBe('leaderful-feedback.csv');
    const lines = text.trim().split('\r\n');
    expect(lines[0]).toBe('"period_from","period_to","group_level","group","measure","value","count"');
    const rows = lines.slice(1).map((l) => l.slice(1, -1).split('","'));
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      expect(row).toHaveLength(7);
      expect(groups).toContain(row[3]);
      for (const cell of row) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
    }
    // Aggregates only: nobody's name and no feedback text, anonymous or not.
    for (const u of DEMO_USERS) expect(text).not.toContain(u.name);
    expect(text).not.toContain('Queue volume doubled');
    expect(text).not.toContain('retro actions are decided');
  });

  test('axe: the give form, what I gave, the inbox and an item with a form open have no serious violations', async () => {
    const s = await openAs(sam, '#/feedback');
    await s.page.getByRole('radio', { name: 'Anonymously' }).check();
    await s.page.getByTestId('anonymity-explainer').waitFor();
    expect(await seriousViolations(s.page)).toEqual([]);
    await s.page.getByRole('tab', { name: 'What I gave' }).click();
    await s.page.getByTestId('mine').or(s.page.getByText('You haven’t given any feedback yet.')).waitFor();
    expect(await seriousViolations(s.page)).toEqual([]);

    const j = await openAs(jordan, '#/feedback/inbox');
    await j.page.getByTestId('inbox').waitFor();
    expect(await seriousViolations(j.page)).toEqual([]);
    await j.page.getByTestId('inbox').getByRole('link').first().click();
    await j.page.getByRole('button', { name: 'Acknowledge' }).click();
    await j.page.getByTestId('action-form').waitFor();
    expect(await seriousViolations(j.page)).toEqual([]);
    // Escape closes the form and gives focus back to the button that opened it.
    await j.page.keyboard.press('Escape');
    await j.page.getByTestId('action-form').waitFor({ state: 'detached' });
    await j.page.waitForFunction(() => document.activeElement?.textContent === 'Acknowledge');
  });

  describe('inside Teams', () => {
    test('in Spanish: a manager’s inbox over SSO, following the Teams theme live; a member’s feedback with its group and notice', async () => {
      const teams = await b.openInTeams(jordan, { tabUrl: '/tabs/index.html#/feedback/inbox', locale: 'es-ES', theme: 'default' });
      await teams.tab.getByRole('heading', { name: 'Comentarios', level: 1 }).waitFor();
      await teams.tab.getByRole('tab', { name: 'Bandeja de entrada' }).waitFor();
      const card = teams.tab.getByTestId('inbox').locator('article[data-feedback-id="feedback:demo-1"]');
      await card.getByTestId('from').filter({ hasText: 'Anónimo, de Customer Care — Americas' }).waitFor();
      await card.getByText('Autonomía').waitFor();
      const frame = teams.page.frame({ url: /\/tabs\/index\.html/ })!;
      await teams.setTheme('dark');
      await frame.waitForFunction((bg) => getComputedStyle(document.getElementById('app-root')!).backgroundColor === bg, 'rgb(31, 31, 31)');
      expect(await frame.evaluate(APP_BACKGROUND)).toBe('rgb(31, 31, 31)');
      for (const req of teams.apiRequests) expect(req.headers.authorization).toMatch(/^Bearer /);
      expect(teams.apiRequests.map((r) => r.path)).toContain('/api/feedback/inbox');
      expect(teams.errors).toEqual([]);

      // A member sends anonymous feedback in Spanish: where it went, the group it is shown as and
      // the server's notice (codes) appear in Spanish. A threshold above Operations' size (6
      // besides Morgan) sends it up to leaders, as coming from the whole organisation.
      const alex = demoUser('Alex');
      expect((await b.t.api('/api/settings/anonymity', { as: alex, method: 'PUT', body: { anonymityThreshold: 8 } })).status).toBe(200);
      try {
        const member = await b.openInTeams(sam, { tabUrl: '/tabs/index.html#/feedback', locale: 'es-ES' });
        const form = member.tab.getByTestId('give-form');
        await form.getByRole('radio', { name: 'Carga de trabajo' }).check();
        await form.getByRole('textbox').fill('Los relevos de turno se solapan con el pico de llamadas.');
        await form.getByRole('radio', { name: 'De forma anónima' }).check();
        await form.getByRole('button', { name: 'Enviar comentario' }).click();
        const sent = member.tab.getByTestId('sent');
        await sent.getByText('Gracias, tu comentario se ha enviado.').waitFor();
        await sent.getByText('Enviado a: La dirección. Se muestra como: Alguien de tu organización.').waitFor();
        await sent.getByTestId('rerouted').getByText('Tu equipo tiene menos de 8 personas además de tu responsable, así que, para mantener tu anonimato, va a la dirección y se muestra como procedente de tu organización.').waitFor();
        expect(await sent.textContent()).not.toMatch(/Senior leaders|Someone in|Your team has|organisation/);
        expect(member.errors).toEqual([]);
      } finally {
        expect((await b.t.api('/api/settings/anonymity', { as: alex, method: 'PUT', body: { anonymityThreshold: 5 } })).status).toBe(200);
      }
    });

    test('a deep link to a feedback item (subEntityId) opens it', async () => {
      const teams = await b.openInTeams(jordan, { tabUrl: '/tabs/index.html#/pilots', subEntityId: 'feedback:demo-1' });
      await teams.tab.getByRole('heading', { name: 'Feedback: Autonomy', level: 1 }).waitFor();
      await teams.tab.getByTestId('feedback-text').getByText('The retro actions are decided before we meet.', { exact: false }).waitFor();
      await teams.tab.getByRole('link', { name: 'Back to feedback' }).click();
      await teams.tab.getByRole('heading', { name: 'Inbox' }).waitFor();
    });
  });
});
