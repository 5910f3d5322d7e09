/**
 * Which file events start a watch run (src/workflow/source-watch.ts). chokidar alone reports at most one change per
 * file in 50 ms: a save whose second part came 20–50 ms after its first was lost. These tests write real files and
 * wait for real events.
 */
import { closeSync, mkdirSync, mkdtempSync, openSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { rawEchoes, watchSources, type SourceWatcher } from '../../src/workflow/source-watch.js';
import { sleep } from '../helpers/wait.js';

const dir = mkdtempSync(join(tmpdir(), 'aksnet-source-watch-'));
const outside = mkdtempSync(join(tmpdir(), 'aksnet-source-watch-outside-'));
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
  rmSync(outside, { recursive: true, force: true });
});

/** A watcher that records each report with the time it came, relative to `mark()` (or to the start of `after`). */
async function recorder(roots: string[], inputs: string[] = []) {
  const events: Array<{ at: number; relevant: boolean }> = [];
  let t0 = performance.now();
  const w: SourceWatcher = await watchSources({
    roots,
    isInput: (abs) => inputs.includes(abs),
    onEvents: (relevant) => events.push({ at: performance.now() - t0, relevant }),
  });
  const mark = () => {
    events.length = 0;
    t0 = performance.now();
  };
  /** The reports that came within `ms` of `op`. */
  const after = async (op: () => void, ms = 200) => {
    mark();
    op();
    await sleep(ms);
    return [...events];
  };
  return { w, events, mark, after };
}

