/**
 * A small force-directed layout (no dependency): Fruchterman–Reingold forces with a cooling schedule, repulsion
 * over a uniform grid (only nearby cells: O(n) per iteration instead of O(n²)), attraction along edges weighted
 * by log(count), and a weak pull to the centre so disconnected parts stay on screen. Deterministic: initial
 * positions come from a seeded spiral, so the same graph gives the same picture.
 *
 * Pure (no DOM): the webview runs it, `test/bench/network-layout.ts` measures it in Node (500 nodes).
 */
export interface LayoutNode {
  id: string;
  /** Radius (for spacing). */
  r: number;
  x?: number;
  y?: number;
  /** Pinned by the user (dragged): not moved. */
  fixed?: boolean;
}

export interface LayoutEdge {
  source: number;
  target: number;
  weight: number;
}

export interface LayoutOptions {
  width: number;
  height: number;
  iterations?: number;
}

export interface LayoutResult {
  x: Float64Array;
  y: Float64Array;
  iterations: number;
  ms: number;
}

export function forceLayout(nodes: readonly LayoutNode[], edges: readonly LayoutEdge[], o: LayoutOptions): LayoutResult {
  const t0 = typeof performance !== 'undefined' ? performance.now() : Date.now();
  const n = nodes.length;
  const x = new Float64Array(n);
  const y = new Float64Array(n);
  const dx = new Float64Array(n);
  const dy = new Float64Array(n);
  const W = Math.max(o.width, 100);
  const H = Math.max(o.height, 100);
  const area = W * H;
  const k = Math.max(20, Math.sqrt(area / Math.max(n, 1)) * 0.9);
  const golden = Math.PI * (3 - Math.sqrt(5));
  for (let i = 0; i < n; i++) {
    const nd = nodes[i];
    if (nd.x !== undefined && nd.y !== undefined) {
      x[i] = nd.x;
      y[i] = nd.y;
    } else {
      const rad = k * 0.6 * Math.sqrt(i + 0.5);
      x[i] = W / 2 + rad * Math.cos(i * golden);
      y[i] = H / 2 + rad * Math.sin(i * golden);
    }
  }
  const iterations = o.iterations ?? (n > 300 ? 200 : 300);
  const cell = k * 2;
  const grid = new Map<number, number[]>();
  let temp = Math.min(W, H) / 8;
  const cool = Math.pow(0.01, 1 / iterations);
  const ew = edges.map((e) => 1 + Math.log2(1 + e.weight) * 0.5);
  for (let it = 0; it < iterations; it++) {
    dx.fill(0);
    dy.fill(0);
    // repulsion between nodes in the same or neighbouring grid cells
    grid.clear();
    for (let i = 0; i < n; i++) {
      const key = (Math.floor(x[i] / cell) + 32768) * 65536 + (Math.floor(y[i] / cell) + 32768);
      const c = grid.get(key);
      if (c) c.push(i);
      else grid.set(key, [i]);
    }
    for (const [key, members] of grid) {
      const gx = Math.floor(key / 65536);
      const gy = key % 65536;
      for (let ox = -1; ox <= 1; ox++) {
        for (let oy = -1; oy <= 1; oy++) {
          const other = grid.get((gx + ox) * 65536 + (gy + oy));
          if (!other) continue;
          for (const i of members) {
            for (const j of other) {
              if (j <= i) continue;
              let ddx = x[i] - x[j];
              let ddy = y[i] - y[j];
              let d2 = ddx * ddx + ddy * ddy;
              if (d2 < 0.01) {
                ddx = ((i * 7919) % 13) - 6 + 0.1;
                ddy = ((j * 104729) % 13) - 6 + 0.1;
                d2 = ddx * ddx + ddy * ddy;
              }
              const d = Math.sqrt(d2);
              if (d > cell) continue;
              const min = nodes[i].r + nodes[j].r + 6;
              const f = (k * k) / d + (d < min ? (min - d) * 4 : 0);
              const fx = (ddx / d) * f;
              const fy = (ddy / d) * f;
              dx[i] += fx;
              dy[i] += fy;
              dx[j] -= fx;
              dy[j] -= fy;
            }
          }
        }
      }
    }
    // attraction along edges
    for (let e = 0; e < edges.length; e++) {
      const { source: a, target: b } = edges[e];
      if (a === b) continue;
      const ddx = x[a] - x[b];
      const ddy = y[a] - y[b];
      const d = Math.sqrt(ddx * ddx + ddy * ddy) || 0.01;
      const f = ((d * d) / k) * ew[e] * 0.5;
      const fx = (ddx / d) * f;
      const fy = (ddy / d) * f;
      dx[a] -= fx;
      dy[a] -= fy;
      dx[b] += fx;
      dy[b] += fy;
    }
    // gravity to the centre, then move by at most `temp`
    for (let i = 0; i < n; i++) {
      if (nodes[i].fixed) continue;
      dx[i] += (W / 2 - x[i]) * 0.02 * k * 0.1;
      dy[i] += (H / 2 - y[i]) * 0.02 * k * 0.1;
      const d = Math.sqrt(dx[i] * dx[i] + dy[i] * dy[i]);
      if (d > 0) {
        const step = Math.min(d, temp);
        x[i] += (dx[i] / d) * step;
        y[i] += (dy[i] / d) * step;
      }
    }
    temp *= cool;
  }
  fit(x, y, nodes, W, H);
  const t1 = typeof performance !== 'undefined' ? performance.now() : Date.now();
  return { x, y, iterations, ms: t1 - t0 };
}

/** Scales and centres the positions into the box (keeping the aspect ratio), leaving room for the radii. */
function fit(x: Float64Array, y: Float64Array, nodes: readonly LayoutNode[], W: number, H: number): void {
  const n = x.length;
  if (!n) return;
  let x0 = Infinity;
  let y0 = Infinity;
  let x1 = -Infinity;
  let y1 = -Infinity;
  let rmax = 0;
  for (let i = 0; i < n; i++) {
    x0 = Math.min(x0, x[i]);
    x1 = Math.max(x1, x[i]);
    y0 = Math.min(y0, y[i]);
    y1 = Math.max(y1, y[i]);
    rmax = Math.max(rmax, nodes[i].r);
  }
  const pad = rmax + 40;
  const s = Math.min((W - 2 * pad) / Math.max(x1 - x0, 1), (H - 2 * pad) / Math.max(y1 - y0, 1), 1.5);
  const ox = (W - (x1 - x0) * s) / 2;
  const oy = (H - (y1 - y0) * s) / 2;
  for (let i = 0; i < n; i++) {
    x[i] = ox + (x[i] - x0) * s;
    y[i] = oy + (y[i] - y0) * s;
  }
}
