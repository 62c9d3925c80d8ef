"""Times scipy.optimize.linear_sum_assignment for the benchmark harness (src/lsa/scipy.ts).

Usage: scipy_lsa.py MATRIX_FILE ROWS COLS REPETITIONS [wall|cpu]
MATRIX_FILE holds ROWS*COLS float64 values, row-major, native byte order; inf marks a forbidden pair.
Prints one JSON object: {"scipy": version, "samples_ms": [...], "rows": [...], "cols": [...]}.
Timing happens here, around the call only, so process start-up and file reading are not counted:
wall-clock time (the default), or with `cpu` this process's CPU time (for the paired comparison,
src/lsa/paired-scipy.ts).
"""
import json
import sys
import time

import numpy as np
import scipy
from scipy.optimize import linear_sum_assignment


def main() -> None:
    path, rows, cols, repetitions = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
    clock = time.process_time if len(sys.argv) > 5 and sys.argv[5] == "cpu" else time.perf_counter
    costs = np.fromfile(path, dtype=np.float64).reshape(rows, cols)
    samples = []
    for _ in range(repetitions):
        start = clock()
        row_ind, col_ind = linear_sum_assignment(costs)
        samples.append((clock() - start) * 1000.0)
    json.dump(
        {"scipy": scipy.__version__, "samples_ms": samples, "rows": row_ind.tolist(), "cols": col_ind.tolist()},
        sys.stdout,
    )


if __name__ == "__main__":
    main()
