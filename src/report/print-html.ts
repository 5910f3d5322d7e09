/**
 * The print HTML of a PDF pack, made while Chromium starts.
 *
 * The pack names the browser that printed it (the appendix's versions), and that name is known only once Chromium
 * is up. A pack whose designs are drawn from the drawing cache is ready well before that, and would then wait for
 * the launch before assembling its HTML. So the HTML is assembled at once with a token in the browser's place, and
 * the name goes in once it is known: the same bytes as assembling the HTML then. That holds when the templates
 * print the name as they are given it (aksnet's own templates do; custom ones are not assumed to) and the name
 * has no character that HTML escaping changes; otherwise the HTML is assembled again, with the name.
 */
import { randomBytes } from 'node:crypto';
import { renderHtml, type HtmlOptions } from './html.js';
import type { ReportViewModel } from './types.js';
import { withBrowser } from './view-model.js';

/** Characters Handlebars' escaping leaves as they are (it escapes & < > " ' ` =). */
const PRINTS_AS_IS = /^[A-Za-z0-9 ./()_+:;,-]+$/;

export interface EarlyPrintHtml {
  /** The print HTML naming `browser`: the early one with the name put in, or assembled again when it cannot be. */
  finish(browser: string): string;
}

/**
 * Assembles the print HTML now, before the browser's name is known; undefined when custom templates are in use
 * (the HTML is then assembled once the browser is up, as before). Throws what renderHtml throws.
 */
export function printHtmlBeforeLaunch(vm: ReportViewModel, opts: HtmlOptions): EarlyPrintHtml | undefined {
  if (opts.templates !== undefined || opts.set !== undefined) return undefined;
  // Random, so that no design's text can hold it.
  const token = `aksnet-browser-${randomBytes(9).toString('hex')}`;
  const early = renderHtml(withBrowser(vm, token), opts);
  return {
    finish(browser) {
      if (PRINTS_AS_IS.test(browser) && early.includes(token)) return early.split(token).join(browser);
      return renderHtml(withBrowser(vm, browser), opts);
    },
  };
}
