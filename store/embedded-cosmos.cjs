// Child process that runs the embedded Cosmos-compatible server on loopback. It runs apart from
// the app so the server's synchronous query engine never blocks the app's event loop.
// Plain CommonJS so it can be forked as-is from the built app, from tests and from benchmarks.
'use strict';
const { createHttpServer } = require('@vercel/cosmosdb-server');

const server = createHttpServer({ keepAlive: true });
server.keepAliveTimeout = 60_000;
server.listen(Number(process.env.EMBEDDED_COSMOS_PORT || 0), '127.0.0.1', () => {
  const { port } = server.address();
  if (process.send) process.send({ ready: true, port });
});
// Die with the parent: an orphaned store would hold memory and a port for nothing.
process.on('disconnect', () => process.exit(0));
process.on('SIGTERM', () => process.exit(0));
