import { describe, expect, it } from 'vitest';
import { embedInReadme, README_END, README_START, resultsMarkdown, type BenchResults } from '../src/results-file.js';
import { describeMachine } from '../src/machine.js';
import { uniformCase } from '../src/lsa/cases.js';

const results: BenchResults = {
  version: 1,
  solver: {
    machine: describeMachine(),
    startedAt: '2026-01-01T00:00:00.000Z',
    finishedAt: '2026-01-01T00:01:00.000Z',
    quick: false,
    assignment: [
      {
        costCase: uniformCase(100),
        bestTotal: 10,
        runs: [
          {
            caseId: 'uniform-100',
            solver: 'mentor-matcher',
            label: 'ours',
            status: 'ok',
            total: 10,
            method: 'benchmark.js',
            samplesMs: [1, 2, 3],
            medianMs: 2,
            minMs: 1,
            maxMs: 3,
          },
          {
            caseId: 'uniform-100',
            solver: 'munkres',
            label: 'munkres 2.0.4',
            status: 'ok',
            total: 10,
            method: 'benchmark.js',
            samplesMs: [8],
            medianMs: 8,
            minMs: 8,
            maxMs: 8,
          },
          { caseId: 'uniform-100', solver: 'bad', label: 'bad', status: 'wrong', reason: 'total 12, best found 10' },
        ],
      },
    ],
  },
};

describe('resultsMarkdown', () => {
  it("gives medians, spread and each peer's ratio to ours, and marks wrong solvers", () => {
    const md = resultsMarkdown(results, './');
    expect(md).toContain(
      '| uniform-100 | 100 × 100 | 2.00 ms (1.00 ms–3.00 ms, n=3) | 8.00 ms ×4.00 (n=1) | **WRONG** (total 12, best found 10) |',
    );
    expect(md).toContain('![Time against size, log-log, one line per solver](./solver-scaling.svg)');
  });
});

describe('resultsMarkdown with the capacitated suite', () => {
  const capacitated = {
    machine: describeMachine(),
    startedAt: '2026-01-01T00:00:00.000Z',
    finishedAt: '2026-01-01T00:01:00.000Z',
    quick: false,
    measurements: [],
  };

  it('adds the LEMON table after the capacitated one when LEMON ran', () => {
    const comparison = {
      size: 500,
      eligiblePairs: 3,
      nodes: 6,
      arcs: 9,
      setupMs: 1,
      ours: { wallMs: 20, cpuMs: 18 },
      runs: [{ algorithm: 'network-simplex' as const, ok: true, wallMs: 40, cpuMs: 36 }],
    };
    const lemon = { available: true as const, comparisons: [comparison] };
    const md = resultsMarkdown({ version: 1, capacitated: { ...capacitated, lemon } }, './');
    expect(md.indexOf('### Solver: capacitated assignment against LEMON')).toBeGreaterThan(
      md.indexOf('### Solver: capacitated assignment on mentoring-shaped data'),
    );
    expect(md).toContain('| 500 | 3 | 6, 9 | 18.0 ms (20.0 ms) | 36.0 ms ×2.00 (wall 40.0 ms) | yes |');
  });

  it('says why when LEMON did not run', () => {
    const lemon = { available: false as const, reason: 'g++ not found' };
    const md = resultsMarkdown({ version: 1, capacitated: { ...capacitated, lemon } }, './');
    expect(md).toContain('LEMON peer not run: g++ not found.');
  });
});

describe('embedInReadme', () => {
  it('replaces only the text between the markers', () => {
    const readme = `# Title\n\n${README_START}\nold\n${README_END}\n\nAfter.\n`;
    const updated = embedInReadme(readme, results);
    expect(updated.startsWith(`# Title\n\n${README_START}\n### Solver`)).toBe(true);
    expect(updated).not.toContain('old');
    expect(updated.endsWith(`${README_END}\n\nAfter.\n`)).toBe(true);
    expect(updated).toContain('./results/solver-scaling.svg');
  });
});
