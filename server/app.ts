import { existsSync } from 'node:fs';
import path from 'node:path';
import restify, { type Request, type Response, type Next } from 'restify';
import { createAdapter, messagesHandler, type LeaderfulAdapter } from '../bot/app/adapter';
import type { LinkConfig } from '../bot/app/links';
import { LeaderfulBot } from '../bot';
import type { Domain } from '../domain';
import { DEMO_TENANT_ID, DEMO_USERS } from '../domain/demo';
import type { CosmosStore } from '../store/cosmos';
import { registerAdminRoutes } from './api/admin';
import { registerCheckinRoutes } from './api/checkins';
import { registerCircleRoutes } from './api/circles';
import { registerFeedbackRoutes } from './api/feedback';
import { registerLeaderRoutes } from './api/leader';
import { registerMeRoutes } from './api/me';
import { registerPathRoutes } from './api/paths';
import { registerPilotRoutes } from './api/pilots';
import { registerPracticeRoutes } from './api/practices';
import { registerProjectRoutes } from './api/projects';
import { registerLessonRoutes } from './api/lessons';
import { registerStoryRoutes } from './api/stories';
import type { ApiContext } from './api/context';
import type { Config } from './config';
import { handler, jsonBody, sendError } from '../platform/http';
import { IdentityResolver } from './identity';
import type { Log } from '../platform/log';
import { securityHeaders } from './security-headers';

/** The tab API, one route module per component. */
const API_ROUTES: ((ctx: ApiContext) => void)[] = [
  registerMeRoutes,
  registerPilotRoutes,
  registerCheckinRoutes,
  registerPracticeRoutes,
  registerLeaderRoutes,
  registerFeedbackRoutes,
  registerCircleRoutes,
  registerStoryRoutes,
  registerProjectRoutes,
  registerPathRoutes,
  registerAdminRoutes,
  registerLessonRoutes,
];

export interface AppDeps {
  config: Config;
  domain: Domain;
  store: CosmosStore;
  log: Log;
  bot: BotRuntime;
  /** Folder of the built tab (index.html, app.js). */
  tabsDir: string;
}

export interface BotRuntime {
  adapter: LeaderfulAdapter;
  bot: LeaderfulBot;
  links: LinkConfig;
}

/** The Bot Framework side: adapter (auth) and the bot with its surfaces. */
export function createBotRuntime(config: Config, domain: Domain, log: Log, publicUrl: string): BotRuntime {
  const links = { publicUrl, teamsAppId: config.TEAMS_APP_ID };
  return { adapter: createAdapter(config, log), bot: new LeaderfulBot(domain, log, links), links };
}

/** Builds the one restify server: bot endpoint, tab API, tab files and health. */
export function createApp(deps: AppDeps): restify.Server {
  const { config, domain, store, log } = deps;
  const { adapter, bot } = deps.bot;
  const server = restify.createServer({ name: 'leaderful', handleUncaughtExceptions: false, strictNext: false });

  server.pre(securityHeaders(config));
  server.use(restify.plugins.queryParser({ mapParams: false }));
  server.use(jsonBody(config.MAX_BODY_BYTES));

  const identity = new IdentityResolver(config, {
    tenantId: DEMO_TENANT_ID,
    isDemoUser: async (userId) => DEMO_USERS.find((u) => u.id === userId),
  });

  server.post('/api/messages', handler(log, messagesHandler(adapter, bot, log)));

  server.get('/healthz', handler(log, async (_req, res) => {
    const ok = await store.ping();
    res.send(ok ? 200 : 503, { status: ok ? 'ok' : 'degraded', store: ok ? 'reachable' : 'unreachable' });
  }));

  const ctx: ApiContext = { server, domain, identity, log, config, limits: domain.limits };
  for (const register of API_ROUTES) register(ctx);

  registerTabFiles(server, deps.tabsDir, log);

  server.on('NotFound', (req: Request, res: Response, _err: unknown, cb: Next) => {
    sendError(res, 404, 'not_found', `No route for ${req.method} ${String(req.url).split('?')[0].slice(0, 100)}.`);
    cb(false);
  });
  server.on('MethodNotAllowed', (req: Request, res: Response, _err: unknown, cb: Next) => {
    sendError(res, 405, 'method_not_allowed', `${req.method} is not allowed here.`);
    cb(false);
  });
  server.on('restifyError', (_req: Request, res: Response, err: Error & { statusCode?: number }, cb: Next) => {
    if (!res.headersSent) sendError(res, err.statusCode && err.statusCode < 500 ? err.statusCode : 500, 'error', err.statusCode && err.statusCode < 500 ? err.message : 'Something went wrong on our side.');
    cb(false);
  });
  return server;
}

function registerTabFiles(server: restify.Server, tabsDir: string, log: Log): void {
  if (!existsSync(path.join(tabsDir, 'index.html'))) {
    log.warn({ tabsDir }, 'tab bundle not built: run `npm run build`');
  }
  server.get('/', (_req: Request, res: Response, next: Next) => {
    res.redirect(302, '/tabs/index.html', next);
  });
  // Chunk names carry a content hash, so they never change: cache them for a year. The entry
  // points (index.html, app.js) must always be revalidated so a deploy is picked up at once.
  const files = restify.plugins.serveStaticFiles(tabsDir, {
    maxAge: 0,
    setHeaders: (res: Response, file: string) => {
      const immutable = /-[A-Z0-9]{8}\.js(\.map)?$/.test(file);
      res.setHeader('Cache-Control', immutable ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
  });
  server.get('/tabs/*', files);
  // The app's shareable pilot links (unfurled in Teams) open the tab at that pilot in a browser.
  server.get('/pilots/:id', (req: Request, res: Response, next: Next) => {
    res.redirect(302, `/tabs/index.html#/pilots/${encodeURIComponent(String(req.params.id))}`, next);
  });
  server.head('/tabs/*', files);
}
