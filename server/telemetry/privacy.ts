import type { Context } from '@opentelemetry/api';
import type { ReadableSpan, Span, SpanProcessor } from '@opentelemetry/sdk-trace-base';
import { CONTAINERS } from '../../domain/ports/store';

/**
 * What leaves the process as telemetry carries no personal data: no user, member or AAD object
 * ids, names, conversation or activity ids, answer or message text, tokens, IP addresses or user
 * agents. Spans keep an allow-list of attributes; URLs keep their shape but not their ids or query
 * strings; exceptions keep their type and stack frames but not their message. The request's route
 * (`/api/pilots/:id`) is what names an incoming request.
 */

/** Attributes that never carry a person's data (values are methods, codes, hosts, ports, names of operations). */
const KEEP = new Set([
  'http.method',
  'http.request.method',
  'http.status_code',
  'http.response.status_code',
  'http.route',
  'http.scheme',
  'http.flavor',
  'network.protocol.version',
  'net.host.name',
  'net.host.port',
  'net.peer.name',
  'net.peer.port',
  'server.address',
  'server.port',
  'http.host',
  'az.namespace',
  'db.system',
  'db.name',
  'db.operation',
  'otel.status_code',
  'error.type',
]);

/** URL attributes: kept with ids and query strings taken out. */
const URLS = new Set(['http.url', 'url.full', 'http.target', 'url.path']);

/** Path segments that are names of things, never ids: REST resource words of the services the app calls, and its own. */
const WORDS = new Set([
  // Cosmos DB REST
  'dbs', 'colls', 'docs', 'pkranges', 'sprocs', 'udfs', 'triggers', 'offers', 'users', 'permissions', 'leaderful', ...CONTAINERS,
  // Bot Connector
  'v3', 'conversations', 'activities', 'members', 'pagedmembers', 'attachments', 'teams', 'channels',
  // Microsoft Graph, Entra ID
  'v1.0', 'beta', 'v2.0', 'teamwork', 'sendActivityNotification', 'installedApps', 'chats', 'delta', 'groups', 'transitiveMembers', 'manager', 'directReports', 'oauth2', 'token', 'discovery', 'keys',
  // the app's own
  'api', 'messages', 'healthz', 'tabs',
]);

/** A URL or path with every segment that is not a known word replaced, and no query string or fragment. */
export function scrubUrl(value: string): string {
  let origin = '';
  let path = value;
  const m = /^([a-z][a-z0-9+.-]*:\/\/[^/?#]*)(.*)$/i.exec(value);
  if (m) [origin, path] = [m[1].replace(/\/\/[^@/]*@/, '//'), m[2]];
  path = path.split(/[?#]/)[0];
  const segments = path.split('/').map((s) => (s === '' || WORDS.has(s) ? s : ':id'));
  return origin + segments.join('/');
}

/** An exception's stack without its first line (the message, which may quote what someone wrote). */
function framesOnly(stack: unknown): string | undefined {
  if (typeof stack !== 'string') return undefined;
  return stack
    .split('\n')
    .filter((l) => /^\s+at /.test(l))
    .join('\n');
}

type Attrs = Record<string, unknown>;

/** Keeps what is safe in a span's attributes, in place (the exporter reads them after this). */
export function scrubAttributes(attrs: Attrs, route?: string): void {
  for (const key of Object.keys(attrs)) {
    if (key.startsWith('_MS.') || key.startsWith('microsoft.') || KEEP.has(key)) continue;
    if (URLS.has(key) && typeof attrs[key] === 'string') {
      attrs[key] = route ? replacePath(attrs[key] as string, route) : scrubUrl(attrs[key] as string);
      continue;
    }
    delete attrs[key];
  }
}

/** The request's URL with its path replaced by its route pattern. */
function replacePath(url: string, route: string): string {
  const m = /^([a-z][a-z0-9+.-]*:\/\/[^/?#]*)/i.exec(url);
  return (m ? m[1] : '') + route;
}

/**
 * The span processor that applies all of the above when a span ends, before the exporter's
 * batch processor turns it into an envelope (it is registered ahead of it).
 */
export class PrivacySpanProcessor implements SpanProcessor {
  constructor(private readonly onClientStatus?: (status: number, target: string) => void) {}

  onStart(_span: Span, _context: Context): void {}

  onEnd(span: ReadableSpan): void {
    const attrs = span.attributes as Attrs;
    const route = typeof attrs['http.route'] === 'string' ? (attrs['http.route'] as string) : undefined;
    const status = Number(attrs['http.status_code'] ?? attrs['http.response.status_code']);
    const url = String(attrs['http.url'] ?? attrs['url.full'] ?? '');
    scrubAttributes(attrs, route);
    if (route) attrs['http.route'] = route;
    const named = span as unknown as { name: string };
    if (named.name.includes('/')) named.name = named.name.replace(/\/\S*/, (p) => scrubUrl(p));
    for (const event of span.events) {
      const a = (event.attributes ?? {}) as Attrs;
      for (const key of Object.keys(a)) {
        if (key === 'exception.stacktrace') a[key] = framesOnly(a[key]);
        else if (key === 'exception.message') a[key] = String(a['exception.type'] ?? 'Error');
        else if (key !== 'exception.type' && !key.startsWith('_MS.')) delete a[key];
      }
    }
    if (span.kind === 2 /* CLIENT */ && Number.isFinite(status) && url) this.onClientStatus?.(status, url);
  }

  forceFlush(): Promise<void> {
    return Promise.resolve();
  }

  shutdown(): Promise<void> {
    return Promise.resolve();
  }
}
