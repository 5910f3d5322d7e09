#!/usr/bin/env node
// Contact sheet of aksnet's icon set: every icon at 24 px and 48 px with its key, plus a 20 px
// grayscale copy and a sample node box, written to out/icon-sheet.svg.
//
//   node scripts/icon-sheet.mjs [--pack <dir>] [--out <file>]
//
// Render it to PNG with headless Chromium to look at it:
//   chromium --headless --no-sandbox --disable-gpu --screenshot=/tmp/icons.png \
//     --window-size=1400,1000 file://$PWD/out/icon-sheet.svg
import { build } from 'esbuild';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const opt = (name) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const outFile = resolve(opt('--out') ?? join(root, 'out', 'icon-sheet.svg'));
const packDir = opt('--pack');

// Bundle the TypeScript sources on the fly so the sheet never depends on a stale dist/.
async function load(entry) {
  const r = await build({ entryPoints: [join(root, entry)], bundle: true, write: false, format: 'esm', platform: 'node', logLevel: 'error' });
  const code = r.outputFiles[0].text;
  return import(`data:text/javascript;base64,${Buffer.from(code).toString('base64')}`);
}

const icons = await load('src/render/icons.ts');
let pack;
if (packDir) {
  const { readIconPack } = await load('src/render/icon-pack.ts');
  const r = await readIconPack(resolve(packDir));
  pack = r.icons;
  for (const w of r.warnings) console.error(`warning: ${w}`);
}

const esc = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const keys = [...icons.ICON_KINDS];
const cols = 6;
const cellW = 226;
const cellH = 90;
const pad = 20;
const header = 56;
const rows = Math.ceil(keys.length / cols);
const width = pad * 2 + cols * cellW;
const height = header + pad + rows * cellH + pad;

const place = (def, x, y, size) =>
  `<svg x="${x}" y="${y}" width="${size}" height="${size}" viewBox="${def.viewBox}" overflow="visible">${def.body}</svg>`;

let cells = '';
keys.forEach((key, i) => {
  const def = icons.icon(key, pack);
  const x = pad + (i % cols) * cellW;
  const y = header + Math.floor(i / cols) * cellH;
  cells +=
    `<g>` +
    `<rect x="${x + 2}" y="${y + 2}" width="${cellW - 4}" height="${cellH - 4}" rx="6" fill="#ffffff" stroke="#e2e8f0"/>` +
    place(def, x + 10, y + 10, 48) +
    place(def, x + 66, y + 10, 24) +
    `<g filter="url(#gray)">${place(def, x + 66, y + 38, 20)}</g>` +
    // a node box as the diagram draws it: tinted background, 22 px icon, label
    `<rect x="${x + 96}" y="${y + 10}" width="${cellW - 106}" height="30" rx="4" fill="#f8fafc" stroke="#cbd5e1"/>` +
    place(def, x + 100, y + 14, 22) +
    `<text x="${x + 126}" y="${y + 29}" font-family="DejaVu Sans" font-size="10" fill="#0f172a">${esc(key.split(':').pop())}</text>` +
    `<text x="${x + 10}" y="${y + 76}" font-family="DejaVu Sans Mono" font-size="${key.length > 32 ? 9.5 : 11}" fill="#334155">${esc(key)}</text>` +
    `</g>`;
});

const svg =
  `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">` +
  `<defs><filter id="gray"><feColorMatrix type="saturate" values="0"/></filter></defs>` +
  `<rect width="100%" height="100%" fill="#f1f5f9"/>` +
  `<text x="${pad}" y="34" font-family="DejaVu Sans" font-size="18" font-weight="bold" fill="#0f172a">aksnet icons — ${keys.length} keys${packDir ? ` (pack: ${esc(packDir)})` : ''}</text>` +
  `<text x="${width - pad}" y="34" text-anchor="end" font-family="DejaVu Sans" font-size="11" fill="#475569">48 px · 24 px · 20 px grayscale · in a node box</text>` +
  cells +
  `</svg>`;

mkdirSync(dirname(outFile), { recursive: true });
writeFileSync(outFile, svg);
console.log(`wrote ${outFile} (${keys.length} icons, ${width}×${height})`);

// A detail sheet: every icon at 96 px on the 24-unit grid, for checking alignment up close.
if (args.includes('--detail')) {
  const per = 12;
  const size = 96;
  const dw = 114;
  const dh = 128;
  const drows = Math.ceil(keys.length / per);
  let grid = '';
  for (let k = 0; k <= 24; k += 2) {
    const o = (k * size) / 24;
    grid += `<path d="M${o} 0V${size}M0 ${o}H${size}" stroke="${k % 12 === 0 ? '#cbd5e1' : '#eef2f7'}" stroke-width="0.5"/>`;
  }
  let dcells = '';
  keys.forEach((key, i) => {
    const x = 10 + (i % per) * dw;
    const y = 10 + Math.floor(i / per) * dh;
    dcells +=
      `<g transform="translate(${x} ${y})"><rect width="${size}" height="${size}" fill="#ffffff"/>${grid}</g>` +
      place(icons.icon(key, pack), x, y, size) +
      key
        .replace(':', '\n:')
        .split('\n')
        .map((line, j) => `<text x="${x}" y="${y + size + 11 + j * 10}" font-family="DejaVu Sans Mono" font-size="8.5" fill="#334155">${esc(line)}</text>`)
        .join('');
  });
  const dsvg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="${20 + per * dw}" height="${20 + drows * dh}">` +
    `<rect width="100%" height="100%" fill="#f1f5f9"/>${dcells}</svg>`;
  const detail = join(dirname(outFile), 'icon-detail.svg');
  writeFileSync(detail, dsvg);
  console.log(`wrote ${detail}`);
}
