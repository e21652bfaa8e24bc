import type { Clock } from '../domain/shared/clock';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type FrameLocator, type Page } from 'playwright-core';
import { projectRoot } from '../store/embedded';
import { startTestApp, type TestApp } from './app';
import { teamsHostHtml, type HostMessage, type TeamsHostOptions } from './teams-host/host-page';
import type { TeamsUser } from './teams';

/**
 * The browser harness of the browser tests and the tab benchmark: the real server (startTestApp)
 * plus Debian Chromium driven by playwright-core. One per test file; each test takes a fresh
 * context (own storage), so tests stay independent. Nothing leaves the machine: requests to
 * other hosts are answered or refused.
 */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const CHROMIUM_FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
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
  const built = path.join(projectRoot(), 'dist', 'tabs', 'index.html');
  if (!existsSync(built)) throw new Error('dist/tabs is not built: run `node scripts/build.mjs` (npm test does) before the browser tests.');
}

export async function startBrowserApp(opts: { env?: Record<string, string>; clock?: Clock } = {}): Promise<BrowserApp> {
  requireBuiltTab();
  const t = await startTestApp({ env: opts.env, clock: opts.clock });
  let browser: Browser;
  try {
    browser = await launchChromium();
  } catch (err) {
    await t.stop();
    throw err;
  }
  return {
    t,
    browser,
    ...browserFront(browser, t.url, t.token),
    async stop() {
      await browser.close().catch(() => undefined);
      await t.stop();
    },
  };
}

/** Debian Chromium, headless, as the browser tests and the tab benchmark run it. */
export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM}: apt-get install -y chromium (or set CHROMIUM_PATH).`);
  return chromium.launch({ executablePath: CHROMIUM, args: [...CHROMIUM_FLAGS, OFFLINE] });
}

/**
 * Nothing leaves the machine: every host name fails to resolve, so only the apps under test
 * (reached at 127.0.0.1) answer, and what the tab asks of other hosts is answered in the browser
 * (answerInBrowser) or fails. Done at launch rather than with Playwright routes: a route makes
 * Playwright pause every request of the page and ask this process about it, which adds a round
 * trip through the driver to each of the tab's ~40 first requests (the tab benchmark measured it).
 */
const OFFLINE = '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1';

interface PageAnswers {
  add(url: string, answer: { contentType: string; body: string }): Promise<void>;
}

/**
 * Answers these URLs in the browser (the DevTools protocol's Fetch domain, paused only for the
 * URLs asked for); the page's other requests go straight to the network.
 */
async function answerInBrowser(page: Page, initial: Record<string, { contentType: string; body: string }>): Promise<PageAnswers> {
  const answers = new Map(Object.entries(initial));
  const cdp = await page.context().newCDPSession(page);
  cdp.on('Fetch.requestPaused', (event: { requestId: string; request: { url: string } }) => {
    const answer = answers.get(event.request.url);
    const reply = answer
      ? cdp.send('Fetch.fulfillRequest', { requestId: event.requestId, responseCode: 200, responseHeaders: [{ name: 'content-type', value: answer.contentType }], body: Buffer.from(answer.body).toString('base64') })
      : cdp.send('Fetch.continueRequest', { requestId: event.requestId });
    reply.catch(() => undefined); // the page may be closing
  });
  const listen = () => cdp.send('Fetch.enable', { patterns: [...answers.keys()].map((urlPattern) => ({ urlPattern, requestStage: 'Request' as const })) });
  await listen();
  return {
    async add(url, answer) {
      answers.set(url, answer);
      await listen();
    },
  };
}

/** What a browser can open on one app's origin: its tab, standalone or inside the test Teams host. */
export type BrowserFront = Pick<BrowserApp, 'tabUrl' | 'newPage' | 'openInTeams'>;

/**
 * Pages on `origin` (an app in this process or in its own): fresh contexts that reach nothing
 * else, and the Teams host page, which signs the tab in with `token(user)`.
 */
export function browserFront(browser: Browser, origin: string, tokenFor: (user: TeamsUser) => Promise<string>): BrowserFront {
  const tabUrl = `${origin}/tabs/index.html`;
  /** Each page's answers in the browser (answerInBrowser), so openInTeams can add the host page's. */
  const pageAnswers = new WeakMap<Page, PageAnswers>();
  async function newPage(pageOpts: { viewport?: { width: number; height: number } } = {}) {
    // Reduced motion: Fluent skips its fade-ins, so nothing is scanned or clicked half-faded.
    const context = await browser.newContext({ viewport: pageOpts.viewport ?? { width: 1280, height: 860 }, locale: 'en-US', reducedMotion: 'reduce' });
    context.setDefaultTimeout(10_000);
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (err) => errors.push(err.message));
    // teams-js fetches its valid-domains list on import; answer it like the CDN would.
    const answers = await answerInBrowser(page, { [TEAMS_JS_VALID_DOMAINS]: { contentType: 'application/json', body: JSON.stringify({ validOrigins: ['teams.microsoft.com', '*.teams.microsoft.com'] }) } });
    pageAnswers.set(page, answers);
    return { page, context, errors };
  }

  async function openInTeams(user: TeamsUser, { signIn, viewport, beforeNavigate, ...hostOpts }: TeamsOpenOptions): Promise<TeamsTab> {
    const { page, errors } = await newPage({ viewport });
    const token = signIn === false ? undefined : await tokenFor(user);
    // The host page lives at the app's origin (fulfilled here, never served by the app), so
    // teams-js in the framed tab accepts its messages as same-origin.
    const hostUrl = `${origin}/__test-teams-host.html`;
    await pageAnswers.get(page)!.add(hostUrl, { contentType: 'text/html', body: teamsHostHtml({ ...hostOpts, tenantId: user.tenantId, userObjectId: user.userId, token }) });
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

  return { tabUrl, newPage, openInTeams };
}
