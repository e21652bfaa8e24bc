// Builds the server (one bundle, packages external) and the tab: esbuild bundles and splits it
// (≈ 4 s, most of it Griffel's ahead-of-time styles), Rollup re-chunks that output for the browser
// (≈ 3 s), and every asset is pre-compressed (≈ 2 s). `npm run typecheck` is the type gate.
import { build } from 'esbuild';
import { cpSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { preloadChunks, rechunk } from './tab-chunks.mjs';

const only = process.argv[2];
/** esbuild's split output, before rechunk() merges what the first render needs. */
const SPLIT = 'dist/.tabs-split';
/** The browsers the tab supports: Teams' desktop client (Chromium, Edge WebView2) and Safari. */
const TAB_TARGET = ['chrome110', 'edge110', 'safari16'];

/**
 * teams-js bundles its own copy of `debug` (and `ms`) for log lines nobody sees unless they set
 * `localStorage.debug`: tabs/src/host/teams-debug.ts stands in for it (2 KB gzip less in every
 * Teams user's first render). Only teams-js's import of it is swapped.
 */
const teamsJsWithoutDebug = {
  name: 'teams-js-without-debug',
  setup(b) {
    b.onResolve({ filter: /\/debug\/src\/browser\.js$/ }, (args) =>
      /[\\/]@microsoft[\\/]teams-js[\\/]/.test(args.importer) ? { path: path.resolve('tabs/src/host/teams-debug.ts') } : undefined,
    );
  },
};

/**
 * Griffel's build-time transform (@griffel/babel-preset, as its webpack and Vite plugins run it)
 * for the tab's own styles: each makeStyles() is evaluated here and shipped as its finished
 * classes and CSS (__styles), so the browser neither computes them at first render nor downloads
 * the code that would (Fluent's own components ship this way already).
 */
const griffelAheadOfTime = {
  name: 'griffel-ahead-of-time',
  setup(b) {
    b.onLoad({ filter: /[\\/]tabs[\\/]src[\\/].*\.tsx?$/ }, async (args) => {
      const source = readFileSync(args.path, 'utf8');
      if (!/\bmake(Styles|StaticStyles|ResetStyles)\b/.test(source)) return undefined;
      const { transformAsync } = await import('@babel/core');
      const typescript = ['@babel/preset-typescript', { isTSX: args.path.endsWith('.tsx'), allExtensions: true, onlyRemoveTypeImports: true }];
      const result = await transformAsync(source, {
        filename: args.path,
        babelrc: false,
        configFile: false,
        sourceMaps: 'inline',
        parserOpts: { plugins: ['jsx', 'typescript'] },
        presets: [['@griffel/babel-preset', { babelOptions: { presets: [typescript] } }]],
      });
      return { contents: result.code, loader: args.path.endsWith('.tsx') ? 'tsx' : 'ts' };
    });
  },
};

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
  // One scheduler in the tab: React DOM's own. Fluent's context selector names `scheduler` as a
  // peer, which npm resolved to a second, newer copy; both would otherwise ship.
  const require = createRequire(import.meta.url);
  const reactDom = path.dirname(require.resolve('react-dom/package.json'));
  const scheduler = path.dirname(createRequire(path.join(reactDom, 'package.json')).resolve('scheduler/package.json'));
  // Chunk names are content-hashed: start clean so stale chunks never pile up.
  rmSync('dist/tabs', { recursive: true, force: true });
  rmSync(SPLIT, { recursive: true, force: true });
  await build({
    entryPoints: { app: 'tabs/src/main.tsx' },
    outdir: SPLIT,
    bundle: true,
    platform: 'browser',
    target: TAB_TARGET,
    format: 'esm',
    splitting: true,
    minify: true,
    sourcemap: true,
    define: { 'process.env.NODE_ENV': '"production"' },
    alias: { scheduler },
    plugins: [teamsJsWithoutDebug, griffelAheadOfTime],
    logLevel: 'warning',
  });
  const chunks = await rechunk(SPLIT, 'dist/tabs', TAB_TARGET);
  rmSync(SPLIT, { recursive: true, force: true });
  cpSync('tabs/public', 'dist/tabs', { recursive: true });
  preloadChunks('dist/tabs/index.html', chunks);
  precompress('dist/tabs');
}

/**
 * Brotli and gzip copies next to each text asset (`app.js.br`, `app.js.gz`): the server sends the
 * one the browser accepts (server/static-files.ts), compressed once here at maximum quality
 * rather than on every request. Source maps are left as they are (only developer tools read them).
 */
function precompress(dir) {
  for (const name of readdirSync(dir, { recursive: true })) {
    if (!/\.(js|css|html|json|svg|txt)$/.test(name)) continue;
    const file = `${dir}/${name}`;
    const data = readFileSync(file);
    writeFileSync(`${file}.gz`, gzipSync(data, { level: 9 }));
    writeFileSync(`${file}.br`, brotliCompressSync(data, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: data.length } }));
  }
}
