// Child process that runs the embedded Cosmos-compatible store (@vercel/cosmosdb-server's model
// and handlers) on loopback. It runs apart from the app so the server's synchronous query engine
// never blocks the app's event loop, and it alone owns the data folder.
// Plain CommonJS so it can be forked as-is from the built app, from tests and from benchmarks.
//
// Environment:
//   EMBEDDED_COSMOS_DATA_DIR       folder for the snapshot and journal; unset = memory only
//   EMBEDDED_COSMOS_PORT           port on 127.0.0.1 (default: any free port)
//   EMBEDDED_COSMOS_COMPACT_BYTES  journal size that triggers a snapshot (default 16 MB, or the
//                                  snapshot's own size when larger)
// Messages to the parent: { ready, port, restored } once serving, { error } when the data cannot
// be loaded, { log: { msg, ...fields } } for the parent's log, { compacted } in answer to
// { compact: true } (write a snapshot now).
'use strict';
const http = require('node:http');
const { createAccount } = require('./durable/model.cjs');
const { DurableStore } = require('./durable/durable-store.cjs');
const { createRequestHandler } = require('./durable/request-handler.cjs');

const send = (message, then) => (process.send ? process.send(message, then) : then?.());
const dataDir = process.env.EMBEDDED_COSMOS_DATA_DIR || '';
let account;
let durable;

function fatal(err) {
  process.stderr.write(`The embedded store stopped: ${err.message} (data folder ${dataDir}). Nothing unflushed was acknowledged.\n`);
  process.exit(1);
}

const server = http.createServer({ keepAlive: true }, createRequestHandler({ account: () => account, whenDurable: () => durable?.whenDurable() }));
server.keepAliveTimeout = 60_000;
server.listen(Number(process.env.EMBEDDED_COSMOS_PORT || 0), '127.0.0.1', async () => {
  const { port } = server.address();
  const loading = createAccount('127.0.0.1', port);
  try {
    let restored;
    if (dataDir) {
      durable = new DurableStore({
        dir: dataDir,
        account: loading,
        compactBytes: Number(process.env.EMBEDDED_COSMOS_COMPACT_BYTES) || undefined,
        log: (msg, fields) => send({ log: { msg, ...fields } }),
        onFatal: fatal,
      });
      restored = await durable.open();
    }
    account = loading;
    send({ ready: true, port, restored });
  } catch (err) {
    if (!process.send) process.stderr.write(`${err.message}\n`);
    send({ error: err.message }, () => process.exit(1));
  }
});

let stopping;
function stop() {
  // Flush what is recorded and let go of the folder; an orphaned store would hold memory, a port
  // and the folder's lock for nothing.
  stopping ??= (async () => {
    server.close();
    await durable?.close();
  })()
    .catch((err) => process.stderr.write(`embedded store: ${err.message}\n`))
    .finally(() => process.exit(0));
}
process.on('message', (m) => {
  if (m && m.compact) void Promise.resolve(durable?.compact()).then(() => send({ compacted: true }));
});
process.on('disconnect', stop);
process.on('SIGTERM', stop);
