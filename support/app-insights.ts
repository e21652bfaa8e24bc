import type http from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import { gunzipSync } from 'node:zlib';
import { localhostCertificate } from './graph/certificate';

/**
 * A local stand-in for the Application Insights ingestion endpoint (Breeze): it takes what the
 * Azure Monitor exporter posts to `<IngestionEndpoint>/v2.1/track` (or `/v2/track`) — a JSON array
 * of envelopes, or one envelope per line, gzipped or not — answers as the service does, and keeps
 * every envelope for tests to read. Point the real SDK at it with the connection string's
 * IngestionEndpoint. The exporter speaks only HTTPS: the stand-in serves a localhost certificate,
 * which the app's process must trust (NODE_EXTRA_CA_CERTS pointing at a file holding `ca`).
 */
export interface Envelope {
  name: string;
  time: string;
  iKey?: string;
  tags?: Record<string, string>;
  data?: { baseType?: string; baseData?: Record<string, any> };
}

export class AppInsightsStandIn {
  readonly envelopes: Envelope[] = [];
  /** Every body received, decompressed, as text: what a privacy check must search. */
  readonly bodies: string[] = [];
  /** Paths of every request, including any that were not `track` posts. */
  readonly requests: string[] = [];
  private server?: https.Server;
  url = '';
  /** The certificate to trust. */
  ca = '';

  async start(): Promise<this> {
    const { key, cert } = localhostCertificate();
    this.ca = cert;
    this.server = https.createServer({ key, cert }, (req: http.IncomingMessage, res: http.ServerResponse) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        this.requests.push(`${req.method} ${req.url}`);
        const path = (req.url ?? '').split('?')[0];
        if (req.method !== 'POST' || !/^\/v2(\.1)?\/track$/.test(path)) {
          res.writeHead(404, { 'content-type': 'application/json' });
          return res.end('{}');
        }
        let raw = Buffer.concat(chunks);
        if (/gzip/i.test(String(req.headers['content-encoding'] ?? ''))) raw = gunzipSync(raw);
        const text = raw.toString('utf8');
        this.bodies.push(text);
        const trimmed = text.trim();
        const items: Envelope[] = trimmed.startsWith('[') ? JSON.parse(trimmed) : trimmed.split('\n').filter(Boolean).map((l) => JSON.parse(l));
        this.envelopes.push(...items);
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ itemsReceived: items.length, itemsAccepted: items.length, errors: [] }));
      });
    });
    await new Promise<void>((r) => this.server!.listen(0, '127.0.0.1', () => r()));
    this.url = `https://localhost:${(this.server.address() as AddressInfo).port}/`;
    return this;
  }

  /** A connection string whose ingestion endpoint is this stand-in. */
  connectionString(): string {
    return `InstrumentationKey=${randomUUID()};IngestionEndpoint=${this.url};LiveEndpoint=${this.url}`;
  }

  /** Request envelopes (incoming HTTP). */
  requestsTracked(): Record<string, any>[] {
    return this.envelopes.filter((e) => e.data?.baseType === 'RequestData').map((e) => e.data!.baseData!);
  }

  /** Dependency envelopes (outgoing calls). */
  dependencies(): Record<string, any>[] {
    return this.envelopes.filter((e) => e.data?.baseType === 'RemoteDependencyData').map((e) => e.data!.baseData!);
  }

  /** Metric data points by name, with their dimensions. */
  metrics(name: string): { value: number; properties: Record<string, string> }[] {
    return this.envelopes
      .filter((e) => e.data?.baseType === 'MetricData')
      .flatMap((e) => (e.data!.baseData!.metrics as { name: string; value: number }[]).filter((m) => m.name === name).map((m) => ({ value: m.value, properties: (e.data!.baseData!.properties ?? {}) as Record<string, string> })));
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((r) => (this.server ? this.server.close(() => r()) : r()));
  }
}
