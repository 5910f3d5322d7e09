/**
 * Every file in examples/ is a design the review packs and diagrams are built from, so each must
 * load, normalize without structural issues, type-check against the DSL, and produce the same
 * model byte for byte on every load.
 */
import { readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadArchitecture } from '../src/load/load-architecture.js';
import { typecheck, type TypeDiagnostic } from '../src/load/typecheck.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const examplesDir = join(root, 'examples');
const files = readdirSync(examplesDir)
  .filter((f) => f.endsWith('.ts'))
  .sort()
  .map((f) => join(examplesDir, f));

describe('examples', () => {
  it('has the reference set of examples', () => {
    const names = files.map((f) => f.slice(examplesDir.length + 1));
    for (const expected of [
      'a-hub-spoke-baseline.ts',
      'b-front-door-private-link.ts',
      'c-agc-gateway-api.ts',
      'd-legacy-agic-kubenet.ts',
      'e-istio-mesh.ts',
      'f-internal-only.ts',
      'g-two-region-stamps.ts',
    ]) {
      expect(names).toContain(expected);
    }
  });

  describe('type-check', () => {
    let diagnostics: TypeDiagnostic[] = [];
    beforeAll(async () => {
      // One project for all files: a ts-morph check costs about 1.5 s however many files it holds.
      diagnostics = await typecheck(files);
    });

    it.each(files.map((f) => [f.slice(root.length + 1), f]))('%s has no type errors', (_name, file) => {
      const errors = diagnostics.filter((d) => d.category === 'error' && resolve(d.file) === file);
      expect(errors.map((d) => `${d.line}:${d.column} TS${d.code} ${d.message}`)).toEqual([]);
    });

    it('reports no errors outside the example files', () => {
      const stray = diagnostics.filter((d) => d.category === 'error' && !files.includes(resolve(d.file)));
      expect(stray.map((d) => `${d.file}:${d.line} ${d.message}`)).toEqual([]);
    });
  });

  describe.each(files.map((f) => [f.slice(root.length + 1), f]))('%s', (_name, file) => {
    it('loads and normalizes with no structure issues', async () => {
      const loaded = await loadArchitecture(file);
      expect(loaded.issues.map((i) => `${i.ruleId} ${i.path}: ${i.message}`)).toEqual([]);
      expect(loaded.model.resources.filter((r) => r.kind === 'cluster').length).toBeGreaterThan(0);
      expect(loaded.model.ingressPaths.length).toBeGreaterThan(0);
      expect(loaded.model.metadata.title).not.toBe('Untitled architecture');
    });

    it('produces a byte-identical model on a second load', async () => {
      const first = JSON.stringify((await loadArchitecture(file)).model);
      const second = JSON.stringify((await loadArchitecture(file)).model);
      expect(second).toBe(first);
    });
  });
});
