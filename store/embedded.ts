import { fork, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';

/**
 * Starts the embedded Cosmos-compatible server (`@vercel/cosmosdb-server`) in a child process on
 * 127.0.0.1 and returns its endpoint. The app then talks to it through the same `@azure/cosmos`
 * code it uses against Azure. Memory only: see snapshot.ts for how local data survives restarts.
 */
export interface EmbeddedCosmos {
  endpoint: string;
  stop(): Promise<void>;
}

export function projectRoot(from = __dirname): string {
  let dir = from;
  while (!existsSync(path.join(dir, 'package.json')) || !existsSync(path.join(dir, 'store', 'embedded-cosmos.cjs'))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error('Cannot find the Leaderful project root');
    dir = parent;
  }
  return dir;
}

export async function startEmbeddedCosmos(timeoutMs = 15_000): Promise<EmbeddedCosmos> {
  const script = path.join(projectRoot(), 'store', 'embedded-cosmos.cjs');
  const child: ChildProcess = fork(script, [], { stdio: ['ignore', 'ignore', 'inherit', 'ipc'], execArgv: [] });
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('The embedded Cosmos server did not start in time')), timeoutMs);
    child.once('message', (m: { ready?: boolean; port?: number }) => {
      clearTimeout(timer);
      if (m.ready && m.port) resolve(m.port);
      else reject(new Error('The embedded Cosmos server failed to start'));
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`The embedded Cosmos server exited early (code ${code})`));
    });
  });
  return {
    endpoint: `http://127.0.0.1:${port}/`,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
