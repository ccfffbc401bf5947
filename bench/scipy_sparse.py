"""Times scipy.sparse.csgraph.min_weight_full_bipartite_matching (LAPJVsp, C) on a CSR matrix.

Usage: python3 bench/scipy_sparse.py DIR ROWS COLS [REPS]
DIR holds row_start.bin (int32, ROWS + 1), col.bin (int32) and value.bin (float64), little-endian, the
CSR arrays written by bench/assignment.bench.ts. Builds the csr_matrix once, warms up once, then times
only the solver REPS times, in wall time and in CPU time of this process (time.process_time: the figure
to compare on a loaded machine). Prints one JSON line: {"ms": wall median, "times": [...], "cpu_ms": CPU
median, "cpu_times": [...], "total": optimal cost, "version": scipy version}.
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
    reps = int(sys.argv[4]) if len(sys.argv) > 4 else 3
    row_start = np.fromfile(f"{folder}/row_start.bin", dtype="<i4")
    col = np.fromfile(f"{folder}/col.bin", dtype="<i4")
    value = np.fromfile(f"{folder}/value.bin", dtype="<f8")
    graph = csr_matrix((value, col, row_start), shape=(rows, cols))
    min_weight_full_bipartite_matching(graph)  # warm-up
    times = []
    cpu_times = []
    total = 0.0
    for _ in range(reps):
        c0 = time.process_time()
        t0 = time.perf_counter()
        r, c = min_weight_full_bipartite_matching(graph)
        times.append((time.perf_counter() - t0) * 1000.0)
        cpu_times.append((time.process_time() - c0) * 1000.0)
        total = float(np.asarray(graph[r, c]).sum())
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


if __name__ == "__main__":
    main()
