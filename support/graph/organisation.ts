import { randomUUID } from 'node:crypto';
import type { GraphUser } from './directory';

/**
 * A made-up organisation for tests and benchmarks: `size` people in `levels` levels under one
 * chief executive, each level fanning out evenly, one department per person on the second level.
 */
export interface Organisation {
  users: GraphUser[];
  /** People by level, the chief executive alone on level 0. */
  levels: GraphUser[][];
}

const DEPARTMENTS = ['Operations', 'Customer Care', 'Engineering', 'Sales', 'Finance', 'People', 'Marketing', 'Legal', 'Research', 'Facilities'];
const TITLES = ['Chief Executive Officer', 'Vice President', 'Director', 'Manager', 'Team Lead', 'Specialist'];

export function organisation(size: number, levels = 4, id: () => string = randomUUID): Organisation {
  const fanout = Math.ceil(Math.pow(size, 1 / (levels - 1)));
  const byLevel: GraphUser[][] = [];
  let made = 0;
  for (let level = 0; level < levels && made < size; level++) {
    const above = byLevel[level - 1] ?? [];
    const count = level === 0 ? 1 : level === levels - 1 ? size - made : Math.min(size - made, above.length * fanout);
    const row: GraphUser[] = [];
    for (let i = 0; i < count; i++) {
      const manager = above.length ? above[i % above.length] : undefined;
      const department = level === 0 ? 'Executive' : level === 1 ? DEPARTMENTS[i % DEPARTMENTS.length] : manager!.department;
      const title = level === levels - 1 ? TITLES[TITLES.length - 1] : TITLES[Math.min(level, TITLES.length - 2)];
      row.push({ id: id(), displayName: `${title.split(' ')[0]} ${String(made + 1).padStart(String(size).length, '0')}`, department, jobTitle: title, managerId: manager?.id });
      made += 1;
    }
    byLevel.push(row);
  }
  return { users: byLevel.flat(), levels: byLevel };
}
