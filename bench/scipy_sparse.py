"""Times scipy.sparse.csgraph.min_weight_full_bipartite_matching (LAPJVsp, C) on a CSR matrix.

Usage: python3 bench/scipy_sparse.py DIR ROWS COLS [REPS | --serve]
DIR holds row_start.bin (int32, ROWS + 1), col.bin (int32) and value.bin (float64), little-endian, the
CSR arrays written by bench/assignment.bench.ts. Builds the csr_matrix once, warms up once, then times
only the solver REPS times, in wall time and in CPU time of this process (time.process_time: the figure
to compare on a loaded machine). Prints one JSON line: {"ms": wall median, "times": [...], "cpu_ms": CPU
median, "cpu_times": [...], "total": optimal cost, "version": scipy version}.

With --serve it stays up for a caller that alternates with its own runs call by call (the fair comparison
on a shared machine, whose speed drifts from one second to the next): after the warm-up it prints
{"ready": true, "total": ..., "version": ...}, then for each line "K" on standard input times K calls and
prints {"times": [...], "cpu_times": [...]}; an empty line or end of input ends it.
"""
import json
import sys
import time

import numpy as np
import scipy
from scipy.sparse import csr_matrix
from scipy.sparse.csgraph import min_weight_full_bipartite_matching


def main() -> None:
    folder, rows, cols = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    serving = len(sys.argv) > 4 and sys.argv[4] == "--serve"
    reps = int(sys.argv[4]) if len(sys.argv) > 4 and not serving else 3
    row_start = np.fromfile(f"{folder}/row_start.bin", dtype="<i4")
    col = np.fromfile(f"{folder}/col.bin", dtype="<i4")
    value = np.fromfile(f"{folder}/value.bin", dtype="<f8")
    graph = csr_matrix((value, col, row_start), shape=(rows, cols))
    min_weight_full_bipartite_matching(graph)  # warm-up
    if serving:
        serve(graph)
        return
    times, cpu_times = timed(graph, reps)
    total = matched_total(graph)
    times_sorted = sorted(times)
    cpu_sorted = sorted(cpu_times)
    print(json.dumps({
        "ms": times_sorted[len(times_sorted) // 2],
        "times": times,
        "cpu_ms": cpu_sorted[len(cpu_sorted) // 2],
        "cpu_times": cpu_times,
        "total": total,
        "version": scipy.__version__,
    }))


def timed(graph, reps: int) -> tuple[list[float], list[float]]:
    """Wall and CPU milliseconds of each of `reps` calls."""
    times = []
    cpu_times = []
    for _ in range(reps):
        c0 = time.process_time()
        t0 = time.perf_counter()
        min_weight_full_bipartite_matching(graph)
        times.append((time.perf_counter() - t0) * 1000.0)
        cpu_times.append((time.process_time() - c0) * 1000.0)
    return times, cpu_times


def matched_total(graph) -> float:
    r, c = min_weight_full_bipartite_matching(graph)
    return float(np.asarray(graph[r, c]).sum())


def serve(graph) -> None:
    total = matched_total(graph)
    print(json.dumps({"ready": True, "total": total, "version": scipy.__version__}), flush=True)
    for line in sys.stdin:
        if not line.strip():
            break
        times, cpu_times = timed(graph, int(line))
        print(json.dumps({"times": times, "cpu_times": cpu_times}), flush=True)


if __name__ == "__main__":
    main()
