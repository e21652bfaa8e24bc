import type { GroupLabel } from '../shared/codes';

/**
 * Managers' groups for the upward pulse. Managers are few per team, so their answers never show
 * by team: they roll up the organisation's chains — the manager's own unit, the unit above, … ,
 * the organisation — until a group holds at least k managers (readers never counted).
 *
 * The groups form ONE partition of the managers (complementary suppression, as for people): a
 * node of the org tree becomes a cell when the managers under it not already in a finer cell
 * reach k ("Ana's organisation (other managers)" when finer cells exist); fewer pass up. What is
 * left at the top either reaches k, is empty, or the smallest cell is given up into it until it
 * does. So every cell, and every difference of unions of cells, is at least k managers.
 */
export interface OrgStep {
  /** `unit:<leaderId>`, `department:<name>` or `organisation`. */
  id: string;
  level: 'unit' | 'department' | 'organisation';
  name: string;
}

/** Where a manager sits: their chain of org levels, narrowest first, ending at the organisation. */
export interface ManagerPlace {
  userId: string;
  path: OrgStep[];
}

export interface PulseCell {
  /** `pulse:<node id>`: what filters and links name. */
  key: string;
  label: GroupLabel;
  /** How many managers (readers left out). At least k by construction. */
  managers: number;
}

export const ORGANISATION_STEP: OrgStep = { id: 'organisation', level: 'organisation', name: '' };
export const pulseKey = (nodeId: string) => `pulse:${nodeId}`;

interface Node {
  step: OrgStep;
  parent?: string;
  children: Set<string>;
  direct: Set<string>;
}

export class PulseGroups {
  readonly cells: PulseCell[] = [];
  private readonly cellNodes = new Set<string>();
  private readonly members = new Map<string, string[]>();
  private readonly nodes = new Map<string, Node>();
  private readonly pathOf = new Map<string, string[]>();

  constructor(places: ManagerPlace[], k: number, exclude: string[] = []) {
    const ex = new Set(exclude);
    this.nodes.set(ORGANISATION_STEP.id, { step: ORGANISATION_STEP, children: new Set(), direct: new Set() });
    for (const place of places) {
      const path = normalPath(place.path);
      this.pathOf.set(place.userId, path.map((s) => s.id));
      path.forEach((step, i) => {
        const node = this.nodes.get(step.id) ?? { step, children: new Set<string>(), direct: new Set<string>() };
        this.nodes.set(step.id, node);
        const up = path[i + 1];
        // The first chain that names a node's parent decides it (chains agree when the org is a tree).
        if (up && node.parent === undefined && up.id !== step.id) {
          node.parent = up.id;
          this.nodes.get(up.id)?.children.add(step.id) ?? this.nodes.set(up.id, { step: up, children: new Set([step.id]), direct: new Set() });
        }
      });
      if (!ex.has(place.userId)) this.nodes.get(path[0].id)!.direct.add(place.userId);
    }
    this.build(k);
  }

  private build(k: number): void {
    const given = new Set<string>();
    for (;;) {
      const cells = new Map<string, { members: Set<string>; finer: boolean }>();
      const visit = (id: string, seen: Set<string>): { pending: Set<string>; finer: boolean } => {
        const node = this.nodes.get(id)!;
        const pending = new Set(node.direct);
        let finer = false;
        for (const child of node.children) {
          if (seen.has(child)) continue;
          seen.add(child);
          const r = visit(child, seen);
          r.pending.forEach((m) => pending.add(m));
          finer ||= r.finer;
        }
        if (pending.size >= k && !given.has(id)) {
          cells.set(id, { members: pending, finer });
          return { pending: new Set(), finer: true };
        }
        return { pending, finer };
      };
      const top = visit(ORGANISATION_STEP.id, new Set([ORGANISATION_STEP.id]));
      if (top.pending.size > 0 && top.pending.size < k && cells.size) {
        // A remainder below k: give up the smallest cell into it, and build again.
        const smallest = [...cells.entries()].sort(([a, x], [b, y]) => x.members.size - y.members.size || a.localeCompare(b))[0][0];
        given.add(smallest);
        continue;
      }
      for (const [id, c] of cells) {
        const step = this.nodes.get(id)!.step;
        this.cellNodes.add(id);
        this.members.set(pulseKey(id), [...c.members].sort());
        this.cells.push({ key: pulseKey(id), label: labelOf(step, c.finer), managers: c.members.size });
      }
      this.cells.sort((a, b) => a.key.localeCompare(b.key));
      return;
    }
  }

  /** The cell an answer given from `path` (node ids, narrowest first) is counted in: the first node on it with a cell. */
  cellOfPath(path: readonly string[]): PulseCell | undefined {
    const ids = path.includes(ORGANISATION_STEP.id) ? path : [...path, ORGANISATION_STEP.id];
    const id = ids.find((x) => this.cellNodes.has(x));
    return id ? this.cells.find((c) => c.key === pulseKey(id)) : undefined;
  }

  /** The cell a manager is counted in now. */
  cellOf(userId: string): PulseCell | undefined {
    const path = this.pathOf.get(userId);
    return path ? this.cellOfPath(path) : undefined;
  }

  get(key: string): PulseCell | undefined {
    return this.cells.find((c) => c.key === key);
  }

  /** The managers a cell stands for (for filtering leader views to it; never shown as a list). */
  membersOf(key: string): string[] {
    return this.members.get(key) ?? [];
  }

  /** A manager's path as stored with what they answered (node ids only, no names). */
  pathIds(userId: string): string[] {
    return this.pathOf.get(userId) ?? [ORGANISATION_STEP.id];
  }
}

/** A chain that always ends at the organisation, without repeats. */
function normalPath(path: OrgStep[]): OrgStep[] {
  const seen = new Set<string>();
  const out = path.filter((s) => s.id !== ORGANISATION_STEP.id && !seen.has(s.id) && seen.add(s.id));
  return [...out, ORGANISATION_STEP];
}

function labelOf(step: OrgStep, finer: boolean): GroupLabel {
  if (step.level === 'unit') return finer ? { level: 'unit', name: step.name, others: true } : { level: 'unit', name: step.name };
  if (step.level === 'department') return finer ? { level: 'department', name: step.name, otherTeams: true } : { level: 'department', name: step.name };
  return finer ? { level: 'organisation', rest: true } : { level: 'organisation' };
}
