/**
 * A small maximum-flow solver on typed arrays, for the minimum-weight closed subset of the rotation poset
 * (the egalitarian stable matching).
 *
 * [Reference]: E. A. Dinitz, "Algorithm for solution of a problem of maximum flow in networks with power
 * estimation", Soviet Math. Doklady 11, 1970 (blocking flows on BFS level graphs); J.-C. Picard, "Maximal
 * closure of a graph and applications to combinatorial problems", Management Science 22(11), 1976 (the
 * reduction of a closure problem to a minimum cut).
 */

/** A flow network built edge by edge, then solved once. */
export class FlowNetwork {
  private readonly nodes: number;
  private head: Int32Array;
  private to: Int32Array;
  private next: Int32Array;
  private cap: Float64Array;
  private edges = 0;

  /**
   * @param nodes - number of nodes (0 .. nodes-1).
   * @param edgeHint - expected number of edges (arrays grow when exceeded).
   */
  constructor(nodes: number, edgeHint = 16) {
    this.nodes = nodes;
    this.head = new Int32Array(nodes).fill(-1);
    const size = Math.max(4, 2 * edgeHint);
    this.to = new Int32Array(size);
    this.next = new Int32Array(size);
    this.cap = new Float64Array(size);
  }

  /** Adds an arc u → v with capacity c (and its residual twin). O(1) amortised. */
  addEdge(u: number, v: number, c: number): void {
    if (this.edges + 2 > this.to.length) this.grow();
    const e = this.edges;
    this.to[e] = v;
    this.cap[e] = c;
    this.next[e] = this.head[u]!;
    this.head[u] = e;
    this.to[e + 1] = u;
    this.cap[e + 1] = 0;
    this.next[e + 1] = this.head[v]!;
    this.head[v] = e + 1;
    this.edges += 2;
  }

  private grow(): void {
    const size = this.to.length * 2;
    const to = new Int32Array(size);
    const next = new Int32Array(size);
    const cap = new Float64Array(size);
    to.set(this.to);
    next.set(this.next);
    cap.set(this.cap);
    this.to = to;
    this.next = next;
    this.cap = cap;
  }

  /**
   * Pushes a maximum flow from s to t (Dinic). O(V²E) worst case.
   *
   * @returns the value of the flow.
   */
  maxFlow(s: number, t: number): number {
    const n = this.nodes;
    const level = new Int32Array(n);
    const iter = new Int32Array(n);
    const queue = new Int32Array(n);
    // Explicit DFS stack of edges, so deep posets never overflow the call stack.
    const pathEdge = new Int32Array(n);
    let flow = 0;
    for (;;) {
      level.fill(-1);
      level[s] = 0;
      let qh = 0;
      let qt = 0;
      queue[qt++] = s;
      while (qh < qt) {
        const u = queue[qh++]!;
        for (let e = this.head[u]!; e !== -1; e = this.next[e]!) {
          const v = this.to[e]!;
          if (this.cap[e]! > 0 && level[v] === -1) {
            level[v] = level[u]! + 1;
            queue[qt++] = v;
          }
        }
      }
      if (level[t] === -1) return flow;
      iter.set(this.head);
      // Repeated augmenting paths in the level graph (an iterative blocking-flow search).
      for (;;) {
        let depth = 0;
        let u = s;
        let found = false;
        while (true) {
          if (u === t) {
            found = true;
            break;
          }
          let e = iter[u]!;
          while (e !== -1) {
            const v = this.to[e]!;
            if (this.cap[e]! > 0 && level[v] === level[u]! + 1) break;
            e = this.next[e]!;
          }
          iter[u] = e;
          if (e === -1) {
            // Dead end: retreat and discard the edge that led here.
            level[u] = -1;
            if (depth === 0) break;
            depth--;
            const back = pathEdge[depth]!;
            u = this.to[back ^ 1]!;
            iter[u] = this.next[back]!;
            continue;
          }
          pathEdge[depth++] = e;
          u = this.to[e]!;
        }
        if (!found) break;
        let push = Number.POSITIVE_INFINITY;
        for (let k = 0; k < depth; k++) push = Math.min(push, this.cap[pathEdge[k]!]!);
        for (let k = 0; k < depth; k++) {
          const e = pathEdge[k]!;
          this.cap[e]! -= push;
          this.cap[e ^ 1]! += push;
        }
        flow += push;
      }
    }
  }

  /** After {@link maxFlow}: 1 for each node reachable from s in the residual network (the source side of a minimum cut). O(V + E). */
  sourceSide(s: number): Uint8Array {
    const seen = new Uint8Array(this.nodes);
    const queue = new Int32Array(this.nodes);
    let qh = 0;
    let qt = 0;
    seen[s] = 1;
    queue[qt++] = s;
    while (qh < qt) {
      const u = queue[qh++]!;
      for (let e = this.head[u]!; e !== -1; e = this.next[e]!) {
        const v = this.to[e]!;
        if (this.cap[e]! > 0 && seen[v] === 0) {
          seen[v] = 1;
          queue[qt++] = v;
        }
      }
    }
    return seen;
  }
}
