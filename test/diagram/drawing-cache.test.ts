/**
 * The drawing cache of review packs (src/diagram/drawing-cache.ts): a design's pack pictures are read back only for
 * the same model, findings, options, icons and aksnet code, byte for byte what drawing them gives.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import {
  MAX_ENTRIES,
  cachedDrawings,
  codeSalt,
  drawingCacheStats,
  drawingKey,
  pruneDrawings,
  treeDigest,
  useDrawingCache,
} from '../../src/diagram/drawing-cache.js';
import { renderPackDiagrams, type PackDiagram } from '../../src/diagram/pack-views.js';
import { layoutCacheStats } from '../../src/layout/cache.js';
import { loadArchitecture } from '../../src/load/load-architecture.js';
import type { Model } from '../../src/model/types.js';
import type { Finding } from '../../src/validate/finding.js';

const examples = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'examples');
const scratch = mkdtempSync(join(tmpdir(), 'aksnet-drawing-cache-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
let n = 0;
const freshDir = () => join(scratch, `cache-${n++}`);

let modelD: Model | undefined;
const loadD = async () => (modelD ??= (await loadArchitecture(join(examples, 'd-legacy-agic-kubenet.ts'))).model);
const copy = <T>(x: T): T => JSON.parse(JSON.stringify(x)) as T;

/** A drawing function that counts its calls and gives a distinct, recognisable result per call. */
function counting() {
  const calls = { n: 0 };
  const draw = (): Promise<PackDiagram[]> => {
    calls.n++;
    return Promise.resolve([
      { view: 'topology', title: `drawn ${calls.n}`, svg: `<svg data-call="${calls.n}"/>`, width: 10, height: 20 },
    ]);
  };
  return { calls, draw };
}

const finding = (id: string): Finding =>
  ({ ruleId: id, severity: 'warning', message: `m ${id}`, resource: 'vnet-hub', pillar: 'reliability' }) as unknown as Finding;

describe('drawing cache keys', () => {
  it('is the same for the same design and options, and differs when the model, the findings or the paper differ', async () => {
    const m = await loadD();
    const base = await drawingKey(m, { views: ['topology'], paper: 'a4', metadata: false });
    expect(await drawingKey(copy(m), { views: ['topology'], paper: 'a4', metadata: false })).toBe(base);
    const renamed = copy(m);
    renamed.metadata.title = `${renamed.metadata.title} (v2)`;
    expect(await drawingKey(renamed, { views: ['topology'], paper: 'a4', metadata: false })).not.toBe(base);
    expect(await drawingKey(m, { views: ['topology'], paper: 'letter', metadata: false })).not.toBe(base);
    expect(await drawingKey(m, { views: ['topology', 'egress'], paper: 'a4', metadata: false })).not.toBe(base);
    expect(await drawingKey(m, { views: ['topology'], paper: 'a4', metadata: false, findings: [finding('A')] })).not.toBe(base);
    expect(await drawingKey(m, { views: ['topology'], paper: 'a4', metadata: false, findings: [finding('A')] })).not.toBe(
      await drawingKey(m, { views: ['topology'], paper: 'a4', metadata: false, findings: [finding('B')] }),
    );
  });

  it('reads an icon pack by its icons: two folders with the same icons share a key, a changed icon does not', async () => {
    const m = await loadD();
    const icon = (fill: string) => `<svg viewBox="0 0 24 24"><rect width="24" height="24" fill="${fill}"/></svg>`;
    const pack = (name: string, fill: string) => {
      const dir = join(scratch, name);
      mkdirSync(dir, { recursive: true });
      writeFileSync(join(dir, 'azureFirewall.svg'), icon(fill));
      return dir;
    };
    const a = await drawingKey(m, { iconPack: pack('icons-a', '#ff0000') });
    const b = await drawingKey(m, { iconPack: pack('icons-b', '#ff0000') });
    const c = await drawingKey(m, { iconPack: pack('icons-c', '#00ff00') });
    const none = await drawingKey(m, {});
    expect(b).toBe(a);
    expect(c).not.toBe(a);
    expect(none).not.toBe(a);
  });

  it('salts every key with the code it runs: one byte, a new file or a renamed file changes the digest', () => {
    expect(codeSalt()).toMatch(/^[0-9a-f]{64}$/);
    const tree = join(scratch, 'tree');
    mkdirSync(join(tree, 'code', 'render'), { recursive: true });
    mkdirSync(join(tree, 'assets'), { recursive: true });
    writeFileSync(join(tree, 'code', 'render', 'svg.js'), 'export const a = 1;');
    writeFileSync(join(tree, 'assets', 'font.ttf'), 'glyphs');
    const digest = () => treeDigest([join(tree, 'code'), join(tree, 'assets')], tree);
    const base = digest();
    expect(digest()).toBe(base);
    // Declarations and source maps draw nothing.
    writeFileSync(join(tree, 'code', 'render', 'svg.d.ts'), 'export declare const a: number;');
    writeFileSync(join(tree, 'code', 'render', 'svg.js.map'), '{}');
    expect(digest()).toBe(base);
    writeFileSync(join(tree, 'code', 'render', 'svg.js'), 'export const a = 2;');
    const edited = digest();
    expect(edited).not.toBe(base);
    writeFileSync(join(tree, 'assets', 'icon.svg'), '<svg/>');
    const added = digest();
    expect(added).not.toBe(edited);
    renameSync(join(tree, 'assets', 'icon.svg'), join(tree, 'assets', 'icon2.svg'));
    expect(digest()).not.toBe(added);
  });
});

