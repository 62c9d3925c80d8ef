import { existsSync, lstatSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError } from '../src/cli-errors.js';
import { ReplacingWriter } from '../src/safe-output.js';
import { tempDir } from './run-cli.js';

describe('ReplacingWriter', () => {
  it('shows nothing until commit, then every file at once', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'a.csv'), 'old a');
    const writer = new ReplacingWriter(dir);
    writer.add('a.csv', 'new a');
    writer.add('b.csv', new TextEncoder().encode('new b'));
    expect(readFileSync(join(dir, 'a.csv'), 'utf8')).toBe('old a');
    expect(existsSync(join(dir, 'b.csv'))).toBe(false);
    writer.commit();
    expect(readFileSync(join(dir, 'a.csv'), 'utf8')).toBe('new a');
    expect(readFileSync(join(dir, 'b.csv'), 'utf8')).toBe('new b');
    expect(readdirSync(dir).sort()).toEqual(['a.csv', 'b.csv']);
  });

  it('abort leaves the folder as it was, without temporary files', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'a.csv'), 'old a');
    const writer = new ReplacingWriter(dir);
    writer.add('a.csv', 'new a');
    writer.abort();
    expect(readdirSync(dir)).toEqual(['a.csv']);
    expect(readFileSync(join(dir, 'a.csv'), 'utf8')).toBe('old a');
  });

  it('replaces a link at the name and leaves its target alone', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'target.txt'), 'keep me');
    symlinkSync(join(dir, 'target.txt'), join(dir, 'pairs.csv'));
    const writer = new ReplacingWriter(dir);
    writer.add('pairs.csv', 'results');
    writer.commit();
    expect(readFileSync(join(dir, 'target.txt'), 'utf8')).toBe('keep me');
    expect(lstatSync(join(dir, 'pairs.csv')).isSymbolicLink()).toBe(false);
  });

  it('a write that fails is an input error naming the file, and removes what was written', () => {
    const dir = tempDir();
    const writer = new ReplacingWriter(dir);
    writer.add('a.csv', 'a');
    const gone = new ReplacingWriter(join(dir, 'no-such-folder'));
    expect(() => gone.add('b.csv', 'b')).toThrow(InputError);
    expect(() => gone.add('b.csv', 'b')).toThrow(/cannot write b\.csv in .*no-such-folder: ENOENT/);
    writer.abort();
    expect(readdirSync(dir)).toEqual([]);
  });
});
