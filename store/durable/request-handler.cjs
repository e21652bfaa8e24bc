// The HTTP face of the embedded store: @vercel/cosmosdb-server's routes and handlers over an
// account this process owns, answered the way the library's own server answers (lib/index.js),
// with one difference: no answer leaves before the changes made so far are on disk. A write is
// acknowledged only once it is durable, and a read never shows a change that a crash could lose.
'use strict';
const { randomUUID } = require('node:crypto');
const route = require('@vercel/cosmosdb-server/lib/routes').default;

const QUERY_METRICS =
  'totalExecutionTimeInMs=0.00;queryCompileTimeInMs=0.00;queryLogicalPlanBuildTimeInMs=0.00;queryPhysicalPlanBuildTimeInMs=0.00;queryOptimizationTimeInMs=0.00;VMExecutionTimeInMs=0.00;indexLookupTimeInMs=0.00;documentLoadTimeInMs=0.00;systemFunctionExecuteTimeInMs=0.00;userFunctionExecuteTimeInMs=0.00;retrievedDocumentCount=0;retrievedDocumentSize=0;outputDocumentCount=1;outputDocumentSize=0;writeOutputTimeInMs=0.00;indexUtilizationRatio=0.00';

/**
 * @param {{ account: () => object | undefined, whenDurable: () => Promise<void> | undefined }} opts
 * `account()` is undefined until the data is loaded: requests before that get 503.
 */
function createRequestHandler({ account, whenDurable }) {
  const answer = async (req, res) => {
    const acct = account();
    let body;
    const matched = acct ? route(req) : undefined;
    if (!acct) {
      res.statusCode = 503;
      body = { message: 'loading' };
    } else if (!matched) {
      res.statusCode = 400;
      body = { message: 'no route' };
    } else {
      const [params, handler] = matched;
      try {
        body = await handler(acct, req, res, params);
      } catch (err) {
        process.stderr.write(`embedded store: ${err.stack || err}\n`);
        body = { message: err.message };
        res.statusCode = 500;
      }
      if (res.statusCode > 399 && body && !body.message) body.message = '';
    }
    const durable = whenDurable();
    if (durable) await durable;
    if (body && body._etag) res.setHeader('etag', body._etag);
    res.setHeader('content-type', 'application/json');
    res.setHeader('content-location', `https://${req.headers.host}${req.url}`);
    res.setHeader('connection', 'keep-alive');
    res.setHeader('x-ms-activity-id', randomUUID());
    res.setHeader('x-ms-request-charge', '1');
    if (req.headers['x-ms-documentdb-populatequerymetrics']) res.setHeader('x-ms-documentdb-query-metrics', QUERY_METRICS);
    if (req.headers['a-im'] && res.statusCode === 200) {
      if (req.headers['if-none-match']) res.statusCode = 304;
      res.setHeader('etag', '1');
    }
    res.end(JSON.stringify(body));
  };
  return (req, res) => {
    answer(req, res).catch((err) => {
      process.stderr.write(`embedded store: ${err.stack || err}\n`);
      if (!res.headersSent) res.statusCode = 500;
      res.end('');
    });
  };
}

module.exports = { createRequestHandler };
