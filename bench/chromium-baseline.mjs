// The floor a PDF pack is compared with: launch Chromium (as aksnet's PDF writer does: puppeteer-core,
// the same flags) and print one small page.pdf per architecture, then close. Whole process, like
// `aksnet report … -o pack.pdf`.
//
//   node bench/chromium-baseline.mjs <name>...      (AKSNET_BROWSER, else /usr/bin/chromium)
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer from 'puppeteer-core';
import { CHROMIUM_ARGS } from '../dist/src/report/pdf.js';

const names = process.argv.slice(2);
const profile = mkdtempSync(join(tmpdir(), 'aksnet-bench-chromium-'));
const browser = await puppeteer.launch({
  executablePath: process.env.AKSNET_BROWSER || '/usr/bin/chromium',
  headless: true,
  userDataDir: profile,
  args: [...CHROMIUM_ARGS],
});
try {
  for (const name of names) {
    const page = await browser.newPage();
    await page.setContent(
      `<!doctype html><meta charset="utf-8"><title>${name}</title><h1>${name}</h1><p>One page.</p>`,
    );
    await page.pdf({ format: 'A4', printBackground: true });
    await page.close();
  }
} finally {
  await browser.close();
  rmSync(profile, { recursive: true, force: true });
}
