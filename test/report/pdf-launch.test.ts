/**
 * The PDF browser is launched while the designs are validated and drawn; a design that fails to
 * load must still end the process promptly (no browser left running) with exit 2. Whole process,
 * from dist/; skipped without a browser.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { findBrowser } from '../../src/report/browser.js';

const repo = resolve(import.meta.dirname, '../..');
const dir = mkdtempSync(join(tmpdir(), 'aksnet-pdf-launch-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let browser: string | undefined;
try {
  browser = findBrowser().path;
} catch {
  browser = undefined;
}

describe.skipIf(!browser)('report -o pack.pdf with a design that cannot be loaded', () => {
  it('exits 2 with the load error and leaves no browser behind', () => {
    const bad = join(dir, 'bad.ts');
    writeFileSync(
      bad,
      "import { defineArchitecture } from 'aksnet';\nexport default defineArchitecture({ metadata: { title: 'x' }, \n",
    );
    const out = join(dir, 'pack.pdf');
    const r = spawnSync(process.execPath, [join(repo, 'bin/aksnet.js'), 'report', bad, '-o', out], {
      encoding: 'utf8',
      timeout: 90_000,
      env: { ...process.env, AKSNET_BROWSER: browser },
    });
    // A browser left running would keep the process alive until the timeout (status null).
    expect(r.status, r.stderr).toBe(2);
    expect(r.stderr).toMatch(/bad\.ts:\d+:\d+/);
    expect(existsSync(out)).toBe(false);
  });
});
