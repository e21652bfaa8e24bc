import type { OrgUserChange } from '../ports/graph';
import type { Coded, SyncCode } from '../shared/codes';
import { MAX_CHAIN, MAX_DIRECT_REPORTS } from './model';

/**
 * The organisation as a sync sees it, and the rules that keep bad directory data (a manager chain
 * that loops, a manager who is not in the directory, one "manager" of thousands) out of the stored
 * structure. Pure functions: the sync loads what is stored, applies Graph's changes here, and
 * writes back only the people whose place changed.
 */

/** One person as Graph describes them (after this sync's changes). */
export interface OrgPerson {
  userId: string;
  name: string;
  department?: string;
  jobTitle?: string;
  /** Whom Graph says they report to (whether or not that was accepted). */
  reportsTo?: string;
  left?: boolean;
}

/** Where the stored structure has someone now: their accepted manager. */
export interface StoredPlace {
  managerId?: string;
}

/** Someone's accepted place: their manager and the chain above them (direct manager first). */
export interface Place {
  managerId?: string;
  chain: string[];
}

/** Graph's changes applied to the people as they were (everyone not mentioned stays as they were). */
export function applyChanges(before: Map<string, OrgPerson>, changes: OrgUserChange[], full: boolean): Map<string, OrgPerson> {
  const next = new Map<string, OrgPerson>();
  if (!full) for (const [id, p] of before) next.set(id, { ...p });
  for (const c of changes) {
    const was = next.get(c.id) ?? before.get(c.id);
    if (c.removed) {
      if (was) next.set(c.id, { ...was, left: true });
      continue;
    }
    const p: OrgPerson = { ...(was ?? { userId: c.id, name: c.id }), left: undefined };
    if (c.displayName !== undefined) p.name = c.displayName;
    if (c.department !== undefined) p.department = c.department ?? undefined;
    if (c.jobTitle !== undefined) p.jobTitle = c.jobTitle ?? undefined;
    if (c.managerId !== undefined) p.reportsTo = c.managerId ?? undefined;
    next.set(c.id, p);
  }
  // A full round lists everyone who is there: whoever it left out has gone.
  if (full) for (const [id, p] of before) if (!next.has(id) && !p.left) next.set(id, { ...p, left: true });
  return next;
}

/**
 * Everyone's accepted place. A reporting line is not taken when its manager is not in the
 * directory, when its manager has more than MAX_DIRECT_REPORTS reports, or when it closes a loop;
 * the people concerned keep the place the store had for them (or none), and each refusal becomes
 * a problem the sync reports.
 */
export function resolvePlaces(people: Map<string, OrgPerson>, stored: Map<string, StoredPlace>): { places: Map<string, Place>; problems: Coded<SyncCode>[] } {
  const problems: Coded<SyncCode>[] = [];
  const here = (id: string | undefined): id is string => !!id && !!people.get(id) && !people.get(id)!.left;
  const nameOf = (id: string) => people.get(id)?.name ?? id;
  const manager = new Map<string, string | undefined>();
  /** The stored manager, if it is still a possible one (not `avoid`, still here). */
  const previous = (id: string, avoid?: string) => {
    const m = stored.get(id)?.managerId;
    return m && m !== avoid && m !== id && here(m) ? m : undefined;
  };

  for (const [id, p] of people) {
    if (p.left) continue;
    if (!p.reportsTo || p.reportsTo === id) {
      manager.set(id, undefined);
    } else if (!here(p.reportsTo)) {
      problems.push({ code: 'sync.missing_manager', params: { person: p.name, manager: people.get(p.reportsTo)?.name ?? p.reportsTo } });
      manager.set(id, previous(id, p.reportsTo));
    } else {
      manager.set(id, p.reportsTo);
    }
  }

  const reports = new Map<string, string[]>();
  for (const [id, m] of manager) if (m) reports.set(m, [...(reports.get(m) ?? []), id]);
  for (const [m, ids] of reports) {
    if (ids.length <= MAX_DIRECT_REPORTS) continue;
    problems.push({ code: 'sync.too_many_reports', params: { person: nameOf(m), count: ids.length, max: MAX_DIRECT_REPORTS } });
    for (const id of ids) manager.set(id, previous(id, m));
  }

  // Loops: whoever is on one goes back to their stored manager; what still loops after that
  // (stored and new lines mixed) is cut.
  for (const pass of ['previous', 'cut'] as const) {
    for (const loop of findLoops(manager)) {
      if (pass === 'previous') problems.push({ code: 'sync.cycle', params: { people: loop.slice(0, 10).map(nameOf) } });
      for (const id of loop) manager.set(id, pass === 'previous' ? previous(id) : undefined);
    }
  }

  return { places: chainsOf(manager), problems };
}

/** Each loop in the manager links, as the ids on it. */
function findLoops(manager: Map<string, string | undefined>): string[][] {
  const state = new Map<string, 1 | 2>(); // 1: on the current walk, 2: done
  const loops: string[][] = [];
  for (const start of manager.keys()) {
    if (state.has(start)) continue;
    const walk: string[] = [];
    let at: string | undefined = start;
    while (at && !state.has(at)) {
      state.set(at, 1);
      walk.push(at);
      at = manager.get(at);
    }
    if (at && state.get(at) === 1) loops.push(walk.slice(walk.indexOf(at)));
    for (const id of walk) state.set(id, 2);
  }
  return loops;
}

/** Everyone's chain of managers, direct first (the links hold no loops by now). */
function chainsOf(manager: Map<string, string | undefined>): Map<string, Place> {
  const places = new Map<string, Place>();
  const chainOf = (id: string): string[] => {
    const walk: string[] = [];
    let at: string | undefined = id;
    while (at && !places.has(at)) {
      walk.push(at);
      at = manager.get(at);
    }
    let above = at ? [at, ...places.get(at)!.chain].slice(0, MAX_CHAIN) : [];
    for (let i = walk.length - 1; i >= 0; i--) {
      const managerId = manager.get(walk[i]);
      places.set(walk[i], { managerId, chain: above });
      above = [walk[i], ...above].slice(0, MAX_CHAIN);
    }
    return places.get(id)!.chain;
  };
  for (const id of manager.keys()) chainOf(id);
  return places;
}