describe('cachedDrawings', () => {
  it('draws once, then reads the stored pictures back equal to the drawn ones', async () => {
    const m = await loadD();
    const dir = freshDir();
    const { calls, draw } = counting();
    const first = await cachedDrawings(m, { paper: 'a4' }, draw, dir);
    const hits = drawingCacheStats().hits;
    const second = await cachedDrawings(m, { paper: 'a4' }, draw, dir);
    expect(calls.n).toBe(1);
    expect(second).toEqual(first);
    expect(drawingCacheStats().hits).toBe(hits + 1);
    // Another paper is another entry.
    const letter = await cachedDrawings(m, { paper: 'letter' }, draw, dir);
    expect(calls.n).toBe(2);
    expect(letter[0]!.title).toBe('drawn 2');
    expect(readdirSync(dir).filter((f) => f.endsWith('.json'))).toHaveLength(2);
  });

  it('draws every time when no folder is set, and writes nothing', async () => {
    const m = await loadD();
    useDrawingCache(undefined);
    const { calls, draw } = counting();
    await cachedDrawings(m, {}, draw);
    await cachedDrawings(m, {}, draw);
    expect(calls.n).toBe(2);
  });

  it('treats an unreadable or foreign entry as a miss and replaces it', async () => {
    const m = await loadD();
    const dir = freshDir();
    const { calls, draw } = counting();
    await cachedDrawings(m, {}, draw, dir);
    const file = join(dir, readdirSync(dir).find((f) => f.endsWith('.json'))!);
    for (const bad of ['{"format":1,"diagrams":', '{"format":999,"diagrams":[]}', '[]']) {
      writeFileSync(file, bad);
      const again = await cachedDrawings(m, {}, draw, dir);
      expect(again[0]!.title).toBe(`drawn ${calls.n}`);
      expect(JSON.parse(readFileSync(file, 'utf8')).diagrams[0].title).toBe(`drawn ${calls.n}`);
    }
    expect(calls.n).toBe(4);
  });

  it(`keeps the ${MAX_ENTRIES} entries used last`, async () => {
    const m = await loadD();
    const dir = freshDir();
    const { draw } = counting();
    const titled = (i: number) => ({ ...copy(m), metadata: { ...m.metadata, title: `design ${i}` } });
    // Entries written at distinct, increasing times (a second apart), the first one used again last of all.
    const stamp = (i: number) => new Date(Date.UTC(2026, 0, 1, 0, 0, i));
    const files: string[] = [];
    for (let i = 0; i < MAX_ENTRIES + 3; i++) {
      await cachedDrawings(titled(i), {}, draw, dir);
      const file = join(dir, `${await drawingKey(titled(i), {})}.json`);
      files.push(file);
      if (i === 0) continue;
      utimesSync(file, stamp(i), stamp(i));
      // A hit on the first entry counts as a use: it is the newest then.
      if (i === MAX_ENTRIES) utimesSync(files[0]!, stamp(1000), stamp(1000));
    }
    const kept = new Set(readdirSync(dir).filter((f) => f.endsWith('.json')).map((f) => join(dir, f)));
    expect(kept.size).toBe(MAX_ENTRIES);
    expect(kept.has(files[0]!)).toBe(true);
    // The oldest ones used (1, 2, 3; written before the first was used again) went.
    expect(kept.has(files[1]!)).toBe(false);
    expect(kept.has(files[2]!)).toBe(false);
    expect(kept.has(files[MAX_ENTRIES + 2]!)).toBe(true);
  });
});

