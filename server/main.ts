import path from 'node:path';
import type { AddressInfo } from 'node:net';
import type restify from 'restify';
import { DefaultAzureCredential } from '@azure/identity';
import { createDomain, type Domain } from '../domain';
import { systemClock, type Clock } from '../domain/shared/clock';
import { DEMO_TENANT_ID, seedDemoData } from '../domain/demo';
import { RateLimits } from '../domain/shared/rate-limits';
import { CosmosStore } from '../store/cosmos';
import { embeddedStoreDir, projectRoot, startEmbeddedCosmos, type EmbeddedCosmos } from '../store/embedded';
import { importLegacySnapshot } from '../store/legacy-snapshot';
import { createApp, createBotRuntime } from './app';
import { Background } from './background';
import { ConfigError, loadConfig, type Config } from './config';
import { createLog, type Log } from '../platform/log';
import { connectGraph } from './graph';

/**
 * Starts Leaderful: configuration, the store (embedded Cosmos when COSMOS_ENDPOINT is unset),
 * demo data, and the one HTTP server. Tests call this too, with their own env and clock.
 */
export interface Running {
  url: string;
  port: number;
  config: Config;
  store: CosmosStore;
  domain: Domain;
  log: Log;
  /** The embedded Cosmos server, when one was started (tests stop it to simulate an outage). */
  embedded?: EmbeddedCosmos;
  /** The restify server (tests read its route table to prove every route is covered). */
  server: restify.Server;
  /** Scheduler and delivery (tests call tick() and delivery.flush() themselves). */
  background: Background;
  stop(): Promise<void>;
}

export interface StartOptions {
  env?: Record<string, string | undefined>;
  clock?: Clock;
  log?: Log;
}

export class StartupError extends Error {}

