// Builds the server (one bundle, packages external) and the tab (one browser bundle + index.html).
// esbuild keeps this to a couple of seconds; `npm run typecheck` is the type gate.
import { build } from 'esbuild';
import { cpSync, mkdirSync, rmSync } from 'node:fs';

const only = process.argv[2];

if (!only || only === 'server') {
  await build({
    entryPoints: { 'server/main': 'server/cli.ts' },
    outdir: 'dist',
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    packages: 'external',
    sourcemap: true,
    logLevel: 'warning',
  });
}

if (!only || only === 'tabs') {
  // Chunk names are content-hashed: start clean so stale chunks never pile up.
  rmSync('dist/tabs', { recursive: true, force: true });
  mkdirSync('dist/tabs', { recursive: true });
  await build({
    entryPoints: { app: 'tabs/src/main.tsx' },
    outdir: 'dist/tabs',
    bundle: true,
    platform: 'browser',
    target: ['chrome110', 'edge110', 'safari16'],
    format: 'esm',
    splitting: true,
    minify: true,
    sourcemap: true,
    metafile: false,
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'warning',
  });
  cpSync('tabs/public', 'dist/tabs', { recursive: true });
}
