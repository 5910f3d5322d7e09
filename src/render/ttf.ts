/**
 * A minimal TrueType reader and glyph subsetter for the vendored fonts (no fontkit at run time).
 *
 * `GlyphSubset.tables()` writes the same tables, byte for byte, as fontkit 2's `TTFSubset.encode()` (head,
 * hhea, loca, maxp, cvt, prep, glyf, hmtx, fpgm): glyph 0 first, then the requested glyphs in order,
 * then the components of composite glyphs as they are met, with component glyph ids remapped.
 * test/render/font-metrics.test.ts holds it to fontkit's output.
 */
import { readTables, type SfntTables } from './sfnt.js';

export interface TrueTypeFont {
  bytes: Uint8Array;
  tables: SfntTables;
  /** Byte offsets of each glyph in `glyf` (numGlyphs + 1 entries). */
  loca: Uint32Array;
  locaFormat: number;
  numberOfHMetrics: number;
  /** Glyph id for a code point (0 when unmapped). */
  glyphId(codePoint: number): number;
}

function table(tables: SfntTables, tag: string): DataView {
  const t = tables[tag];
  if (!t) throw new Error(`font has no ${tag} table`);
  return new DataView(t.buffer, t.byteOffset, t.byteLength);
}

/** Reads the tables a subset needs; cmap format 12 (3,10) or format 4 (3,1). */
export function readTrueType(bytes: Uint8Array): TrueTypeFont {
  const tables = readTables(bytes);
  const head = table(tables, 'head');
  const locaFormat = head.getInt16(50);
  const numGlyphs = table(tables, 'maxp').getUint16(4);
  const numberOfHMetrics = table(tables, 'hhea').getUint16(34);
  const lv = table(tables, 'loca');
  const loca = new Uint32Array(numGlyphs + 1);
  for (let i = 0; i <= numGlyphs; i++) loca[i] = locaFormat === 0 ? lv.getUint16(i * 2) * 2 : lv.getUint32(i * 4);
  return { bytes, tables, loca, locaFormat, numberOfHMetrics, glyphId: cmapLookup(table(tables, 'cmap')) };
}

function cmapLookup(cmap: DataView): (cp: number) => number {
  const n = cmap.getUint16(2);
  const subtables = new Map<string, number>();
  for (let i = 0; i < n; i++)
    subtables.set(`${cmap.getUint16(4 + i * 8)},${cmap.getUint16(6 + i * 8)}`, cmap.getUint32(8 + i * 8));
  // fontkit's order of preference among the Unicode subtables these fonts carry.
  const off12 = subtables.get('3,10') ?? subtables.get('0,6') ?? subtables.get('0,4');
  if (off12 !== undefined && cmap.getUint16(off12) === 12) {
    const groups = cmap.getUint32(off12 + 12);
    return (cp) => {
      let lo = 0;
      let hi = groups - 1;
      while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        const g = off12 + 16 + mid * 12;
        if (cp < cmap.getUint32(g)) hi = mid - 1;
        else if (cp > cmap.getUint32(g + 4)) lo = mid + 1;
        else return cmap.getUint32(g + 8) + (cp - cmap.getUint32(g));
      }
      return 0;
    };
  }
  const off4 = subtables.get('3,1') ?? subtables.get('0,3');
  if (off4 === undefined || cmap.getUint16(off4) !== 4) throw new Error('font has no Unicode cmap of format 12 or 4');
  const segX2 = cmap.getUint16(off4 + 6);
  const ends = off4 + 14;
  const starts = ends + segX2 + 2;
  const deltas = starts + segX2;
  const ranges = deltas + segX2;
  return (cp) => {
    if (cp > 0xffff) return 0;
    for (let i = 0; i < segX2; i += 2) {
      if (cp > cmap.getUint16(ends + i)) continue;
      const start = cmap.getUint16(starts + i);
      if (cp < start) return 0;
      const delta = cmap.getUint16(deltas + i);
      const ro = cmap.getUint16(ranges + i);
      if (ro === 0) return (cp + delta) & 0xffff;
      const gid = cmap.getUint16(ranges + i + ro + (cp - start) * 2);
      return gid === 0 ? 0 : (gid + delta) & 0xffff;
    }
    return 0;
  };
}

