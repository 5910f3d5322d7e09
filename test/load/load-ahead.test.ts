/**
 * Loading ahead (load-module.ts): a watch session bundles and evaluates the design it last loaded when a change
 * event comes, and the run after the debounce takes that result; any later event drops it.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { dropLoadsAhead, loadAhead, loadModule, startLoadRecord } from '../../src/load/load-module.js';
import { AksnetError } from '../../src/shared/errors.js';

const dir = mkdtempSync(join(tmpdir(), 'aksnet-load-ahead-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const design = (title: string) => `import { defineArchitecture, vnet, subnet } from 'aksnet';
const nodes = subnet({ name: 'snet-nodes', cidr: '10.1.0.0/24' });
export default defineArchitecture({
  metadata: { title: '${title}' },
  network: { vnets: [vnet({ name: 'vnet', region: 'westeurope', addressSpace: ['10.1.0.0/16'], subnets: [nodes] })] },
  clusters: [],
});
`;

const titleOf = async (file: string) =>
  ((await loadModule(file)).value as { metadata: { title: string } }).metadata.title;

/** Lets a load started ahead read its file and finish (it is bundled and evaluated in the background). */
const settle = () => new Promise((r) => setTimeout(r, 1500));

beforeEach(() => {
  dropLoadsAhead();
});

describe('loadAhead', () => {
  it('loads the design the last run loaded, and the next load takes that result', async () => {
    const f = join(dir, 'a.ts');
    writeFileSync(f, design('v1'));
    startLoadRecord();
    expect(await titleOf(f)).toBe('v1');
    writeFileSync(f, design('v2'));
    loadAhead();
    await settle();
    // Written after the load ahead read the file, with no event in between: the load ahead's result is used
    // (the event that comes with a real save would have dropped it).
    writeFileSync(f, design('v3'));
    startLoadRecord();
    expect(await titleOf(f)).toBe('v2');
    // Taken once: the next load reads the file again.
    expect(await titleOf(f)).toBe('v3');
  });

  it('a change event drops what was loaded ahead before it', async () => {
    const f = join(dir, 'b.ts');
    writeFileSync(f, design('v1'));
    startLoadRecord();
    await titleOf(f);
    writeFileSync(f, design('v2'));
    loadAhead();
    await settle();
    writeFileSync(f, design('v3'));
    dropLoadsAhead();
    startLoadRecord();
    expect(await titleOf(f)).toBe('v3');
  });

  it('a second load ahead while one is kept does not replace it, so an event must drop it first', async () => {
    const f = join(dir, 'c.ts');
    writeFileSync(f, design('v1'));
    startLoadRecord();
    await titleOf(f);
    writeFileSync(f, design('v2'));
    loadAhead();
    await settle();
    writeFileSync(f, design('v3'));
    loadAhead();
    expect(await titleOf(f)).toBe('v2');
    writeFileSync(f, design('v4'));
    dropLoadsAhead();
    loadAhead();
    await settle();
    writeFileSync(f, design('v5'));
    expect(await titleOf(f)).toBe('v4');
  });

  it('loads nothing ahead after a run that loaded two designs alone', async () => {
    const f = join(dir, 'd1.ts');
    const g = join(dir, 'd2.ts');
    writeFileSync(f, design('f1'));
    writeFileSync(g, design('g1'));
    startLoadRecord();
    await titleOf(f);
    await titleOf(g);
    writeFileSync(f, design('f2'));
    loadAhead();
    await settle();
    writeFileSync(f, design('f3'));
    expect(await titleOf(f)).toBe('f3');
  });

  it("a load ahead that fails gives the load its error, with the design's line and column", async () => {
    const f = join(dir, 'e.ts');
    writeFileSync(f, design('ok'));
    startLoadRecord();
    await titleOf(f);
    writeFileSync(f, `${design('broken')}\nconst x = ;\n`);
    loadAhead();
    await settle();
    // Mended with no event in between: the error is the load ahead's, as the broken file gave it.
    writeFileSync(f, design('mended'));
    const e = await loadModule(f).then(
      () => undefined,
      (x: unknown) => x,
    );
    expect(e).toBeInstanceOf(AksnetError);
    expect((e as AksnetError).format()).toMatch(/e\.ts:9:11 - error: Unexpected ";"/);
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
