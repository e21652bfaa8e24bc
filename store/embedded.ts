import { fork, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';

/**
 * Starts the embedded Cosmos-compatible store (`@vercel/cosmosdb-server`) in a child process on
 * 127.0.0.1 and returns its endpoint. The app then talks to it through the same `@azure/cosmos`
 * code it uses against Azure. With a data folder the child keeps a write-ahead journal and
 * snapshots there (see store/durable/): every write it acknowledges survives a crash. Without
 * one it keeps everything in memory (tests).
 */
export interface EmbeddedCosmos {
  endpoint: string;
  /** The store's process id (benchmarks read its CPU time). */
  pid: number | undefined;
  /** What was loaded from the data folder, when there is one. */
  restored?: RestoredData;
  /** Writes a snapshot now (benchmarks, tests); the store also does it by itself as the journal grows. */
  compact(): Promise<void>;
  stop(): Promise<void>;
}

export interface RestoredData {
  documents: number;
  snapshotBytes: number;
  journalFrames: number;
  journalRecords: number;
  /** Bytes of an append cut short by a crash (never acknowledged), dropped at start. */
  tornBytes: number;
  ms: number;
}

export interface EmbeddedOptions {
  /** Folder the store owns (snapshot, journal, lock); unset keeps data in memory only. */
  dataDir?: string;
  /** Journal size that triggers a snapshot (default 16 MB, or the snapshot's size when larger). */
  compactBytes?: number;
  /** Messages from the store (compactions). */
  onLog?: (msg: string, fields: Record<string, unknown>) => void;
  timeoutMs?: number;
}

type ChildMessage = { ready?: boolean; port?: number; restored?: RestoredData; error?: string; compacted?: boolean; log?: { msg: string } & Record<string, unknown> };

function relay(opts: EmbeddedOptions, m: ChildMessage): void {
  if (!m.log) return;
  const { msg, ...fields } = m.log;
  opts.onLog?.(msg, fields);
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

/** The store's own folder inside the app's data folder. */
export function embeddedStoreDir(dataDir: string): string {
  return path.join(dataDir, 'cosmos');
}

export async function startEmbeddedCosmos(opts: EmbeddedOptions = {}): Promise<EmbeddedCosmos> {
  const script = path.join(projectRoot(), 'store', 'embedded-cosmos.cjs');
  const child: ChildProcess = fork(script, [], {
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
    execArgv: [],
    env: {
      ...process.env,
      EMBEDDED_COSMOS_DATA_DIR: opts.dataDir ?? '',
      ...(opts.compactBytes ? { EMBEDDED_COSMOS_COMPACT_BYTES: String(opts.compactBytes) } : {}),
    },
  });
  // Loading a large data folder takes a while; an empty store is up in well under a second.
  const timeoutMs = opts.timeoutMs ?? (opts.dataDir ? 300_000 : 15_000);
  const started = await new Promise<{ port: number; restored?: RestoredData }>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('The embedded Cosmos server did not start in time')), timeoutMs);
    const onMessage = (m: ChildMessage) => {
      if (m.log) return relay(opts, m);
      clearTimeout(timer);
      child.off('exit', onExit);
      if (m.ready && m.port) resolve({ port: m.port, restored: m.restored });
      else reject(new Error(m.error ?? 'The embedded Cosmos server failed to start'));
    };
    const onExit = (code: number | null) => {
      clearTimeout(timer);
      child.off('message', onMessage);
      reject(new Error(`The embedded Cosmos server exited early (code ${code})`));
    };
    child.on('message', onMessage);
    child.once('exit', onExit);
  }).catch((err: Error) => {
    if (child.exitCode === null) child.kill('SIGKILL');
    throw err;
  });
  child.removeAllListeners('message');
  child.on('message', (m: ChildMessage) => relay(opts, m));
  return {
    endpoint: `http://127.0.0.1:${started.port}/`,
    pid: child.pid,
    restored: started.restored,
    compact: () =>
      new Promise<void>((resolve) => {
        const done = (m: ChildMessage) => {
          if (!m.compacted) return;
          child.off('message', done);
          resolve();
        };
        child.on('message', done);
        child.send({ compact: true });
      }),
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
