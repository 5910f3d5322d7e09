/**
 * A browser that is there but cannot start: the pack's designs are drawn concurrently while Chromium launches
 * (src/report/pack.ts), and the failed launch must still end as one clear message with exit code 3, no stack
 * trace, the other outputs written, no PDF (an older one left as it was), and nothing left in the temp folder.
 * Whole process, from dist/, with two designs so the concurrent drawing is the real one.
 */
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aksnet, ensureBuilt, repo } from '../hardening/cli.js';

const work = mkdtempSync(join(tmpdir(), 'aksnet-browser-launch-failure-'));
afterAll(() => {
  rmSync(work, { recursive: true, force: true });
});

const designs = ['a-hub-spoke-baseline', 'b-front-door-private-link'].map((f) => join(repo, 'examples', `${f}.ts`));

describe('report -o pack.pdf with a browser that cannot start', () => {
  beforeAll(() => {
    ensureBuilt();
  });

  it('exits 3 with one message naming the browser, writes the HTML, keeps the old PDF and leaves no temp files', () => {
    const fake = join(work, 'fake-chromium');
    writeFileSync(fake, '#!/bin/sh\necho "fake-chromium: cannot open display" >&2\nexit 1\n');
    chmodSync(fake, 0o755);
    const out = join(work, 'out');
    const temp = join(work, 'tmp');
    mkdirSync(out);
    mkdirSync(temp);
    const oldPdf = '%PDF-1.4 the pack of last week\n';
    writeFileSync(join(out, 'pack.pdf'), oldPdf);
    const r = aksnet(
      [
        'report',
        ...designs,
        '-o',
        join(out, 'pack.pdf'),
        '-o',
        join(out, 'pack.html'),
        '--as-of',
        '2026-11-23',
        '--no-config',
      ],
      repo,
      { env: { AKSNET_BROWSER: fake, TMPDIR: temp, AKSNET_NO_CACHE: '1' }, timeout: 300_000 },
    );
    expect(r.code, r.stderr).toBe(3);
    const lines = r.stderr.split('\n');
    expect(lines.filter((l) => l.includes('could not start the browser'))).toEqual([
      expect.stringContaining(`could not start the browser at ${fake} (AKSNET_BROWSER)`),
    ]);
    expect(lines).toContain(`not written: ${join(out, 'pack.pdf')}`);
    // No stack trace, and no internal error.
    expect(r.stderr).not.toMatch(/^\s+at /m);
    expect(r.stderr).not.toMatch(/internal error/i);
    // The other output is complete; the PDF of the run before is untouched (never truncated or half written).
    expect(readFileSync(join(out, 'pack.html'), 'utf8')).toMatch(/<\/html>\s*$/);
    expect(readFileSync(join(out, 'pack.pdf'), 'utf8')).toBe(oldPdf);
    expect(readdirSync(out).sort()).toEqual(['pack.html', 'pack.pdf']);
    // The browser profile made for the launch is removed.
    expect(readdirSync(temp).filter((f) => f.startsWith('aksnet-chromium-'))).toEqual([]);
    expect(existsSync(join(out, 'pack-diagrams'))).toBe(false);
  }, 300_000);
});
