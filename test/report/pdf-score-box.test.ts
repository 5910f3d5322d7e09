/**
 * The executive summary's big score in print: a three-digit score ("100") keeps clear of the verdict beside it
 * (printed over it, pdftotext read "100notes remain…").
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { installedBrowser } from '../helpers/browser.js';
import { htmlToPdf, launch, type PdfSession } from '../../src/report/pdf.js';
import { renderHtml } from '../../src/report/html.js';
import { buildViewModel } from '../../src/report/view-model.js';
import { validateFile } from '../../src/validate/run-files.js';
import { loadRules } from '../../src/validate/registry.js';
import { readPdf, type Page } from '../helpers/pdf-text.js';

const examples = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'examples');
const browserPath = installedBrowser();

describe.skipIf(!browserPath && !process.env.AKSNET_REQUIRE_BROWSER)('the score box of the executive summary', () => {
  let session: PdfSession;
  let summary: Page;

  beforeAll(async () => {
    const v = await validateFile(join(examples, 'a-hub-spoke-baseline.ts'), { asOf: '2026-11-23', config: false });
    const vm = buildViewModel([{ model: v.arch.model, file: v.arch.file, result: v.result, sha256: '00'.repeat(32), diagrams: [] }], {
      version: '0.0.0-test',
      rules: (await loadRules()).map((r) => r.meta),
    });
    expect(vm.summary.overall.score).toBe(100);
    session = await launch({ path: browserPath!, source: 'install path' });
    const pages = await readPdf(await htmlToPdf(session, renderHtml(vm, { paper: 'a4', medium: 'print' }), { paper: 'a4', title: vm.headerTitle, date: '2026-11-02' }));
    summary = pages.find((p) => p.words.some((w) => w.text.includes('Executive summary')))!;
  }, 120_000);

  afterAll(async () => {
    await session?.close();
  });

  it('prints "100" whole, with a gap before the verdict text', () => {
    const score = summary.words.find((w) => w.text.trim() === '100' && w.size > 20)!;
    expect(score).toBeDefined();
    const verdict = summary.words.filter((w) => w.size < 12 && w.y > score.y - 30 && w.y < score.y + 30);
    expect(verdict.length).toBeGreaterThan(0);
    const left = Math.min(...verdict.map((w) => w.x));
    // At least 6 pt between the last digit and the text (the box's gap is 10 pt).
    expect(left - (score.x + score.width)).toBeGreaterThanOrEqual(6);
  });
});
