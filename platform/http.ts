import type { Next, Request, Response } from 'restify';
import type { Params } from '../domain/shared/codes';
import { DomainError } from '../domain/shared/errors';
import { localeOfAcceptLanguage, refusalText, word, words, type Locale } from '../i18n';
import type { Log } from './log';

/**
 * HTTP plumbing shared by every route: JSON bodies with a size limit, and one way of turning
 * errors into responses. Domain errors become a clear 4xx/503: `code` is the kind, `reason` the
 * domain's code with its `params`, and `message` (and each field's) is worded in the request's
 * language (Accept-Language, else English). Anything else is logged and answered with a plain
 * 500 — never a stack trace.
 */
export interface ErrorBody {
  error: {
    code: string;
    message: string;
    reason?: string;
    params?: Params;
    fields?: { field: string; code: string; params: Params; message: string }[];
  };
}

/** The language a request asks answers in. */
export const requestLocale = (req: Request): Locale => localeOfAcceptLanguage(req.header('accept-language'));

export function sendError(res: Response, status: number, code: string, message: string, extra: Partial<ErrorBody['error']> = {}, headers: Record<string, string> = {}): void {
  if (res.headersSent) return;
  for (const [k, v] of Object.entries(headers)) res.header(k, v);
  res.send(status, { error: { code, message, ...extra } } satisfies ErrorBody);
}

export function sendFailure(res: Response, err: unknown, log: Log, locale: Locale = 'en'): void {
  if (err instanceof DomainError) {
    const headers: Record<string, string> = err.retryAfterSeconds ? { 'Retry-After': String(err.retryAfterSeconds) } : {};
    const w = words(locale);
    const fields = err.fields.map((f) => ({ ...f, message: w.word(f.code, f.params) }));
    sendError(res, err.status, err.kind, refusalText(w, err), { reason: err.code, params: err.params, ...(fields.length ? { fields } : {}) }, headers);
    return;
  }
  // decodeURIComponent on a malformed path or query (e.g. /api/pilots/%25ZZ): the client's input.
  if (err instanceof URIError) {
    sendError(res, 400, 'bad_request', word(locale, 'bad_encoding'), { reason: 'bad_encoding', params: {} });
    return;
  }
  log.error({ err: err instanceof Error ? { name: err.name, message: err.message, stack: err.stack } : String(err) }, 'unexpected failure');
  sendError(res, 500, 'internal', word(locale, 'internal'), { reason: 'internal', params: {} });
}

/** Wraps an async handler so every failure takes the same path, worded in the request's language. */
export function handler(log: Log, fn: (req: Request, res: Response) => Promise<void>) {
  return (req: Request, res: Response, next: Next): void => {
    fn(req, res)
      .catch((err) => sendFailure(res, err, log, requestLocale(req)))
      .finally(() => next());
  };
}

const JSON_TYPE = /^application\/(?:[\w.+-]+\+)?json\s*(?:;.*)?$/i;

/**
 * Reads a JSON body for POST/PUT/PATCH. Oversized bodies are refused before they are read into
 * memory (413), other content types get 415, malformed JSON 400. Runs before routing.
 */
export function jsonBody(maxBytes: number) {
  return (req: Request, res: Response, next: Next): void => {
    if (!['POST', 'PUT', 'PATCH'].includes(req.method ?? '')) return next();
    const declared = Number(req.header('content-length') ?? 0);
    if (declared > maxBytes) {
      sendError(res, 413, 'too_large', `The request body is larger than ${maxBytes} bytes.`);
      req.resume();
      return next(false);
    }
    // A body-less POST (e.g. /launch) needs no content type.
    if (declared === 0 && !req.header('transfer-encoding')) {
      req.body = undefined;
      return next();
    }
    const type = req.header('content-type') ?? '';
    if (!JSON_TYPE.test(type)) {
      sendError(res, 415, 'unsupported_media_type', 'Send the body as JSON (Content-Type: application/json).');
      req.resume();
      return next(false);
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let failed = false;
    req.on('data', (chunk: Buffer) => {
      if (failed) return;
      size += chunk.length;
      if (size > maxBytes) {
        failed = true;
        sendError(res, 413, 'too_large', `The request body is larger than ${maxBytes} bytes.`);
        next(false);
        return;
      }
      chunks.push(chunk);
    });
    req.on('error', () => {
      if (failed) return;
      failed = true;
      sendError(res, 400, 'bad_request', 'The request body could not be read.');
      next(false);
    });
    req.on('end', () => {
      if (failed) return;
      const raw = Buffer.concat(chunks).toString('utf8');
      if (!raw.trim()) {
        req.body = undefined;
        return next();
      }
      try {
        req.body = JSON.parse(raw);
      } catch {
        sendError(res, 400, 'malformed_json', 'The request body is not valid JSON.');
        return next(false);
      }
      next();
    });
  };
}
