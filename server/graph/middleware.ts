import http from 'node:http';
import https from 'node:https';
import type { Context, Middleware, MiddlewareOptions } from '@microsoft/microsoft-graph-client';
import type { GraphMeter } from '../../domain/ports/graph';

/**
 * Two links of our own in the SDK's middleware chain (after its authentication, retry and
 * redirect handlers, so every attempt passes through them):
 *
 *  - `MeterHandler` counts each request and each 429 into the meter the caller attached to the
 *    request (a sync reports how many Graph calls it made);
 *  - `Transport` sends the request: the SDK's own way (fetch) against Microsoft Graph, or over
 *    node:https trusting one extra certificate authority, for a local stand-in with its own
 *    certificate (fetch in Node 20 cannot be given one).
 */

/** Per-request option: where the request's counts go. */
export class MeterOption implements MiddlewareOptions {
  constructor(readonly meter: GraphMeter) {}
}

export class MeterHandler implements Middleware {
  private next?: Middleware;

  async execute(context: Context): Promise<void> {
    const meter = (context.middlewareControl?.getMiddlewareOptions(MeterOption) as MeterOption | undefined)?.meter;
    await this.next!.execute(context);
    if (!meter) return;
    meter.calls += 1;
    if (context.response?.status === 429) meter.throttled += 1;
  }

  setNext(next: Middleware): void {
    this.next = next;
  }
}

export class Transport implements Middleware {
  constructor(private readonly ca?: string) {}

  async execute(context: Context): Promise<void> {
    if (!this.ca) {
      context.response = await fetch(context.request, context.options as RequestInit);
      return;
    }
    context.response = await this.send(String(typeof context.request === 'string' ? context.request : context.request.url), context.options ?? {});
  }

  private send(url: string, options: { method?: string; headers?: unknown; body?: unknown }): Promise<Response> {
    const headers = new Headers(options.headers as HeadersInit | undefined);
    const body = typeof options.body === 'string' ? options.body : undefined;
    const client = url.startsWith('https:') ? https : http;
    return new Promise((resolve, reject) => {
      const req = client.request(url, { method: options.method ?? 'GET', headers: Object.fromEntries(headers), ca: this.ca, timeout: 60_000 }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('error', reject);
        res.on('end', () => {
          const responseHeaders = new Headers();
          for (const [k, v] of Object.entries(res.headers)) if (v !== undefined) responseHeaders.set(k, Array.isArray(v) ? v.join(', ') : v);
          const status = res.statusCode ?? 500;
          const noBody = status === 204 || status === 304;
          resolve(new Response(noBody ? null : Buffer.concat(chunks), { status, headers: responseHeaders }));
        });
      });
      req.on('timeout', () => req.destroy(new Error('Graph request timed out')));
      req.on('error', reject);
      req.end(body);
    });
  }
}