const ARG_1_AND_2_ARE_WORDS = 0x0001;
const WE_HAVE_A_SCALE = 0x0008;
const MORE_COMPONENTS = 0x0020;
const WE_HAVE_AN_X_AND_Y_SCALE = 0x0040;
const WE_HAVE_A_TWO_BY_TWO = 0x0080;

/** A glyph subset under construction; `include` returns a glyph's id in the subset. */
export class GlyphSubset {
  readonly glyphs: number[] = [];
  private readonly mapping = new Map<number, number>();

  constructor(readonly font: TrueTypeFont) {
    this.include(0);
  }

  include(gid: number): number {
    let id = this.mapping.get(gid);
    if (id === undefined) {
      this.glyphs.push(gid);
      id = this.glyphs.length - 1;
      this.mapping.set(gid, id);
    }
    return id;
  }

  /** The subset's tables, as fontkit's TTFSubset encodes them. */
  tables(): SfntTables {
    const f = this.font;
    const glyf = f.tables['glyf']!;
    const hmtx = table(f.tables, 'hmtx');
    const n = f.numberOfHMetrics;
    const parts: Uint8Array[] = [];
    const offsets: number[] = [];
    const metrics: Array<[number, number]> = [];
    let offset = 0;
    for (let i = 0; i < this.glyphs.length; i++) {
      const gid = this.glyphs[i]!;
      const buf = glyf.slice(f.loca[gid], f.loca[gid + 1]);
      if (buf.length >= 10) {
        const view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
        if (view.getInt16(0) < 0) {
          let pos = 10;
          let flags = MORE_COMPONENTS;
          while (flags & MORE_COMPONENTS) {
            flags = view.getUint16(pos);
            view.setUint16(pos + 2, this.include(view.getUint16(pos + 2)));
            pos += 4 + (flags & ARG_1_AND_2_ARE_WORDS ? 4 : 2);
            if (flags & WE_HAVE_A_SCALE) pos += 2;
            else if (flags & WE_HAVE_AN_X_AND_Y_SCALE) pos += 4;
            else if (flags & WE_HAVE_A_TWO_BY_TWO) pos += 8;
          }
        }
      }
      parts.push(buf);
      offsets.push(offset);
      const advance = hmtx.getUint16((gid < n ? gid : n - 1) * 4);
      const bearing =
        gid < n
          ? hmtx.getInt16(gid * 4 + 2)
          : gid - n < (hmtx.byteLength - n * 4) / 2
            ? hmtx.getInt16(n * 4 + (gid - n) * 2)
            : 0;
      metrics.push([advance, bearing]);
      offset += buf.length;
    }
    offsets.push(offset);

    const out: SfntTables = {};
    const copy = (tag: string) => new Uint8Array(f.tables[tag]!);
    const head = copy('head');
    new DataView(head.buffer).setInt16(50, f.locaFormat);
    const hhea = copy('hhea');
    new DataView(hhea.buffer).setUint16(34, metrics.length);
    const maxp = copy('maxp');
    new DataView(maxp.buffer).setUint16(4, parts.length);
    const loca = new Uint8Array(offsets.length * (f.locaFormat === 0 ? 2 : 4));
    const lv = new DataView(loca.buffer);
    offsets.forEach((o, i) => (f.locaFormat === 0 ? lv.setUint16(i * 2, o >>> 1) : lv.setUint32(i * 4, o)));
    const hm = new Uint8Array(metrics.length * 4);
    const hv = new DataView(hm.buffer);
    metrics.forEach(([a, b], i) => {
      hv.setUint16(i * 4, a);
      hv.setInt16(i * 4 + 2, b);
    });
    const glyfOut = new Uint8Array(offset);
    let o = 0;
    for (const p of parts) {
      glyfOut.set(p, o);
      o += p.length;
    }
    out['head'] = head;
    out['hhea'] = hhea;
    out['loca'] = loca;
    out['maxp'] = maxp;
    if (f.tables['cvt ']) out['cvt '] = copy('cvt ');
    if (f.tables['prep']) out['prep'] = copy('prep');
    out['glyf'] = glyfOut;
    out['hmtx'] = hm;
    if (f.tables['fpgm']) out['fpgm'] = copy('fpgm');
    return out;
  }
}
