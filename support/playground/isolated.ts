import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import { projectRoot } from '../../store/embedded';
import type { PlaygroundRun } from './driver';

/**
 * Runs the playground driver (./driver.ts) where nothing can leave the machine: a private
 * network namespace with only a loopback, shared by the app, the playground and Chromium, and
 * a private process namespace, so everything started inside ends with it. This needs root; a
 * machine that cannot do it fails the run with the reason (it never passes by skipping).
 */
export interface IsolatedRun {
  run: PlaygroundRun;
  /** The driver's own output (stdout and stderr), for diagnosing a failed step. */
  output: string;
}

/** Why this machine cannot isolate the playground, or undefined when it can. */
export function isolationProblem(): string | undefined {
  if (process.platform !== 'linux') return 'it needs Linux network namespaces';
  if (process.getuid?.() !== 0) return 'it must run as root to create a private network namespace (unshare -n)';
  for (const [tool, args] of [['unshare', ['--version']], ['ip', ['-V']]] as const) {
    if (spawnSync(tool, args).error) return `\`${tool}\` is not installed (util-linux, iproute2)`;
  }
  const probe = spawnSync('unshare', ['-n', 'ip', 'link', 'set', 'lo', 'up']);
  if (probe.status !== 0) return `unshare -n failed: ${String(probe.stderr).trim()}`;
  return undefined;
}

/** The driver as one script: esbuild, packages left to node_modules (as the benches are run). */
export async function buildDriver(): Promise<string> {
  const root = projectRoot();
  const outfile = path.join(root, 'dist', 'playground', 'driver.js');
  await build({ entryPoints: [path.join(root, 'support', 'playground', 'driver.ts')], outfile, bundle: true, platform: 'node', target: 'node20', format: 'cjs', packages: 'external', logLevel: 'warning' });
  return outfile;
}

/** Runs the driver in its namespaces; `started` receives the child so a caller can end it early. */
export async function runIsolated(script: string, started?: (child: ChildProcess) => void): Promise<IsolatedRun> {
  const problem = isolationProblem();
  if (problem) throw new Error(`The Agents Playground test cannot run here: ${problem}.`);
  const results = path.join(os.tmpdir(), `leaderful-playground-${process.pid}-${Date.now()}.json`);
  // --kill-child: if unshare is stopped, the namespace's first process (and so all of it) ends too.
  const child = spawn('unshare', ['--net', '--pid', '--fork', '--kill-child', 'sh', '-c', 'ip link set lo up && exec "$0" "$1" "$2"', process.execPath, script, results], {
    cwd: projectRoot(),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  started?.(child);
  let output = '';
  child.stdout.on('data', (c: Buffer) => (output += c.toString()));
  child.stderr.on('data', (c: Buffer) => (output += c.toString()));
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  try {
    return { run: JSON.parse(readFileSync(results, 'utf8')) as PlaygroundRun, output };
  } catch {
    throw new Error(`The playground driver ended (code ${code}) without results:\n${output.slice(-4000)}`);
  } finally {
    rmSync(results, { force: true });
  }
}
