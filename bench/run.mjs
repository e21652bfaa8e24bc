// Runs a TypeScript benchmark: bundles bench/<name>.ts with esbuild (packages external) and runs it.
//   node bench/run.mjs fanout [args…]
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';

const [name, ...args] = process.argv.slice(2);
if (!name) {
  console.error('usage: node bench/run.mjs <fanout|fanout-instances|card-answer|doc-sizes|leader-api|leader-cold|tab-render|org-sync|embedded-durability|privacy|retention-sweep> [args]');
  process.exit(2);
}
const outfile = `dist/bench/${name}.js`;
await build({ entryPoints: [`bench/${name}.ts`], outfile, bundle: true, platform: 'node', target: 'node20', format: 'cjs', packages: 'external', logLevel: 'warning' });
const res = spawnSync(process.execPath, ['--expose-gc', outfile, ...args], { stdio: 'inherit' });
process.exit(res.status ?? 1);
