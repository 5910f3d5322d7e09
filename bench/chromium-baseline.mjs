// The floor a PDF pack is compared with: launch Chromium (as aksnet's PDF writer does: puppeteer-core,
// the same flags) and print one small page.pdf per architecture, then close. Whole process, like
// `aksnet report … -o pack.pdf`.
//
//   node bench/chromium-baseline.mjs <name>...      (AKSNET_BROWSER, else /usr/bin/chromium)
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer from 'puppeteer-core';

const names = process.argv.slice(2);
const profile = mkdtempSync(join(tmpdir(), 'aksnet-bench-chromium-'));
const browser = await puppeteer.launch({
  executablePath: process.env.AKSNET_BROWSER || '/usr/bin/chromium',
  headless: true,
  userDataDir: profile,
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--no-first-run',
    '--no-default-browser-check',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--disable-extensions',
    '--disable-dev-shm-usage',
    '--disable-quic',
    '--force-color-profile=srgb',
    '--font-render-hinting=none',
  ],
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
