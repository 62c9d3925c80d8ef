import { describe, expect, it } from 'vitest';
import { parseCliOptions } from '../src/cli-options.js';

describe('parseCliOptions', () => {
  it('runs every suite at default sizes when given nothing', () => {
    expect(parseCliOptions([])).toEqual({
      command: 'bench',
      suite: ['solver', 'capacitated', 'engine', 'browser'],
      quick: false,
    });
  });

  it('reads a part: one suite, chosen sizes, after npm\'s "--"', () => {
    expect(parseCliOptions(['--', '--suite', 'solver', '--sizes', '500,1000'])).toMatchObject({
      suite: ['solver'],
      sizes: [500, 1000],
    });
    expect(parseCliOptions(['--suite=engine,browser', '--quick'])).toMatchObject({
      suite: ['engine', 'browser'],
      quick: true,
    });
  });

  it('reads the check and baseline commands', () => {
    expect(parseCliOptions(['check']).command).toBe('check');
    expect(parseCliOptions(['baseline']).command).toBe('baseline');
  });

  it('names the flag and the value it rejects', () => {
    expect(() => parseCliOptions(['--sizes', '500,lots'])).toThrow(/^--sizes: .*\(got "500,lots"\)$/);
    expect(() => parseCliOptions(['--suite', 'gpu'])).toThrow(/^--suite: .*\(got "gpu"\)$/);
    expect(() => parseCliOptions(['--fast'])).toThrow('unknown option --fast');
  });
});
