/**
 * PNG diagrams: the SVG rasterised by the same locked-down Chromium that prints PDFs (JavaScript
 * off, every request that is not `data:` blocked), at twice the SVG's size for sharp text.
 */
import { AksnetError, ExitCode } from '../shared/errors.js';
import type { PdfSession } from '../report/pdf.js';

export async function svgToPng(session: PdfSession, svg: string, width: number, height: number): Promise<Uint8Array> {
  const page = await session.browser.newPage();
  try {
    await page.setJavaScriptEnabled(false);
    await page.setRequestInterception(true);
    page.on('request', (req) => {
      if (req.url().startsWith('data:')) void req.continue();
      else {
        session.blocked.push(req.url());
        void req.abort('blockedbyclient');
      }
    });
    const w = Math.max(1, Math.ceil(width));
    const h = Math.max(1, Math.ceil(height));
    await page.setViewport({ width: w, height: h, deviceScaleFactor: 2 });
    await page.setContent(`<!doctype html><html><body style="margin:0;background:#fff">${svg}</body></html>`, {
      waitUntil: 'load',
      timeout: 60_000,
    });
    const png = await page.screenshot({
      type: 'png',
      clip: { x: 0, y: 0, width: w, height: h },
      omitBackground: false,
    });
    return new Uint8Array(png);
  } catch (e) {
    throw new AksnetError(`PNG rendering failed: ${(e as Error).message.split('\n')[0]}`, undefined, ExitCode.output);
  } finally {
    await page.close().catch(() => undefined);
  }
}
