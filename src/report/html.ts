/** The self-contained HTML document of a pack (also the input Chromium prints to PDF). */
import { fontFaceCss } from './assets.js';
import { loadTemplates, renderTemplate, type TemplateSet } from './templates.js';
import type { ReportViewModel } from './types.js';
import { xmlSafe } from '../shared/text-safety.js';

export interface HtmlOptions {
  /** User template directory overriding the built-in templates. */
  templates?: string;
  /** Paper for the @page rule. */
  paper?: 'a4' | 'letter';
  /** Pre-loaded template set (tests). */
  set?: TemplateSet;
}

/**
 * Makes an SVG scale with its container: adds a viewBox from width/height when missing. The SVG
 * itself comes from aksnet's diagram module and is trusted markup.
 */
export function responsiveSvg(svg: string, width: number, height: number): string {
  const m = /<svg\b[^>]*>/.exec(svg);
  if (!m) return svg;
  let tag = m[0];
  if (!/\bviewBox=/.test(tag) && width > 0 && height > 0) tag = tag.replace(/^<svg\b/, `<svg viewBox="0 0 ${width} ${height}"`);
  if (!/\brole=/.test(tag)) tag = tag.replace(/^<svg\b/, '<svg role="img"');
  return svg.slice(0, m.index) + tag + svg.slice(m.index + m[0].length);
}

/** Removes anything in an SVG that could fetch or run: scripts, event handlers, external hrefs. */
export function sanitizeSvg(svg: string): string {
  return xmlSafe(svg)
    .replace(/<\?xml[^>]*\?>/g, '')
    .replace(/<!DOCTYPE[^>]*>/gi, '')
    .replace(/<script\b[\s\S]*?<\/script\s*>/gi, '')
    .replace(/<foreignObject\b[\s\S]*?<\/foreignObject\s*>/gi, '')
    .replace(/\son[a-z]+\s*=\s*("[^"]*"|'[^']*')/gi, '')
    .replace(/\s(xlink:href|href)\s*=\s*("|')(?!#|data:)[^"']*\2/gi, '');
}

export function renderHtml(vm: ReportViewModel, opts: HtmlOptions = {}): string {
  const set = opts.set ?? loadTemplates(opts.templates);
  const size = opts.paper === 'letter' ? 'letter' : 'A4';
  const page = `@page { size: ${size}; }\n@page landscape { size: ${size} landscape; }`;
  const css = `${fontFaceCss()}\n${set.css}\n${page}\n`;
  const authors = [...new Set(vm.cover.architectures.map((a) => a.owner).filter((o) => o && o !== '—'))].join(', ') || 'aksnet';
  const ctx = {
    ...vm,
    architectures: vm.architectures.map((a) => ({
      ...a,
      diagrams: a.diagrams.map((d) => ({ ...d, svgHtml: responsiveSvg(sanitizeSvg(d.svgHtml), d.width, d.height) })),
    })),
    css,
    authors,
  };
  return withCsp(xmlSafe(renderTemplate(set, ctx)));
}

/** The policy every HTML pack carries (the PDF renderer also sends it as a header): nothing loads from outside. */
export const PACK_CSP = "default-src 'none'; img-src data:; style-src 'unsafe-inline'; font-src data:; base-uri 'none'; form-action 'none'";

/**
 * Puts the pack's CSP first in <head>, whatever the template (a custom pack.hbs may have none).
 * Several policies all apply, so one the template adds can only restrict further.
 */
export function withCsp(html: string): string {
  const meta = `<meta http-equiv="Content-Security-Policy" content="${PACK_CSP}">`;
  if (html.includes(meta)) return html;
  const head = /<head\b[^>]*>/i.exec(html);
  if (head) return html.slice(0, head.index + head[0].length) + meta + html.slice(head.index + head[0].length);
  const doctype = /^\s*<!doctype[^>]*>/i.exec(html);
  const at = doctype ? doctype[0].length : 0;
  return `${html.slice(0, at)}<head>${meta}</head>${html.slice(at)}`;
}
