import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
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

/** esbuild's content-hashed chunk names: `Name-ABCD1234.js`. */
const HASHED = /-[A-Z0-9]{8}\.js(\.map)?$/;

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

async function fileStat(file: string) {
  try {
    const s = await stat(file);
    return s.isFile() ? s : undefined;
  } catch {
    return undefined;
  }
}

/** A restify handler for GET/HEAD `<prefix>*` from `dir`. */
export function staticFiles(dir: string, prefix: string) {
  const root = path.resolve(dir);
  // restify refuses async handlers that also take `next`: the async work is wrapped.
  return (req: Request, res: Response, next: Next): void => {
    serve(req, res).then(
      () => next(false),
      (err: Error) => next(err),
    );
  };

  async function serve(req: Request, res: Response): Promise<void> {
    let rel: string;
    try {
      rel = decodeURIComponent(String(req.url ?? '').split('?')[0].slice(prefix.length));
    } catch {
      rel = '';
    }
    const file = path.resolve(root, `.${path.posix.normalize(`/${rel}`)}`);
    const type = TYPES[path.extname(file)];
    const plain = file.startsWith(root + path.sep) && type ? await fileStat(file) : undefined;
    if (!plain) {
      res.send(404, { error: { code: 'not_found', message: 'No such file.' } });
      return;
    }
    const acceptEncoding = String(req.headers['accept-encoding'] ?? '');
    let chosen: { file: string; size: number; mtimeMs: number; encoding?: string } = { file, size: plain.size, mtimeMs: plain.mtimeMs };
    for (const e of ENCODINGS) {
      if (!accepts(acceptEncoding, e.name)) continue;
      const variant = await fileStat(file + e.ext);
      if (variant) {
        chosen = { file: file + e.ext, size: variant.size, mtimeMs: variant.mtimeMs, encoding: e.name };
        break;
      }
    }
    // One ETag per representation: a cache must never answer a gzip request with Brotli bytes.
    const etag = `"${plain.size.toString(36)}-${Math.floor(plain.mtimeMs).toString(36)}${chosen.encoding ? `-${chosen.encoding}` : ''}"`;
    res.setHeader('Content-Type', type);
    res.setHeader('Vary', 'Accept-Encoding');
    res.setHeader('ETag', etag);
    res.setHeader('Cache-Control', HASHED.test(file) ? 'public, max-age=31536000, immutable' : 'no-cache');
    if (chosen.encoding) res.setHeader('Content-Encoding', chosen.encoding);
    const ifNoneMatch = String(req.headers['if-none-match'] ?? '');
    if (ifNoneMatch && ifNoneMatch.split(',').some((t) => t.trim() === etag || t.trim() === `W/${etag}`)) {
      res.writeHead(304);
      res.end();
      return;
    }
    res.setHeader('Content-Length', chosen.size);
    res.writeHead(200);
    if (req.method === 'HEAD') {
      res.end();
      return;
    }
    await new Promise<void>((resolve) => {
      const stream = createReadStream(chosen.file);
      stream.on('error', () => {
        res.destroy();
        resolve();
      });
      stream.on('end', resolve);
      stream.pipe(res);
    });
  }
}
