/**
 * `aksnet diagram --view overview` on a design whose whole overview does not print on one A4 landscape page at 6 pt
 * and has several regions: one more SVG (or PNG) per region beside the whole one, listed after it; none otherwise.
 */
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { XMLValidator } from 'fast-xml-parser';
import { afterAll, describe, expect, it } from 'vitest';
import { Command, CommanderError } from 'commander';
import { register } from '../../src/cli/commands/diagram-command.js';
import { fitsLandscapePage } from '../../src/diagram/overview-pack.js';
import { AksnetError } from '../../src/shared/errors.js';
import { overviewRegionFiles } from '../../src/workflow/output-names.js';

/** The diagram command as main.ts registers it; what it prints on stdout is returned. */
async function run(args: string[]): Promise<{ code: number; stdout: string[] }> {
  const p = new Command('aksnet').exitOverride().configureOutput({ writeErr: () => undefined, writeOut: () => undefined });
  register(p);
  const stdout: string[] = [];
  const write = process.stdout.write;
  process.stdout.write = ((s: string) => (stdout.push(...s.split('\n').filter(Boolean)), true)) as typeof write;
  try {
    await p.parseAsync(args, { from: 'user' });
    return { code: (p.getOptionValue('exit') as number | undefined) ?? 0, stdout };
  } catch (e) {
    if (e instanceof CommanderError) return { code: 2, stdout };
    if (e instanceof AksnetError) return { code: e.exitCode, stdout };
    throw e;
  } finally {
    process.stdout.write = write;
  }
}

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const example = (name: string) => join(root, 'examples', name);
/** g with a third regional stamp: the whole overview does not print on one page at 6 pt (g's own now does). */
const three = join(root, 'test', 'fixtures', 'three-region-stamps.ts');
const REGIONS = ['westeurope', 'northeurope', 'swedencentral'] as const;
const VNETS = ['vnet-bookings-weu', 'vnet-bookings-neu', 'vnet-bookings-swc'] as const;
const dirs: string[] = [];
const tmp = () => {
  const d = mkdtempSync(join(tmpdir(), 'aksnet-overview-regions-'));
  dirs.push(d);
  return d;
};
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

/** Width, height and text of a written SVG, for the page-fit measure. */
const picture = (path: string) => {
  const svg = readFileSync(path, 'utf8');
  const m = /<svg\b[^>]*\swidth="([\d.]+)"[^>]*\sheight="([\d.]+)"/.exec(svg)!;
  return { svg, width: Number(m[1]), height: Number(m[2]) };
};

describe('aksnet diagram --view overview: region pages', () => {
  it('writes one overview per region beside a whole that does not fit a page, listed after it', async () => {
    const out = tmp();
    const r = await run(['diagram', three, '--view', 'all', '-o', out]);
    expect(r.code).toBe(0);
    const whole = join(out, 'three-region-stamps.overview.svg');
    const pages = REGIONS.map((x) => join(out, `three-region-stamps.overview.region-${x}.svg`));
    expect(r.stdout.slice(0, 4)).toEqual([whole, ...pages]);
    expect(r.stdout).toHaveLength(8);
    expect(readdirSync(out).sort()).toEqual(r.stdout.map((p) => p.slice(out.length + 1)).sort());
    // The whole one is why the pages exist; each page prints on one A4 landscape page at 6 pt or more.
    expect(fitsLandscapePage(picture(whole))).toBe(false);
    pages.forEach((path, i) => {
      const p = picture(path);
      expect(XMLValidator.validate(p.svg), path).toBe(true);
      expect(fitsLandscapePage(p), path).toBe(true);
      // Drawn as the standalone whole is (its header, naming the region), with its own region and not the others.
      expect(p.svg).toMatch(/Version 1\.0\.0/);
      expect(p.svg).toContain(`region ${REGIONS[i]}</text>`);
      for (const v of VNETS) {
        if (v === VNETS[i]) expect(p.svg).toContain(`data-element="vnet:${v}"`);
        else expect(p.svg).not.toContain(`data-element="vnet:${v}"`);
      }
    });
  }, 120_000);

  it('writes the two-region g whole, with no region pages: it prints on one page at 6 pt', async () => {
    const out = tmp();
    const r = await run(['diagram', example('g-two-region-stamps.ts'), '--view', 'overview', '-o', out]);
    expect(r.code).toBe(0);
    expect(readdirSync(out)).toEqual(['g-two-region-stamps.overview.svg']);
    expect(fitsLandscapePage(picture(join(out, 'g-two-region-stamps.overview.svg')))).toBe(true);
  }, 120_000);

  it('writes PNG region pages with --format png', async () => {
    const out = tmp();
    const r = await run(['diagram', three, '--view', 'overview', '--format', 'png', '-o', out]);
    expect(r.code).toBe(0);
    expect(r.stdout.map((p) => p.slice(out.length + 1))).toEqual([
      'three-region-stamps.overview.png',
      ...REGIONS.map((x) => `three-region-stamps.overview.region-${x}.png`),
    ]);
    for (const p of r.stdout) expect(readFileSync(p).subarray(1, 4).toString()).toBe('PNG');
  }, 120_000);

  it('writes no region pages for a single-region design, nor for views other than the overview', async () => {
    const out = tmp();
    const r = await run(['diagram', example('a-hub-spoke-baseline.ts'), '--view', 'overview', '-o', out]);
    expect(r.code).toBe(0);
    expect(readdirSync(out)).toEqual(['a-hub-spoke-baseline.overview.svg']);
    const out2 = tmp();
    expect((await run(['diagram', example('g-two-region-stamps.ts'), '--view', 'ingress', '-o', out2])).code).toBe(0);
    expect(readdirSync(out2)).toEqual(['g-two-region-stamps.ingress.svg']);
  }, 120_000);

  it('removes region pages an earlier run wrote once the overview no longer has them, and nothing else', async () => {
    const out = tmp();
    const stale = join(out, 'a-hub-spoke-baseline.overview.region-westeurope.svg');
    const other = join(out, 'a-hub-spoke-baseline.overview.region-westeurope.png');
    const mine = join(out, 'notes.overview.region-westeurope.svg');
    for (const p of [stale, other, mine]) writeFileSync(p, 'x');
    const r = await run(['diagram', example('a-hub-spoke-baseline.ts'), '--view', 'overview', '-o', out]);
    expect(r.code).toBe(0);
    // Only the SVG region page of this design goes: a PNG (another format) and another design's file stay.
    expect(readdirSync(out).sort()).toEqual([
      'a-hub-spoke-baseline.overview.region-westeurope.png',
      'a-hub-spoke-baseline.overview.svg',
      'notes.overview.region-westeurope.svg',
    ]);
    // A design that has region pages keeps them when it is drawn again.
    await run(['diagram', three, '--view', 'overview', '-o', out]);
    expect(existsSync(join(out, 'three-region-stamps.overview.region-westeurope.svg'))).toBe(true);
  }, 120_000);

  it('names region files safely and distinctly', () => {
    expect(overviewRegionFiles('eu/prod', ['westeurope', 'northeurope'], 'svg')).toEqual([
      'eu/prod.overview.region-westeurope.svg',
      'eu/prod.overview.region-northeurope.svg',
    ]);
    expect(overviewRegionFiles('p', ['../West Europe', 'west-europe', '***'], 'png')).toEqual([
      'p.overview.region-west-europe.png',
      'p.overview.region-west-europe-2.png',
      'p.overview.region-region.png',
    ]);
  });
});
