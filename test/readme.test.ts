/** The README's DSL example type-checks and `aksnet validate` prints exactly what the README shows. */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { typecheck } from '../src/load/typecheck.js';

const root = resolve(import.meta.dirname, '..');
const readme = readFileSync(join(root, 'README.md'), 'utf8');
const block = (start: string): string => {
  const i = readme.indexOf(start);
  const body = readme.indexOf('\n', i) + 1;
  return readme.slice(body, readme.indexOf('```', body));
};

describe('README example', () => {
  const dir = mkdtempSync(join(tmpdir(), 'aksnet-readme-'));
  const file = join(dir, 'payments-prod.ts');
  writeFileSync(file, block('```ts\n// payments-prod.ts'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('type-checks', async () => {
    expect(await typecheck([file])).toEqual([]);
  });

  it('validates with the output the README shows', () => {
    let out = '';
    try {
      out = execFileSync(process.execPath, [join(root, 'bin/aksnet.js'), 'validate', 'payments-prod.ts', '--as-of', '2026-11-23'], {
        cwd: dir,
        env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '' },
        encoding: 'utf8',
      });
    } catch (e) {
      out = (e as { stdout: string }).stdout;
    }
    expect(out).toBe(block('```text\npayments-prod.ts'));
  });
});
