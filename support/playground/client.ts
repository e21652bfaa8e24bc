import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { projectRoot } from '../../store/embedded';
import { CHROMIUM, CHROMIUM_FLAGS } from '../browser';

/**
 * Microsoft's Agents Playground (`@microsoft/m365agentsplayground`) as a client of the bot: a
 * Teams-shaped web chat that also plays the Bot Connector, driven through its page with
 * Chromium. It must run where it cannot reach the internet (a private network namespace): it
 * would open a browser and send telemetry otherwise. Here its browser opener is a do-nothing
 * command and its telemetry is off.
 *
 * Every activity between the playground and the bot is read from the playground's own log
 * stream (the websocket its page listens to), so steps wait for what the bot actually did.
 */

/** One activity in the playground's log: sent by the client (the person) or by the bot. */
export interface Logged {
  by: 'client' | 'bot';
  /** message, invoke, conversationUpdate, installationUpdate, getConversationPagedMembers, … */
  name: string;
  body: Record<string, any>;
  status?: number;
  response?: any;
}

/** What the client sent and what the bot answered within that turn. */
export interface Exchange {
  sent: Logged;
  replies: Logged[];
}

export interface PlaygroundOptions {
  /** The bot's messaging endpoint, e.g. http://127.0.0.1:3978/api/messages */
  endpoint: string;
  /** Where the do-nothing browser opener and screenshots go. */
  workDir: string;
}

/**
 * The playground's world: its tenant, the signed-in person, colleagues and a team. Its
 * built-in one has ids that are not GUIDs, which real Entra ids always are (and the tab API
 * insists on), so the playground gets this one instead (JSON is YAML too).
 */
const TENANT_ID = '6f1d5c2a-3b4e-4c5d-8e6f-7a8b9c0d1e2f';
const person = (n: number, given: string, surname: string) => ({
  id: `user-id-${n}`,
  name: `${given} ${surname}`,
  userPrincipleName: `${given.toLowerCase()}@contoso.test`,
  aadObjectId: `0c5e9a1b-7d2f-4e3a-9b8c-00000000000${n}`,
  givenName: given,
  surname,
  email: `${given.toLowerCase()}@contoso.test`,
});
const CONFIG = {
  version: '0.1.1',
  tenantId: TENANT_ID,
  bot: { id: '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d', name: 'Leaderful' },
  currentUser: person(0, 'Alex', 'Wilber'),
  // It wants at least five colleagues.
  users: [person(1, 'Megan', 'Bowen'), person(2, 'Adele', 'Vance'), person(3, 'Isaiah', 'Langer'), person(4, 'Patti', 'Fernandez'), person(5, 'Lynne', 'Robbins')],
  personalChat: { id: 'a:personal-alex' },
  groupChat: { id: '19:group-chat@thread.v2', name: 'Group Chat' },
  team: { id: '19:my-team@thread.tacv2', name: 'My Team', aadGroupId: '3c4d5e6f-7a8b-4c9d-8e0f-1a2b3c4d5e6f', channels: [{ id: '19:announcements@thread.tacv2', name: 'Announcements' }] },
};

/** The signed-in person (as the app's tests name users) and the team, as Leaderful knows them. */
export const PLAYGROUND_USER = { tenantId: TENANT_ID, userId: CONFIG.currentUser.aadObjectId, name: CONFIG.currentUser.name };
export const PLAYGROUND_TEAM = { id: `team:${CONFIG.team.id}`, name: CONFIG.team.name, aadGroupId: CONFIG.team.aadGroupId };
/** Everyone in the playground's tenant, the signed-in person first. */
export const PLAYGROUND_PEOPLE = [CONFIG.currentUser, ...CONFIG.users].map((u) => ({ userId: u.aadObjectId, displayName: u.name }));

const STALL_MS = 20_000;
/** How long an action's dialog may stay empty before it is asked for again (the bot answers in about a second). */
const EMPTY_DIALOG_MS = 8_000;
const CLI = path.join(projectRoot(), 'node_modules', '@microsoft', 'm365agentsplayground', 'cli.js');

export class Playground {
  readonly log: Logged[] = [];
  /** Errors the playground's page reported (console errors, uncaught exceptions), for diagnosis. */
  readonly pageErrors: string[] = [];
  private readonly waiters: (() => void)[] = [];

  private constructor(
    private readonly child: ChildProcess,
    private readonly browser: Browser,
    readonly page: Page,
    readonly url: string,
  ) {}

