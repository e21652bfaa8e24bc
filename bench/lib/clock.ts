import type { Clock } from '../../domain/shared/clock';

/** A clock that starts at a chosen instant and then runs in real time. */
export function runningClockFrom(start: string): Clock {
  const base = Date.parse(start);
  const t0 = Date.now();
  return { now: () => new Date(base + (Date.now() - t0)) };
}

export function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}
