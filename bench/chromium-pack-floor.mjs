// The second PDF floor: launch Chromium as aksnet's PDF writer does and print the pack's own HTML (written
// beforehand by bench/pack-html.mjs) with aksnet's own print call (src/report/pdf.ts: request lockdown,
// header and footer, outline, tagged PDF, preferCSSPageSize), then close. Whole process. What a pack takes
// beyond this is what aksnet adds around Chromium.
//
//   node bench/chromium-pack-floor.mjs <pack.html> <out.pdf>     (AKSNET_BROWSER, else /usr/bin/chromium)
import { readFileSync, writeFileSync } from 'node:fs';
import { htmlToPdf, launch } from '../dist/src/report/pdf.js';

const [htmlFile, out] = process.argv.slice(2);
const html = readFileSync(htmlFile, 'utf8');
const { title } = JSON.parse(readFileSync(`${htmlFile}.json`, 'utf8'));
const session = await launch({ path: process.env.AKSNET_BROWSER || '/usr/bin/chromium', source: 'AKSNET_BROWSER' });
try {
  writeFileSync(out, await htmlToPdf(session, html, { paper: 'a4', title }));
} finally {
  await session.close();
}
