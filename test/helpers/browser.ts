import AxeBuilder from '@axe-core/playwright';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type FrameLocator, type Page } from 'playwright-core';
import type { Running } from '../../server/main';
import type { Doc } from '../../store/cosmos';
import { deriveHealth } from '../../domain/pilots';
import type { PilotStatus, RoundFigures } from '../../domain/pilots';
import { DEFAULT_CADENCE } from '../../domain/pilots';
import { startTestApp, type TestApp } from './app';
import { teamsHostHtml, type HostMessage, type TeamsHostOptions } from './teams-host/host-page';
import type { TeamsUser } from './teams';

/**
 * Browser tests' harness: the real server (startTestApp) plus Debian Chromium driven by
 * playwright-core. One per test file; each test takes a fresh context (own storage), so tests
 * stay independent. Nothing leaves the machine: requests to other hosts are answered or refused.
 */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const TEAMS_JS_VALID_DOMAINS = 'https://res.cdn.office.net/teams-js/validDomains/json/validDomains.json';

export interface BrowserApp {
  t: TestApp;
  browser: Browser;
  /** The tab's base URL, e.g. http://127.0.0.1:1234/tabs/index.html */
  tabUrl: string;
  /** A page in a fresh context. `errors` collects uncaught page errors for a final check. */
  newPage(opts?: { viewport?: { width: number; height: number } }): Promise<{ page: Page; context: BrowserContext; errors: string[] }>;
  /** Opens the tab inside the test Teams host, signed in as `user`. */
  openInTeams(user: TeamsUser, opts: TeamsOpenOptions): Promise<TeamsTab>;
  stop(): Promise<void>;
}

export type TeamsOpenOptions = Omit<TeamsHostOptions, 'tenantId' | 'userObjectId' | 'token'> & {
  signIn?: boolean;
  viewport?: { width: number; height: number };
  /** Runs on the new page before it loads the host (e.g. to watch every response from the start). */
  beforeNavigate?(page: Page): void | Promise<void>;
};

export interface TeamsTab {
  page: Page;
  tab: FrameLocator;
  errors: string[];
  /** Every message the tab sent the host, oldest first. */
  messages(func?: string): Promise<HostMessage[]>;
  /** Waits until the tab has sent a message with this func; returns the first such message. */
  waitForMessage(func: string): Promise<HostMessage>;
  setTheme(theme: 'default' | 'dark' | 'contrast'): Promise<void>;
  /** The user selects Save on the configuration page. */
  save(): Promise<void>;
  /** Headers of the tab's /api requests, as the server received them. */
  apiRequests: { path: string; headers: Record<string, string> }[];
}

export function requireBuiltTab(): void {
  const built = path.resolve(__dirname, '../../dist/tabs/index.html');
  if (!existsSync(built)) throw new Error('dist/tabs is not built: run `node scripts/build.mjs` (npm test does) before the browser tests.');
}

