// Builds the server (one bundle, packages external) and the tab: esbuild bundles and splits it
// (≈ 4 s, most of it Griffel's ahead-of-time styles), Rollup re-chunks that output for the browser
// (≈ 3 s), and every asset is pre-compressed (≈ 2 s). `npm run typecheck` is the type gate.
import { build, transform } from 'esbuild';
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

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

/**
 * A lazy view's chunk imports its parts (small chunks it shares with other views), which the
 * browser would find only once the view's chunk had arrived and been parsed: a second round trip.
 * Each `import()` of a chunk is wrapped so that the chunks it imports, and theirs, are asked for
 * at once (`<link rel="modulepreload">`, as Vite does), leaving out what is loaded already. They
 * are asked for at low priority: a cold start asks for the view's data at the same moment, and a
 * view's parts are wanted by the time its data is here, not before the data itself.
 */
const PRELOAD = '__leaderfulPreload';
const PRELOAD_MARK = '__leaderfulPreloadDeps:';
const PRELOAD_HELPER =
  `const ${PRELOAD}=(load,deps)=>{for(const d of deps){const href=new URL(d,import.meta.url).href;` +
  'if(!document.head.querySelector(`link[href="${href}"]`)){const l=document.createElement("link");l.rel="modulepreload";l.fetchPriority="low";l.href=href;document.head.append(l)}}' +
  'return load()};\n';
/** Rollup writes the imports and exports it joins chunks by in full: minified again, with source maps chained. */
const minifyChunks = {
  name: 'minify-chunks',
  async renderChunk(code) {
    const out = await transform(code, { minify: true, format: 'esm', target: TAB_TARGET, sourcemap: 'external', legalComments: 'none' });
    return { code: out.code, map: out.map };
  },
};

const preloadDependencies = {
  name: 'preload-dependencies',
  renderDynamicImport({ targetModuleId, chunk, targetChunk }) {
    if (!targetModuleId || !targetChunk || targetChunk.fileName === chunk.fileName) return null;
    return { left: `${PRELOAD}(() => import(`, right: `), ${JSON.stringify(PRELOAD_MARK + path.basename(targetModuleId))})` };
  },
  async renderChunk(code, chunk, _options, { chunks }) {
    if (!code.includes(PRELOAD_MARK)) return null;
    const all = Object.values(chunks);
    const byFile = new Map(all.map((c) => [c.fileName, c]));
    const byModule = new Map(all.filter((c) => c.facadeModuleId).map((c) => [path.basename(c.facadeModuleId), c]));
    const closure = (file, into = new Set()) => {
      for (const i of byFile.get(file)?.imports ?? []) if (!into.has(i)) closure(i, into.add(i));
      return into;
    };
    const loaded = closure(chunk.fileName, new Set([chunk.fileName]));
    const { default: MagicString } = await import('magic-string');
    const edited = new MagicString(code);
    for (const m of code.matchAll(new RegExp(`"${PRELOAD_MARK}([^"]+)"`, 'g'))) {
      const target = byModule.get(m[1]);
      const deps = target ? [...closure(target.fileName)].filter((f) => !loaded.has(f)) : [];
      edited.overwrite(m.index, m.index + m[0].length, JSON.stringify(deps));
    }
    edited.prepend(PRELOAD_HELPER);
    return { code: edited.toString(), map: edited.generateMap({ hires: true }) };
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
  const chunks = await rechunk(SPLIT, 'dist/tabs');
  rmSync(SPLIT, { recursive: true, force: true });
  cpSync('tabs/public', 'dist/tabs', { recursive: true });
  preloadChunks('dist/tabs/index.html', chunks);
  precompress('dist/tabs');
}

/**
 * esbuild splits code by the set of entry points (the app and each lazy view) that reach it, so
 * the app's first download came in ~25 files, more than a browser asks for at once over HTTP/1.1
 * (6 per host): the last arrived ~100 ms after the first. Rollup, run over esbuild's output,
 * knows that whatever app.js loads is already there when a view is imported, so everything the
 * first render runs becomes app.js itself; views and their shared parts stay split. Source maps
 * are chained back to the sources.
 */
async function rechunk(from, to) {
  const { rollup } = await import('rollup');
  const bundle = await rollup({
    input: { app: `${from}/app.js` },
    treeshake: false, // esbuild has shaken it already
    plugins: [{ name: 'esbuild-output', load: (id) => ({ code: readFileSync(id, 'utf8'), map: readFileSync(`${id}.map`, 'utf8') }) }, preloadDependencies, minifyChunks],
  });
  const { output } = await bundle.write({
    dir: to,
    format: 'es',
    entryFileNames: 'app.js',
    // `LeaderView-k3x9q2ab.js`: the view's name without esbuild's hash, and a hash of its own.
    chunkFileNames: (c) => `${c.name.replace(/-[A-Z0-9]{8}$/, '')}-[hash:8].js`,
    hashCharacters: 'base36',
    sourcemap: true,
  });
  await bundle.close();
  return output.filter((o) => o.type === 'chunk');
}

/**
 * `<link rel="modulepreload">` for every chunk app.js imports statically: the browser fetches
 * them alongside app.js instead of discovering them only once app.js has arrived and been parsed.
 */
function preloadChunks(indexFile, chunks) {
  const byName = new Map(chunks.map((c) => [c.fileName, c]));
  const seen = new Set();
  const visit = (name) => {
    if (seen.has(name)) return;
    seen.add(name);
    for (const i of byName.get(name).imports) visit(i);
  };
  visit('app.js');
  seen.delete('app.js');
  const links = [...seen].sort().map((name) => `    <link rel="modulepreload" href="./${name}" />\n`);
  const html = readFileSync(indexFile, 'utf8');
  writeFileSync(indexFile, html.replace('  </head>', `${links.join('')}  </head>`));
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