describe('watchSources', () => {
  it('reports the second part of a save written 30 ms after the first, which chokidar alone holds back', async () => {
    const f = join(dir, 'two-parts.ts');
    writeFileSync(f, 'export const a = 1;\n');
    const r = await recorder([dir]);
    try {
      r.mark();
      const fd = openSync(f, 'w');
      writeSync(fd, 'export const a = "half');
      await sleep(30);
      r.events.filter((e) => e.relevant).forEach((e) => expect(e.at).toBeLessThan(30));
      const firstPart = r.events.filter((e) => e.relevant).length;
      expect(firstPart).toBeGreaterThan(0);
      writeSync(fd, ' and the rest";\n');
      closeSync(fd);
      await sleep(200);
      // A report after the second part: the run it starts reads the whole file.
      expect(r.events.filter((e) => e.relevant && e.at >= 30).length).toBeGreaterThan(0);
    } finally {
      await r.w.close();
    }
  });

  it('counts source files and inputs as relevant, other files only as events, and nothing under node_modules', async () => {
    mkdirSync(join(dir, 'node_modules/pkg'), { recursive: true });
    mkdirSync(join(dir, 'sub'), { recursive: true });
    const helper = join(outside, 'helper.ts');
    const note = join(outside, 'notes.txt');
    writeFileSync(helper, 'export const h = 1;\n');
    writeFileSync(note, 'a note\n');
    const r = await recorder([dir], [helper, note]);
    try {
      const after = async (write: () => void) => {
        r.mark();
        write();
        await sleep(200);
        return { any: r.events.length > 0, relevant: r.events.some((e) => e.relevant) };
      };
      // Outputs beside the designs: an event (a design might read the file), but no run.
      expect(await after(() => writeFileSync(join(dir, 'design.overview.svg'), '<svg/>'))).toEqual({ any: true, relevant: false });
      expect(await after(() => writeFileSync(join(dir, 'sub/new.mts'), 'export {};\n'))).toEqual({ any: true, relevant: true });
      expect(await after(() => writeFileSync(join(dir, 'data.json'), '{}'))).toEqual({ any: true, relevant: true });
      expect(await after(() => writeFileSync(join(dir, 'node_modules/pkg/index.js'), ''))).toEqual({ any: false, relevant: false });
      // A file outside the folders counts once it is watched, whatever its name.
      expect(await after(() => writeFileSync(note, 'changed\n'))).toEqual({ any: false, relevant: false });
      // Once add() has resolved, the very next write is seen: no wait (chokidar attaches a folder added to a running
      // watcher some milliseconds after its add() returns, and a CI run under load lost the save in between).
      await r.w.add([helper, note]);
      expect(await after(() => writeFileSync(note, 'changed again\n'))).toEqual({ any: true, relevant: true });
      expect(await after(() => writeFileSync(helper, 'export const h = 2;\n'))).toEqual({ any: true, relevant: true });
      // Another file beside an input: watched with its folder, but not an input.
      expect((await after(() => writeFileSync(join(outside, 'unrelated.ts'), 'export {};\n'))).relevant).toBe(false);
      // An input deleted, then written again: both seen (a file watched alone is forgotten once deleted).
      expect(await after(() => rmSync(helper))).toEqual({ any: true, relevant: true });
      expect(await after(() => writeFileSync(helper, 'export const h = 3;\n'))).toEqual({ any: true, relevant: true });
      expect(await after(() => writeFileSync(helper, 'export const h = 4;\n'))).toEqual({ any: true, relevant: true });
    } finally {
      await r.w.close();
    }
  });

  it('reports a save by rename and a deletion', async () => {
    const f = join(dir, 'renamed.ts');
    writeFileSync(f, 'export const a = 1;\n');
    const r = await recorder([dir]);
    try {
      const { renameSync, unlinkSync } = await import('node:fs');
      const renamed = await r.after(() => {
        writeFileSync(join(dir, '.renamed.ts.tmp'), 'export const a = 2;\n');
        renameSync(join(dir, '.renamed.ts.tmp'), f);
      });
      expect(renamed.some((e) => e.relevant)).toBe(true);
      // Saved again after the rename: the watcher follows the new file.
      expect((await r.after(() => writeFileSync(f, 'export const a = 3;\n'))).some((e) => e.relevant)).toBe(true);
      expect((await r.after(() => unlinkSync(f))).some((e) => e.relevant)).toBe(true);
    } finally {
      await r.w.close();
    }
  });

  it('one write is one report, not one per event of the operating system or chokidar', async () => {
    const f = join(dir, 'once.ts');
    writeFileSync(f, 'export const a = 1;\n');
    const r = await recorder([dir]);
    try {
      const counts: number[] = [];
      for (let i = 0; i < 5; i++) counts.push((await r.after(() => writeFileSync(f, `export const a = ${i + 10};\n`), 250)).length);
      // The operating system reports each write four times (the file's watcher and its folder's, twice each) and
      // chokidar once more; batched per turn of the event loop and with chokidar's duplicate dropped, most writes
      // come as one report.
      expect(Math.min(...counts)).toBeGreaterThanOrEqual(1);
      expect(counts.filter((c) => c === 1).length).toBeGreaterThanOrEqual(3);
    } finally {
      await r.w.close();
    }
  });

  it('a deletion is one report, not a second one when chokidar reports it 100 ms later', async () => {
    const r = await recorder([dir]);
    try {
      const counts: number[] = [];
      for (let i = 0; i < 5; i++) {
        const f = join(dir, `deleted-${i}.ts`);
        writeFileSync(f, 'export {};\n');
        await sleep(250);
        counts.push((await r.after(() => rmSync(f), 400)).length);
      }
      expect(Math.min(...counts)).toBeGreaterThanOrEqual(1);
      expect(counts.filter((c) => c === 1).length).toBeGreaterThanOrEqual(3);
    } finally {
      await r.w.close();
    }
  });
});

describe('rawEchoes', () => {
  it("takes chokidar's event for a path as an echo up to 500 ms after a raw event for that path, not after", () => {
    const e = rawEchoes();
    expect(e.isEcho('/d/a.ts', 0)).toBe(false);
    e.raw('/d/a.ts', 1000);
    expect(e.isEcho('/d/a.ts', 1000)).toBe(true);
    expect(e.isEcho('/d/a.ts', 1500)).toBe(true);
    expect(e.isEcho('/d/a.ts', 1500.5)).toBe(false);
    expect(e.isEcho('/d/b.ts', 1001)).toBe(false);
    // A later raw event for the path starts its window again; old paths are forgotten.
    e.raw('/d/a.ts', 1400);
    expect(e.isEcho('/d/a.ts', 1900)).toBe(true);
    e.raw('/d/b.ts', 3000);
    expect(e.isEcho('/d/a.ts', 3000)).toBe(false);
    expect(e.isEcho('/d/b.ts', 3000)).toBe(true);
  });
});