export async function startLeaderful(opts: StartOptions = {}): Promise<Running> {
  const config = loadConfig(opts.env ?? process.env);
  const log = opts.log ?? createLog(config.LOG_LEVEL);
  const clock = opts.clock ?? systemClock;
  const root = projectRoot();
  const cleanups: (() => Promise<void>)[] = [];
  const cleanup = async () => {
    for (const fn of cleanups.reverse()) await fn().catch((err) => log.warn({ err: String(err) }, 'cleanup failed'));
  };

  try {
    // The embedded store keeps its data on disk (journal + snapshots, see store/durable/) unless
    // told not to; tests keep it in memory unless they ask.
    let embedded: EmbeddedCosmos | undefined;
    const dataDir = path.resolve(root, config.DATA_DIR);
    const persist = !config.COSMOS_ENDPOINT && (config.EMBEDDED_SNAPSHOT ?? config.NODE_ENV !== 'test');
    if (!config.COSMOS_ENDPOINT) {
      try {
        embedded = await startEmbeddedCosmos({
          dataDir: persist ? embeddedStoreDir(dataDir) : undefined,
          onLog: (msg, fields) => log.info(fields, `embedded store ${msg}`),
        });
      } catch (err) {
        throw new StartupError((err as Error).message);
      }
      cleanups.push(() => embedded!.stop());
      if (embedded.restored?.documents) log.info({ ...embedded.restored, folder: embeddedStoreDir(dataDir) }, 'local data restored');
    }

    let store: CosmosStore;
    try {
      store = await CosmosStore.connect({
        endpoint: embedded?.endpoint ?? config.COSMOS_ENDPOINT!,
        database: config.COSMOS_DATABASE,
        key: embedded ? 'embedded' : config.COSMOS_KEY,
        credential: embedded || config.COSMOS_KEY ? undefined : new DefaultAzureCredential({ managedIdentityClientId: config.AZURE_CLIENT_ID }),
      });
    } catch (err) {
      throw new StartupError(`Cannot reach Cosmos DB at ${embedded ? 'the embedded server' : config.COSMOS_ENDPOINT}: ${(err as Error).message}`);
    }
    cleanups.push(async () => store.dispose());

    if (persist) {
      const imported = await importLegacySnapshot(store, path.join(dataDir, 'cosmos-snapshot.json'));
      if (imported) log.info({ documents: imported }, 'earlier local data imported');
    }

    // Hourly budgets allow a burst of a quarter of the hour's allowance (at least a few), then refill.
    const hourly = (perHour: number, minBurst: number) => ({ capacity: Math.min(perHour, Math.max(minBurst, Math.floor(perHour / 4))), perSecond: perHour / 3600 });
    const limits = new RateLimits({
      api: { capacity: config.RATE_LIMIT_API_PER_MINUTE, perSecond: config.RATE_LIMIT_API_PER_MINUTE / 60 },
      feedback: hourly(config.RATE_LIMIT_FEEDBACK_PER_HOUR, 5),
      notify: hourly(config.RATE_LIMIT_NOTIFY_PER_HOUR, 10),
    });
    // Microsoft Graph (org sync, team owners); a local run without one gets the demo stand-in.
    const local = !!embedded && config.NODE_ENV !== 'production';
    const { graph, stop: stopGraph, local: localGraph } = await connectGraph(config, local ? async () => (await import('../support/graph/demo')).startDemoGraph() : undefined);
    if (stopGraph) cleanups.push(stopGraph);
    // The activity feed needs a Graph that reaches people: configured, not the local demo stand-in.
    const activityFeed = config.ACTIVITY_FEED ?? !localGraph;
    const domain = createDomain(store, clock, limits, graph, { activityFeed });
    cleanups.push(() => domain.org.idle());
    if (localGraph) {
      // The stand-in starts afresh each time: delta links from an earlier run point nowhere.
      await domain.org.forgetDeltaLink(DEMO_TENANT_ID);
      log.info('Microsoft Graph: a local stand-in serves the demo organisation');
    }
    if (config.SEED_DEMO_DATA ?? !!embedded) {
      const { seeded } = await seedDemoData(store, domain.directory, domain.org, clock);
      if (seeded) log.info('demo data seeded');
    }

    const publicUrl = (config.PUBLIC_URL ?? `http://localhost:${config.PORT}`).replace(/\/$/, '');
    const bot = createBotRuntime(config, domain, log, publicUrl);
    const server = createApp({ config, domain, store, log, bot, tabsDir: path.join(root, 'dist', 'tabs') });
    const background = new Background(domain, bot, config, log, activityFeed ? graph : undefined);
    const host = config.HOST ?? (config.NODE_ENV === 'production' ? '0.0.0.0' : '127.0.0.1');
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(config.PORT, host, () => resolve());
    });
    cleanups.push(
      () =>
        new Promise<void>((resolve) => {
          server.close(() => resolve());
          server.server.closeAllConnections?.();
        }),
    );
    if (config.BACKGROUND ?? config.NODE_ENV !== 'test') background.start();
    cleanups.push(() => background.stop());
    const port = (server.address() as AddressInfo).port;
    const url = `http://${host === '0.0.0.0' ? 'localhost' : host}:${port}`;
    return { url, port, config, store, domain, log, embedded, background, server, stop: cleanup };
  } catch (err) {
    await cleanup();
    throw err;
  }
}

/** Runs the app as a process: prints where it is, and shuts down cleanly on SIGINT/SIGTERM. */
export async function main(): Promise<void> {
  let running: Running;
  try {
    running = await startLeaderful();
  } catch (err) {
    const message = err instanceof ConfigError || err instanceof StartupError ? err.message : `Leaderful failed to start: ${(err as Error).message}`;
    process.stderr.write(`${message}\n`);
    process.exit(1);
  }
  const { url, log, config } = running;
  log.info({ url }, 'Leaderful is running');
  process.stdout.write(
    [
      '',
      `  Leaderful is running (${config.COSMOS_ENDPOINT ? 'Cosmos DB' : 'embedded Cosmos store'})`,
      `  Tab:          ${url}/tabs/index.html`,
      `  Bot endpoint: ${url}/api/messages`,
      `  Health:       ${url}/healthz`,
      config.DEMO_SIGN_IN ? '  Demo sign-in is ON (local only): pick a demo user in the tab.' : '',
      '',
    ].join('\n') + '\n',
  );
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'shutting down');
    await running.stop();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
}

