import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { projectRoot } from '../store/embedded';

/**
 * The built app (`dist/server/main.js`, run `npm run build` first) as its own process, the way it
 * runs in production: tests and benchmarks drive it over HTTP and can kill it like a crash would.
 * It leads its own process group, so `kill('group')` takes its embedded store down at the same
 * instant (a power cut), while `kill('app')` kills only the app (its store notices and exits).
 */
export interface AppProcess {
  /** Resolves with the app's URL once it serves; rejects if it exits first. */
  ready: Promise<string>;
  /** Resolves when the process has exited. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** The app's process id (benchmarks read its CPU time). */
  pid: number | undefined;
  /** Everything the app wrote to stderr so far. */
  stderr(): string;
  kill(scope: 'app' | 'group', signal?: NodeJS.Signals): Promise<void>;
  /** SIGTERM: a clean shutdown. */
  stop(): Promise<void>;
}

export const APP_ENTRY = path.join(projectRoot(), 'dist', 'server', 'main.js');

/** `execArgv`: Node flags for the app (benchmarks pass `--cpu-prof`); `entry`: another build of it. */
export function startAppProcess(env: Record<string, string>, execArgv: string[] = [], entry = APP_ENTRY): AppProcess {
  const child: ChildProcess = spawn(process.execPath, [...execArgv, entry], {
    env: { PATH: process.env.PATH ?? '', PORT: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let out = '';
  let err = '';
  child.stderr!.on('data', (c: Buffer) => (err += c.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  const ready = new Promise<string>((resolve, reject) => {
    child.stdout!.on('data', (c: Buffer) => {
      out += c.toString();
      const m = /Bot endpoint: (http:\/\/\S+)\/api\/messages/.exec(out);
      if (m) resolve(m[1]);
    });
    void exited.then(({ code, signal }) => reject(new Error(`The app exited before serving (code ${code}, signal ${signal}): ${err.trim()}`)));
  });
  ready.catch(() => undefined); // a kill before ready is a normal outcome for callers that race it
  const kill = async (scope: 'app' | 'group', signal: NodeJS.Signals = 'SIGKILL') => {
    if (child.exitCode === null && child.signalCode === null) {
      try {
        process.kill(scope === 'group' ? -child.pid! : child.pid!, signal);
      } catch {
        // already gone
      }
    }
    await exited;
  };
  return { ready, exited, pid: child.pid, stderr: () => err, kill, stop: () => kill('app', 'SIGTERM') };
}
