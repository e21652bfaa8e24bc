import { CONTAINERS } from '../../domain/ports/store';
import type { TestApp } from '../../support/app';

/**
 * Shared by the security suites: a digest of every document of every container (id, tenant,
 * ETag), and a diff between two digests, so a test can prove a request changed nothing.
 */
export type StoreDigest = Map<string, string>;

export async function storeDigest(t: TestApp): Promise<StoreDigest> {
  const digest: StoreDigest = new Map();
  for (const name of CONTAINERS) {
    for (const doc of await t.app.store.dumpContainer(name)) digest.set(`${name}/${doc.tenantId}/${doc.id}`, String(doc._etag ?? ''));
  }
  return digest;
}

export interface StoreDiff {
  added: string[];
  changed: string[];
  removed: string[];
}

export function diffDigests(before: StoreDigest, after: StoreDigest): StoreDiff {
  const added: string[] = [];
  const changed: string[] = [];
  const removed: string[] = [];
  for (const [k, v] of after) {
    if (!before.has(k)) added.push(k);
    else if (before.get(k) !== v) changed.push(k);
  }
  for (const k of before.keys()) if (!after.has(k)) removed.push(k);
  return { added, changed, removed };
}

export const changeCount = (d: StoreDiff) => d.added.length + d.changed.length + d.removed.length;

/** Figures a suite prints at the end (CI logs keep them; the closing note quotes them). */
export function printFigures(title: string, figures: Record<string, number | string>): void {
  const lines = Object.entries(figures).map(([k, v]) => `  ${k.padEnd(28)} ${v}`);
  // eslint-disable-next-line no-console
  console.log(`${title}\n${lines.join('\n')}`);
}

/** Waits until the event loop has had a moment (background writes of a turn settle). */
export const settle = (ms = 150) => new Promise((r) => setTimeout(r, ms));
