import { beforeAll, describe, expect, it } from 'vitest';
import { createSolver, InvalidCostMatrixError, type Solver } from './index.js';

describe('linearSumAssignment rejects costs it cannot solve, saying where', () => {
  let solver: Solver;
  beforeAll(async () => {
    solver = await createSolver();
  });

  const rejects = (costs: unknown, message: string, options?: { maximize?: boolean }) => {
    const solve = () => solver.linearSumAssignment(costs as never, options);
    expect(solve).toThrow(InvalidCostMatrixError);
    expect(solve).toThrow(message);
  };

  it('names a NaN entry of nested arrays', () => {
    rejects(
      [
        [1, 2],
        [3, NaN],
      ],
      'costs[1][1] is NaN',
    );
  });

  it('names a NaN entry of a dense matrix by index, row and column', () => {
    rejects({ data: Float64Array.of(1, 2, 3, 4, NaN, 6), rows: 2, cols: 3 }, 'costs.data[4] (row 1, column 1) is NaN');
  });

  it('names the first invalid entry in row-major order of a dense matrix with more rows than columns', () => {
    // Tall matrices are transposed in blocks of 64 rows inside the wasm: the message must still
    // name the entry a row-by-row reading meets first, in the second block here.
    const data = new Float64Array(100 * 3).fill(1);
    data[70 * 3 + 2] = -Infinity;
    data[71 * 3 + 0] = NaN;
    data[90 * 3 + 1] = NaN;
    rejects(
      { data, rows: 100, cols: 3 },
      'costs.data[212] (row 70, column 2) is -Infinity; a forbidden pair is Infinity',
    );
    data[3 * 3 + 1] = NaN;
    rejects({ data, rows: 100, cols: 3 }, 'costs.data[10] (row 3, column 1) is NaN');
  });

  it('rejects +Infinity in a dense matrix when maximising, wide or tall', () => {
    const data = Float64Array.of(1, 2, 3, 4, Infinity, 6);
    const maximize = { maximize: true };
    rejects({ data, rows: 2, cols: 3 }, 'costs.data[4] (row 1, column 1) is Infinity; a forbidden', maximize);
    rejects({ data, rows: 3, cols: 2 }, 'costs.data[4] (row 2, column 0) is Infinity; a forbidden', maximize);
  });

  it('rejects -Infinity in a dense matrix when minimising, wide or tall', () => {
    const data = Float64Array.of(1, 2, -Infinity, 4, 5, 6);
    rejects({ data, rows: 2, cols: 3 }, 'costs.data[2] (row 0, column 2) is -Infinity');
    rejects({ data, rows: 3, cols: 2 }, 'costs.data[2] (row 1, column 0) is -Infinity');
  });

  it('rejects -Infinity when minimising', () => {
    rejects([[1, -Infinity]], 'costs[0][1] is -Infinity; a forbidden pair is Infinity when minimizing');
  });

  it('rejects +Infinity when maximising', () => {
    rejects([[Infinity, 1]], 'costs[0][0] is Infinity; a forbidden pair is -Infinity when maximizing', {
      maximize: true,
    });
  });

  it('rejects a dense matrix whose data length is not rows × cols', () => {
    rejects({ data: new Float64Array(11), rows: 3, cols: 4 }, 'costs.data has 11 values but rows × cols = 3 × 4 = 12');
  });

  it('rejects ragged nested arrays', () => {
    rejects(
      [
        [1, 2, 3],
        [4, 5, 6],
        [7, 8],
      ],
      'costs[2] has 2 entries but costs[0] has 3',
    );
  });

  it('rejects a non-numeric entry', () => {
    rejects([[1, '2']], 'costs[0][1] is not a number (got string)');
  });

  it('rejects a dimension that is not a non-negative integer', () => {
    rejects({ data: new Float64Array(0), rows: -1, cols: 0 }, 'costs.rows must be a non-negative integer, got -1');
  });

  it('rejects a matrix larger than one wasm memory block can hold, before reading it', () => {
    rejects(
      { data: new Float64Array(0), rows: 20_000, cols: 20_000 },
      'has 20000 × 20000 = 400000000 entries; the solver holds at most 134217726',
    );
  });

  it('rejects input that is not a matrix', () => {
    rejects({ data: [1, 2], rows: 1, cols: 2 }, 'costs must be an array of equal-length number arrays');
  });

  it('rejects a maximize option that is not a boolean', () => {
    expect(() => solver.linearSumAssignment([[1]], { maximize: 'yes' as never })).toThrow(
      'options.maximize must be true or false, got yes',
    );
  });
});
