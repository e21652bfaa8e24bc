import type { Params } from '../../../domain/shared/codes';
import type { ErrorBody } from '../../../platform/http';
import type { FieldProblem } from './types';

/**
 * The one way the tab talks to its API. Every request carries the caller's credentials, fetched
 * fresh each time (a Teams SSO token, or the demo user header), and every failure becomes an
 * `ApiError` with the server's code (the kind of failure), its reason (the domain's code, with
 * params, which the tab words), its message and per-field problems.
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields: FieldProblem[] = [],
    readonly reason?: string,
    readonly params: Params = {},
  ) {
    super(message);
  }
}

/** Headers that identify the caller; may reject (e.g. Teams could not issue a token). */
export type Credentials = () => Promise<Record<string, string>>;

export interface RequestOptions {
  body?: unknown;
  headers?: Record<string, string>;
  signal?: AbortSignal;
}

export class ApiClient {
  /** GETs sent ahead of the view that reads them (see `prefetch`), by path; each is taken once. */
  private readonly early = new Map<string, Promise<unknown>>();
  /** Those of them that have arrived, with their answer (see `take`). */
  private readonly arrived = new Map<string, unknown>();

  constructor(private readonly credentials: Credentials) {}

  get<T>(path: string, opts?: RequestOptions): Promise<T> {
    const early = this.early.get(path);
    if (early && !opts?.headers) {
      this.early.delete(path);
      this.arrived.delete(path);
      return early as Promise<T>;
    }
    return this.request<T>('GET', path, opts);
  }

  /**
   * Sends a GET now, before the view that needs it has mounted: its first `get` of the same path
   * takes this answer instead of asking again (a cold start then waits for one round trip, not
   * one per step of the app's start). Later `get`s go to the server as usual.
   */
  prefetch<T>(path: string): Promise<T> {
    const asked = this.early.get(path);
    if (asked) return asked as Promise<T>;
    return this.seed(path, this.request<T>('GET', path));
  }

  /** The answer the first `get` of `path` takes, however it was had (e.g. brought along by another call). */
  seed<T>(path: string, answer: Promise<T>): Promise<T> {
    this.early.set(path, answer);
    this.arrived.delete(path);
    // A refusal surfaces only if a view takes it (with `get`).
    answer.then((value) => this.early.get(path) === answer && this.arrived.set(path, value), () => undefined);
    return answer;
  }

  /**
   * The answer sent ahead for `path`, if it has already arrived: taken now, as the first `get`
   * would take it, so that a view can render with it on its first render instead of a loading one.
   */
  take<T>(path: string): T | undefined {
    if (!this.arrived.has(path)) return undefined;
    const value = this.arrived.get(path) as T;
    this.early.delete(path);
    this.arrived.delete(path);
    return value;
  }

  post<T>(path: string, opts?: RequestOptions): Promise<T> {
    return this.request<T>('POST', path, opts);
  }

  patch<T>(path: string, opts?: RequestOptions): Promise<T> {
    return this.request<T>('PATCH', path, opts);
  }

  put<T>(path: string, opts?: RequestOptions): Promise<T> {
    return this.request<T>('PUT', path, opts);
  }

  /**
   * A file the server builds (a CSV export), fetched with the same credentials as every call:
   * the SSO token travels in a header, so a plain link could not carry it.
   */
  async file(path: string, opts: Omit<RequestOptions, 'body'> = {}): Promise<{ blob: Blob; filename?: string }> {
    const res = await this.send('GET', path, { ...opts, headers: { accept: 'text/csv, */*', ...opts.headers } });
    if (!res.ok) throw await failure(res);
    const disposition = res.headers.get('content-disposition') ?? '';
    const filename = /filename="?([^";]+)"?/i.exec(disposition)?.[1];
    return { blob: await res.blob(), filename };
  }

  async request<T>(method: string, path: string, opts: RequestOptions = {}): Promise<T> {
    const res = await this.send(method, path, opts);
    if (!res.ok) throw await failure(res);
    const text = await res.text();
    try {
      return (text ? JSON.parse(text) : undefined) as T;
    } catch {
      return undefined as T;
    }
  }

  private async send(method: string, path: string, opts: RequestOptions): Promise<Response> {
    let auth: Record<string, string>;
    try {
      auth = await this.credentials();
    } catch (err) {
      throw new ApiError(401, 'auth_failed', err instanceof Error ? err.message : String(err));
    }
    const headers: Record<string, string> = { accept: 'application/json', ...auth, ...opts.headers };
    if (opts.body !== undefined) headers['content-type'] = 'application/json';
    try {
      return await fetch(path, {
        method,
        headers,
        body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
        signal: opts.signal,
        credentials: 'same-origin',
      });
    } catch (err) {
      if (err instanceof DOMException && err.name === 'AbortError') throw err;
      throw new ApiError(0, 'network', 'The server could not be reached.');
    }
  }
}

/** A failed response as an ApiError with the server's code, message and per-field problems. */
async function failure(res: Response): Promise<ApiError> {
  const text = await res.text().catch(() => '');
  let body: unknown;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    body = undefined;
  }
  const error = (body as { error?: Partial<ErrorBody['error']> } | undefined)?.error;
  return new ApiError(res.status, error?.code ?? 'http_' + res.status, error?.message ?? res.statusText, error?.fields ?? [], error?.reason, error?.params);
}

/** `?a=1&b=x` from the values that are set (undefined, '' and false are left out), or ''. */
export function queryString(params: Record<string, string | number | boolean | undefined>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== '' && v !== false) q.set(k, String(v));
  const s = q.toString();
  return s ? `?${s}` : '';
}

/** Ids contain ':' (`pilot:…`, `circle:…`), so every id in a path is encoded. */
export const enc = encodeURIComponent;