export async function startBrowserApp(opts: { env?: Record<string, string> } = {}): Promise<BrowserApp> {
  requireBuiltTab();
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM}: apt-get install -y chromium (or set CHROMIUM_PATH).`);
  const t = await startTestApp({ env: opts.env });
  let browser: Browser;
  try {
    browser = await chromium.launch({ executablePath: CHROMIUM, args: FLAGS });
  } catch (err) {
    await t.stop();
    throw err;
  }
  const origin = t.url;
  const tabUrl = `${origin}/tabs/index.html`;

  async function newPage(pageOpts: { viewport?: { width: number; height: number } } = {}) {
    // Reduced motion: Fluent skips its fade-ins, so nothing is scanned or clicked half-faded.
    const context = await browser.newContext({ viewport: pageOpts.viewport ?? { width: 1280, height: 860 }, locale: 'en-US', reducedMotion: 'reduce' });
    context.setDefaultTimeout(10_000);
    // teams-js fetches its valid-domains list on import; answer it like the CDN would.
    await context.route(TEAMS_JS_VALID_DOMAINS, (route) => route.fulfill({ json: { validOrigins: ['teams.microsoft.com', '*.teams.microsoft.com'] } }));
    await context.route((url) => url.origin !== origin && url.href !== TEAMS_JS_VALID_DOMAINS, (route) => route.abort('blockedbyclient'));
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (err) => errors.push(err.message));
    return { page, context, errors };
  }

  async function openInTeams(user: TeamsUser, { signIn, viewport, beforeNavigate, ...hostOpts }: TeamsOpenOptions): Promise<TeamsTab> {
    const { page, errors } = await newPage({ viewport });
    const token = signIn === false ? undefined : await t.idp.token({ tid: user.tenantId, oid: user.userId, name: user.name });
    // The host page lives at the app's origin (fulfilled here, never served by the app), so
    // teams-js in the framed tab accepts its messages as same-origin.
    const hostUrl = `${origin}/__test-teams-host.html`;
    await page.route(hostUrl, (route) =>
      route.fulfill({ contentType: 'text/html', body: teamsHostHtml({ ...hostOpts, tenantId: user.tenantId, userObjectId: user.userId, token }) }),
    );
    const apiRequests: TeamsTab['apiRequests'] = [];
    page.on('request', (req) => {
      const url = new URL(req.url());
      if (url.origin === origin && url.pathname.startsWith('/api/')) apiRequests.push({ path: url.pathname + url.search, headers: req.headers() });
    });
    await beforeNavigate?.(page);
    await page.goto(hostUrl);
    const messages = async (func?: string) => {
      const all = await page.evaluate(() => (window as unknown as { __teamsHost: { messages: HostMessage[] } }).__teamsHost.messages);
      return func ? all.filter((m) => m.func === func) : all;
    };
    return {
      page,
      tab: page.frameLocator('#tab'),
      errors,
      apiRequests,
      messages,
      async waitForMessage(func) {
        await page.waitForFunction((f) => (window as unknown as { __teamsHost: { messages: HostMessage[] } }).__teamsHost.messages.some((m) => m.func === f), func);
        return (await messages(func))[0];
      },
      setTheme: (theme) => page.evaluate((th) => (window as unknown as { __teamsHost: { setTheme(t: string): void } }).__teamsHost.setTheme(th), theme),
      save: () => page.evaluate(() => (window as unknown as { __teamsHost: { save(): void } }).__teamsHost.save()),
    };
  }

  return {
    t,
    browser,
    tabUrl,
    newPage,
    openInTeams,
    async stop() {
      await browser.close().catch(() => undefined);
      await t.stop();
    },
  };
}

/** Standalone: opens the tab and picks a demo user from the sign-in list. */
export async function signInAsDemoUser(page: Page, tabUrl: string, name: string, hash = '#/pilots'): Promise<void> {
  await page.goto(`${tabUrl}${hash}`);
  await page.getByRole('button', { name: new RegExp(`^${name}`) }).click();
  await page.getByTestId('signed-in-user').filter({ hasText: name }).waitFor();
}

/**
 * Serious and critical axe violations on the page (frames included), as `rule: targets` lines.
 * Fluent's focus sentinels (`data-tabster-dummy`) are excluded: they are invisible by design.
 */
export async function seriousViolations(page: Page): Promise<string[]> {
  // In the test Teams host the tab is in the #tab frame: exclude the sentinels there too.
  const t0 = Date.now();
  const { violations } = await new AxeBuilder({ page }).exclude('[data-tabster-dummy]').exclude(['#tab', '[data-tabster-dummy]']).analyze();
  if (process.env.AXE_TIMING) console.log(`axe ${Date.now() - t0} ms`);
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/** Signs in a demo user without the picker (the choice the picker stores), for tests about other things. */
export async function rememberDemoUser(context: BrowserContext, userId: string): Promise<void> {
  await context.addInitScript((id) => localStorage.setItem('leaderful.demoUser', id), userId);
}

/** The text of a file the page downloads when `trigger` runs. */
export async function downloadText(page: Page, trigger: () => Promise<void>): Promise<{ text: string; filename: string }> {
  const [download] = await Promise.all([page.waitForEvent('download'), trigger()]);
  const file = await download.path();
  return { text: readFileSync(file!, 'utf8'), filename: download.suggestedFilename() };
}

/** The computed background colour of the app's root, as `rgb(r, g, b)`. */
export const APP_BACKGROUND = () => getComputedStyle(document.getElementById('app-root')!).backgroundColor;

// ---------------------------------------------------------------------------------------------
// A large portfolio, written straight to the store (the way bench/leader-api.ts seeds).

const SEED_STATUSES: PilotStatus[] = ['active', 'active', 'active', 'paused', 'in_review', 'adopted', 'adapted', 'stopped', 'draft'];
const SEED_PRACTICES = ['Rotating facilitator', 'Weekly retro', 'Delegated decisions', 'Peer coaching', 'Decision log', 'No-meeting focus time', 'You said, we did', 'Recognition round', 'Skip-level coffee', 'Working out loud', 'Team charter', 'Blameless review'];

/**
 * `count` pilots in `tenantId` with up to eight weeks of round figures each (so health, trends
 * and signals vary), ids `pilot:bulk-<n>` and titles `Bulk pilot <n>` (zero-padded). Returns the ids.
 */
export async function seedPortfolio(app: Running, tenantId: string, count: number, opts: { start?: Date } = {}): Promise<string[]> {
  // By default the pilots started ten weeks before the app's today, on a Monday.
  const now = app.domain.clock.now();
  const monday = new Date(now.getTime() - ((now.getUTCDay() + 6) % 7) * 86_400_000);
  const start = opts.start ?? new Date(Date.UTC(monday.getUTCFullYear(), monday.getUTCMonth(), monday.getUTCDate() - 70, 12));
  const day = (offset: number) => new Date(start.getTime() + offset * 86_400_000).toISOString().slice(0, 10);
  const docs: Doc[] = [];
  const width = String(count - 1).length;
  for (let i = 0; i < count; i++) {
    const status = SEED_STATUSES[i % SEED_STATUSES.length];
    const weeks = status === 'draft' ? 0 : 3 + (i % 6);
    const figures: RoundFigures[] = Array.from({ length: weeks }, (_, w) => {
      const invited = 6 + (i % 5);
      const answered = Math.max(0, invited - ((i + w) % 4) - (i % 7 === 0 ? w : 0));
      const shown = answered >= 5;
      return {
        date: day(w * 7 + 1),
        invited,
        answered,
        confidence: shown ? Math.round((2.6 + ((i * 7 + w * 3) % 20) / 10) * 100) / 100 : null,
        autonomy: shown ? Math.round((4.2 - (i % 11 === 0 ? w * 0.4 : 0)) * 100) / 100 : null,
        workload: shown ? (i % 13 === 0 ? 2.2 : 3.4) : null,
      };
    });
    const practice = i % SEED_PRACTICES.length;
    const openFeedback = i % 17 === 0 ? 2 : i % 5 === 0 ? 1 : 0;
    docs.push({
      id: `pilot:bulk-${String(i).padStart(width, '0')}`,
      tenantId,
      type: 'pilot',
      title: `Bulk pilot ${String(i).padStart(width, '0')}`,
      practiceId: `practice:bulk-${practice}`,
      practiceName: SEED_PRACTICES[practice],
      hypothesis: 'If we try this practice for a few weeks, the team will feel more ownership.',
      successMeasures: ['People say they shape how we work'],
      teamId: `team:bulk-${i % 120}`,
      teamName: `Team ${String(i % 120).padStart(3, '0')}`,
      managerId: `bulk-manager-${i % 90}`,
      managerName: `Manager ${String(i % 90).padStart(2, '0')}`,
      cadence: DEFAULT_CADENCE,
      questions: [],
      startDate: day(0),
      endDate: day(70),
      status,
      learning: ['adopted', 'adapted', 'stopped'].includes(status) ? `What team ${i % 120} learned from pilot ${i}.` : undefined,
      createdAt: start.toISOString(),
      updatedAt: new Date(start.getTime() + (i % 50) * 3_600_000).toISOString(),
      roundFigures: figures,
      health: deriveHealth(figures, openFeedback, openFeedback ? 20 : 0),
    } as Doc);
  }
  await app.store.bulkCreate('pilots', docs);
  return docs.map((d) => d.id);
}
