import { createRequire } from 'node:module';
import type restify from 'restify';
import type { Domain } from '../../domain';
import type { Log } from '../../platform/log';
import { PrivacySpanProcessor } from './privacy';

/**
 * Telemetry to Application Insights through OpenTelemetry (`@azure/monitor-opentelemetry`), on
 * only when APPLICATIONINSIGHTS_CONNECTION_STRING is set: the SDK is imported then and only then,
 * so an app without it loads none of it and sends nothing. What it sends: incoming requests
 * (named by route), dependency calls (Cosmos DB, Bot Connector, Microsoft Graph — the HTTP client
 * instrumentation), and the app's own metrics below. Nothing personal: see ./privacy.ts.
 *
 * Tests shorten the export intervals with the standard OTEL_METRIC_EXPORT_INTERVAL and
 * OTEL_BSP_SCHEDULE_DELAY (milliseconds).
 */
export interface Telemetry {
  /** Names each incoming request by its route pattern (`/api/pilots/:id`), never its ids. */
  routes(server: restify.Server): void;
  /** Starts reporting the outbox, delivery and scheduler metrics. */
  observe(sources: TelemetrySources): void;
  /** Flushes what is buffered and stops. */
  stop(): Promise<void>;
}

export interface TelemetrySources {
  domain: Pick<Domain, 'directory' | 'outbox'>;
  /** Delivery's running counts (bot/delivery). */
  delivery: { stats: { sent: number; retried: number; failed: number } };
  /** The scheduler's last pass: how late it started and how long it took. */
  scheduler: { stats: { passes: number; lagMs: number; passMs: number } };
}

/** Which service a dependency URL belongs to: the dimension of the 429 count. */
export function dependencyOf(url: string): string {
  if (/\/v3\/conversations/.test(url)) return 'bot-connector';
  if (/\/dbs\//.test(url)) return 'cosmos';
  if (/\/(v1\.0|beta)\//.test(url)) return 'graph';
  return 'other';
}

export async function startTelemetry(connectionString: string | undefined, log: Log): Promise<Telemetry | undefined> {
  if (!connectionString) return undefined;
  const [{ useAzureMonitor, shutdownAzureMonitor }, api, { resourceFromAttributes }] = await Promise.all([import('@azure/monitor-opentelemetry'), import('@opentelemetry/api'), import('@opentelemetry/resources')]);

  let onStatus: (status: number, url: string) => void = () => undefined;
  useAzureMonitor({
    azureMonitorExporterOptions: { connectionString },
    resource: resourceFromAttributes({ 'service.name': 'leaderful' }), // the cloud role
    // Live Metrics streams sample requests to a second endpoint, outside the scrubbed path.
    enableLiveMetrics: false,
    spanProcessors: [new PrivacySpanProcessor((status, url) => onStatus(status, url))],
    instrumentationOptions: {
      http: { enabled: true },
      azureSdk: { enabled: true },
      mongoDb: { enabled: false },
      mySql: { enabled: false },
      postgreSql: { enabled: false },
      redis: { enabled: false },
      redis4: { enabled: false },
      bunyan: { enabled: false },
      winston: { enabled: false },
    },
  });

  // The SDK instruments modules as they are required. The app's own modules (restify, the Cosmos
  // and Bot Framework clients) required these before it started: require them once more, which
  // patches the shared module objects for everyone holding them.
  const again = createRequire(__filename);
  for (const name of ['http', 'https', '@azure/core-tracing']) again(name);

  const meter = api.metrics.getMeter('leaderful');
  const throttled = meter.createCounter('leaderful.throttled', { description: '429 answers from the services the app calls, by service' });
  onStatus = (status, url) => {
    if (status === 429) throttled.add(1, { dependency: dependencyOf(url) });
  };
  log.info('telemetry: Application Insights');

  return {
    routes(server) {
      server.use((req, _res, next) => {
        const route = req.getRoute?.()?.path;
        if (route) api.trace.getActiveSpan()?.setAttribute('http.route', String(route));
        next();
      });
    },
    observe({ domain, delivery, scheduler }) {
      meter.createObservableGauge('leaderful.outbox.depth', { description: 'Messages waiting to be sent (pending or being sent), all tenants' }).addCallback(async (result) => {
        try {
          let depth = 0;
          for (const tenantId of await domain.directory.tenantIds()) depth += await domain.outbox.depth(tenantId);
          result.observe(depth);
        } catch (err) {
          log.debug({ err: String(err) }, 'telemetry: outbox depth not read'); // e.g. the store stopping before the last export
        }
      });
      meter.createObservableCounter('leaderful.delivery.sent', { description: 'Messages sent to Teams' }).addCallback((r) => r.observe(delivery.stats.sent));
      meter.createObservableCounter('leaderful.delivery.retried', { description: 'Sends put back to retry (429, 412, 5xx, network)' }).addCallback((r) => r.observe(delivery.stats.retried));
      meter.createObservableCounter('leaderful.delivery.failed', { description: 'Sends given up' }).addCallback((r) => r.observe(delivery.stats.failed));
      meter.createObservableGauge('leaderful.scheduler.lag', { unit: 'ms', description: 'How long after it was due the last scheduler pass finished' }).addCallback((r) => {
        if (scheduler.stats.passes) r.observe(scheduler.stats.lagMs);
      });
      meter.createObservableGauge('leaderful.scheduler.pass', { unit: 'ms', description: 'How long the last scheduler pass took' }).addCallback((r) => {
        if (scheduler.stats.passes) r.observe(scheduler.stats.passMs);
      });
    },
    stop: () => shutdownAzureMonitor(),
  };
}
