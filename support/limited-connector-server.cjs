// A Bot Connector stand-in that enforces Teams' documented send limits (per conversation
// 7/1 s, 8/2 s, 60/30 s; per tenant 50/s) by answering 429 with Retry-After when a sender goes
// over them, and injects extra 429s (without Retry-After) at a given rate. It runs in its own
// process so its clock is not skewed by the app's event loop. Reports its counts over IPC.
'use strict';
const http = require('node:http');

const injectRate = Number(process.env.INJECT_RATE || 0.01);
const state = { accepted: 0, throttled: 0, throttledTenant: 0, injected: 0, firstAt: 0, lastAt: 0 };
// Per tenant (from the activity's conversation.tenantId): sends in the last second, the most
// ever seen in any one second (sliding), and first/last send times.
const tenants = new Map();
const perConversation = new Map();
const history = new Map();
// Teams' limit is per app per tenant: each tenant's own recent sends.
const tenantSends = new Map();

const over = (list, now, ms, max) => {
  let n = 0;
  for (let i = list.length - 1; i >= 0 && list[i] > now - ms; i--) n++;
  return n >= max;
};

const server = http.createServer((req, res) => {
  const chunks = [];
  req.on('data', (c) => chunks.push(c));
  req.on('end', () => {
    let tenantId = 'unknown';
    try {
      tenantId = JSON.parse(Buffer.concat(chunks).toString()).conversation?.tenantId || 'unknown';
    } catch {
      // not JSON: counted under 'unknown'
    }
    const reply = (status, body, headers = {}) => {
      res.writeHead(status, { 'content-type': 'application/json', ...headers });
      res.end(JSON.stringify(body));
    };
    const m = /^\/v3\/conversations\/([^/]+)\/activities/.exec(req.url || '');
    if (req.method !== 'POST' || !m) return reply(404, {});
    const conversation = decodeURIComponent(m[1]);
    const now = Date.now();
    const tenant = (tenantSends.get(tenantId) || []).filter((x) => x > now - 1000);
    tenantSends.set(tenantId, tenant);
    const conv = (history.get(conversation) || []).filter((x) => x > now - 30000);
    if (over(tenant, now, 1000, 50) || over(conv, now, 1000, 7) || over(conv, now, 2000, 8) || over(conv, now, 30000, 60)) {
      state.throttled++;
      if (over(tenant, now, 1000, 50)) state.throttledTenant++;
      return reply(429, { error: { code: 'Throttled' } }, { 'Retry-After': '1' });
    }
    if (Math.random() < injectRate) {
      state.injected++;
      return reply(429, { error: { code: 'Throttled' } });
    }
    tenant.push(now);
    conv.push(now);
    history.set(conversation, conv);
    state.accepted++;
    state.firstAt = state.firstAt || now;
    state.lastAt = now;
    perConversation.set(conversation, (perConversation.get(conversation) || 0) + 1);
    const t = tenants.get(tenantId) || { window: [], peak: 0, accepted: 0, firstAt: now, lastAt: now, seconds: [] };
    t.window = t.window.filter((x) => x > now - 1000);
    t.window.push(now);
    t.peak = Math.max(t.peak, t.window.length);
    // Sends per whole second since the tenant's first: where a fan-out ran below the limit.
    const second = Math.floor((now - t.firstAt) / 1000);
    t.seconds[second] = (t.seconds[second] || 0) + 1;
    t.accepted++;
    t.lastAt = now;
    tenants.set(tenantId, t);
    reply(200, { id: `a-${state.accepted}` });
  });
});
server.keepAliveTimeout = 30000;
server.listen(0, '127.0.0.1', () => process.send({ ready: true, port: server.address().port }));
process.on('message', (msg) => {
  if (msg === 'accepted') return process.send({ accepted: state.accepted });
  if (msg === 'report') process.send({ report: { ...state, perConversation: [...perConversation], tenants: [...tenants].map(([id, t]) => [id, { peak: t.peak, accepted: t.accepted, firstAt: t.firstAt, lastAt: t.lastAt, seconds: Array.from(t.seconds, (n) => n || 0) }]) } });
});
process.on('disconnect', () => process.exit(0));
