// Jest transform: TypeScript/TSX → CommonJS with esbuild (already used for the builds).
// Chosen over @swc/jest because swc's per-platform binaries are not all on the registry this
// project installs from, which breaks `npm ci` on a clean clone.
'use strict';
const { transformSync } = require('esbuild');

module.exports = {
  process(source, filename) {
    const loader = filename.endsWith('.tsx') ? 'tsx' : filename.endsWith('.ts') ? 'ts' : filename.endsWith('.jsx') ? 'jsx' : 'js';
    const { code, map } = transformSync(source, {
      loader,
      format: 'cjs',
      target: 'node20',
      jsx: 'automatic',
      sourcemap: 'external',
      sourcefile: filename,
    });
    return { code, map };
  },
};
