/**
 * Issue #15, no request leaves the PDF renderer whatever the template: a local listener on
 * 127.0.0.1 counts TCP connections while documents full of fetch vectors are printed, both as a
 * custom page without any CSP and as partials under the built-in template. Every vector must give
 * zero connections, and a meta refresh must not replace the printed content.
 */
import { createServer, type Server } from 'node:net';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { htmlToPdf, launch, type PdfSession } from '../../src/report/pdf.js';
import { aksnetAsync, design, ensureBuilt, tempDir, write } from './cli.js';

const chromium = ['/usr/bin/chromium', '/usr/lib/chromium/chromium'].find((p) => existsSync(p));
let server: Server;
let port = 0;
const hits: string[] = [];
let session: PdfSession;

beforeAll(async () => {
  server = createServer((socket) => {
    socket.once('data', (d) => hits.push(String(d).split('\r\n')[0] ?? ''));
    hits.push('connection');
    socket.on('error', () => undefined);
    // Answer anything with a page that would replace the content, to make a successful navigation visible.
    socket.end('HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nConnection: close\r\n\r\n<h1>HIJACKED</h1>');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  port = (server.address() as { port: number }).port;
  if (chromium) session = await launch({ path: chromium, source: 'install path' });
}, 120_000);

afterAll(async () => {
  await session?.close();
  server.close();
});

/** Every vector of the issue, pointed at the listener by IP literal and by host name. */
function vectors(): string {
  const out: string[] = [];
  for (const host of [`127.0.0.1:${port}`, `localhost:${port}`]) {
    const u = (p: string) => `http://${host}/${p}`;
    out.push(
      `<link rel="prefetch" href="${u('prefetch?vm=secret')}">`,
      `<link rel="preconnect" href="${u('')}">`,
      `<link rel="dns-prefetch" href="${u('')}">`,
      `<link rel="preload" as="image" href="${u('preload.png')}">`,
      `<link rel="stylesheet" href="${u('style.css')}">`,
      `<style>@import url("${u('import.css')}"); body { background: url("${u('bg.png')}"); }` +
        `@font-face { font-family: X; src: url("${u('font.woff2')}"); } p { font-family: X; }</style>`,
      `<iframe src="${u('frame')}"></iframe>`,
      `<iframe srcdoc="<img src='${u('srcdoc.png')}'>"></iframe>`,
      `<object data="${u('object')}"></object>`,
      `<embed src="${u('embed')}">`,
      `<img src="${u('img.png')}">`,
      `<img srcset="${u('srcset.png')} 2x">`,
      `<video poster="${u('poster.png')}"></video>`,
      `<svg><image href="${u('svg-image.png')}"/></svg>`,
    );
  }
  return out.join('\n');
}

const refresh = () => `<meta http-equiv="refresh" content="0; url=http://127.0.0.1:${port}/refresh">`;

async function text(pdf: Uint8Array): Promise<string> {
  const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await getDocument({ data: new Uint8Array(pdf), useSystemFonts: false }).promise;
  let all = '';
  for (let i = 1; i <= doc.numPages; i++) {
    const c = await (await doc.getPage(i)).getTextContent();
    all += c.items.map((x) => ('str' in x ? x.str : '')).join(' ') + '\n';
  }
  return all;
}

describe.skipIf(!chromium)('the PDF renderer opens no connection, whatever the document', () => {
  it('a custom page without CSP: every vector, zero connections, meta refresh ignored', async () => {
    hits.length = 0;
    const html = `<!DOCTYPE html><html><head>${refresh()}\n${vectors()}</head><body><p>original content</p>${vectors()}</body></html>`;
    const pdf = await htmlToPdf(session, html, { paper: 'a4', title: 'x' });
    await new Promise((r) => setTimeout(r, 500));
    expect(hits).toEqual([]);
    const t = await text(pdf);
    expect(t).toContain('original content');
    expect(t).not.toContain('HIJACKED');
  });

  it('a page that sets its own permissive CSP gets none of it', async () => {
    hits.length = 0;
    const html =
      `<!DOCTYPE html><html><head><meta http-equiv="Content-Security-Policy" content="default-src *; img-src *">` +
      `${vectors()}</head><body><p>permissive</p></body></html>`;
    await htmlToPdf(session, html, { paper: 'a4', title: 'x' });
    await new Promise((r) => setTimeout(r, 500));
    expect(hits).toEqual([]);
  });

  it('through the CLI: custom pack.hbs and hostile partials under the built-in template', async () => {
    ensureBuilt();
    const d = tempDir('browser-net');
    write(d, 'd.ts', design());
    for (const [dir, files] of [
      ['own', { 'pack.hbs': `<!DOCTYPE html><html><head>${refresh()}${vectors()}</head><body><h1>own template</h1></body></html>` }],
      ['partial', { 'cover.hbs': `${refresh()}${vectors()}<h1>partial content</h1>` }],
    ] as const) {
      mkdirSync(join(d, dir));
      for (const [name, src] of Object.entries(files)) writeFileSync(join(d, dir, name), src);
    }
    for (const dir of ['own', 'partial']) {
      hits.length = 0;
      const r = await aksnetAsync(['report', 'd.ts', '--templates', dir, '-o', `${dir}.pdf`], d, {
        env: { ...process.env, AKSNET_BROWSER: chromium!, NO_COLOR: '1' },
      });
      expect(r.code, r.stderr).toBe(0);
      await new Promise((res) => setTimeout(res, 300));
      expect(hits, dir).toEqual([]);
    }
  }, 180_000);
});

describe('every HTML pack carries the CSP, whatever its template', () => {
  it('a custom page without a head gets one with the policy, after the doctype', async () => {
    const { withCsp, PACK_CSP } = await import('../../src/report/html.js');
    expect(withCsp('<!DOCTYPE html><p>x</p>')).toBe(`<!DOCTYPE html><head><meta http-equiv="Content-Security-Policy" content="${PACK_CSP}"></head><p>x</p>`);
    const own = withCsp('<html><HEAD lang="x"><meta http-equiv="Content-Security-Policy" content="default-src *"></HEAD></html>');
    // Ours comes first; the template's permissive one cannot lift it (every policy applies).
    expect(own.indexOf(PACK_CSP)).toBeGreaterThan(0);
    expect(own.indexOf(PACK_CSP)).toBeLessThan(own.indexOf('default-src *'));
  });
});
