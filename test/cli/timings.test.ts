/** `--timings`: stage measures are collected per design and view, printed to stderr, and cleared. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { afterAll, describe, expect, it } from 'vitest';
import { formatTimings, stageTimings, STAGES } from '../../src/cli/timings.js';

const repo = resolve(import.meta.dirname, '../..');
const out = mkdtempSync(join(tmpdir(), 'aksnet-timings-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

describe('stage timings', () => {
  it('reads aksnet measures only, keeps design and view, and sums repeated stages per view', () => {
    performance.clearMeasures();
    performance.measure('aksnet:load', { start: 0, end: 10, detail: { design: 'a.ts' } });
    performance.measure('aksnet:layout', { start: 0, end: 30, detail: { design: 'a.ts', view: 'topology' } });
    performance.measure('aksnet:layout', { start: 0, end: 12, detail: { design: 'a.ts', view: 'topology' } });
    performance.measure('aksnet:render', { start: 0, end: 5, detail: { design: 'a.ts', view: 'ingress' } });
    performance.measure('aksnet:bogus', { start: 0, end: 5, detail: { design: 'a.ts' } });
    performance.measure('other', { start: 0, end: 5 });
    const ts = stageTimings();
    expect(ts.map((t) => [t.stage, t.view ?? '-', t.ms])).toEqual([
      ['load', '-', 10],
      ['layout', 'topology', 30],
      ['layout', 'topology', 12],
      ['render', 'ingress', 5],
    ]);
    const text = formatTimings(ts, 99);
    expect(text).toBe(
      [
        'timings a.ts',
        '  load 10.0 ms',
        '  topology       layout 42.0 ms',
        '  ingress        render 5.0 ms',
        'timings process: 99.0 ms since node started (includes start-up and module loading)',
        '',
      ].join('\n'),
    );
    performance.clearMeasures();
  });

  it('aksnet diagram --timings prints every stage of the design and of the view, and nothing without the flag', () => {
    const example = join(repo, 'examples/a-hub-spoke-baseline.ts');
    const args = [join(repo, 'bin/aksnet.js'), 'diagram', example, '--view', 'topology', '--findings', '-o', out];
    const r = spawnSync(process.execPath, [...args, '--timings'], { cwd: repo, encoding: 'utf8', timeout: 60_000 });
    expect(r.status).toBe(0);
    const lines = r.stderr.split('\n');
    const head = lines.findIndex((l) => l === 'timings examples/a-hub-spoke-baseline.ts');
    expect(head).toBeGreaterThanOrEqual(0);
    expect(lines[head + 1]).toMatch(/^ {2}load \d+\.\d ms {2}normalize \d+\.\d ms {2}validate \d+\.\d ms$/);
    expect(lines[head + 2]).toMatch(
      /^ {2}topology {7}measure \d+\.\d ms {2}layout \d+\.\d ms {2}render \d+\.\d ms {2}write \d+\.\d ms$/,
    );
    expect(lines.some((l) => l.startsWith('timings process: '))).toBe(true);
    // html and print are the review pack's stages; a diagram has every other one.
    const diagramStages = STAGES.filter((s) => s !== 'html' && s !== 'print');
    expect(diagramStages.length).toBe(STAGES.length - 2);
    expect(diagramStages.filter((s) => !r.stderr.includes(` ${s} `))).toEqual([]);

    const quiet = spawnSync(process.execPath, args, { cwd: repo, encoding: 'utf8', timeout: 60_000 });
    expect(quiet.status).toBe(0);
    expect(quiet.stderr).not.toContain('timings');
  });
});
