/** The files aksnet writes itself are known to the process (src/shared/own-writes.ts), whatever the path's spelling. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeCacheEntry } from '../../src/shared/cache-entry.js';
import { writeOutput } from '../../src/shared/output-file.js';
import { isOwnWrite } from '../../src/shared/own-writes.js';

const dir = mkdtempSync(join(tmpdir(), 'aksnet-own-writes-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('own writes', () => {
  it('knows outputs and cache entries it wrote, under any spelling of their path, and nothing else', () => {
    const out = join(dir, 'out/findings.json');
    const entry = join(dir, '.aksnet-cache/ab/abcd.json');
    const theirs = join(dir, 'design.ts');
    expect(isOwnWrite(out)).toBe(false);
    writeOutput(relative(process.cwd(), out), '{}\n');
    expect(writeCacheEntry(entry, '{}')).toBe(true);
    writeFileSync(theirs, 'export {};\n');
    expect(isOwnWrite(out)).toBe(true);
    expect(isOwnWrite(join(dir, 'out', '..', 'out', 'findings.json'))).toBe(true);
    expect(isOwnWrite(entry)).toBe(true);
    expect(isOwnWrite(theirs)).toBe(false);
    expect(isOwnWrite(join(dir, 'out'))).toBe(false);
  });
});
