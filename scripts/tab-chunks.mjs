// The tab's chunks as the browser gets them: Rollup re-chunks esbuild's split output (what the
// first render runs in one file; each view's parts asked for with the view), and index.html
// announces what app.js imports.
import { transform } from 'esbuild';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * esbuild splits code by the set of entry points (the app and each lazy view) that reach it, so
 * the app's first download came in ~25 files, more than a browser asks for at once over HTTP/1.1
 * (6 per host): the last arrived ~100 ms after the first. Rollup, run over esbuild's output,
 * knows that whatever app.js loads is already there when a view is imported, so everything the
 * first render runs becomes app.js itself; views and their shared parts stay split. Source maps
 * are chained back to the sources.
 */
export async function rechunk(from, to, target) {
  const { rollup } = await import('rollup');
  const bundle = await rollup({
    input: { app: `${from}/app.js` },
    treeshake: false, // esbuild has shaken it already
    plugins: [{ name: 'esbuild-output', load: (id) => ({ code: readFileSync(id, 'utf8'), map: readFileSync(`${id}.map`, 'utf8') }) }, preloadDependencies, minifyChunks(target)],
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
export function preloadChunks(indexFile, chunks) {
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

/** Rollup writes the imports and exports it joins chunks by in full: minified again, with source maps chained. */
const minifyChunks = (target) => ({
  name: 'minify-chunks',
  async renderChunk(code) {
    const out = await transform(code, { minify: true, format: 'esm', target, sourcemap: 'external', legalComments: 'none' });
    return { code: out.code, map: out.map };
  },
});
