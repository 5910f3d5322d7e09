/**
 * The precomputed advance-width table and the built-in subsetter agree with fontkit exactly: widths
 * on a corpus of strings (ASCII, Latin, symbols, CJK, emoji, variation selectors, lone surrogates,
 * random text), glyph ids for every code point of the first two planes, and subset tables byte for
 * byte. The committed table is regenerated and compared, so a font change cannot leave it stale.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import * as fc from 'fast-check';
import * as fontkit from 'fontkit';
import { describe, expect, it } from 'vitest';
import { advanceUnits, fontDir, metrics, type Weight } from '../../src/render/text.js';
import { GlyphSubset, readTrueType } from '../../src/render/ttf.js';
import { readTables } from '../../src/render/sfnt.js';

const repo = resolve(import.meta.dirname, '../..');
const FILES: Record<Weight, string> = { regular: 'DejaVuSans.ttf', bold: 'DejaVuSans-Bold.ttf' };
const bytes = (w: Weight) => new Uint8Array(readFileSync(join(fontDir(), FILES[w])));
const fk = { regular: fontkit.create(bytes('regular')), bold: fontkit.create(bytes('bold')) };

const fontkitUnits = (text: string, w: Weight) => fk[w].glyphsForString(text).reduce((a, g) => a + g.advanceWidth, 0);

const CORPUS = [
  '',
  ' ',
  'Azure Firewall Premium',
  'snet-aks-nodes 10.240.0.0/22 · 1019 usable',
  'WWWWWWWW iiiiiiii',
  'Ünïcödé – 東京 — “quotes” ‘single’ … ©®™',
  'ΑΒΓ абв אבג عربى हिन्दी ไทย',
  'emoji 😀🚀 flags 🇩🇪 zwj 👩‍💻',
  'variation ❤︎ ❤️ a︀b 〇︀ \uFE0F\uFE0F start',
  'lone \uD800 high, lone \uDC00 low, pair \uD83D\uDE00, trailing \uD83D',
  'tabs\tand\nnewlines\r\0nul',
  'combining e\u0301 a\u0308 \u20DD',
  '\u{1F600}\u{E0100}\u{10FFFF}',
  'box ─│┌┐└┘├┤ arrows ←↑→↓⇒ math ∀∂∈∑√∞≠≤≥',
];

describe('font metrics table', () => {
  it('is what scripts/gen-font-metrics.mjs generates from the vendored fonts', async () => {
    const gen = (await import(join(repo, 'scripts/gen-font-metrics.mjs'))) as { generate(): string };
    expect(readFileSync(join(repo, 'src/render/font-metrics.generated.ts'), 'utf8')).toBe(gen.generate());
  });

  it('sums the same advances as fontkit on a corpus, in both weights', () => {
    for (const w of ['regular', 'bold'] as const) {
      for (const t of CORPUS) expect(advanceUnits(t, w), `${w} ${JSON.stringify(t)}`).toBe(fontkitUnits(t, w));
    }
    expect(advanceUnits('W', 'regular')).toBeGreaterThan(advanceUnits('i', 'regular'));
  });

  it('sums the same advances as fontkit on random text', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'grapheme', maxLength: 24 }),
        fc.string({ unit: 'binary', maxLength: 12 }),
        (a, b) => {
          for (const w of ['regular', 'bold'] as const) {
            expect(advanceUnits(a, w)).toBe(fontkitUnits(a, w));
            expect(advanceUnits(b, w)).toBe(fontkitUnits(b, w));
          }
        },
      ),
      { numRuns: 300, seed: 14 },
    );
  });

  it('gives the px widths and ascent fontkit gave (12 px DejaVu Sans matches Chromium)', () => {
    const f = fk.regular;
    for (const t of ['sql-0', 'appgw-14', 'Region westeurope-0']) {
      expect(metrics.width(t, 12)).toBe((fontkitUnits(t, 'regular') / f.unitsPerEm) * 12);
    }
    expect(metrics.width('sql-0', 12)).toBeCloseTo(29.2, 1);
    expect(metrics.ascent(10)).toBe((f.ascent / f.unitsPerEm) * 10);
  });
});

describe('TrueType subsetter', () => {
  it('maps every code point of planes 0 and 1 to the glyph fontkit maps it to', () => {
    for (const w of ['regular', 'bold'] as const) {
      const mine = readTrueType(bytes(w));
      const theirs = fk[w];
      let mapped = 0;
      for (let cp = 0; cp < 0x20000; cp++) {
        const gid = mine.glyphId(cp);
        if (gid !== 0) mapped++;
        if (gid !== theirs.glyphForCodePoint(cp).id)
          expect(gid, `${w} U+${cp.toString(16)}`).toBe(theirs.glyphForCodePoint(cp).id);
      }
      expect(mapped).toBeGreaterThan(5000);
    }
  });

  it('writes the same tables as fontkit, byte for byte, including composite glyphs', () => {
    const samples = ['Legend', 'Ünïcödé – ÅǺǻ ḱ ẫ ờ ự', 'abcdefghijklmnopqrstuvwxyz0123456789', 'ﬁﬂ ≠ ∑ Ω µ ½ ŀ Ǆ'];
    for (const w of ['regular', 'bold'] as const) {
      const font = readTrueType(bytes(w));
      for (const text of samples) {
        const cps = [...new Set([...text].map((c) => c.codePointAt(0)!))].sort((a, b) => a - b);
        const ours = new GlyphSubset(font);
        const theirs = fk[w].createSubset();
        for (const cp of cps) {
          if (font.glyphId(cp) === 0) continue;
          expect(ours.include(font.glyphId(cp))).toBe(theirs.includeGlyph(fk[w].glyphForCodePoint(cp)));
        }
        const a = ours.tables();
        const b = readTables(theirs.encode());
        expect(Object.keys(a).sort()).toEqual(Object.keys(b).sort());
        for (const tag of Object.keys(b))
          expect(Buffer.from(a[tag]!).equals(Buffer.from(b[tag]!)), `${w} ${tag} for ${text}`).toBe(true);
        // Composite glyphs pull in their components, so the subset can hold more glyphs than were asked for.
        if (text.includes('Ǻ')) expect(ours.glyphs.length).toBeGreaterThan(cps.length);
      }
    }
  });
});
