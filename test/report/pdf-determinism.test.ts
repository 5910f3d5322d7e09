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
import { readPdf } from '../helpers/pdf-text.js';

const repo = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const example = join(repo, 'examples', 'a-hub-spoke-baseline.ts');

const browserPath = installedBrowser();

const work = mkdtempSync(join(tmpdir(), 'aksnet-pdf-determinism-'));
afterAll(() => {
  rmSync(work, { recursive: true, force: true });
});

function pack(folder: string, formats = ['pdf']): Buffer {
  const out = join(work, folder, 'pack.pdf');
  mkdirSync(dirname(out), { recursive: true });
  const outputs = formats.flatMap((f) => ['-o', join(work, folder, `pack.${f}`)]);
  const r = spawnSync(
    process.execPath,
    [join(repo, 'bin/aksnet.js'), 'report', example, ...outputs, '--as-of', '2026-11-23', '--no-config'],
    {
      cwd: repo,
      encoding: 'utf8',
      env: { ...process.env, SOURCE_DATE_EPOCH: '1767225600', ...(browserPath ? { AKSNET_BROWSER: browserPath } : {}) },
      timeout: 180_000,
    },
  );
  expect(r.status, r.stderr).toBe(0);
  return formats.includes('pdf') ? readFileSync(out) : Buffer.alloc(0);
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

  it("writes the HTML and Markdown packs' bytes whether or not the run also prints a PDF; only the PDF names its browser", async () => {
    // Committed HTML packs would go stale with every Chromium upgrade when a PDF is among the formats.
    pack('text-only', ['html', 'md']);
    const pdf = pack('with-pdf', ['html', 'md', 'pdf']);
    for (const f of ['pack.html', 'pack.md']) {
      expect(readFileSync(join(work, 'with-pdf', f)).equals(readFileSync(join(work, 'text-only', f))), f).toBe(true);
    }
    expect(readFileSync(join(work, 'with-pdf', 'pack.html'), 'utf8')).toContain('not used for this file');
    const text = (await readPdf(pdf)).flatMap((p) => p.words.map((w) => w.text)).join(' ');
    expect(text).not.toContain('not used for this file');
    expect(text).toMatch(/Chrom(e|ium)\/\d+/);
  }, 600_000);
});
