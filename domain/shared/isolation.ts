/**
 * Background work goes item by item (a pilot, a round, a circle): one bad item must never stop
 * the rest of a tenant's pass. Its failure is recorded with the item's id and the pass goes on;
 * the app logs what was skipped (the domain never logs).
 */
export interface Skipped {
  what: 'pilot' | 'round' | 'circle' | 'feedback';
  id: string;
  error: string;
}

/** Runs `work` on each item in turn; a failure is added to `skipped` and the next item proceeds. */
export async function eachIsolated<T extends { id: string }>(items: T[], what: Skipped['what'], skipped: Skipped[], work: (item: T) => Promise<unknown>): Promise<void> {
  for (const item of items) {
    try {
      await work(item);
    } catch (err) {
      skipped.push({ what, id: String(item?.id ?? '?'), error: err instanceof Error ? `${err.name}: ${err.message}` : String(err) });
    }
  }
}
