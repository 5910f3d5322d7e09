/**
 * Text measurement and font embedding with the vendored DejaVu Sans.
 *
 * Widths are the sum of glyph advances without kerning or ligatures, which is exactly how a browser
 * renders the embedded subset (it carries no GSUB/GPOS tables), so a label measured here fits its
 * box in Chromium, in its PDF output and in any other SVG viewer that honours @font-face. The
 * advances come from a table generated from the fonts at build time (`font-metrics.generated.ts`,
 * held to fontkit by a test), so measuring parses no font; embedding reads the font file once and
 * subsets it with `ttf.ts`.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ASCENT, BOLD, REGULAR, UNITS_PER_EM } from './font-metrics.generated.js';
import { buildCmap, buildName, buildPost, readTables, writeSfnt } from './sfnt.js';
import { GlyphSubset, readTrueType, type TrueTypeFont } from './ttf.js';

export type Weight = 'regular' | 'bold';

export const FONT_FAMILY = 'DejaVu Sans';

export interface TextMetrics {
  /** Width of the text in px. */
  width(text: string, size: number, weight?: Weight): number;
  /** Ascent (above the baseline) for a size, in px. */
  ascent(size: number): number;
  /** Line height for a size, in px. */
  lineHeight(size: number): number;
}

const FILES: Record<Weight, string> = { regular: 'DejaVuSans.ttf', bold: 'DejaVuSans-Bold.ttf' };

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

interface Face {
  notdef: number;
  advances: Map<number, number>;
  /** Cache of text → width at 1px. */
  widths: Map<string, number>;
}

function face(table: { notdef: number; runs: string }): Face {
  const advances = new Map<number, number>();
  for (const run of table.runs.split(';')) {
    const colon = run.indexOf(':');
    let cp = parseInt(run.slice(0, colon), 36);
    for (const w of run.slice(colon + 1).split(',')) advances.set(cp++, parseInt(w, 36));
  }
  return { notdef: table.notdef, advances, widths: new Map() };
}

let faces: Record<Weight, Face> | undefined;

/**
 * Sum of advances in font units, glyph by glyph as fontkit's `glyphsForString` yields them: UTF-16
 * decoded to code points (a lone surrogate is a code point of its own), a variation selector adds no
 * glyph (these fonts have no variation sequences), unmapped code points take the .notdef advance.
 */
export function advanceUnits(text: string, weight: Weight): number {
  faces ??= { regular: face(REGULAR), bold: face(BOLD) };
  const f = faces[weight];
  let sum = 0;
  let last = -1;
  let state = -1;
  const len = text.length;
  let idx = 0;
  while (idx <= len) {
    let code = 0;
    let next = 0;
    if (idx < len) {
      code = text.charCodeAt(idx++);
      if (code >= 0xd800 && code <= 0xdbff && idx < len) {
        const low = text.charCodeAt(idx);
        if (low >= 0xdc00 && low <= 0xdfff) {
          idx++;
          code = ((code & 0x3ff) << 10) + (low & 0x3ff) + 0x10000;
        }
      }
      next = (code >= 0xfe00 && code <= 0xfe0f) || (code >= 0xe0100 && code <= 0xe01ef) ? 1 : 0;
    } else idx++;
    if (state === 0) sum += f.advances.get(last) ?? f.notdef;
    last = code;
    state = next;
  }
  return sum;
}

/** The text metrics (kept async for callers written when it loaded a font parser). */
export function loadFonts(): Promise<TextMetrics> {
  return Promise.resolve(metrics);
}

export const metrics: TextMetrics = {
  width(text, size, weight = 'regular') {
    faces ??= { regular: face(REGULAR), bold: face(BOLD) };
    const cache = faces[weight].widths;
    let w = cache.get(text);
    if (w === undefined) {
      w = advanceUnits(text, weight) / UNITS_PER_EM;
      cache.set(text, w);
    }
    return w * size;
  },
  ascent(size) {
    return (ASCENT / UNITS_PER_EM) * size;
  },
  lineHeight(size) {
    return Math.ceil(size * 1.25 * 100) / 100;
  },
};

/**
 * Wraps text into lines no wider than `max` px: greedy by words (breaking after `/`, `-`, `.`, `_`, `,`
 * and a `:` not followed by a digit too, but never inside an IPv4 address or CIDR), hard-breaking words that do not fit, and ending with an ellipsis when more than
 * `maxLines` lines would be needed. Linear in the length of the text (h15, issue #15: a 10,000
 * character name never finished): line ends are found by galloping search, and wrapping stops once
 * the lines that can still show are known.
 *
 * Remembered (WrapMemo): a pack draws the same labels and step legends again and again, at widths
 * that often wrap them the same way.
 */
export function wrapText(m: TextMetrics, text: string, max: number, size: number, weight: Weight = 'regular', maxLines = 2): string[] {
  let memo = wrapMemos.get(m);
  if (!memo) wrapMemos.set(m, (memo = new WrapMemo()));
  return memo.wrap(m, text, max, size, weight, maxLines);
}

