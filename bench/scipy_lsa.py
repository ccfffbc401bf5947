"""Times scipy.optimize.linear_sum_assignment on a matrix written by bench/assignment.bench.ts.

Usage: python3 bench/scipy_lsa.py MATRIX.bin ROWS COLS [REPS]
The file holds ROWS x COLS float64 costs, row-major (little-endian). Loads it, warms up once on the same
matrix, then times only the solver REPS times. Prints one JSON line: {"ms": median, "times": [...],
"total": optimal cost, "version": scipy version}.
"""
import json
import sys
import time

import numpy as np
import scipy
from scipy.optimize import linear_sum_assignment


def main() -> None:
    path, rows, cols = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    reps = int(sys.argv[4]) if len(sys.argv) > 4 else 3
    costs = np.fromfile(path, dtype="<f8").reshape(rows, cols)
    linear_sum_assignment(costs)  # warm-up
    times = []
    total = 0.0
    for _ in range(reps):
        t0 = time.perf_counter()
        r, c = linear_sum_assignment(costs)
        times.append((time.perf_counter() - t0) * 1000.0)
        total = float(costs[r, c].sum())
    times_sorted = sorted(times)
    print(json.dumps({"ms": times_sorted[len(times_sorted) // 2], "times": times, "total": total, "version": scipy.__version__}))


if __name__ == "__main__":
    main()
