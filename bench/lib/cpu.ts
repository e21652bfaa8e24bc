import { readdirSync, readFileSync } from 'node:fs';

/** CPU seconds a process has used so far (Linux /proc; user + system), or NaN elsewhere. */
export function cpuSeconds(pid: number | undefined): number {
  if (!pid) return NaN;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // Fields 14 and 15 of stat (utime, stime), counted after the command name; clock ticks of 1/100 s.
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return NaN;
  }
}

/** Every process under `root` (itself included): its command line and the CPU its threads have used, in ms (scheduler nanoseconds; Linux). */
export function processTreeCpu(root = process.pid): Map<number, { cmd: string; ms: number }> {
  const parent = new Map<number, number>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      parent.set(Number(name), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
    } catch {
      // gone meanwhile
    }
  }
  const under = (pid: number): boolean => pid === root || (parent.has(pid) && pid !== parent.get(pid) && under(parent.get(pid)!));
  const tree = new Map<number, { cmd: string; ms: number }>();
  for (const pid of parent.keys()) {
    if (!under(pid)) continue;
    try {
      let ns = 0;
      for (const tid of readdirSync(`/proc/${pid}/task`)) ns += Number(readFileSync(`/proc/${pid}/task/${tid}/schedstat`, 'utf8').split(' ')[0]);
      tree.set(pid, { cmd: readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' '), ms: ns / 1e6 });
    } catch {
      // gone meanwhile
    }
  }
  return tree;
}
