import { randomUUID } from 'node:crypto';
import { createDomain, type Domain } from '../domain';
import { systemClock, type Clock } from '../domain/shared/clock';
import { CosmosStore } from '../store/cosmos';
import { startEmbeddedCosmos, type EmbeddedCosmos } from '../store/embedded';
import { startAppProcess, type AppProcess } from './app-process';

/**
 * One embedded store in its own process that several app processes (and the benchmark, to seed
 * and to read results) share through `COSMOS_ENDPOINT`, as App Service instances share one
 * Cosmos account.
 */
export interface SharedStore {
  embedded: EmbeddedCosmos;
  store: CosmosStore;
  domain: Domain;
  /** An app process over this store (run `npm run build` first). */
  app(env?: Record<string, string>, execArgv?: string[], entry?: string): AppProcess;
  stop(): Promise<void>;
}

export async function startSharedStore(clock: Clock = systemClock): Promise<SharedStore> {
  const embedded = await startEmbeddedCosmos();
  const database = `bench-${randomUUID().slice(0, 8)}`;
  const store = await CosmosStore.connect({ endpoint: embedded.endpoint, database, key: 'embedded' });
  const domain = createDomain(store, clock);
  const apps: AppProcess[] = [];
  return {
    embedded,
    store,
    domain,
    app(env = {}, execArgv = [], entry?: string) {
      const app = startAppProcess(
        {
          NODE_ENV: 'development',
          LOG_LEVEL: 'warn',
          COSMOS_ENDPOINT: embedded.endpoint,
          COSMOS_KEY: 'embedded',
          COSMOS_DATABASE: database,
          DEMO_SIGN_IN: 'true',
          SEED_DEMO_DATA: 'false',
          BACKGROUND: 'false',
          ...env,
        },
        execArgv,
        entry,
      );
      apps.push(app);
      return app;
    },
    async stop() {
      await Promise.all(apps.map((a) => a.stop()));
      store.dispose();
      await embedded.stop();
    },
  };
}
