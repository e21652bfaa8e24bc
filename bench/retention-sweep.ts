/**
 * Retention sweep figures.   node bench/run.mjs retention-sweep
 *
 * One tenant in the embedded store holds BENCH_ITEMS (default 10,000) records past their period
 * (delivered messages and handled activity ids, half each) and BENCH_ITEMS / 2 within it. The
 * scheduler's sweep deletes the old ones pass by pass (bounded: SWEEP_BUDGET per kind per pass);
 * for comparison, in the same run, a plain paged query reads the ids of the same old records.
 * Reported: records swept per pass, per second, and the ratio to the plain read.
 * Options: BENCH_ITEMS.
 */
import { randomUUID } from 'node:crypto';
import { startLeaderful } from '../server/main';
import { ManualClock } from '../domain/shared/clock';
import { SWEEP_BUDGET } from '../domain/retention';
import type { Doc } from '../domain/ports/store';

const ITEMS = Number(process.env.BENCH_ITEMS ?? 10_000);
const TENANT = '0b0e0000-0000-4000-8000-00000000ae7e';
const NOW = new Date('2027-06-01T00:00:00Z');
const DAY = 86_400_000;

async function main(): Promise<void> {
  const clock = new ManualClock(NOW);
  const app = await startLeaderful({ clock, env: { NODE_ENV: 'test', PORT: '0', LOG_LEVEL: 'silent', AAD_APP_CLIENT_ID: randomUUID(), SEED_DEMO_DATA: 'false' } });
  try {
    const old = new Date(NOW.getTime() - 90 * DAY).toISOString();
    const recent = new Date(NOW.getTime() - 5 * DAY).toISOString();
    const docs: Doc[] = [];
    for (let i = 0; i < ITEMS / 2; i++) {
      docs.push({ id: `out:old-${i}`, tenantId: TENANT, type: 'outbox', status: 'sent', retainedFrom: old, createdAt: old } as Doc);
      docs.push({ id: `activity:old-${i}`, tenantId: TENANT, type: 'processed-activity', at: old } as Doc);
    }
    for (let i = 0; i < ITEMS / 4; i++) {
      docs.push({ id: `out:new-${i}`, tenantId: TENANT, type: 'outbox', status: 'sent', retainedFrom: recent, createdAt: recent } as Doc);
      docs.push({ id: `activity:new-${i}`, tenantId: TENANT, type: 'processed-activity', at: recent } as Doc);
    }
    await app.store.bulkCreate('outbox', docs);

    // Baseline: the ids of the same old records, read with a plain paged query (100 a page, as the sweep asks).
    const cutoff = new Date(NOW.getTime() - 30 * DAY).toISOString();
    let read = 0;
    const t0 = performance.now();
    for (const [type, field] of [['outbox', 'retainedFrom'], ['processed-activity', 'at']] as const) {
      let continuation: string | undefined;
      do {
        const page = await app.store.query<{ id: string }>('outbox', TENANT, `SELECT c.id, c.tenantId FROM c WHERE c.tenantId = @tenantId AND c.type = @type AND c.${field} < @before`, { type, before: cutoff }, { pageSize: 100, continuation });
        read += page.items.length;
        continuation = page.continuation;
      } while (continuation);
    }
    const readSeconds = (performance.now() - t0) / 1000;

    const passes: { pass: number; swept: number; seconds: number }[] = [];
    let total = 0;
    const t1 = performance.now();
    for (let pass = 1; pass <= 100; pass++) {
      const started = performance.now();
      const swept = await app.domain.retention.sweep(TENANT, []);
      const n = Object.values(swept).reduce((a, b) => a + b, 0);
      passes.push({ pass, swept: n, seconds: (performance.now() - started) / 1000 });
      total += n;
      if (!n) break;
    }
    const sweepSeconds = (performance.now() - t1) / 1000;
    const left = await app.domain.retention.counts(TENANT);
    console.log(`\nRetention sweep, embedded store: ${ITEMS} records past their period, ${ITEMS / 2} within it, one tenant (budget ${SWEEP_BUDGET} per kind per pass)`);
    console.table(passes.map((p) => ({ pass: p.pass, 'records swept': p.swept, seconds: p.seconds.toFixed(2), 'records/s': p.seconds ? Math.round(p.swept / p.seconds) : 0 })));
    console.table([
      { what: 'plain paged read of the old records’ ids (baseline)', records: read, seconds: readSeconds.toFixed(2), 'records/s': Math.round(read / readSeconds) },
      { what: 'sweep: find and delete them, pass by pass', records: total, seconds: sweepSeconds.toFixed(2), 'records/s': Math.round(total / sweepSeconds) },
    ]);
    console.log(`sweep / plain read time: ${(sweepSeconds / readSeconds).toFixed(1)}×; left after the sweep: outbox messages ${left.outbox}, activity ids ${left.activities} (expected ${ITEMS / 4} each)`);
  } finally {
    await app.stop();
  }
}

void main().then(() => process.exit(0), (err) => {
  console.error(err);
  process.exit(1);
});
