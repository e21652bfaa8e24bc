// Child process for bench/embedded-query.mjs: runs @vercel/cosmosdb-server on 127.0.0.1 (random port).
// With BENCH_COSMOSDB_QUERY_DIR set, `@zeit/cosmosdb-query` (the server's SQL engine) is loaded from that
// directory instead of node_modules: the bench points it at a pristine copy of the npm tarball to measure
// the engine without patches/@zeit+cosmosdb-query+0.7.2.patch.
'use strict';
const Module = require('node:module');
const path = require('node:path');

const ENGINE = '@zeit/cosmosdb-query';
const override = process.env.BENCH_COSMOSDB_QUERY_DIR;
if (override) {
  const engineDir = path.resolve(override);
  // The installed engine's folder: the override's own dependencies (@babel/*, @turf/*) resolve from there.
  const installedDir = path.dirname(
    require.resolve(`${ENGINE}/package.json`, { paths: [path.dirname(require.resolve('@vercel/cosmosdb-server'))] }),
  );
  const resolve = Module._resolveFilename;
  Module._resolveFilename = function resolveEngine(request, parent, isMain, options) {
    if (request === ENGINE || request.startsWith(`${ENGINE}/`)) {
      request = path.join(engineDir, request.slice(ENGINE.length));
    }
    try {
      return resolve.call(this, request, parent, isMain, options);
    } catch (err) {
      const fromEngine = parent && parent.filename && parent.filename.startsWith(engineDir + path.sep);
      if (!fromEngine || request.startsWith('.') || path.isAbsolute(request)) throw err;
      return require.resolve(request, { paths: [installedDir] });
    }
  };
}

const { createHttpServer } = require('@vercel/cosmosdb-server');
const engine = require.resolve(ENGINE);
const patched = typeof require(`${ENGINE}/lib/helpers`).pushAll === 'function';

const server = createHttpServer({ keepAlive: true });
server.keepAliveTimeout = 600_000;
server.listen(0, '127.0.0.1', () => {
  process.send({ ready: true, port: server.address().port, engine, patched });
});
// Die with the parent. (While a query runs the event loop is blocked; the parent then uses SIGKILL.)
process.on('disconnect', () => process.exit(0));
process.on('SIGTERM', () => process.exit(0));