describe('pruneDrawings', () => {
  /** Entries of the given sizes, the first used last (newest). */
  const folder = (sizes: number[]) => {
    const dir = freshDir();
    mkdirSync(dir, { recursive: true });
    sizes.forEach((size, i) => {
      const file = join(dir, `${String(i).padStart(2, '0')}.json`);
      writeFileSync(file, 'x'.repeat(size));
      const t = new Date(Date.UTC(2026, 0, 1, 0, 0, 100 - i));
      utimesSync(file, t, t);
    });
    writeFileSync(join(dir, 'kept.json.123.tmp'), 'x');
    return dir;
  };
  const left = (dir: string) => readdirSync(dir).sort();

  it('keeps the entries used last within the byte bound, and always the newest', () => {
    const dir = folder([40, 30, 20, 10]);
    // 40 + 30 = 70 fits 75; with the third (90) it would not: the third and everything older go.
    pruneDrawings(dir, 64, 75);
    expect(left(dir)).toEqual(['00.json', '01.json', 'kept.json.123.tmp']);
    const big = folder([500, 1]);
    pruneDrawings(big, 64, 100);
    expect(left(big)).toEqual(['00.json', 'kept.json.123.tmp']);
    // At the bound exactly, all stay.
    const exact = folder([50, 50]);
    pruneDrawings(exact, 64, 100);
    expect(left(exact)).toEqual(['00.json', '01.json', 'kept.json.123.tmp']);
  });

  it('keeps at most the given number of entries', () => {
    const dir = folder([1, 1, 1, 1]);
    pruneDrawings(dir, 3, 1000);
    expect(left(dir)).toEqual(['00.json', '01.json', '02.json', 'kept.json.123.tmp']);
  });
});

describe('renderPackDiagrams through the drawing cache', () => {
  it('gives the pictures drawing gives, and a second pack lays out and draws nothing', async () => {
    const m = await loadD();
    const opts = { paper: 'a4' as const, metadata: false };
    useDrawingCache(undefined);
    const drawn = await renderPackDiagrams(m, opts);
    useDrawingCache(freshDir());
    try {
      const stored = await renderPackDiagrams(m, opts);
      expect(JSON.stringify(stored)).toBe(JSON.stringify(drawn));
      const layouts = layoutCacheStats();
      const hits = drawingCacheStats().hits;
      const read = await renderPackDiagrams(m, opts);
      expect(drawingCacheStats().hits).toBe(hits + 1);
      expect(layoutCacheStats()).toEqual(layouts);
      expect(JSON.stringify(read)).toBe(JSON.stringify(drawn));
      expect(read.map((d) => d.view)).toEqual(drawn.map((d) => d.view));
      // A changed design is drawn again: its new name is in the pictures.
      const renamed = copy(m);
      const vnet = renamed.resources.find((r) => r.kind === 'vnet')!;
      const old = vnet.name;
      vnet.name = `${old}-renamed`;
      const changed = await renderPackDiagrams(renamed, opts);
      expect(changed.some((d) => d.svg.includes(`${old}-renamed`))).toBe(true);
      expect(read.some((d) => d.svg.includes(`${old}-renamed`))).toBe(false);
    } finally {
      useDrawingCache(undefined);
    }
  });
});
