// The load bench's summary: one line per target, then where PostgreSQL spent its time.
import type { TargetResult } from './load-bench.ts';

export function summariseLoad(results: TargetResult[]): string {
  const lines = ['', `Load: ${results[0]?.devices ?? 0} devices, each 3 pushes of 5 logs then a pull`];
  lines.push('target    mutations/s  requests/s  push p50/p95/p99 ms        pull p50/p95/p99 ms        cpu s server/pg/client  missed  on all cores*');
  for (const r of results) {
    const push = `${r.push.p50}/${r.push.p95}/${r.push.p99}`;
    const pull = `${r.pull.p50}/${r.pull.p95}/${r.pull.p99}`;
    const cpu = `${r.cpu.server}/${r.cpu.postgres ?? '-'}/${r.cpu.client}`;
    const missed = r.verification ? `${r.verification.missing}+${r.verification.extra}` : '-';
    lines.push(`${r.target.padEnd(9)} ${String(r.mutationsPerSecond).padStart(11)}  ${String(r.requestsPerSecond).padStart(10)}  ${push.padEnd(25)}  ${pull.padEnd(25)}  ${cpu.padEnd(22)}  ${missed.padEnd(6)}  ${r.efficiency.mutationsPerSecondOnAllCores}`);
  }
  lines.push('* mutations per CPU-second used by server, PostgreSQL and load client together, times the cores: the rate were the cores ours alone');
  for (const r of results) {
    if (!r.provinces) continue;
    lines.push('', `By province (${r.target}): mutations/s over each province's own time, push p50/p95/p99 ms`);
    for (const p of r.provinces) lines.push(`  province ${p.province + 1}: ${p.mutations} mutations, ${p.mutationsPerSecond}/s, ${p.push.p50}/${p.push.p95}/${p.push.p99}`);
  }
  for (const r of results) {
    if (!r.topStatements) continue;
    lines.push('', `PostgreSQL statements by total time (${r.target}):`);
    for (const s of r.topStatements.slice(0, 10)) lines.push(`  ${String(s.totalMs).padStart(6)} ms  ${String(s.calls).padStart(6)} calls  ${s.meanMs} ms  ${s.query.slice(0, 110)}`);
  }
  return lines.join('\n');
}
