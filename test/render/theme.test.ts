/**
 * Themes: the dark palette's text meets WCAG AA on every fill it is drawn on, its line and finding colours stay
 * apart from each other and visible on the background, dark SVGs draw only the dark palette's text and chip
 * colours, and the dark PNG renders without a browser with the dark background. (That light output is unchanged
 * byte for byte is what test/golden proves.)
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderDiagrams } from '../../src/diagram/index.js';
import { loadArchitecture } from '../../src/load/load-architecture.js';
import { svgToPng } from '../../src/render/png.js';
import { contrastPairs, palette, THEMES } from '../../src/render/style.js';

/** WCAG 2.x relative luminance of `#rrggbb`. */
function luminance(hex: string): number {
  const c = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255);
  const lin = c.map((v) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4));
  return 0.2126 * lin[0]! + 0.7152 * lin[1]! + 0.0722 * lin[2]!;
}
function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}
/** CIE76 colour difference in L*a*b* (D65). */
function deltaE(a: string, b: string): number {
  const lab = (hex: string) => {
    const c = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((v) => (v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4));
    const [r, g, bl] = c as [number, number, number];
    const xyz = [
      (0.4124 * r + 0.3576 * g + 0.1805 * bl) / 0.95047,
      0.2126 * r + 0.7152 * g + 0.0722 * bl,
      (0.0193 * r + 0.1192 * g + 0.9505 * bl) / 1.08883,
    ].map((t) => (t > 0.008856 ? Math.cbrt(t) : 7.787 * t + 16 / 116)) as [number, number, number];
    return [116 * xyz[1] - 16, 500 * (xyz[0] - xyz[1]), 200 * (xyz[1] - xyz[2])];
  };
  const [x, y] = [lab(a), lab(b)];
  return Math.hypot(x[0]! - y[0]!, x[1]! - y[1]!, x[2]! - y[2]!);
}

describe('colour themes', () => {
  it('checks contrast the way WCAG does (known values)', () => {
    expect(contrast('#000000', '#FFFFFF')).toBeCloseTo(21, 5);
    expect(contrast('#777777', '#FFFFFF')).toBeCloseTo(4.48, 2);
    expect(contrast('#767676', '#FFFFFF')).toBeGreaterThanOrEqual(4.5);
  });

  it.each(['dark', 'light'] as const)('gives every text of the %s theme at least 4.5:1 on the fill it is drawn on', (name) => {
    const pairs = contrastPairs(palette(name));
    expect(pairs.length).toBeGreaterThan(15);
    for (const p of pairs) expect(contrast(p.text, p.fill), `${p.what}: ${p.text} on ${p.fill}`).toBeGreaterThanOrEqual(4.5);
  });

  it('keeps lines, TLS states and finding severities apart and visible in the dark theme', () => {
    const p = palette('dark');
    const lines = { ...p.edges, plaintext: p.plaintext };
    const keys = Object.keys(lines) as Array<keyof typeof lines>;
    for (const k of keys) expect(contrast(lines[k], p.background), `${k} on background`).toBeGreaterThanOrEqual(3);
    for (let i = 0; i < keys.length; i++)
      for (let j = i + 1; j < keys.length; j++)
        expect(deltaE(lines[keys[i]!], lines[keys[j]!]), `${keys[i]} / ${keys[j]}`).toBeGreaterThanOrEqual(20);
    const sev = Object.values(p.severity);
    for (const s of sev) expect(contrast(s, p.chip), `severity ${s} on chip`).toBeGreaterThanOrEqual(3);
    for (let i = 0; i < sev.length; i++) for (let j = i + 1; j < sev.length; j++) expect(deltaE(sev[i]!, sev[j]!)).toBeGreaterThanOrEqual(20);
    // Plaintext must not read as ingress or as an error badge's colour on a line.
    expect(deltaE(p.plaintext, p.edges.ingress)).toBeGreaterThanOrEqual(40);
  });

  it('offers light and dark, light being the default', () => {
    expect(THEMES).toEqual(['light', 'dark']);
    expect(palette()).toBe(palette('light'));
    expect(palette('light').background.toLowerCase()).toBe('#ffffff');
  });

  it('draws a dark SVG with the dark palette and renders it to PNG without a browser', async () => {
    const { model } = await loadArchitecture(join(import.meta.dirname, '..', '..', 'examples', 'a-hub-spoke-baseline.ts'));
    const [dark] = await renderDiagrams(model, { views: ['overview'], theme: 'dark' });
    const [light] = await renderDiagrams(model, { views: ['overview'] });
    const p = palette('dark');
    const hex = (c: string) => c.toLowerCase();
    expect(dark!.svg).toContain(`fill="${hex(p.background)}"`);
    // Same layout in both themes.
    expect([dark!.width, dark!.height]).toEqual([light!.width, light!.height]);
    // Text is drawn only in the dark palette's text colours (icons carry their own artwork, not text).
    const textFills = new Set([...dark!.svg.matchAll(/<text [^>]*fill="(#[0-9a-f]{6})"/g)].map((m) => m[1]));
    expect([...textFills].every((f) => [p.text, p.detail, p.badgeText, p.egressStep].map(hex).includes(f!)), [...textFills].join(' ')).toBe(true);
    // No white label chips left over from the light theme.
    expect(dark!.svg).not.toMatch(/class="edge-label"[^>]*><rect [^>]*fill="#ffffff"/);

    const png = await svgToPng(dark!.svg, 1);
    expect([...png.slice(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
    const { Resvg } = await import('@resvg/resvg-js');
    const img = new Resvg(dark!.svg, { font: { loadSystemFonts: false } }).render();
    // The top-left pixel is the dark background (RGBA).
    const px = [...img.pixels.slice(0, 3)].map((v) => v.toString(16).padStart(2, '0')).join('');
    expect(`#${px}`).toBe(hex(p.background));
  }, 60_000);
});
