/**
 * Text measurement and font embedding with the vendored DejaVu Sans (fontkit).
 *
 * Widths are the sum of glyph advances without kerning or ligatures, which is exactly how a browser
 * renders the embedded subset (it carries no GSUB/GPOS tables), so a label measured here fits its
 * box in Chromium, in its PDF output and in any other SVG viewer that honours @font-face.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Font } from 'fontkit';
import { buildCmap, buildName, buildPost, readTables, writeSfnt } from './sfnt.js';

export type Weight = 'regular' | 'bold';

export const FONT_FAMILY = 'DejaVu Sans';

interface LoadedFont {
  font: Font;
  bytes: Uint8Array;
  /** Cache of text → width at 1px. */
  widths: Map<string, number>;
}

export interface TextMetrics {
  /** Width of the text in px. */
  width(text: string, size: number, weight?: Weight): number;
  /** Ascent (above the baseline) for a size, in px. */
  ascent(size: number): number;
  /** Line height for a size, in px. */
  lineHeight(size: number): number;
}

let fonts: { regular: LoadedFont; bold: LoadedFont } | undefined;

/** Directory holding the vendored fonts (assets/fonts of the package). */
export function fontDir(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    const candidate = join(dir, 'assets', 'fonts');
    if (existsSync(join(candidate, 'DejaVuSans.ttf'))) return candidate;
    dir = dirname(dir);
  }
  throw new Error('aksnet: assets/fonts/DejaVuSans.ttf not found next to the package');
}

/** Loads the fonts once per process (fontkit is imported lazily). */
export async function loadFonts(): Promise<TextMetrics> {
  if (!fonts) {
    const fontkit = await import('fontkit');
    const dir = fontDir();
    const load = (file: string): LoadedFont => {
      const bytes = new Uint8Array(readFileSync(join(dir, file)));
      return { font: fontkit.create(bytes), bytes, widths: new Map() };
    };
    fonts = { regular: load('DejaVuSans.ttf'), bold: load('DejaVuSans-Bold.ttf') };
  }
  return metrics;
}

function loaded(): { regular: LoadedFont; bold: LoadedFont } {
  if (!fonts) throw new Error('aksnet: fonts not loaded; call loadFonts() first');
  return fonts;
}

const metrics: TextMetrics = {
  width(text, size, weight = 'regular') {
    const f = loaded()[weight];
    let w = f.widths.get(text);
    if (w === undefined) {
      w = 0;
      for (const g of f.font.glyphsForString(text)) w += g.advanceWidth;
      w /= f.font.unitsPerEm;
      f.widths.set(text, w);
    }
    return w * size;
  },
  ascent(size) {
    const f = loaded().regular.font;
    return (f.ascent / f.unitsPerEm) * size;
  },
  lineHeight(size) {
    return Math.ceil(size * 1.25 * 100) / 100;
  },
};

/**
 * Wraps text into lines no wider than `max` px: greedy by words (breaking after `/`, `-`, `.` and
 * `_` too), hard-breaking words that do not fit, and ending with an ellipsis when more than
 * `maxLines` lines would be needed. Linear in the length of the text (h15, issue #15: a 10,000
 * character name never finished): line ends are found by galloping search, and wrapping stops once
 * the lines that can still show are known.
 */
