/**
 * The print HTML assembled before Chromium is up (src/report/print-html.ts): once the browser's name goes in, it
 * is byte for byte the HTML assembled with that name, whatever the name holds.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderHtml, type HtmlOptions } from '../../src/report/html.js';
import { prepareInputs } from '../../src/report/pack.js';
import { printHtmlBeforeLaunch } from '../../src/report/print-html.js';
import type { ReportViewModel } from '../../src/report/types.js';
import { buildViewModel, withBrowser } from '../../src/report/view-model.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const scratch = mkdtempSync(join(tmpdir(), 'aksnet-print-html-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('print HTML assembled before the browser is up', () => {
  let vm: ReportViewModel;
  const opts: HtmlOptions = { paper: 'a4', medium: 'print', diagramDir: 'pack-diagrams' };
  beforeAll(async () => {
    const inputs = await prepareInputs({ files: [join(root, 'examples', 'd-legacy-agic-kubenet.ts')], config: false });
    vm = buildViewModel(inputs, { version: '0.0.0-test', rules: [] });
  });

  it('is the HTML assembled with the browser name, for names HTML prints as they are and names it escapes', () => {
    const early = printHtmlBeforeLaunch(vm, opts);
    expect(early).toBeDefined();
    for (const browser of ['HeadlessChrome/156.0.0.0', 'Chromium 156.0.8078.114 built on Debian GNU/Linux 12 (bookworm)', 'a<b>&"c"=\'d\'`']) {
      const direct = renderHtml(withBrowser(vm, browser), opts);
      expect(early!.finish(browser)).toBe(direct);
    }
    // The name is in the pack's appendix, escaped where it needs to be.
    expect(early!.finish('HeadlessChrome/156.0.0.0')).toContain('<td>HeadlessChrome/156.0.0.0</td>');
    expect(early!.finish('a<b>')).toContain('a&lt;b&gt;');
    expect(early!.finish('a<b>')).not.toContain('aksnet-browser-');
  });

  it('is not assembled early with custom templates, which may print the name otherwise', () => {
    // Any folder: the templates are never read when the HTML is not assembled early.
    const custom = join(scratch, 'templates');
    expect(printHtmlBeforeLaunch(vm, { ...opts, templates: custom })).toBeUndefined();
  });
});
