/**
 * autocannon (no bundled types) behind the few options the benchmarks use. It sends from this
 * process; the app under test runs in its own.
 */
import http from 'node:http';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const autocannon = require('autocannon') as (opts: Record<string, unknown>) => Promise<AutocannonResult>;

interface AutocannonResult {
  requests: { total: number };
  latency: { p50: number; p90: number; p99: number; max: number };
  errors: number;
  timeouts: number;
  non2xx: number;
}

export interface LoadFigures {
  /** Answers completed per second over the run. */
  rps: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
  /** Network errors, timeouts, non-2xx and answers `check` refused. */
  errors: number;
}

export interface LoadOptions {
  /** Fixed arrival rate (requests/s over all connections); unset = as fast as answers come back. */
  rate?: number;
  connections: number;
  seconds: number;
  /** A fresh body for every request (activities carry unique ids). */
  body: () => string;
  check?: (status: number, text: string) => boolean;
}

export async function post(url: string, opts: LoadOptions): Promise<LoadFigures> {
  let refused = 0;
  const result = await autocannon({
    url,
    connections: opts.connections,
    duration: opts.seconds,
    ...(opts.rate ? { overallRate: opts.rate } : {}),
    headers: { 'content-type': 'application/json' },
    requests: [
      {
        method: 'POST',
        setupRequest: (req: Record<string, unknown>) => ({ ...req, body: opts.body() }),
        onResponse: (status: number, text: string) => {
          if (opts.check && !opts.check(status, text)) refused++;
        },
      },
    ],
  });
  return {
    rps: result.requests.total / opts.seconds,
    p50: result.latency.p50,
    p90: result.latency.p90,
    p99: result.latency.p99,
    max: result.latency.max,
    errors: refused + result.errors + result.timeouts + result.non2xx,
  };
}

/**
 * Open loop at a fixed arrival rate: request i is due at start + i/rate whether or not earlier
 * ones were answered, and its latency counts from when it was due (a slow server cannot slow
 * the arrivals down and hide its queue). autocannon's own rate option sends each second's quota
 * as one burst at the start of the second, which measures burst queueing instead.
 */
export async function openLoop(url: string, opts: Omit<LoadOptions, 'connections'> & { rate: number }): Promise<LoadFigures> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1000 });
  const target = new URL(url);
  const total = Math.round(opts.rate * opts.seconds);
  const latencies: number[] = [];
  let errors = 0;
  let issued = 0;
  const start = performance.now() + 20;
  const one = (due: number) =>
    new Promise<void>((resolve) => {
      const body = opts.body();
      const req = http.request({ host: target.hostname, port: target.port, path: target.pathname, method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          latencies.push(performance.now() - due);
          if ((res.statusCode ?? 0) >= 300 || (opts.check && !opts.check(res.statusCode ?? 0, Buffer.concat(chunks).toString()))) errors++;
          resolve();
        });
      });
      req.on('error', () => {
        errors++;
        resolve();
      });
      req.end(body);
    });
  const inflight: Promise<void>[] = [];
  await new Promise<void>((resolve) => {
    const tick = () => {
      const now = performance.now();
      while (issued < total && start + (issued * 1000) / opts.rate <= now) inflight.push(one(start + (issued++ * 1000) / opts.rate));
      if (issued < total) setTimeout(tick, 1);
      else resolve();
    };
    setTimeout(tick, 20);
  });
  await Promise.all(inflight);
  const wall = (performance.now() - start) / 1000;
  agent.destroy();
  latencies.sort((a, b) => a - b);
  const pct = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))];
  return { rps: latencies.length / wall, p50: pct(50), p90: pct(90), p99: pct(99), max: latencies[latencies.length - 1], errors };
}
