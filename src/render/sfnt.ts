/**
 * Completes a TrueType glyph subset (`ttf.ts`) into a standalone font a browser accepts.
 *
 * The subsetter writes only the tables a PDF needs (no cmap, name, OS/2 or post), like fontkit's, so a
 * browser could not map characters to glyphs. This adds a format-4 cmap for the subset's glyph
 * ids, a short name table, the original OS/2 table and a version-3 post table, and recomputes
 * every checksum.
 */

export interface SfntTables {
  [tag: string]: Uint8Array;
}

/** Reads the table directory of an sfnt file. */
export function readTables(buf: Uint8Array): SfntTables {
  const view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  const num = view.getUint16(4);
  const out: SfntTables = {};
  for (let i = 0; i < num; i++) {
    const rec = 12 + i * 16;
    const tag = String.fromCharCode(buf[rec]!, buf[rec + 1]!, buf[rec + 2]!, buf[rec + 3]!);
    const offset = view.getUint32(rec + 8);
    const length = view.getUint32(rec + 12);
    out[tag] = buf.subarray(offset, offset + length);
  }
  return out;
}

function checksum(data: Uint8Array): number {
  let sum = 0;
  const padded = data.length % 4 === 0 ? data : concat([data, new Uint8Array(4 - (data.length % 4))]);
  const view = new DataView(padded.buffer, padded.byteOffset, padded.byteLength);
  for (let i = 0; i < padded.length; i += 4) sum = (sum + view.getUint32(i)) >>> 0;
  return sum;
}

function concat(parts: Uint8Array[]): Uint8Array {
  const len = parts.reduce((a, p) => a + p.length, 0);
  const out = new Uint8Array(len);
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}

/** Format-4 cmap (Unicode BMP, platform 3/1 and 0/3) mapping code points to glyph ids. */
export function buildCmap(map: Map<number, number>): Uint8Array {
  const cps = [...map.keys()].filter((c) => c <= 0xfffe).sort((a, b) => a - b);
  // Segments of consecutive code points with consecutive glyph ids.
  const segs: Array<{ start: number; end: number; delta: number }> = [];
  for (const cp of cps) {
    const gid = map.get(cp)!;
    const last = segs[segs.length - 1];
    if (last && cp === last.end + 1 && ((gid - cp) & 0xffff) === last.delta) last.end = cp;
    else segs.push({ start: cp, end: cp, delta: (gid - cp) & 0xffff });
  }
  segs.push({ start: 0xffff, end: 0xffff, delta: 1 });
  const n = segs.length;
  const subLen = 16 + n * 8;
  const sub = new DataView(new ArrayBuffer(subLen));
  let entrySelector = 0;
  while (1 << (entrySelector + 1) <= n) entrySelector++;
  const searchRange = 2 * (1 << entrySelector);
  sub.setUint16(0, 4);
  sub.setUint16(2, subLen);
  sub.setUint16(4, 0);
  sub.setUint16(6, n * 2);
  sub.setUint16(8, searchRange);
  sub.setUint16(10, entrySelector);
  sub.setUint16(12, n * 2 - searchRange);
  segs.forEach((s, i) => {
    sub.setUint16(14 + i * 2, s.end);
    sub.setUint16(16 + n * 2 + i * 2, s.start);
    sub.setUint16(16 + n * 4 + i * 2, s.delta);
    sub.setUint16(16 + n * 6 + i * 2, 0);
  });
  sub.setUint16(14 + n * 2, 0); // reservedPad
  const head = new DataView(new ArrayBuffer(4 + 2 * 8));
  head.setUint16(0, 0);
  head.setUint16(2, 2);
  head.setUint16(4, 0);
  head.setUint16(6, 3);
  head.setUint32(8, 20);
  head.setUint16(12, 3);
  head.setUint16(14, 1);
  head.setUint32(16, 20);
  return concat([new Uint8Array(head.buffer), new Uint8Array(sub.buffer)]);
}

/** A minimal name table (Windows platform, en-US) with family, subfamily, full and PostScript names. */
export function buildName(family: string, subfamily: string, postscript: string): Uint8Array {
  const records: Array<[number, string]> = [
    [1, family],
    [2, subfamily],
    [3, `${postscript};aksnet-subset`],
    [4, `${family} ${subfamily}`],
    [6, postscript],
  ];
  const strings = records.map(([, s]) => {
    const b = new Uint8Array(s.length * 2);
    for (let i = 0; i < s.length; i++) {
      b[i * 2] = s.charCodeAt(i) >> 8;
      b[i * 2 + 1] = s.charCodeAt(i) & 0xff;
    }
    return b;
  });
  const headLen = 6 + records.length * 12;
  const h = new DataView(new ArrayBuffer(headLen));
  h.setUint16(0, 0);
  h.setUint16(2, records.length);
  h.setUint16(4, headLen);
  let off = 0;
  records.forEach(([id], i) => {
    const r = 6 + i * 12;
    h.setUint16(r, 3);
    h.setUint16(r + 2, 1);
    h.setUint16(r + 4, 0x409);
    h.setUint16(r + 6, id);
    h.setUint16(r + 8, strings[i]!.length);
    h.setUint16(r + 10, off);
    off += strings[i]!.length;
  });
  return concat([new Uint8Array(h.buffer), ...strings]);
}

/** post table version 3.0 (no glyph names) from the original's header fields. */
export function buildPost(original: Uint8Array): Uint8Array {
  const out = new Uint8Array(32);
  out.set(original.subarray(0, 32));
  new DataView(out.buffer).setUint32(0, 0x00030000);
  return out;
}

/** Writes an sfnt (TrueType) file from tables, with correct checksums and head.checkSumAdjustment. */
export function writeSfnt(tables: SfntTables): Uint8Array {
  const tags = Object.keys(tables).sort();
  const n = tags.length;
  let entrySelector = 0;
  while (1 << (entrySelector + 1) <= n) entrySelector++;
  const searchRange = (1 << entrySelector) * 16;
  const dirLen = 12 + n * 16;
  const dir = new DataView(new ArrayBuffer(dirLen));
  dir.setUint32(0, 0x00010000);
  dir.setUint16(4, n);
  dir.setUint16(6, searchRange);
  dir.setUint16(8, entrySelector);
  dir.setUint16(10, n * 16 - searchRange);
  const bodies: Uint8Array[] = [];
  let offset = dirLen;
  tags.forEach((tag, i) => {
    let data = tables[tag]!;
    if (tag === 'head') {
      data = new Uint8Array(data);
      new DataView(data.buffer).setUint32(8, 0);
    }
    const r = 12 + i * 16;
    for (let k = 0; k < 4; k++) dir.setUint8(r + k, tag.charCodeAt(k));
    dir.setUint32(r + 4, checksum(data));
    dir.setUint32(r + 8, offset);
    dir.setUint32(r + 12, data.length);
    const padded = new Uint8Array(Math.ceil(data.length / 4) * 4);
    padded.set(data);
    bodies.push(padded);
    offset += padded.length;
  });
  const file = concat([new Uint8Array(dir.buffer), ...bodies]);
  const headIndex = tags.indexOf('head');
  if (headIndex >= 0) {
    const headOffset = new DataView(dir.buffer).getUint32(12 + headIndex * 16 + 8);
    const adj = (0xb1b0afba - checksum(file)) >>> 0;
    new DataView(file.buffer).setUint32(headOffset + 8, adj);
  }
  return file;
}
