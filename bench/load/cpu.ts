// CPU time of processes (Linux /proc), so the bench can say who used the two cores: the server,
// PostgreSQL's backends, or the load client itself.
import { readdirSync, readFileSync } from 'node:fs';

const TICKS_PER_SECOND = 100;

interface Stat {
  ppid: number;
  ticks: number;
}

function readStat(pid: number): Stat | null {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name is in parentheses and may hold spaces: split after the last ')'.
    const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
    return { ppid: Number(fields[1]), ticks: Number(fields[11]) + Number(fields[12]) };
  } catch {
    return null;
  }
}

/** CPU ticks of `root` and every process below it, by pid. */
export function processTreeTicks(root: number): Map<number, number> {
  const stats = new Map<number, Stat>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    const stat = readStat(Number(name));
    if (stat) stats.set(Number(name), stat);
  }
  const tree = new Map<number, number>();
  const add = (pid: number) => {
    const stat = stats.get(pid);
    if (!stat || tree.has(pid)) return;
    tree.set(pid, stat.ticks);
    for (const [child, childStat] of stats) if (childStat.ppid === pid) add(child);
  };
  add(root);
  return tree;
}

/** CPU seconds the tree used between two readings (processes that ended meanwhile are lost). */
export function cpuSecondsBetween(before: Map<number, number>, after: Map<number, number>): number {
  let ticks = 0;
  for (const [pid, value] of after) ticks += value - (before.get(pid) ?? 0);
  return ticks / TICKS_PER_SECOND;
}
