import http from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A local stand-in for the Bot Connector service. The bot's replies and proactive messages
 * arrive here as they would at Teams; tests read them, and can make the connector fail.
 */
export interface ReceivedActivity {
  method: string;
  path: string;
  conversationId: string;
  activity: Record<string, unknown>;
  at: number;
  /** The id the connector gave a posted activity, or the one an update named. */
  activityId?: string;
}

type Fault = { status: number; headers?: Record<string, string>; times: number; match?: (path: string, body: any) => boolean };

export class TestConnector {
  readonly received: ReceivedActivity[] = [];
  /** Every request that reached the connector, answered or failed on purpose. */
  requests = 0;
  private server?: http.Server;
  private faults: Fault[] = [];
  private nextId = 1;
  url = '';
  /** Roster answered for GET …/pagedmembers and …/members/{id}. */
  members: Record<string, unknown>[] = [];
  /** 1:1 chats the bot opened: conversation id → Teams user id (29:…). */
  readonly personalChats = new Map<string, string>();
  /** Activities posted per conversation: what PUT …/activities/{id} may update. */
  private readonly posted = new Map<string, Set<string>>();

  async start(): Promise<this> {
    this.server = http.createServer((req, res) => this.handle(req, res));
    this.server.keepAliveTimeout = 1000;
    await new Promise<void>((r) => this.server!.listen(0, '127.0.0.1', () => r()));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/`;
    return this;
  }

  /** The next `times` sends fail with `status` (e.g. 429 with Retry-After). */
  failNext(status: number, times = 1, headers: Record<string, string> = {}, match?: Fault['match']): void {
    this.faults.push({ status, times, headers, match });
  }

  private handle(req: http.IncomingMessage, res: http.ServerResponse): void {
    this.requests++;
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const path = (req.url ?? '').split('?')[0];
      const json = (status: number, body: unknown, headers: Record<string, string> = {}) => {
        res.writeHead(status, { 'content-type': 'application/json', ...headers });
        res.end(JSON.stringify(body));
      };
      const parsed = (() => {
        try {
          return chunks.length ? JSON.parse(Buffer.concat(chunks).toString('utf8')) : {};
        } catch {
          return {};
        }
      })();
      const fault = req.method !== 'GET' ? this.faults.find((f) => !f.match || f.match(path, parsed)) : undefined;
      if (fault) {
        fault.times -= 1;
        if (fault.times <= 0) this.faults.splice(this.faults.indexOf(fault), 1);
        return json(fault.status, { error: { code: 'Fault', message: 'injected' } }, fault.headers);
      }
      if (req.method === 'GET' && /\/pagedmembers$/.test(path)) return json(200, { members: this.members });
      const member = /\/v3\/conversations\/[^/]+\/members\/([^/]+)$/.exec(path);
      if (req.method === 'GET' && member) {
        const found = this.members.find((m) => m.id === decodeURIComponent(member[1]));
        return found ? json(200, found) : json(404, { error: { code: 'NotFound' } });
      }
      if (req.method === 'POST' && path === '/v3/conversations') {
        const body = chunks.length ? JSON.parse(Buffer.concat(chunks).toString('utf8')) : {};
        const member = String(body.members?.[0]?.id ?? '');
        const existing = [...this.personalChats].find(([, m]) => m === member)?.[0];
        const id = existing ?? `a:1on1-${this.nextId++}`;
        this.personalChats.set(id, member);
        return json(201, { id });
      }
      const m = /^\/v3\/conversations\/([^/]+)\/activities(?:\/([^/]+))?$/.exec(path);
      if (m) {
        const body = chunks.length ? JSON.parse(Buffer.concat(chunks).toString('utf8')) : {};
        const conversationId = decodeURIComponent(m[1]);
        if (req.method === 'PUT') {
          // updateActivity: only a message the bot posted in that conversation can be updated;
          // the answer is a ResourceResponse naming the same activity.
          const activityId = decodeURIComponent(m[2] ?? '');
          if (!this.posted.get(conversationId)?.has(activityId)) return json(404, { error: { code: 'ActivityNotFoundInConversation', message: 'Unknown activity' } });
          this.received.push({ method: 'PUT', path, conversationId, activity: body, at: Date.now(), activityId });
          return json(200, { id: activityId });
        }
        const id = `activity-${this.nextId++}`;
        this.received.push({ method: req.method ?? '', path, conversationId, activity: body, at: Date.now(), activityId: id });
        if (req.method === 'POST') this.posted.set(conversationId, (this.posted.get(conversationId) ?? new Set()).add(id));
        return json(200, { id });
      }
      json(404, { error: { code: 'NotFound', message: `no route ${req.method} ${path}` } });
    });
  }

  /** Waits until `count` activities matching `filter` have arrived. */
  async waitFor(filter: (a: ReceivedActivity) => boolean, count = 1, timeoutMs = 10_000): Promise<ReceivedActivity[]> {
    const started = Date.now();
    for (;;) {
      const found = this.received.filter(filter);
      if (found.length >= count) return found;
      if (Date.now() - started > timeoutMs) throw new Error(`Connector received ${found.length} of ${count} expected activities`);
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((r) => (this.server ? this.server.close(() => r()) : r()));
  }
}
