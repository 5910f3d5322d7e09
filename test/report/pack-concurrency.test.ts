/**
 * A pack's designs are drawn concurrently, their layouts spread over this thread and the layout thread
 * (src/layout/layout-pool.ts): the drawings must be byte for byte those of one design after the other, all
 * on the main thread. Needs the compiled worker entry, so this runs against dist/ as the CLI does.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aksnet, ensureBuilt } from '../hardening/cli.js';
import { installedBrowser } from '../helpers/browser.js';
import type { LayoutRequest, LayoutResult } from '../../src/layout/elk.js';
import type { ReportInput } from '../../src/report/view-model.js';

const repo = resolve(import.meta.dirname, '../..');
const dist = (p: string) => pathToFileURL(join(repo, 'dist/src', p)).href;
type Run = (r: LayoutRequest) => Promise<LayoutResult>;

interface Modules {
  pack: {
    prepareInputs(
      opts: { files: string[]; paper: 'a4'; drawingAtOnce?: number },
      iconPack?: string,
      warnings?: string[],
    ): Promise<ReportInput[]>;
  };
  cache: {
    useLayoutRunner(run: Run | undefined): void;
    useLayoutMemory(n: number): void;
    layoutCacheStats(): { hits: number; misses: number };
  };
  thread: { useLayoutThread(on: boolean): void; layoutPoolStats(): { main: number; worker: number } };
  pool: { warmLayoutThread(): Promise<void> | undefined };
}

// Several designs, one of them (g) with flow views split into parts; g with a third stamp (test/fixtures) has
// overview region pages (g's own overview prints whole).
const files = [
  ...['a-hub-spoke-baseline', 'b-front-door-private-link', 'e-istio-mesh', 'g-two-region-stamps'].map((f) =>
    join(repo, 'examples', `${f}.ts`),
  ),
  join(repo, 'test', 'fixtures', 'three-region-stamps.ts'),
];

/** Every picture of the pack, in order: each view's SVG and its parts'. */
const pictures = (inputs: ReportInput[]) =>
  inputs.flatMap((i) => [
    `design ${i.file}`,
    ...(i.diagrams ?? []).flatMap((d) => [
      `${d.view} ${d.svg}`,
      ...((d as { parts?: Array<{ svg: string }> }).parts ?? []).map((p) => p.svg),
    ]),
  ]);

describe('a pack drawn concurrently', () => {
  let m: Modules;
  beforeAll(async () => {
    ensureBuilt();
    m = {
      pack: (await import(dist('report/pack.js'))) as Modules['pack'],
      cache: (await import(dist('layout/cache.js'))) as Modules['cache'],
      thread: (await import(dist('layout/layout-thread.js'))) as Modules['thread'],
      pool: (await import(dist('layout/layout-pool.js'))) as Modules['pool'],
    };
  });
  afterAll(() => {
    m.cache.useLayoutRunner(undefined);
    m.cache.useLayoutMemory(0);
    m.thread.useLayoutThread(false);
  });

  it('draws the same bytes as one design after the other on the main thread, with the thread doing part of the work', async () => {
    const oneByOne = await m.pack.prepareInputs({ files, paper: 'a4', drawingAtOnce: 1 });

    m.thread.useLayoutThread(true);
    m.cache.useLayoutMemory(256);
    const before = m.thread.layoutPoolStats();
    const warnings: string[] = [];
    const concurrent = await m.pack.prepareInputs({ files, paper: 'a4' }, undefined, warnings);

    expect(concurrent.map((i) => i.file)).toEqual(oneByOne.map((i) => i.file));
    expect(pictures(concurrent)).toEqual(pictures(oneByOne));
    expect(warnings).toEqual([]);
    // The concurrency was real: both ELKs laid out part of the pack.
    const after = m.thread.layoutPoolStats();
    expect(after.worker).toBeGreaterThan(before.worker);
    expect(after.main).toBeGreaterThan(before.main);
  }, 600_000);

  it('warms the layout thread with one throwaway layout when it is on, and not at all when it is off', async () => {
    m.thread.useLayoutThread(false);
    expect(m.pool.warmLayoutThread()).toBeUndefined();
    m.thread.useLayoutThread(true);
    const warm = m.pool.warmLayoutThread();
    expect(warm).toBeInstanceOf(Promise);
    await expect(warm).resolves.toBeUndefined();
  }, 120_000);
});

const browser = installedBrowser();

describe.skipIf(!browser && !process.env.AKSNET_REQUIRE_BROWSER)(
  'a PDF pack of several designs (whole process)',
  () => {
    const work = mkdtempSync(join(tmpdir(), 'aksnet-pack-concurrency-'));
    afterAll(() => {
      rmSync(work, { recursive: true, force: true });
    });

    // Two designs (the smaller ones) keep it cheap; the drawings of all four are compared above.
    it('is the same bytes in two runs without stored layouts, however the layouts were spread', () => {
      ensureBuilt();
      const pack = (run: string): Buffer => {
        // The same file name in a folder per run: a pack prints the name of its full-size SVG folder.
        const out = join(work, run, 'pack.pdf');
        mkdirSync(join(work, run));
        const r = aksnet(['report', ...files.slice(0, 2), '-o', out, '--as-of', '2026-11-23', '--no-config'], repo, {
          env: {
            SOURCE_DATE_EPOCH: '1767225600',
            AKSNET_NO_CACHE: '1',
            ...(browser ? { AKSNET_BROWSER: browser } : {}),
          },
          timeout: 600_000,
        });
        expect(r.code, r.stderr).toBe(0);
        return readFileSync(out);
      };
      const first = pack('one');
      const second = pack('two');
      expect(first.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      expect(first.length).toBe(second.length);
      expect(first.findIndex((b, i) => b !== second[i])).toBe(-1);
    }, 900_000);
  },
);
