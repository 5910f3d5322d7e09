/**
 * The print page a pack opens while its designs are still drawn (openPrintPage in src/report/pdf.ts): locked
 * down before it loads anything (JavaScript off, every request but the pack's blocked), and a document printed
 * on it is the same bytes as one printed on a page opened just before printing.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { installedBrowser } from '../helpers/browser.js';
import { htmlToPdf, launch, openPrintPage, type PdfSession } from '../../src/report/pdf.js';

const browserPath = installedBrowser();

const hostile =
  '<!DOCTYPE html><html><head><title>x</title><link rel="stylesheet" href="https://example.invalid/x.css"></head>' +
  '<body><h1>prepared page</h1><p>Printed text.</p><img src="http://example.invalid/logo.png">' +
  '<script>document.body.innerHTML = "JS RAN"</script></body></html>';
const opts = { paper: 'a4' as const, title: 'Print page', date: '2026-11-02' };

async function pdfText(bytes: Uint8Array): Promise<string> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await pdfjs.getDocument({ data: new Uint8Array(bytes), useSystemFonts: false, isEvalSupported: false })
    .promise;
  const page = await doc.getPage(1);
  const text = (await page.getTextContent()).items.map((i) => ('str' in i ? i.str : '')).join(' ');
  await doc.destroy();
  return text;
}

describe.skipIf(!browserPath && !process.env.AKSNET_REQUIRE_BROWSER)('the prepared print page', () => {
  const sessions: PdfSession[] = [];
  afterAll(async () => {
    for (const s of sessions) await s.close();
  });
  const fresh = async () => {
    const s = await launch({ path: browserPath!, source: 'install path' });
    sessions.push(s);
    return s;
  };

  it('blocks requests and scripts like a page opened at print time, and prints the same bytes', async () => {
    // Each print in a browser of its own, as a pack does: structure ids depend on what a browser printed before.
    const early = await fresh();
    const prepared = openPrintPage(early);
    // Opened long before the document exists, as while a pack's designs are drawn.
    await prepared;
    await new Promise((r) => setTimeout(r, 200));
    const onPrepared = await htmlToPdf(early, hostile, opts, prepared);
    const late = await fresh();
    const onFresh = await htmlToPdf(late, hostile, opts);

    expect(Buffer.compare(Buffer.from(onPrepared), Buffer.from(onFresh))).toBe(0);
    const text = await pdfText(onPrepared);
    expect(text).toContain('prepared page');
    expect(text).not.toContain('JS RAN');
    // Nothing left the page: what got as far as a request was aborted, and only the hostile hosts were asked for.
    expect(early.blocked.every((u) => u.includes('example.invalid'))).toBe(true);
    expect(early.blocked).toEqual(late.blocked);
    // The page is closed after printing: the browser holds no page but its initial blank one.
    expect((await early.browser.pages()).map((p) => p.url())).toEqual(['about:blank']);
  }, 120_000);

  it('serves the document only when it is set: a navigation before that gets no content', async () => {
    const s = await fresh();
    const { page } = await openPrintPage(s);
    // A 204 answer is never committed (puppeteer may report the navigation as aborted): the page stays blank.
    await page.goto('https://aksnet.invalid/pack.html', { waitUntil: 'load', timeout: 30_000 }).catch(() => null);
    expect(page.url()).toBe('about:blank');
    expect(s.blocked).toEqual(['https://aksnet.invalid/pack.html']);
    await page.close();
  }, 120_000);
});