export function wrapText(m: TextMetrics, text: string, max: number, size: number, weight: Weight = 'regular', maxLines = 2): string[] {
  const clean = text.replace(/\s+/g, ' ').trim();
  if (clean === '') return [];
  if (m.width(clean, size, weight) <= max) return [clean];
  const tokens = clean.match(/[^\s/\-._:,]*[\s/\-._:,]?/g)!.filter((t) => t !== '');
  const lines: string[] = [];
  // Every pushed line was ended by text that did not fit on it, so two lines past the last one shown
  // hold more than the ellipsis can keep: nothing after them changes the result.
  const enough = maxLines + 2;
  let cur = '';
  const push = (line: string) => lines.push(line.trimEnd());
  for (const tok of tokens) {
    if (lines.length >= enough) break;
    if (m.width((cur + tok).trimEnd(), size, weight) <= max) {
      cur += tok;
      continue;
    }
    if (cur !== '') push(cur);
    cur = '';
    // Hard-break by code points (never inside a surrogate pair).
    const cps = [...tok];
    let start = 0;
    while (cps.length - start > 1 && lines.length < enough && m.width(cps.slice(start).join('').trimEnd(), size, weight) > max) {
      const cut = longestFitting(cps, start, (n) => m.width(cps.slice(start, start + n).join(''), size, weight) <= max);
      push(cps.slice(start, start + cut).join(''));
      start += cut;
    }
    cur = cps.slice(start).join('');
  }
  if (cur.trim() !== '' && lines.length < enough) push(cur);
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, maxLines);
  kept[maxLines - 1] = ellipsize(m, `${kept[maxLines - 1]} ${lines.slice(maxLines).join(' ')}`, max, size, weight);
  return kept;
}

/**
 * The largest n ≥ 1 (at most the code points left after `start`, minus one as the greedy cut did)
 * for which `fits(n)` holds, found by doubling then bisecting: O(log n) measurements of at most
 * twice the line's length each.
 */
function longestFitting(cps: readonly string[], start: number, fits: (n: number) => boolean): number {
  const limit = cps.length - start - 1;
  if (limit <= 1 || !fits(1)) return 1;
  let lo = 1;
  let hi = 2;
  while (hi <= limit && fits(hi)) {
    lo = hi;
    hi *= 2;
  }
  hi = Math.min(hi, limit + 1);
  // Invariant: fits(lo), and hi is past the end or does not fit.
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (fits(mid)) lo = mid;
    else hi = mid;
  }
  return lo;
}

/** Truncates text with an ellipsis so it fits `max` px (galloping search: linear in the kept length). */
export function ellipsize(m: TextMetrics, text: string, max: number, size: number, weight: Weight = 'regular'): string {
  if (m.width(text, size, weight) <= max) return text;
  const chars = [...text];
  const fits = (n: number) => m.width(chars.slice(0, n).join('').trimEnd() + '…', size, weight) <= max;
  if (!fits(1)) return '…';
  let lo = 1;
  let hi = 2;
  while (hi <= chars.length && fits(hi)) {
    lo = hi;
    hi *= 2;
  }
  hi = Math.min(hi, chars.length + 1);
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (fits(mid)) lo = mid;
    else hi = mid;
  }
  return chars.slice(0, lo).join('').trimEnd() + '…';
}

/**
 * A base64 TrueType subset holding only the glyphs of `text` (deterministic: glyphs are added in
 * code point order), as a CSS @font-face rule.
 */
export function fontFace(text: string, weight: Weight, family: string = FONT_FAMILY): string {
  const f = loaded()[weight];
  const subset = f.font.createSubset();
  const cmap = new Map<number, number>();
  const cps = [...new Set([...text].map((c) => c.codePointAt(0)!))].sort((a, b) => a - b);
  for (const cp of cps) {
    if (cp < 0x20 || !f.font.hasGlyphForCodePoint(cp)) continue;
    cmap.set(cp, subset.includeGlyph(f.font.glyphForCodePoint(cp)));
  }
  const tables = readTables(subset.encode());
  const original = readTables(f.bytes);
  tables['cmap'] = buildCmap(cmap);
  tables['name'] = buildName(FONT_FAMILY, weight === 'bold' ? 'Bold' : 'Book', weight === 'bold' ? 'DejaVuSans-Bold' : 'DejaVuSans');
  tables['OS/2'] = original['OS/2']!;
  tables['post'] = buildPost(original['post']!);
  const b64 = Buffer.from(writeSfnt(tables)).toString('base64');
  return `@font-face{font-family:"${family}";font-weight:${weight === 'bold' ? 700 : 400};font-style:normal;src:url(data:font/ttf;base64,${b64}) format("truetype");}`;
}
