/** The self-contained HTML document of a pack (also the input Chromium prints to PDF). */
import {
  MAX_PRINT_PAGES,
  MM_PER_PX,
  WRAP_GAP_MM,
  cutObstacles,
  diagramSideMarginMm,
  fitDiagram,
  smallestFontPx,
  type PageFit,
  type Tile,
} from '../diagram/page-fit.js';
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
  /**
   * What the document is for: `screen` (the HTML file: full-width diagrams with a 1:1 view) or `print` (the
   * input of the PDF: each diagram on pages of its own, cut into tiles when one page would shrink its text).
   */
  medium?: 'screen' | 'print';
  /**
   * Folder (relative to the pack) the full-size SVGs are written to, named in each diagram's caption: for print
   * every view's, for screen those of collapsed views (the others are embedded whole).
   */
  diagramDir?: string;
}

/** One printed page of a diagram. */
export interface DiagramPage {
  svgHtml: string;
  orientation: PageFit['orientation'];
  /** "part 2 of 4", when the diagram spans several pages. */
  part?: string;
  /** Width and height of the picture on paper, in millimetres. */
  widthMm: number;
  heightMm: number;
}

/** Where a tile sits in its diagram, in words a reader can follow ("top left", "right", …). */
function tilePlace(fit: PageFit, i: number): string {
  const r = Math.floor(i / fit.columns);
  const c = i % fit.columns;
  const row = fit.rows === 1 ? '' : r === 0 ? 'top' : r === fit.rows - 1 ? 'bottom' : 'middle';
  const col = fit.columns === 1 ? '' : c === 0 ? 'left' : c === fit.columns - 1 ? 'right' : 'centre';
  return [row, col].filter(Boolean).join(' ');
}

/**
 * The printed pages of one diagram: the SVG sized in millimetres so its smallest text is at least 6 pt, as one
 * picture, as overlapping windows (tiles) onto it each with its own viewBox, or as a strip's windows wrapped onto
 * one page.
 */
export function diagramPages(svg: string, width: number, height: number, paper: 'a4' | 'letter'): DiagramPage[] {
  const fit = fitDiagram(width, height, smallestFontPx(svg), paper, cutObstacles(svg));
  const m = /<svg\b[^>]*>/.exec(svg);
  if (!m) return [];
  const bare = m[0].replace(/\s(width|height|viewBox|style)="[^"]*"/g, '');
  const mm = (px: number) => Math.round(px * MM_PER_PX * fit.scale * 10) / 10;
  const windowSvg = (t: Tile, cls = '') => {
    const tag = bare.replace(
      /^<svg\b/,
      `<svg${cls ? ` class="${cls}"` : ''} viewBox="${t.x} ${t.y} ${t.width} ${t.height}" ` +
        `style="width:${mm(t.width)}mm;height:${mm(t.height)}mm"`,
    );
    return svg.slice(0, m.index) + tag + svg.slice(m.index + m[0].length);
  };
  if (fit.wrap) {
    const tiles = fit.pages[0]!;
    const n = tiles.length;
    const gaps = (n - 1) * WRAP_GAP_MM;
    const sum = (f: (t: Tile) => number) => tiles.reduce((a, t) => a + mm(f(t)), 0);
    const rows = fit.wrap === 'rows';
    return [{
      svgHtml: `<div class="wrap wrap-${fit.wrap}">${tiles.map((t) => windowSvg(t, 'strip')).join('')}</div>`,
      orientation: fit.orientation,
      widthMm: Math.round((rows ? mm(tiles[0]!.width) : sum((t) => t.width) + gaps) * 10) / 10,
      heightMm: Math.round((rows ? sum((t) => t.height) + gaps : mm(tiles[0]!.height)) * 10) / 10,
      part: rows ? `in ${n} strips, read top to bottom` : `in ${n} strips, read left to right`,
    }];
  }
  const n = fit.tiles.length;
  return fit.tiles.map((t, i) => {
    const page: DiagramPage = {
      svgHtml: windowSvg(t),
      orientation: fit.orientation,
      widthMm: mm(t.width),
      heightMm: mm(t.height),
    };
    if (n > 1) page.part = `part ${i + 1} of ${n}, ${tilePlace(fit, i)}`;
    return page;
  });
}

/**
 * The SVG without its @font-face rules. Each diagram carries a glyph subset of the vendored DejaVu Sans under a
 * family of its own, its font stack falling back to "DejaVu Sans". The PDF browser's only system fonts are the
 * vendored faces (fontconfig.ts), so printed, the fallback draws the same glyph outlines with the same advances,
 * and the PDF embeds one DejaVu Sans (as the pack's text already does) instead of a subset per diagram: the
 * seven examples' 35 subsets made Chromium's page load and page.pdf about a third slower. The subsets have no
 * OpenType layout tables, so their text is drawn without kerning or ligatures; PRINT_DIAGRAM_TEXT turns those
 * features off for the full face as well. All 138 pages of the examples' pack render pixel-identical to the
 * subsets' at 200 dpi.
 */
