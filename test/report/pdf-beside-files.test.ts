/**
 * The full-size SVGs beside a PDF are written while Chromium prints (src/report/pack.ts): when they cannot be written,
 * the PDF is not written either (an older one is left as it was), the run ends with one clear message and exit
 * code 3, and the other outputs are written. Whole process, from dist/, with the installed browser.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { installedBrowser } from '../helpers/browser.js';
import { aksnet, ensureBuilt, repo } from '../hardening/cli.js';

const browser = installedBrowser();
const work = mkdtempSync(join(tmpdir(), 'aksnet-pdf-beside-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe.skipIf(!browser && !process.env.AKSNET_REQUIRE_BROWSER)('report -o pack.pdf when its full-size SVGs cannot be written', () => {
  beforeAll(() => {
    ensureBuilt();
  });

  it('exits 3 naming the SVG, writes no PDF and the other outputs', () => {
    const out = join(work, 'out');
    mkdirSync(out);
    // A file where the SVG folder goes: no SVG can be written into it.
    writeFileSync(join(out, 'pack-diagrams'), 'not a folder');
    const oldPdf = '%PDF-1.4 the pack of last week\n';
    writeFileSync(join(out, 'pack.pdf'), oldPdf);
    const r = aksnet(
      [
        'report',
        join(repo, 'examples', 'd-legacy-agic-kubenet.ts'),
        '-o',
        join(out, 'pack.pdf'),
        '-o',
        join(out, 'pack.json'),
        '--as-of',
        '2026-11-23',
        '--no-config',
      ],
      repo,
      { env: { AKSNET_BROWSER: browser ?? '' }, timeout: 300_000 },
    );
    expect(r.code, r.stderr).toBe(3);
    expect(r.stderr).toContain(join(out, 'pack-diagrams'));
    expect(r.stderr.split('\n')).toContain(`not written: ${join(out, 'pack.pdf')}`);
    expect(r.stderr).not.toMatch(/^\s+at /m);
    expect(r.stderr).not.toMatch(/internal error|unhandled/i);
    expect(readFileSync(join(out, 'pack.pdf'), 'utf8')).toBe(oldPdf);
    expect(JSON.parse(readFileSync(join(out, 'pack.json'), 'utf8'))).toHaveProperty('architectures');
    expect(readdirSync(out).sort()).toEqual(['pack-diagrams', 'pack.json', 'pack.pdf']);
  }, 300_000);
});