  static async start(opts: PlaygroundOptions): Promise<Playground> {
    const bin = path.join(opts.workDir, 'bin');
    mkdirSync(bin, { recursive: true });
    for (const opener of ['xdg-open', 'open', 'sensible-browser', 'www-browser']) {
      writeFileSync(path.join(bin, opener), '#!/bin/sh\nexit 0\n');
      chmodSync(path.join(bin, opener), 0o755);
    }
    writeFileSync(path.join(opts.workDir, '.m365agentsplayground.yml'), JSON.stringify(CONFIG, null, 2));
    const port = await freePort();
    const child = spawn(process.execPath, [CLI, '-e', opts.endpoint, '-c', 'msteams', '-p', String(port), '--disable-telemetry'], {
      // Its own switch and the system's both say "no browser"; its log and configuration live in
      // the work directory; the device time zone it reports is UTC.
      env: {
        ...process.env,
        TEAMSAPPTESTER_BROWSER: 'none',
        BROWSER: 'none',
        PATH: `${bin}:${process.env.PATH ?? ''}`,
        M365_AGENTS_PLAYGROUND_LOGFILE: path.join(opts.workDir, 'playground.log'),
        TZ: 'UTC',
      },
      cwd: opts.workDir,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    const listening = new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`the Agents Playground did not start: ${output.slice(-2000)}`)), STALL_MS);
      const watch = (chunk: Buffer) => {
        output += chunk.toString();
        if (output.includes(`Listening on ${port}`)) {
          clearTimeout(timer);
          resolve();
        }
      };
      child.stdout?.on('data', watch);
      child.stderr?.on('data', watch);
      child.once('exit', (code) => reject(new Error(`the Agents Playground exited (code ${code}): ${output.slice(-2000)}`)));
    });
    await listening.catch((err) => {
      child.kill();
      throw err;
    });
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_FLAGS }).catch((err) => {
      child.kill();
      throw err;
    });
    const context = await browser.newContext({ viewport: { width: 1400, height: 1000 }, locale: 'en-US', reducedMotion: 'reduce' });
    context.setDefaultTimeout(STALL_MS);
    const page = await context.newPage();
    const url = `http://127.0.0.1:${port}/`;
    const playground = new Playground(child, browser, page, url);
    page.on('console', (message) => void (message.type() === 'error' && playground.pageErrors.push(message.text().slice(0, 500))));
    page.on('pageerror', (err) => void playground.pageErrors.push(String(err.stack ?? err).slice(0, 1000)));
    page.on('websocket', (ws) => ws.on('framereceived', (frame) => playground.record(typeof frame.payload === 'string' ? frame.payload : frame.payload.toString())));
    try {
      await page.goto(url);
    } catch (err) {
      await playground.stop();
      throw new Error(`the Agents Playground page did not open (${(err as Error).message.split('\n')[0]}): ${output.slice(-2000)}`);
    }
    return playground;
  }

  private record(payload: string): void {
    let frame: { logAction?: string; log?: Record<string, any> };
    try {
      frame = JSON.parse(payload);
    } catch {
      return;
    }
    const entry = frame.logAction === 'appendLog' ? frame.log : undefined;
    if (!entry) return;
    this.log.push({
      by: entry.from === 'User Application' ? 'bot' : 'client',
      name: String(entry.activityName ?? ''),
      body: entry.request?.body ?? {},
      status: entry.response?.statusCode,
      response: entry.response?.body,
    });
    for (const wake of this.waiters.splice(0)) wake();
  }

  /** The first log entry from index `since` on that matches, once it arrives. */
  async next(match: (entry: Logged) => boolean, since: number, what: string): Promise<Logged> {
    return (await this.waitFor(match, since, what, 1))[0];
  }

  /** Log entries from index `since` on that match, once there are `count` of them. */
  async waitFor(match: (entry: Logged) => boolean, since: number, what: string, count: number): Promise<Logged[]> {
    const started = Date.now();
    for (;;) {
      const found = this.log.slice(since).filter(match);
      if (found.length >= count) return found;
      if (Date.now() - started > STALL_MS) throw new Error(`the playground never logged ${what} (${found.length} of ${count})`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, 250);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  /**
   * Runs a UI action and waits for the activity it makes the client send (logged once the bot
   * has answered it). The bot's replies in that turn were logged before it.
   */
  async exchange(action: () => Promise<void>, match: (entry: Logged) => boolean, what: string): Promise<Exchange> {
    const since = this.log.length;
    await action();
    const sent = await this.next((e) => e.by === 'client' && match(e), since, what);
    const replies = this.log.filter((e) => e.by === 'bot' && e.name === 'message' && e.body.replyToId === sent.body.id);
    return { sent, replies };
  }

  // -------------------------------------------------------------------------------------------
  // The page

  /** Opens a chat or channel from the left rail ("Personal Chat", "General", …). */
  async open(name: string): Promise<void> {
    await this.page.getByRole('treeitem', { name: new RegExp(name) }).first().click();
  }

  /** Types a message in the open chat's box and sends it with Enter. */
  async say(text: string): Promise<Exchange> {
    return this.exchange(
      async () => {
        await this.page.locator('[data-lexical-editor="true"]').last().click();
        await this.page.keyboard.type(text);
        await this.page.keyboard.press('Enter');
      },
      (e) => e.name === 'message' && e.body.text === text,
      `the message “${text}”`,
    );
  }

  /** Starts a new post in the open channel that @mentions the bot, followed by `text`. */
  async postMentioningBot(text: string): Promise<Exchange> {
    return this.exchange(
      async () => {
        await this.page.locator('[data-lexical-editor="true"]').first().click();
        await this.page.keyboard.type(`@${CONFIG.bot.name.slice(0, 4)}`);
        await this.page.getByRole('menuitem', { name: CONFIG.bot.name }).click();
        await this.page.keyboard.type(` ${text}`);
        await this.page.getByRole('button', { name: 'Post' }).click();
      },
      (e) => e.name === 'message' && typeof e.body.text === 'string' && e.body.text.endsWith(text) && e.body.text.includes('<at>'),
      `the post “${text}”`,
    );
  }

  /** Sends whatever the compose box holds (e.g. a card inserted from the message extension). */
  async sendComposed(): Promise<Exchange> {
    return this.exchange(() => this.page.getByRole('button', { name: 'Send Message' }).click(), (e) => e.name === 'message', 'the composed message');
  }

  /** The rendered Adaptive Card (in the chat) that shows `text`; the latest one if several do. */
  card(text: string): Locator {
    return this.page.locator('.ac-adaptiveCard', { hasText: text }).last();
  }

  /** Clicks a button on a card; waits for the invoke it sends. */
  async clickCardButton(card: Locator, title: string): Promise<Exchange> {
    return this.exchange(() => card.getByRole('button', { name: title, exact: true }).click(), (e) => e.name === 'invoke', `the invoke of “${title}”`);
  }

  /** Runs a message-extension search command and returns the result titles shown. */
  async search(commandId: string, query: string): Promise<{ exchange: Exchange; titles: string[] }> {
    await this.page.getByRole('button', { name: 'Trigger Message Extension App' }).click();
    await this.page.getByRole('menuitem', { name: 'Search Command' }).click();
    await this.page.getByText('Specify Command ID or Parameter').click();
    await this.page.getByPlaceholder('Command ID').fill(commandId);
    await this.page.getByPlaceholder('Parameter name').fill('searchQuery');
    const exchange = await this.exchange(
      () => this.page.getByPlaceholder('Enter a search term').fill(query),
      (e) => e.name === 'invoke' && e.body.name === 'composeExtension/query' && e.body.value?.parameters?.[0]?.value === query,
      `the search “${query}”`,
    );
    const attachments = (exchange.sent.response?.composeExtension?.attachments ?? []) as { preview?: { content?: { title?: string } } }[];
    const titles = attachments.map((a) => String(a.preview?.content?.title ?? ''));
    if (titles[0]) await this.page.getByText(titles[0], { exact: true }).last().waitFor();
    return { exchange, titles };
  }

  /** Picks a search result: the playground puts its card in the compose box. */
  async pickResult(title: string): Promise<void> {
    await this.page.getByText(title, { exact: true }).last().click();
  }

  /**
   * Opens a message-extension action command's form (fetchTask); returns the dialog. The
   * playground keeps the fetched form in one shared slot that every message's "…" menu clears
   * when it is first drawn: a message drawn just after the answer (a busy page drawing the last
   * one late) leaves the dialog empty. Then the dialog is closed and the form asked for again.
   */
  async openAction(commandId: string): Promise<{ exchange: Exchange; dialog: Locator }> {
    for (let attempt = 1; ; attempt++) {
      await this.page.getByRole('button', { name: 'Trigger Message Extension App' }).click();
      await this.page.getByRole('menuitem', { name: 'Action Command' }).click();
      await this.page.getByPlaceholder('Input command id or leave blanks').fill(commandId);
      const exchange = await this.exchange(
        () => this.page.getByRole('button', { name: 'Create' }).click(),
        (e) => e.name === 'invoke' && e.body.name === 'composeExtension/fetchTask',
        `the form of ${commandId}`,
      );
      const dialog = this.page.getByRole('dialog');
      try {
        await dialog.locator('.ac-adaptiveCard').waitFor({ timeout: attempt < 2 ? EMPTY_DIALOG_MS : STALL_MS });
        return { exchange, dialog };
      } catch (err) {
        if (attempt >= 2) throw new Error(`${(err as Error).message}\nthe bot answered ${exchange.sent.status}: ${JSON.stringify(exchange.sent.response).slice(0, 600)}`);
        await dialog.getByRole('button', { name: 'Close' }).first().click();
        await dialog.waitFor({ state: 'detached' });
      }
    }
  }

  async screenshot(file: string): Promise<void> {
    await this.page.screenshot({ path: file, fullPage: true }).catch(() => undefined);
  }

  async stop(): Promise<void> {
    await this.browser.close().catch(() => undefined);
    if (this.child.exitCode === null) {
      const exited = new Promise((resolve) => this.child.once('exit', resolve));
      this.child.kill();
      await exited;
    }
  }
}

/** Every readable string of the Adaptive Cards (and text) in an activity, for checks. */
export function textOf(value: unknown): string {
  const out: string[] = [];
  const walk = (v: unknown, key = '') => {
    if (typeof v === 'string') {
      if (['text', 'title', 'value', 'label'].includes(key)) out.push(v);
    } else if (Array.isArray(v)) v.forEach((x) => walk(x, key));
    else if (v && typeof v === 'object') Object.entries(v).forEach(([k, x]) => walk(x, k));
  };
  walk(value);
  return out.join('\n');
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}
