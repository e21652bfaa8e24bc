import https from 'node:https';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parseLocalGraphToken } from '../../server/graph/local-credential';
import { localhostCertificate } from './certificate';
import { TenantDirectory } from './directory';

/**
 * A local stand-in for Microsoft Graph, speaking its wire format to the real Graph SDK (as the
 * test connector does for the Bot Connector): `GET /v1.0/users/delta` with `$select`, pages
 * linked by `@odata.nextLink`, an `@odata.deltaLink` whose `$deltatoken` returns only what changed
 * since, `manager@delta`, `@removed`; `GET /v1.0/teams/{id}/members` with `roles: ["owner"]`.
 * `POST /v1.0/users/{id}/teamwork/sendActivityNotification` records each notification (204), or
 * answers 403 when the app is not installed for that person (`notInstalled`).
 * Tenants it does not know answer 403 (the app was not granted User.Read.All there). Tests can
 * inject faults (429 with Retry-After), expire delta tokens and count the requests.
 */

/** A notification the activity feed accepted, as it was posted. */
export interface FeedNotification {
  tenantId: string;
  userId: string;
  topic: { source: string; value: string; webUrl?: string };
  activityType: string;
  previewText: { content: string };
  templateParameters: { name: string; value: string }[];
}
export interface GraphRequestRecord {
  method: string;
  path: string;
  tenantId?: string;
  /** `full` and `delta` for users/delta rounds, `page` for their later pages. */
  kind: 'full' | 'delta' | 'page' | 'members' | 'feed' | 'other';
  status: number;
}

type Fault = { status: number; headers: Record<string, string>; times: number; match?: (path: string) => boolean };

interface RoundToken {
  /** Changes after this version (absent: a full round). */
  since?: number;
  upTo: number;
  offset: number;
  select: string[];
}

const FEED = /^\/v1\.0\/users\/([^/]+)\/teamwork\/sendActivityNotification$/;

const encode = (t: object) => Buffer.from(JSON.stringify(t)).toString('base64url');
const decode = <T>(s: string): T | undefined => {
  try {
    return JSON.parse(Buffer.from(s, 'base64url').toString('utf8')) as T;
  } catch {
    return undefined;
  }
};

export class GraphStandIn {
  private server?: https.Server;
  private readonly tenants = new Map<string, TenantDirectory>();
  private faults: Fault[] = [];
  readonly requests: GraphRequestRecord[] = [];
  /** What reached people's activity feeds, in order. */
  readonly notifications: FeedNotification[] = [];
  /** `tenantId|userId` of people the app is not installed for: their feed answers 403. */
  private readonly uninstalled = new Set<string>();
  /** The Graph endpoint to configure, e.g. https://localhost:41234 (no version). */
  url = '';
  /** The certificate to trust (GRAPH_LOCAL_CA). */
  ca = '';

  constructor(
    readonly secret: string,
    public pageSize = 200,
  ) {}