/**
 * The lines of texts wrapped before. The lines depend on `max` only through comparisons `width ≤ max` of
 * widths measured on the way (wrapText, longestFitting and ellipsize compare every width they measure
 * with `max`, and nothing else): with `lo` the largest width that fitted and `hi` the smallest that did
 * not, every `max` in [lo, hi) takes the same branches and gives the same lines. Each wrapping is kept
 * with that range, so a text wrapped again at another width inside it is not measured again.
 */
export class WrapMemo {
  /**
   * By the text itself, then by size, weight and line limit. The text is the outer key as it comes (a step's text
   * is the same string on every try, and a string keeps its hash): one key made of all four was a new string on
   * every call, hashed whole each time: the largest self time in an overview's target (about 40 % of it).
   */
  private readonly kept = new Map<string, Map<string, WrapRange[]>>();
  private count = 0;

  /** How many texts it keeps at most (a long `serve` session redraws forever): past that it starts again. */
  static readonly LIMIT = 20_000;

  wrap(m: TextMetrics, text: string, max: number, size: number, weight: Weight, maxLines: number): string[] {
    const key = `${size}\u0000${weight}\u0000${maxLines}`;
    let byText = this.kept.get(text);
    const ranges = byText?.get(key);
    const hit = ranges?.find((r) => r.lo <= max && max < r.hi);
    if (hit) return [...hit.lines];
    let lo = -Infinity;
    let hi = Infinity;
    const recording: TextMetrics = {
      width(t, s, w) {
        const v = m.width(t, s, w);
        if (v <= max) lo = Math.max(lo, v);
        else hi = Math.min(hi, v);
        return v;
      },
      ascent: (s) => m.ascent(s),
      lineHeight: (s) => m.lineHeight(s),
    };
    const lines = wrapMeasured(recording, text, max, size, weight, maxLines);
    const entry = { lo, hi, lines: [...lines] };
    if (ranges) ranges.push(entry);
    else {
      if (this.count >= WrapMemo.LIMIT) {
        this.kept.clear();
        this.count = 0;
        byText = undefined;
      }
      if (!byText) this.kept.set(text, (byText = new Map()));
      byText.set(key, [entry]);
      this.count++;
    }
    return lines;
  }
}

type WrapRange = { lo: number; hi: number; lines: readonly string[] };

const wrapMemos = new WeakMap<TextMetrics, WrapMemo>();

/** wrapText without the memo: measures every time. */
export function wrapMeasured(m: TextMetrics, text: string, max: number, size: number, weight: Weight = 'regular', maxLines = 2): string[] {
  const clean = text.replace(/\s+/g, ' ').trim();
  if (clean === '') return [];
  if (m.width(clean, size, weight) <= max) return [clean];
  // A colon before a digit is a port ("https:443", "tcp:1433"): no break there, a reader would lose the pair. An
  // IPv4 address or CIDR is one word too: "10.200.1.0/" over "24" reads as two wrong addresses.
  const tokens = clean.match(/(?:\d{1,3}(?:\.\d{1,3}){3}(?:\/\d{1,2})?(?![\d.])|(?:[^\s/\-._:,]|:(?=\d))*)[\s/\-._:,]?/g)!.filter((t) => t !== '');
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

const fonts: Partial<Record<Weight, TrueTypeFont>> = {};

/** The vendored font file, read once per process (only when a diagram embeds it). */
function fontFile(weight: Weight): TrueTypeFont {
  return (fonts[weight] ??= readTrueType(new Uint8Array(readFileSync(join(fontDir(), FILES[weight])))));
}

/**
 * A base64 TrueType subset holding only the glyphs of `text` (deterministic: glyphs are added in
 * code point order), as a CSS @font-face rule.
 */
export function fontFace(text: string, weight: Weight, family: string = FONT_FAMILY): string {
  const font = fontFile(weight);
  const subset = new GlyphSubset(font);
  const cmap = new Map<number, number>();
  const cps = [...new Set([...text].map((c) => c.codePointAt(0)!))].sort((a, b) => a - b);
  for (const cp of cps) {
    const gid = cp < 0x20 ? 0 : font.glyphId(cp);
    if (gid === 0) continue;
    cmap.set(cp, subset.include(gid));
  }
  const tables = subset.tables();
  const original = readTables(font.bytes);
  tables['cmap'] = buildCmap(cmap);
  tables['name'] = buildName(FONT_FAMILY, weight === 'bold' ? 'Bold' : 'Book', weight === 'bold' ? 'DejaVuSans-Bold' : 'DejaVuSans');
  tables['OS/2'] = original['OS/2']!;
  tables['post'] = buildPost(original['post']!);
  const b64 = Buffer.from(writeSfnt(tables)).toString('base64');
  return `@font-face{font-family:"${family}";font-weight:${weight === 'bold' ? 700 : 400};font-style:normal;src:url(data:font/ttf;base64,${b64}) format("truetype");}`;
}
