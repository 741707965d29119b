/**
 * The network view's force layout (media/network/src/layout.ts) on random graphs: 100, 250, 500 and 1,000
 * nodes with 4 edges per node on average (hubs more). Prints milliseconds per layout (median of 3).
 * Run: `npx tsx test/bench/network-layout.ts`.
 */
import { forceLayout, type LayoutEdge, type LayoutNode } from '../../media/network/src/layout';

export function benchLayout(sizes = [100, 250, 500, 1000]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const n of sizes) {
    let seed = 7;
    const rnd = () => ((seed = (seed * 16807) % 2147483647) - 1) / 2147483646;
    const nodes: LayoutNode[] = Array.from({ length: n }, (_, i) => ({ id: `a${i}`, r: 4 + rnd() * 14 }));
    const edges: LayoutEdge[] = [];
    for (let e = 0; e < n * 4; e++) {
      const a = Math.floor(Math.pow(rnd(), 2) * n); // hubs: low numbers are picked more often
      const b = Math.floor(rnd() * n);
      if (a !== b) edges.push({ source: a, target: b, weight: 1 + Math.floor(rnd() * 20) });
    }
    const runs: number[] = [];
    for (let k = 0; k < 3; k++) runs.push(forceLayout(nodes, edges, { width: 1200, height: 800 }).ms);
    runs.sort((a, b) => a - b);
    out[`layout ms, ${n} nodes / ${edges.length} edges`] = Math.round(runs[1]);
  }
  return out;
}

if (require.main === module) {
  for (const [k, v] of Object.entries(benchLayout())) console.log(`  ${k.padEnd(44)} ${v}`);
}
