/**
 * `aksnet report … -o pack.pdf` as users run it (the built CLI: Chromium launched while the designs are
 * laid out, the layout thread on), twice with SOURCE_DATE_EPOCH: the same bytes. One example keeps it cheap.
 *
 * The two packs go to two folders under the same file name: a pack names the folder of its full-size SVGs
 * after its own file (`pack-diagrams/…` is printed in it), so two different names are two different packs.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { installedBrowser } from '../helpers/browser.js';

const repo = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const example = join(repo, 'examples', 'a-hub-spoke-baseline.ts');

const browserPath = installedBrowser();

const work = mkdtempSync(join(tmpdir(), 'aksnet-pdf-determinism-'));
afterAll(() => {
  rmSync(work, { recursive: true, force: true });
});

function pack(folder: string): Buffer {
  const out = join(work, folder, 'pack.pdf');
  mkdirSync(dirname(out), { recursive: true });
  const r = spawnSync(
    process.execPath,
    [join(repo, 'bin/aksnet.js'), 'report', example, '-o', out, '--as-of', '2026-11-23', '--no-config'],
    {
      cwd: repo,
      encoding: 'utf8',
      env: { ...process.env, SOURCE_DATE_EPOCH: '1767225600', ...(browserPath ? { AKSNET_BROWSER: browserPath } : {}) },
      timeout: 180_000,
    },
  );
  expect(r.status, r.stderr).toBe(0);
  return readFileSync(out);
}

describe.skipIf(!browserPath && !process.env.AKSNET_REQUIRE_BROWSER)('PDF pack determinism (whole process)', () => {
  it('writes the same bytes twice, dated by SOURCE_DATE_EPOCH (2026-01-01), not by the clock', () => {
    const first = pack('one');
    const second = pack('two');
    const text = first.toString('latin1');
    expect(text.startsWith('%PDF-')).toBe(true);
    expect(text).toContain('/CreationDate (D:20260101000000');
    // Where the two differ, the first differing offset is the lead for a diff with `qpdf --qdf`.
    const at = first.findIndex((b, i) => b !== second[i]);
    expect({ length: second.length, firstDifference: first.length === second.length ? at : 0 }).toEqual({
      length: first.length,
      firstDifference: -1,
    });
  }, 600_000);
});
