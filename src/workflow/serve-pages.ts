/**
 * The HTML of `aksnet serve`: an index, a page per design (views, findings linked to drawn elements,
 * the review pack in a sandboxed frame, or the load error), and the small client script that reloads
 * on server-sent events. Every value from a design is escaped; pages carry no inline script.
 */
import { xmlUnescape } from '../shared/text-safety.js';
import type { Finding } from '../validate/finding.js';

export interface View {
  view: string;
  title: string;
  svg: string;
}

export type Page =
  | {
      kind: 'ok';
      stem: string;
      file: string;
      title: string;
      views: View[];
      findings: Finding[];
      report?: string;
      reportError?: string;
    }
  | { kind: 'error'; stem: string; file: string; error: string }
  | { kind: 'skipped'; stem: string; file: string; reason: string };

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

const STYLE = `<style>
body{font-family:system-ui,sans-serif;margin:0;color:#1b2330}
header{background:#0b3d91;color:#fff;padding:.6rem 1rem}header a{color:#fff;margin-right:1rem}
main{padding:1rem}pre.error{background:#fdecea;border:1px solid #e0a39b;padding:.8rem;white-space:pre-wrap}
.view{overflow:auto;border:1px solid #d5dae3;margin-bottom:1rem}.view svg{max-width:none}
ol.findings li{margin:.3rem 0}.sev-error{color:#b3261e}.sev-warning{color:#8a5a00}.sev-info{color:#1f5fa8}
.aksnet-hl>rect,.aksnet-hl>path{stroke:#e8175d!important;stroke-width:4px!important}
iframe{width:100%;height:80vh;border:1px solid #d5dae3}
</style>`;

const designHref = (stem: string) => `/design/${encodeURI(stem)}`;

function nav(pages: Page[]): string {
  return pages
    .filter((p) => p.stem)
    .map((p) => `<a href="${designHref(p.stem)}">${escapeHtml(p.stem)}${p.kind === 'error' ? ' ⚠' : ''}</a>`)
    .join('');
}

function shell(title: string, body: string, pages: Page[], generation: number): string {
  return [
    '<!doctype html><html lang="en"><head><meta charset="utf-8">',
    `<title>${escapeHtml(title)} · aksnet serve</title>${STYLE}</head>`,
    `<body data-generation="${generation}"><header><a href="/">aksnet</a>${nav(pages)}</header>`,
    `<main>${body}</main><script src="/client.js"></script></body></html>`,
  ].join('\n');
}

const errorBlock = (text: string, id?: string) =>
  `<pre class="error"${id ? ` id="${id}"` : ''}>${escapeHtml(text)}</pre>`;
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** The list of designs with their state. */
export function indexPage(pages: Page[], generation: number): string {
  const rows = pages.map((p) => {
    if (p.kind === 'error') {
      const name = p.stem ? `<a href="${designHref(p.stem)}">${escapeHtml(p.file)}</a>` : escapeHtml(p.file);
      return `<li>${name}${errorBlock(p.error)}</li>`;
    }
    if (p.kind === 'skipped') return `<li>${escapeHtml(p.file)}: skipped, not a design</li>`;
    const open = p.findings.filter((f) => f.status !== 'suppressed').length;
    const link = `<a href="${designHref(p.stem)}">${escapeHtml(p.title)}</a>`;
    return `<li>${link} (${escapeHtml(p.file)}): ${plural(open, 'open finding')}</li>`;
  });
  return shell('designs', `<h1>Designs</h1><ul>${rows.join('')}</ul>`, pages, generation);
}

/** A finding; linked to its element only when some view draws it (NSGs and route tables are not drawn). */
function findingItem(f: Finding, drawn: ReadonlySet<string>): string {
  const label = f.status === 'suppressed' ? 'accepted' : f.severity;
  const where = `${f.file}:${f.line}:${f.column}`;
  const link =
    f.element && drawn.has(f.element)
      ? ` <a href="#" data-element="${escapeHtml(f.element)}">show ${escapeHtml(f.elementName ?? f.element)}</a>`
      : '';
  const cls = `sev-${f.severity}${f.status === 'suppressed' ? ' suppressed' : ''}`;
  return (
    `<li class="${cls}"><b>${escapeHtml(label)}</b> ${escapeHtml(f.message)} ` +
    `<code>${escapeHtml(f.ruleId)}</code> <small>${escapeHtml(where)}</small>${link}</li>`
  );
}

/** One design: findings, every view, the review pack; or why there is nothing to show. */
export function designPage(p: Page, pages: Page[], generation: number): string {
  const heading = `<h1 id="title">${escapeHtml(p.kind === 'ok' ? p.title : p.file)}</h1>`;
  if (p.kind === 'error') {
    const body = `${heading}<p>The design could not be loaded:</p>${errorBlock(p.error, 'load-error')}`;
    return shell(p.file, body, pages, generation);
  }
  if (p.kind === 'skipped')
    return shell(p.file, `${heading}<p>Skipped: not a design (${escapeHtml(p.reason)}).</p>`, pages, generation);
  const drawn = new Set<string>();
  for (const v of p.views) for (const m of v.svg.matchAll(/data-element="([^"]*)"/g)) drawn.add(xmlUnescape(m[1]!));
  const findings = p.findings.length
    ? `<ol class="findings">${p.findings.map((f) => findingItem(f, drawn)).join('')}</ol>`
    : '<p>No findings.</p>';
  // The SVG comes from aksnet's renderer, which escapes every design value; it is embedded as is.
  const views = p.views
    .map(
      (v) =>
        `<section><h3>${escapeHtml(v.title)}</h3>` +
        `<div class="view" data-view="${escapeHtml(v.view)}">${v.svg}</div></section>`,
    )
    .join('');
  const report = p.report
    ? `<iframe title="review pack" sandbox src="/report/${encodeURI(p.stem)}"></iframe>`
    : errorBlock(p.reportError ?? 'no review pack');
  const body = [
    heading,
    `<p>${escapeHtml(p.file)}</p>`,
    `<h2>Findings</h2>${findings}`,
    `<h2>Views</h2>${views}`,
    `<h2>Review pack</h2>${report}`,
  ].join('\n');
  return shell(p.title, body, pages, generation);
}


/** Reloads when the server's generation moves on; highlights the element a finding names. */
export const CLIENT_JS = `(() => {
  const shown = document.body.dataset.generation;
  const events = new EventSource('/events');
  events.onmessage = (e) => { if (e.data !== shown) location.reload(); };
  document.addEventListener('click', (e) => {
    const a = e.target.closest('a[data-element]');
    if (!a) return;
    e.preventDefault();
    document.querySelectorAll('.aksnet-hl').forEach((n) => n.classList.remove('aksnet-hl'));
    const want = a.dataset.element;
    const hits = [...document.querySelectorAll('.view [data-element]')].filter((n) => n.dataset.element === want);
    hits.forEach((n) => n.classList.add('aksnet-hl'));
    if (hits[0]) hits[0].scrollIntoView({ block: 'center' });
  });
})();
`;
