/**
 * Golden files: for every design in examples/, the normalized model (`aksnet model`), the findings as
 * SARIF (`aksnet validate --format sarif`) and the SVG of every view (`aksnet diagram`) are committed
 * under test/golden/<example>/ and compared byte for byte. Any change to normalization, a rule's
 * wording, the layout or the renderer shows up here as a file diff.
 *
 * When a change is intended, rewrite the goldens and review the diff like code:
 *
 *   UPDATE_GOLDENS=1 npx vitest run test/golden      (or UPDATE_GOLDENS=1 npm test)
 *   git diff --stat test/golden                       which examples and artefacts moved
 *   git diff test/golden/<example>/model.json         a model change should be the one you meant
 *   git diff --word-diff test/golden/<example>/findings.sarif
 *
 * For an SVG, open the old and new files side by side (e.g. `git show HEAD:test/golden/a-…/ingress.svg
 * > /tmp/old.svg`, then both in a browser): a one-line change can be a moved box. Commit the goldens
 * with the change that caused them, and say in the commit body why they changed.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { renderDiagrams } from '../../src/diagram/index.js';
import { formatSarif } from '../../src/validate/format/sarif.js';
import { loadRules } from '../../src/validate/registry.js';
import type { RuleMeta } from '../../src/validate/rule.js';
import { validateFile, type ValidatedFile } from '../../src/validate/run-files.js';

const root = join(import.meta.dirname, '..', '..');
const goldenDir = join(root, 'test', 'golden');
const update = process.env.UPDATE_GOLDENS === '1';
/** A fixed date, so lifecycle findings do not change with the calendar. */
const AS_OF = '2026-11-23';

const examples = readdirSync(join(root, 'examples'))
  .filter((f) => f.endsWith('.ts'))
  .sort();

let rules: RuleMeta[];
beforeAll(async () => {
  rules = (await loadRules()).map((r) => r.meta);
});

/** The line and a little context where two texts first differ (a full diff of a 100 kB SVG helps nobody). */
function firstDifference(expected: string, actual: string): string {
  const a = expected.split('\n');
  const b = actual.split('\n');
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  const clip = (s: string | undefined) => (s === undefined ? '(end of file)' : s.length > 200 ? `${s.slice(0, 200)}…` : s);
  return `first difference at line ${i + 1}:\n  golden: ${clip(a[i])}\n  actual: ${clip(b[i])}`;
}

/** Compares `actual` with the golden file, or rewrites it under UPDATE_GOLDENS=1. */
function golden(path: string, actual: string): void {
  const name = relative(root, path);
  if (update) {
    mkdirSync(join(path, '..'), { recursive: true });
    if (!existsSync(path) || readFileSync(path, 'utf8') !== actual) writeFileSync(path, actual);
    return;
  }
  expect(existsSync(path), `${name} is missing: run UPDATE_GOLDENS=1 npx vitest run test/golden`).toBe(true);
  const expected = readFileSync(path, 'utf8');
  if (expected !== actual) {
    expect.fail(`${name} differs from the output. ${firstDifference(expected, actual)}\nIf the change is intended, run UPDATE_GOLDENS=1 npx vitest run test/golden and review the diff.`);
  }
}

describe.each(examples)('%s', (file) => {
  const stem = basename(file, '.ts');
  const dir = join(goldenDir, stem);
  let v: ValidatedFile;
  const produced = new Set<string>();

  beforeAll(async () => {
    v = await validateFile(join('examples', file), { asOf: AS_OF, config: false });
  });

  it('normalized model', () => {
    produced.add('model.json');
    golden(join(dir, 'model.json'), JSON.stringify(v.arch.model, null, 2) + '\n');
  });

  it('SARIF findings', () => {
    produced.add('findings.sarif');
    golden(join(dir, 'findings.sarif'), formatSarif([v.result], { rules, cwd: root }));
  });

  it('SVG of every view', async () => {
    const diagrams = await renderDiagrams(v.arch.model);
    expect(diagrams.length).toBeGreaterThan(0);
    for (const d of diagrams) {
      produced.add(`${d.view}.svg`);
      golden(join(dir, `${d.view}.svg`), d.svg);
    }
  });

  it('has no golden file the outputs no longer produce', () => {
    const stale = existsSync(dir) ? readdirSync(dir).filter((f) => !produced.has(f)) : [];
    if (update) for (const f of stale) rmSync(join(dir, f));
    else expect(stale, `stale goldens in ${relative(root, dir)}`).toEqual([]);
  });
});
