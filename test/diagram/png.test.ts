/** `aksnet diagram --format png`: PNG from the same SVG through resvg, no browser involved. */
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { Command, CommanderError } from 'commander';
import { register } from '../../src/cli/commands/diagram-command.js';
import { pngScale } from '../../src/cli/commands/diagram.js';
import { AksnetError } from '../../src/shared/errors.js';
import { svgToPng } from '../../src/render/png.js';

async function run(args: string[]): Promise<number> {
  const p = new Command('aksnet').exitOverride().configureOutput({ writeErr: () => undefined, writeOut: () => undefined });
  register(p);
  try {
    await p.parseAsync(args, { from: 'user' });
    return (p.getOptionValue('exit') as number | undefined) ?? 0;
  } catch (e) {
    if (e instanceof CommanderError) return 2;
    if (e instanceof AksnetError) return e.exitCode;
    throw e;
  }
}

/** Width and height from a PNG's IHDR chunk. */
function pngSize(b: Uint8Array): { width: number; height: number } {
  const v = new DataView(b.buffer, b.byteOffset, b.byteLength);
  return { width: v.getUint32(16), height: v.getUint32(20) };
}
const PNG_MAGIC = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const example = join(root, 'examples', 'a-hub-spoke-baseline.ts');
const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('PNG export', () => {
  it('renders text with the vendored font, at the requested scale, the same bytes every time', async () => {
    const svg =
      '<svg xmlns="http://www.w3.org/2000/svg" width="200" height="50" font-family="DejaVu Sans">' +
      '<rect x="1" y="1" width="198" height="48" fill="#fff" stroke="#000"/><text x="10" y="30" font-size="16">aksnet</text></svg>';
    const a = await svgToPng(svg, 2);
    expect([...a.slice(0, 8)]).toEqual(PNG_MAGIC);
    expect(pngSize(a)).toEqual({ width: 400, height: 100 });
    expect(Buffer.from(await svgToPng(svg, 2)).equals(Buffer.from(a))).toBe(true);
    // The text is drawn: the image differs from the same SVG without it.
    const blank = await svgToPng(svg.replace(/<text[^]*<\/text>/, ''), 2);
    expect(Buffer.from(blank).equals(Buffer.from(a))).toBe(false);
    await expect(svgToPng(svg, 0)).rejects.toThrow(RangeError);
  });

  it('writes one PNG per view with --format png --scale, sized from the SVG', async () => {
    const out = mkdtempSync(join(tmpdir(), 'aksnet-png-'));
    dirs.push(out);
    expect(await run(['diagram', example, '--format', 'png', '--scale', '1.5', '-o', out, '--view', 'ingress'])).toBe(0);
    const svgOut = mkdtempSync(join(tmpdir(), 'aksnet-png-svg-'));
    dirs.push(svgOut);
    expect(await run(['diagram', example, '-o', svgOut, '--view', 'ingress'])).toBe(0);
    expect(readdirSync(out)).toEqual(['a-hub-spoke-baseline.ingress.png']);
    const svg = readFileSync(join(svgOut, 'a-hub-spoke-baseline.ingress.svg'), 'utf8');
    const [, w, h] = /<svg\b[^>]*\swidth="([\d.]+)" height="([\d.]+)"/.exec(svg)!;
    const png = new Uint8Array(readFileSync(join(out, 'a-hub-spoke-baseline.ingress.png')));
    expect([...png.slice(0, 8)]).toEqual(PNG_MAGIC);
    const size = pngSize(png);
    expect(Math.abs(size.width - Number(w) * 1.5)).toBeLessThanOrEqual(1);
    expect(Math.abs(size.height - Number(h) * 1.5)).toBeLessThanOrEqual(1);
  });

  it('rejects a scale that is not a number in (0, 8] as a usage error', async () => {
    expect(pngScale(undefined)).toBe(2);
    expect(pngScale('8')).toBe(8);
    for (const bad of ['0', '8.5', 'abc', '-1', '']) expect(() => pngScale(bad), bad).toThrow(/--scale/);
    expect(await run(['diagram', example, '--format', 'png', '--scale', 'abc', '-o', tmpdir()])).toBe(2);
    expect(await run(['diagram', example, '--format', 'gif'])).toBe(2);
  });
});
