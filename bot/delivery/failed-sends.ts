import type { Domain } from '../../domain';
import type { OutboxItem } from '../../domain/outbox';
import type { Log } from '../../platform/log';
import type { DeliveryStats } from './stats';

/**
 * What a failed send becomes. 403: the person blocked the bot or removed the app, so they are
 * marked unreachable instead of being retried forever. 412/429/502/503/504 and network errors:
 * retried after Retry-After, else after a bounded exponential backoff with jitter (so throttled
 * senders do not come back in step). Anything else is given up and recorded.
 */
const RETRYABLE = new Set([412, 429, 502, 503, 504]);
const MAX_BACKOFF_MS = 60_000;

/** 1 s, 2 s, 4 s… per attempt already made, at most a minute (chat and activity feed alike). */
export function backoffMs(attempts: number): number {
  return Math.min(MAX_BACKOFF_MS, 1000 * 2 ** Math.max(0, attempts - 1));
}

/** A refusal known before any request (a member already marked unreachable). */
export class SendError extends Error {
  constructor(
    readonly status: number | undefined,
    message: string,
    readonly retryAfterMs?: number,
  ) {
    super(message);
  }
}

function errorStatus(err: unknown): { status?: number; retryAfterMs?: number } {
  const e = err as { statusCode?: number; response?: { status?: number; headers?: { get?: (k: string) => string | undefined } } };
  const status = e?.statusCode ?? e?.response?.status;
  const header = e?.response?.headers?.get?.('retry-after');
  const seconds = header !== undefined ? Number(header) : NaN;
  return { status, retryAfterMs: Number.isFinite(seconds) ? Math.max(0, seconds * 1000) : undefined };
}

/**
 * Teams refused the request without posting anything and without naming a wait: a 429 with no
 * Retry-After (the service shedding load, not a limit of ours). The windows count messages posted,
 * as Teams states its limits, so such a send frees its places (the message is retried as usual).
 * A 429 that names a wait says a window is full at Teams' end: its place stays taken.
 */
export function refusedUnposted(err: unknown): boolean {
  const { status, retryAfterMs } = err instanceof SendError ? err : errorStatus(err);
  return status === 429 && retryAfterMs === undefined;
}

/** Records a claimed message's failed send in the outbox (and the person, on 403) and counts it. */
export async function recordFailure(domain: Domain, log: Log, stats: DeliveryStats, item: OutboxItem, err: unknown): Promise<void> {
  const { status, retryAfterMs } = err instanceof SendError ? err : errorStatus(err);
  if (status === 403) {
    stats.unreachable++;
    if (item.target.kind === 'user') {
      const userId = item.target.userId;
      await domain.directory.updateMember(item.tenantId, userId, (m) => ({ ...m, unreachable: true }));
    }
    return void (await domain.outbox.markFinal(item, 'unreachable', 'Teams answered 403: the bot was blocked or removed'));
  }
  if (status === undefined || RETRYABLE.has(status)) {
    const backoff = backoffMs(item.attempts);
    const delay = retryAfterMs ?? Math.round(backoff / 2 + Math.random() * (backoff / 2));
    stats.retried++;
    return void (await domain.outbox.markRetry(item, `${status ?? 'network'}: ${(err as Error).message ?? ''}`, delay));
  }
  stats.failed++;
  log.warn({ status, kind: item.kind }, 'delivery failed');
  await domain.outbox.markFinal(item, 'failed', `${status}: ${(err as Error).message ?? ''}`);
}
