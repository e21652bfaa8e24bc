import http from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A Bot Connector stand-in that enforces Teams' documented send limits (per conversation
 * 7/1 s, 8/2 s, 60/30 s; per tenant 50/s) by answering 429 with Retry-After when a sender goes
 * over them, and injects extra 429s at a given rate. It counts what it accepted per conversation.
 */
export class LimitedConnector {
  url = '';
  accepted = 0;
  throttled = 0;
  injected = 0;
  firstAt = 0;
  lastAt = 0;
  readonly perConversation = new Map<string, number>();
  private readonly history = new Map<string, number[]>();
  private tenant: number[] = [];
  private server?: http.Server;

  constructor(private readonly injectRate = 0.01) {}

  async start(): Promise<this> {
    this.server = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => this.handle(req, res));
    });
    this.server.keepAliveTimeout = 30_000;
    await new Promise<void>((r) => this.server!.listen(0, '127.0.0.1', () => r()));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/`;
    return this;
  }

  private over(list: number[], now: number, ms: number, max: number): boolean {
    let n = 0;
    for (let i = list.length - 1; i >= 0 && list[i] > now - ms; i--) n++;
    return n >= max;
  }

  private handle(req: http.IncomingMessage, res: http.ServerResponse): void {
    const reply = (status: number, body: unknown, headers: Record<string, string> = {}) => {
      res.writeHead(status, { 'content-type': 'application/json', ...headers });
      res.end(JSON.stringify(body));
    };
    const m = /^\/v3\/conversations\/([^/]+)\/activities/.exec(req.url ?? '');
    if (req.method !== 'POST' || !m) return reply(404, {});
    const conversation = decodeURIComponent(m[1]);
    const now = Date.now();
    this.tenant = this.tenant.filter((x) => x > now - 1000);
    const conv = (this.history.get(conversation) ?? []).filter((x) => x > now - 30_000);
    if (this.over(this.tenant, now, 1000, 50) || this.over(conv, now, 1000, 7) || this.over(conv, now, 2000, 8) || this.over(conv, now, 30_000, 60)) {
      this.throttled++;
      return reply(429, { error: { code: 'Throttled' } }, { 'Retry-After': '1' });
    }
    if (Math.random() < this.injectRate) {
      this.injected++;
      return reply(429, { error: { code: 'Throttled' } });
    }
    this.tenant.push(now);
    conv.push(now);
    this.history.set(conversation, conv);
    this.accepted++;
    this.firstAt ||= now;
    this.lastAt = now;
    this.perConversation.set(conversation, (this.perConversation.get(conversation) ?? 0) + 1);
    reply(200, { id: `a-${this.accepted}` });
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((r) => (this.server ? this.server.close(() => r()) : r()));
  }
}
