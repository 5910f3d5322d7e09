/**
 * The PDF's running header and footer (src/report/pdf.ts: margin boxes of the document's own @page rules): the
 * pack's title as the user wrote it, whatever characters it holds, on every page, inside the page margins, with
 * "Page N of M" below.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cssString, htmlToPdf, launch, withRunningHead, type PdfSession } from '../../src/report/pdf.js';
import { installedBrowser } from '../helpers/browser.js';

const browserPath = installedBrowser();
const MM = 72 / 25.4;

/** The text a CSS string stands for (its hex escapes decoded). */
function cssText(quoted: string): string {
  expect(quoted.startsWith('"') && quoted.endsWith('"')).toBe(true);
  return quoted.slice(1, -1).replace(/\\([0-9a-f]{1,6}) /g, (_m, hex: string) => String.fromCodePoint(parseInt(hex, 16)));
}

const HOSTILE = 'Pack "A" \\ \'b\' </style><script>alert(1)</script>\n}{ @page Ωμέγα · Zürich 😀';

describe('cssString', () => {
  it('stands for exactly its text, with no quote, backslash, angle bracket or line break left bare', () => {
    const q = cssString(HOSTILE);
    expect(cssText(q)).toBe(HOSTILE);
    const inner = q.slice(1, -1);
    expect(inner).not.toMatch(/["'<>{}\n]/);
    // Every backslash starts a hex escape ended by a space.
    expect(inner.replace(/\\[0-9a-f]{1,6} /g, '')).not.toContain('\\');
    expect(cssString('Plain title 2026')).toBe('"Plain title 2026"');
  });
});

describe('withRunningHead', () => {
  it('puts its style at the end of the head, or at the start of a document without one', () => {
    const doc = '<!doctype html><html><head><title>x</title></head><body><p>a</p></body></html>';
    const out = withRunningHead(doc, 'T');
    expect(out.indexOf('@top-left')).toBeGreaterThan(out.indexOf('<title>'));
    expect(out.indexOf('@top-left')).toBeLessThan(out.indexOf('</head>'));
    expect(out.replace(/<style>@page \{[\s\S]*?\}<\/style>/, '')).toBe(doc);
    const bare = withRunningHead('<p>no head</p>', 'T');
    expect(bare.startsWith('<style>@page {')).toBe(true);
    expect(bare.endsWith('<p>no head</p>')).toBe(true);
  });

  it('keeps a hostile title inside its CSS string: the style ends where it began', () => {
    const out = withRunningHead('<html><head></head><body></body></html>', HOSTILE);
    expect(out.match(/<\/style>/g)).toHaveLength(1);
    expect(out).not.toContain('<script>');
  });
});

describe.skipIf(!browserPath && !process.env.AKSNET_REQUIRE_BROWSER)('the running header and footer in print', () => {
  let session: PdfSession;
  let pages: Array<{ height: number; items: Array<{ str: string; y: number }> }>;

  beforeAll(async () => {
    session = await launch({ path: browserPath!, source: 'install path' });
    const html =
      '<!doctype html><html><head><meta charset="utf-8"><title>t</title><style>@page { size: A4; } ' +
      '@page landscape { size: A4 landscape; } .wide { page: landscape; }</style></head><body>' +
      '<h1>First page</h1><p style="break-before: page">Second page</p><div class="wide"><p>Landscape page</p></div>' +
      '</body></html>';
    const pdf = await htmlToPdf(session, html, { paper: 'a4', title: HOSTILE, date: '2026-11-02' });
    const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
    const doc = await pdfjs.getDocument({ data: new Uint8Array(pdf), useSystemFonts: false, isEvalSupported: false }).promise;
    pages = [];
    for (let i = 1; i <= doc.numPages; i++) {
      const p = await doc.getPage(i);
      const items = (await p.getTextContent()).items.flatMap((it) => ('str' in it && it.str.trim() ? [{ str: it.str, y: it.transform[5] as number }] : []));
      pages.push({ height: p.view[3]!, items });
    }
    await doc.destroy();
  }, 60_000);

  afterAll(async () => {
    await session?.close();
  });

  it('prints the title as written, what the pack is, and "Page N of M" on every page, portrait and landscape', () => {
    expect(pages).toHaveLength(3);
    // The title's line break prints as a space (CSS white space), every other character as itself.
    const title = HOSTILE.replace(/\n/g, ' ');
    for (const [i, p] of pages.entries()) {
      const text = p.items.map((it) => it.str);
      expect(text.join(' ').replace(/\s+/g, ' '), `page ${i + 1}`).toContain(title.replace(/\s+/g, ' '));
      expect(text).toContain('Well-Architected review · AKS networking');
      expect(text).toContain('aksnet');
      expect(text).toContain(`Page ${i + 1} of 3`);
    }
    // The third page is the landscape one: wider than high.
    expect(pages[2]!.height).toBeLessThan(600);
  });

  it('sets the header in the 17 mm top margin and the footer in the 16 mm bottom margin, clear of the body', () => {
    for (const p of pages) {
      const at = (s: string) => p.items.find((it) => it.str === s)!.y;
      const header = at('Well-Architected review · AKS networking');
      const footer = at('aksnet');
      expect(header).toBeGreaterThan(p.height - 17 * MM);
      expect(header).toBeLessThan(p.height);
      expect(footer).toBeLessThan(16 * MM);
      expect(footer).toBeGreaterThan(0);
      for (const it of p.items.filter((x) => /page$/i.test(x.str))) {
        expect(it.y).toBeLessThan(p.height - 17 * MM);
        expect(it.y).toBeGreaterThan(16 * MM);
      }
    }
  });
});

describe.skipIf(!browserPath && !process.env.AKSNET_REQUIRE_BROWSER)('a long title in the running header', () => {
  const LONG =
    'Adventure Works bookings: active-active stamps in West Europe and North Europe with a shared hub, ' +
    'regional failover and a long tail of words nobody reads';
  let session: PdfSession;
  let pages: Array<{ items: Array<{ str: string; y: number }> }>;

  beforeAll(async () => {
    session = await launch({ path: browserPath!, source: 'install path' });
    const html =
      '<!doctype html><html><head><meta charset="utf-8"><title>t</title><style>@page { size: A4; } ' +
      '@page landscape { size: A4 landscape; } .wide { page: landscape; }</style></head><body>' +
      '<h1>Portrait page</h1><div class="wide"><p>Landscape page</p></div></body></html>';
    const pdf = await htmlToPdf(session, html, { paper: 'a4', title: LONG, date: '2026-11-02' });
    const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
    const doc = await pdfjs.getDocument({ data: new Uint8Array(pdf), useSystemFonts: false, isEvalSupported: false }).promise;
    pages = [];
    for (let i = 1; i <= doc.numPages; i++) {
      const p = await doc.getPage(i);
      const items = (await p.getTextContent()).items.flatMap((it) => ('str' in it && it.str.trim() ? [{ str: it.str, y: it.transform[5] as number }] : []));
      pages.push({ items });
    }
    await doc.destroy();
  }, 60_000);

  afterAll(async () => {
    await session?.close();
  });

  it('stays on one line beside the right-hand text, cut with an ellipsis, portrait and landscape', () => {
    expect(pages).toHaveLength(2);
    for (const [i, p] of pages.entries()) {
      const right = p.items.find((it) => it.str === 'Well-Architected review · AKS networking')!;
      // Every piece of the header sits on the line of the right-hand text: nothing wrapped above it.
      const header = p.items.filter((it) => Math.abs(it.y - right.y) < 40 && it.y >= right.y - 1 && it !== right);
      expect(header.length, `page ${i + 1}`).toBeGreaterThan(0);
      for (const it of header) expect(it.y, `page ${i + 1}: ${it.str}`).toBeCloseTo(right.y, 0);
      const text = header.map((it) => it.str).join(' ');
      expect(text.startsWith('Adventure Works bookings'), `page ${i + 1}: ${text}`).toBe(true);
    }
    // On the portrait page the title does not fit: it is cut, with an ellipsis, not wrapped.
    const portrait = pages[0]!.items.map((it) => it.str).join(' ');
    expect(portrait).toContain('…');
    expect(portrait).not.toContain('nobody reads');
  });
});
