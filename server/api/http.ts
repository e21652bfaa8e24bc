import type { Request, Response } from 'restify';
import { z } from 'zod';
import { invalid, problem } from '../../domain/shared/errors';
import { idSchema, parseInput } from '../../domain/shared/validation';

/** Reading requests and shaping answers, the same way in every tab API route module. */

/** Query-string value as a single string (restify gives arrays for repeated keys). */
export function queryParam(req: Request, name: string): string | undefined {
  const v = (req.query as Record<string, unknown> | undefined)?.[name];
  if (Array.isArray(v)) return typeof v[0] === 'string' ? v[0] : undefined;
  return typeof v === 'string' && v.length ? v : undefined;
}

/** The query string as plain strings (first of repeated keys), for a zod schema. */
export function queryStrings(req: Request): Record<string, string> {
  const raw: Record<string, string> = {};
  for (const name of Object.keys((req.query as Record<string, unknown>) ?? {})) {
    const v = queryParam(req, name);
    if (v !== undefined) raw[name] = v;
  }
  return raw;
}

/** A path segment, percent-escapes decoded once more. */
export function pathSegment(req: Request, name: string): string {
  const raw = String((req.params as Record<string, unknown>)?.[name] ?? '');
  try {
    return decodeURIComponent(raw);
  } catch {
    // Malformed escapes (e.g. "%ZZ"): validated as they are, and refused.
    return raw;
  }
}

/** A path segment checked against `schema` (an id unless told); a 400 names the segment as the field. */
export function pathParam(req: Request, name: string, schema: z.ZodType<string, z.ZodTypeDef, unknown> = idSchema): string {
  return parseInput(z.object({ [name]: schema }), { [name]: pathSegment(req, name) })[name] as string;
}

/** The Idempotency-Key header, bounded; creates that honour it answer a repeat with the first result. */
export function idempotencyKey(req: Request): string | undefined {
  const key = req.header('idempotency-key');
  return key ? String(key).slice(0, 200) : undefined;
}

type StorageField = '_rid' | '_self' | '_etag' | '_ts' | '_attachments' | 'ttl';
const STORAGE_FIELDS: StorageField[] = ['_rid', '_self', '_etag', '_ts', '_attachments', 'ttl'];

/** A stored document as the tab sees it: the store's internals left out. */
export function withoutStorageFields<T extends object>(doc: T): Omit<T, StorageField> {
  const copy = { ...doc } as Record<string, unknown>;
  for (const field of STORAGE_FIELDS) delete copy[field];
  return copy as Omit<T, StorageField>;
}

/** Sends a document's ETag, which the tab returns in If-Match when it edits the document. */
export function sendETag(res: Response, doc: { _etag?: string }): void {
  res.header('ETag', doc._etag ?? '');
}

/** The If-Match a pilot edit must carry: the ETag of the pilot the caller edited (a 412 follows if it moved on). */
export function requireIfMatch(req: Request): string {
  const etag = req.header('if-match');
  if (!etag) throw invalid([problem('If-Match', 'required')], 'pilot.if_match');
  return String(etag);
}