  async start(): Promise<this> {
    const { key, cert } = localhostCertificate();
    this.ca = cert;
    this.server = https.createServer({ key, cert }, (req, res) => this.handle(req, res));
    this.server.keepAliveTimeout = 5_000;
    await new Promise<void>((r) => this.server!.listen(0, '127.0.0.1', () => r()));
    this.url = `https://localhost:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((r) => (this.server ? this.server.close(() => r()) : r()));
  }

  /** A tenant's directory (created empty on first use: the app is then granted access there). */
  tenant(tenantId: string): TenantDirectory {
    let t = this.tenants.get(tenantId.toLowerCase());
    if (!t) {
      t = new TenantDirectory();
      this.tenants.set(tenantId.toLowerCase(), t);
    }
    return t;
  }

  /** The next `times` requests whose path matches fail with `status` (e.g. 429, Retry-After). */
  failNext(status: number, times = 1, headers: Record<string, string> = {}, match?: (path: string) => boolean): void {
    this.faults.push({ status, times, headers, match });
  }

  /** The app is (not) installed for a person: without it, their activity feed refuses notifications. */
  notInstalled(tenantId: string, userId: string, notInstalled = true): void {
    const key = `${tenantId.toLowerCase()}|${userId}`;
    if (notInstalled) this.uninstalled.add(key);
    else this.uninstalled.delete(key);
  }

  /** Notifications a person's feed received. */
  feedOf(userId: string): FeedNotification[] {
    return this.notifications.filter((n) => n.userId === userId);
  }

  /** Requests so far that match (all when no filter). */
  count(filter: (r: GraphRequestRecord) => boolean = () => true): number {
    return this.requests.filter(filter).length;
  }

  private handle(req: IncomingMessage, res: ServerResponse): void {
    const url = new URL(req.url ?? '/', 'https://localhost');
    const path = url.pathname;
    const record: GraphRequestRecord = { method: req.method ?? 'GET', path, kind: FEED.test(path) ? 'feed' : 'other', status: 200 };
    this.requests.push(record);
    const send = (status: number, body: unknown, headers: Record<string, string> = {}) => {
      record.status = status;
      res.writeHead(status, { 'content-type': 'application/json', ...headers });
      res.end(JSON.stringify(body));
    };
    const error = (status: number, code: string, message: string, headers: Record<string, string> = {}) => send(status, { error: { code, message } }, headers);

    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => this.route(req, res, url, record, Buffer.concat(chunks).toString('utf8'), send, error));
  }

  private route(
    req: IncomingMessage,
    res: ServerResponse,
    url: URL,
    record: GraphRequestRecord,
    body: string,
    send: (status: number, body: unknown, headers?: Record<string, string>) => void,
    error: (status: number, code: string, message: string, headers?: Record<string, string>) => void,
  ): void {
    const path = url.pathname;
    const tenantId = parseLocalGraphToken(this.secret, req.headers.authorization);
    if (!tenantId) return error(401, 'InvalidAuthenticationToken', 'Access token is empty or not valid.');
    record.tenantId = tenantId;
    const fault = this.faults.find((f) => !f.match || f.match(path));
    if (fault) {
      fault.times -= 1;
      if (fault.times <= 0) this.faults.splice(this.faults.indexOf(fault), 1);
      return error(fault.status, fault.status === 429 ? 'TooManyRequests' : 'ServiceUnavailable', 'Injected by the stand-in.', fault.headers);
    }
    const directory = this.tenants.get(tenantId);
    if (!directory) return error(403, 'Authorization_RequestDenied', 'Insufficient privileges to complete the operation.');
    const feed = FEED.exec(path);
    if (feed && req.method === 'POST') return this.notify(tenantId, decodeURIComponent(feed[1]), body, record, res, error);
    if (req.method !== 'GET') return error(405, 'Request_BadRequest', 'Only GET is served here.');

    if (path === '/v1.0/users/delta' || path === '/v1.0/users/microsoft.graph.delta') return this.usersDelta(directory, url, record, send, error);
    const members = /^\/v1\.0\/teams\/([^/]+)\/members$/.exec(path);
    if (members) {
      record.kind = 'members';
      const team = directory.teams.get(decodeURIComponent(members[1]));
      if (!team) return error(404, 'NotFound', 'No team found with Group Id.');
      const offset = Number(url.searchParams.get('$skiptoken') ?? 0) || 0;
      const page = team.slice(offset, offset + this.pageSize).map((m) => ({
        '@odata.type': '#microsoft.graph.aadUserConversationMember',
        id: `member-${m.userId}`,
        roles: m.owner ? ['owner'] : [],
        displayName: m.displayName ?? directory.user(m.userId)?.displayName ?? null,
        userId: m.userId,
        tenantId,
      }));
      const more = offset + this.pageSize < team.length;
      return send(200, { value: page, ...(more ? { '@odata.nextLink': `${this.url}${path}?$skiptoken=${offset + this.pageSize}` } : {}) });
    }
    error(404, 'UnknownRequest', `No stand-in route for ${path}.`);
  }

  private notify(
    tenantId: string,
    userId: string,
    body: string,
    record: GraphRequestRecord,
    res: ServerResponse,
    error: (status: number, code: string, message: string) => void,
  ): void {
    record.kind = 'feed';
    if (this.uninstalled.has(`${tenantId}|${userId}`)) return error(403, 'Forbidden', 'The app is not installed for the recipient.');
    let n: Partial<FeedNotification> | undefined;
    try {
      n = JSON.parse(body) as Partial<FeedNotification>;
    } catch {
      n = undefined;
    }
    if (!n?.topic?.source || !n.topic.value || !n.activityType || typeof n.previewText?.content !== 'string' || n.previewText.content.length > 150) {
      return error(400, 'BadRequest', 'topic, activityType and previewText (at most 150 characters) are required.');
    }
    if (n.topic.source === 'text' && !n.topic.webUrl) return error(400, 'BadRequest', 'A text topic needs a webUrl.');
    this.notifications.push({ tenantId, userId, topic: n.topic, activityType: n.activityType, previewText: n.previewText, templateParameters: n.templateParameters ?? [] });
    record.status = 204;
    res.writeHead(204);
    res.end();
  }

  private usersDelta(
    directory: TenantDirectory,
    url: URL,
    record: GraphRequestRecord,
    send: (status: number, body: unknown) => void,
    error: (status: number, code: string, message: string) => void,
  ): void {
    const skip = url.searchParams.get('$skiptoken') ?? url.searchParams.get('$skipToken');
    const delta = url.searchParams.get('$deltatoken');
    let round: RoundToken | undefined;
    if (skip) {
      record.kind = 'page';
      round = decode<RoundToken>(skip);
    } else if (delta) {
      record.kind = 'delta';
      const since = decode<{ version: number; select: string[] }>(delta);
      if (since && since.version < directory.oldestToken) return error(410, 'resyncRequired', 'The delta token is no longer valid; start a full round.');
      if (since) round = { since: since.version, upTo: directory.version, offset: 0, select: since.select };
    } else {
      record.kind = 'full';
      const select = (url.searchParams.get('$select') ?? 'id,displayName').split(',').map((s) => s.trim()).filter(Boolean);
      round = { upTo: directory.version, offset: 0, select };
    }
    if (!round || !Array.isArray(round.select)) return error(400, 'BadRequest', 'The token is not valid.');
    const { since, upTo, offset, select } = round;
    const entries = since === undefined ? directory.allIds().map((id) => ({ id, manager: true })) : directory.changedSince(since, upTo);
    const page = entries.slice(offset, offset + this.pageSize).map((e) => directory.deltaItem(e.id, select, e.manager));
    const base = `${this.url}/v1.0/users/delta`;
    const body: Record<string, unknown> = { '@odata.context': `${this.url}/v1.0/$metadata#users(${select.join(',')})`, value: page };
    if (offset + this.pageSize < entries.length) body['@odata.nextLink'] = `${base}?$skiptoken=${encode({ ...round, offset: offset + this.pageSize })}`;
    else body['@odata.deltaLink'] = `${base}?$deltatoken=${encode({ version: upTo, select })}`;
    send(200, body);
  }
}