export function withoutFontFaces(svg: string): string {
  return svg.replace(/@font-face\{[^}]*\}/g, '');
}

/** Diagram text in print: the full face drawn as its subset is, without kerning or ligatures (see withoutFontFaces). */
export const PRINT_DIAGRAM_TEXT =
  'svg text { font-kerning: none; font-variant-ligatures: none; font-feature-settings: "kern" 0, "liga" 0, "clig" 0, "calt" 0; }';

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
  const paper = opts.paper === 'letter' ? 'letter' : 'a4';
  const size = opts.paper === 'letter' ? 'letter' : 'A4';
  // Diagram pages (the named pages) have the side margins their picture box is measured with (page-fit.ts): on
  // Letter narrower than the PDF's own (pdf.ts), which A4's diagram pages keep.
  const side = diagramSideMarginMm(paper);
  const sides = paper === 'letter' ? ` margin-left: ${side}mm; margin-right: ${side}mm;` : '';
  const page =
    `@page { size: ${size}; }\n@page portrait { size: ${size} portrait;${sides} }\n` +
    `@page landscape { size: ${size} landscape;${sides} }`;
  const print = opts.medium === 'print';
  const authors = [...new Set(vm.cover.architectures.map((a) => a.owner).filter((o) => o && o !== '—'))].join(', ') || 'aksnet';
  const architectures = vm.architectures.map((a) => ({
    ...a,
    diagrams: a.diagrams.map((d) => {
      const svg = responsiveSvg(sanitizeSvg(d.svgHtml), d.width, d.height);
      const anchor = `${a.anchor}-diagram-${d.view}`;
      // The whole picture is beside the pack when it was drawn: every view for the PDF, collapsed ones for HTML.
      const beside = opts.diagramDir && !d.fullSizeNote && (print || d.fullSvg !== undefined);
      const fullSizeFile = beside ? { fullSizeFile: `${opts.diagramDir}/${d.fileName}` } : {};
      // The whole picture goes to its own file, never into the document.
      const rest = { ...d };
      delete rest.fullSvg;
      delete rest.printSvg;
      delete rest.parts;
      if (!print) {
        // On screen the whole picture comes first, then the pictures the PDF prints instead of it (a region's
        // overview, a run of spokes), each full width with its own 1:1 view.
        const screenParts = (d.parts ?? []).map((p, i, all) => ({
          anchor: `${anchor}-part-${i + 1}`,
          part: `part ${i + 1} of ${all.length}: ${p.title}`,
          svgHtml: responsiveSvg(sanitizeSvg(p.svgHtml), p.width, p.height),
        }));
        return { ...rest, anchor, svgHtml: svg, pages: [], screenParts, ...fullSizeFile };
      }
      // A split view prints its parts, each on pages of its own and titled with what it covers.
      const pictures = d.parts?.length
        ? d.parts.map((p, i, all) => ({
            svg: withoutFontFaces(responsiveSvg(sanitizeSvg(p.svgHtml), p.width, p.height)),
            width: p.width,
            height: p.height,
            part: `part ${i + 1} of ${all.length}: ${p.title}`,
          }))
        : d.printSvg
          ? [{
              svg: withoutFontFaces(responsiveSvg(sanitizeSvg(d.printSvg.svg), d.printSvg.width, d.printSvg.height)),
              width: d.printSvg.width,
              height: d.printSvg.height,
              part: undefined,
            }]
          : [{ svg: withoutFontFaces(svg), width: d.width, height: d.height, part: undefined }];
      const pages = pictures.flatMap((p) =>
        diagramPages(p.svg, p.width, p.height, paper).map((page) => {
          if (p.part === undefined) return page;
          return { ...page, part: page.part ? `${p.part}, ${page.part.replace(/^part/, 'page')}` : p.part };
        }),
      );
      // A picture that would need more than MAX_PRINT_PAGES tiles is not printed: dozens of pages of fragments
      // help no reader. The caption says so; the whole picture is beside the pack when it was drawn.
      if (pages.length > MAX_PRINT_PAGES) {
        const whole = beside
          ? 'the full-size SVG beside this pack shows it whole'
          : `aksnet diagram <design> --view ${d.view} draws it whole`;
        const printNote =
          `At 6 pt this picture would take ${pages.length} pages, so it is not printed; ${whole}, ` +
          'and the other views show its parts.';
        return { ...rest, anchor, svgHtml: '', pages: [], printNote, ...fullSizeFile };
      }
      return { ...rest, anchor, svgHtml: '', pages, ...fullSizeFile };
    }),
  }));
  // Printed, the pack is rendered by aksnet's browser, whose only system fonts are the vendored ones
  // (fontconfig.ts): the same faces again as data URLs (2.4 MB) only cost Chromium time to parse.
  const fonts = print ? PRINT_DIAGRAM_TEXT : fontFaceCss();
  const css = `${fonts}\n${set.css}\n${page}\n`;
  const ctx = { ...vm, print, architectures, css, authors };
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
