/**
 * Loading ahead (load-module.ts): a watch session bundles and evaluates the design it last loaded when a change
 * event comes, and the run after the debounce takes that result, unless a later event dropped it or a file it read
 * was written since it started.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { minimalDesign } from '../helpers/minimal-design.js';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { dropLoadsAhead, loadAhead, loadAheadStats, loadModule, startLoadRecord } from '../../src/load/load-module.js';
import { AksnetError } from '../../src/shared/errors.js';

const dir = mkdtempSync(join(tmpdir(), 'aksnet-load-ahead-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const design = minimalDesign;

const titleOf = async (file: string) =>
  ((await loadModule(file)).value as { metadata: { title: string } }).metadata.title;

/** Lets a load started ahead read its file and finish (it is bundled and evaluated in the background). */
const settle = () => new Promise((r) => setTimeout(r, 1500));

beforeEach(() => {
  dropLoadsAhead();
});

/** A design loaded once by a run (what loadAhead repeats), then saved again as `next`. */
async function savedAgain(name: string, next: string): Promise<string> {
  const f = join(dir, name);
  writeFileSync(f, design('v1'));
  startLoadRecord();
  await titleOf(f);
  writeFileSync(f, next);
  return f;
}

describe('loadAhead', () => {
  it('loads the design the last run loaded, and the next load takes that result', async () => {
    const f = await savedAgain('a.ts', design('v2'));
    const before = loadAheadStats();
    loadAhead();
    await settle();
    startLoadRecord();
    expect(await titleOf(f)).toBe('v2');
    expect(loadAheadStats()).toEqual({ started: before.started + 1, taken: before.taken + 1, stale: before.stale });
    // Taken once: the next load reads the file again.
    writeFileSync(f, design('v3, read again'));
    expect(await titleOf(f)).toBe('v3, read again');
  });

  it('a write after the load ahead started, with no change event, makes it stale: the file is read again', async () => {
    const f = await savedAgain('b.ts', design('v2'));
    const before = loadAheadStats();
    loadAhead();
    await settle();
    writeFileSync(f, design('v3, written later'));
    expect(await titleOf(f)).toBe('v3, written later');
    expect(loadAheadStats()).toEqual({ started: before.started + 1, taken: before.taken, stale: before.stale + 1 });
  });

  it('a write to a helper the design imports makes the load ahead stale too', async () => {
    const helper = join(dir, 'naming.ts');
    const f = join(dir, 'c.ts');
    writeFileSync(helper, "export const title = 'h1';\n");
    writeFileSync(f, design('x').replace('"x"', 'title').replace("from 'aksnet';", "from 'aksnet';\nimport { title } from './naming.js';"));
    startLoadRecord();
    expect(await titleOf(f)).toBe('h1');
    writeFileSync(helper, "export const title = 'h2';\n");
    loadAhead();
    await settle();
    writeFileSync(helper, "export const title = 'h3, later';\n");
    expect(await titleOf(f)).toBe('h3, later');
  });

  it('a change event drops what was loaded ahead before it', async () => {
    const f = await savedAgain('d.ts', design('v2'));
    const before = loadAheadStats();
    loadAhead();
    dropLoadsAhead();
    expect(await titleOf(f)).toBe('v2');
    expect(loadAheadStats().taken).toBe(before.taken);
  });

  it('loads nothing ahead after a run that loaded two designs alone', async () => {
    const f = join(dir, 'e1.ts');
    const g = join(dir, 'e2.ts');
    writeFileSync(f, design('f1'));
    writeFileSync(g, design('g1'));
    startLoadRecord();
    await titleOf(f);
    await titleOf(g);
    const before = loadAheadStats();
    loadAhead();
    expect(loadAheadStats().started).toBe(before.started);
  });

  it("a load ahead that fails gives the load its error, with the design's line and column", async () => {
    const f = await savedAgain('f.ts', `${design('broken')}\nconst x = ;\n`);
    const before = loadAheadStats();
    loadAhead();
    await settle();
    const e = await loadModule(f).then(
      () => undefined,
      (x: unknown) => x,
    );
    expect(loadAheadStats().taken).toBe(before.taken + 1);
    expect(e).toBeInstanceOf(AksnetError);
    expect((e as AksnetError).format()).toMatch(/f\.ts:9:11 - error: Unexpected ";"/);
  });

  it('a failed load ahead whose file was mended since is not used', async () => {
    const f = await savedAgain('g.ts', `${design('broken')}\nconst x = ;\n`);
    loadAhead();
    await settle();
    writeFileSync(f, design('mended'));
    expect(await titleOf(f)).toBe('mended');
  });

  it('a deleted design is not loaded ahead: the run reports it missing', async () => {
    const f = join(dir, 'gone.ts');
    writeFileSync(f, design('here'));
    startLoadRecord();
    await titleOf(f);
    rmSync(f);
    loadAhead();
    await expect(loadModule(f)).rejects.toThrow(/file not found/);
  });
});
