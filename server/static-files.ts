import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Next, Request, Response } from 'restify';

/**
 * The tab's files, sent pre-compressed: the build writes `<file>.br` and `<file>.gz` next to each
 * text asset (scripts/build.mjs), and each request gets the smallest the browser accepts —
 * Brotli, then gzip, then the file itself — with `Content-Encoding` and `Vary: Accept-Encoding`,
 * so no CPU is spent compressing per request. Chunk names carry a content hash, so they never
 * change: cached for a year. The entry points (index.html, app.js) are revalidated every time
 * (ETag → 304) so a deploy is picked up at once.
 */
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.woff2': 'font/woff2',
};

/** The build's content-hashed chunk names: `Name-k3x9q2ab.js`. */
const HASHED = /-[a-z0-9]{8}\.js(\.map)?$/;

const ENCODINGS = [
  { name: 'br', ext: '.br' },
  { name: 'gzip', ext: '.gz' },
] as const;

/** Whether an Accept-Encoding header allows `coding` (named with q > 0, or `*` with q > 0 and not named). */
export function accepts(header: string, coding: string): boolean {
  const q = new Map<string, number>();
  for (const part of header.toLowerCase().split(',')) {
    const [name, ...params] = part.split(';').map((p) => p.trim());
    if (!name) continue;
    const weight = params.map((p) => /^q=([\d.]+)$/.exec(p)?.[1]).find((v) => v !== undefined);
    q.set(name, weight === undefined ? 1 : Number(weight));
  }
  return (q.get(coding) ?? q.get('*') ?? 0) > 0;
}

/** One file as served: each encoding the build wrote, read once (the build's output never changes under a running process). */
interface Cached {
  type: string;
  hashed: boolean;
  variants: { encoding?: string; body: Buffer; etag: string }[]; // Brotli, gzip, then the file itself
}

async function readCached(file: string, type: string): Promise<Cached | undefined> {
  const plain = await readIfFile(file);
  if (!plain) return undefined;
  // One ETag per representation: a cache must never answer a gzip request with Brotli bytes.
  const tag = `${plain.size.toString(36)}-${Math.floor(plain.mtimeMs).toString(36)}`;
  const variants: Cached['variants'] = [];
  for (const e of ENCODINGS) {
    const variant = await readIfFile(file + e.ext);
    if (variant) variants.push({ encoding: e.name, body: variant.body, etag: `"${tag}-${e.name}"` });
  }
  variants.push({ body: plain.body, etag: `"${tag}"` });
  return { type, hashed: HASHED.test(file), variants };
}

async function readIfFile(file: string): Promise<{ body: Buffer; size: number; mtimeMs: number } | undefined> {
  try {
    const s = await stat(file);
    return s.isFile() ? { body: await readFile(file), size: s.size, mtimeMs: s.mtimeMs } : undefined;
  } catch {
    return undefined;
  }
}

/**
 * A restify handler for GET/HEAD `<prefix>*` from `dir`. Files are kept in memory once asked for
 * (a few dozen scripts): a cold tab asks for about 25 at once, and a read, three stats and a
 * stream per request made each take ~1.5 ms of the event loop. Files that are not there are
 * looked up each time, so no request can grow the cache.
 */
export function staticFiles(dir: string, prefix: string) {
  const root = path.resolve(dir);
  const cache = new Map<string, Promise<Cached | undefined>>();
  // restify refuses async handlers that also take `next`: the async work is wrapped.
  return (req: Request, res: Response, next: Next): void => {
    serve(req, res).then(
      () => next(false),
      (err: Error) => next(err),
    );
  };

  function cached(file: string, type: string): Promise<Cached | undefined> {
    let found = cache.get(file);
    if (!found) {
      found = readCached(file, type);
      cache.set(file, found);
      // A miss is not kept: the next request looks again.
      void found.then((f) => f ?? cache.delete(file), () => cache.delete(file));
    }
    return found;
  }

  async function serve(req: Request, res: Response): Promise<void> {
    let rel: string;
    try {
      rel = decodeURIComponent(String(req.url ?? '').split('?')[0].slice(prefix.length));
    } catch {
      rel = '';
    }
    const file = path.resolve(root, `.${path.posix.normalize(`/${rel}`)}`);
    const type = TYPES[path.extname(file)];
    const found = file.startsWith(root + path.sep) && type ? await cached(file, type) : undefined;
    if (!found) {
      res.send(404, { error: { code: 'not_found', message: 'No such file.' } });
      return;
    }
    const acceptEncoding = String(req.headers['accept-encoding'] ?? '');
    const chosen = found.variants.find((v) => !v.encoding || accepts(acceptEncoding, v.encoding))!;
    res.setHeader('Content-Type', found.type);
    res.setHeader('Vary', 'Accept-Encoding');
    res.setHeader('ETag', chosen.etag);
    res.setHeader('Cache-Control', found.hashed ? 'public, max-age=31536000, immutable' : 'no-cache');
    if (chosen.encoding) res.setHeader('Content-Encoding', chosen.encoding);
    const ifNoneMatch = String(req.headers['if-none-match'] ?? '');
    if (ifNoneMatch && ifNoneMatch.split(',').some((t) => t.trim() === chosen.etag || t.trim() === `W/${chosen.etag}`)) {
      res.writeHead(304);
      res.end();
      return;
    }
    res.setHeader('Content-Length', chosen.body.length);
    res.writeHead(200);
    res.end(req.method === 'HEAD' ? undefined : chosen.body);
  }
}
