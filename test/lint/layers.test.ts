/**
 * The import-boundary rule (eslint/layers.mjs): an import that runs up the pipeline layers fails
 * lint, one that runs down passes, and the project's ESLint config applies the rule to src/ and dsl/.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';
import layers, { LAYERS, layerOf } from '../../eslint/layers.mjs';

const root = join(import.meta.dirname, '..', '..');
const fixture = (name: string) => readFileSync(join(root, 'test/fixtures/layers', name), 'utf8');

/** ESLint with only the layer rule (no type information needed, so it runs in milliseconds). */
const eslint = new ESLint({
  cwd: root,
  overrideConfigFile: true,
  overrideConfig: {
    files: ['**/*.ts'],
    languageOptions: { parser: tseslint.parser },
    plugins: { aksnet: layers },
    rules: { 'aksnet/layers': ['error', { root }] },
  },
});

async function lint(code: string, asPath: string) {
  const [result] = await eslint.lintText(code, { filePath: join(root, asPath) });
  return result!.messages.map((m) => `${m.ruleId ?? ''}: ${m.message}`);
}

describe('the layer rule', () => {
  it('fails on a forward import (model → render) in the fixture', async () => {
    const messages = await lint(fixture('forward-import.ts'), 'src/model/forward-import.ts');
    expect(messages).toHaveLength(1);
    expect(messages[0]).toContain('aksnet/layers');
    expect(messages[0]).toContain('src/model/forward-import.ts (layer "model") must not import src/render/svg.ts (layer "render")');
  });

  it('passes backward imports (report → model, report → shared)', async () => {
    expect(await lint(fixture('backward-import.ts'), 'src/report/backward-import.ts')).toEqual([]);
  });

  it('counts type-only imports, re-exports and literal dynamic imports', async () => {
    expect(await lint(`import type { Command } from '../cli/main.js';`, 'src/validate/x.ts')).toHaveLength(1);
    expect(await lint(`export { run } from '../cli/main.js';`, 'src/report/x.ts')).toHaveLength(1);
    expect(await lint(`export * from '../diagram/index.js';`, 'src/layout/x.ts')).toHaveLength(1);
    expect(await lint(`await import('../report/pack.js');`, 'src/diagram/x.ts')).toHaveLength(1);
  });

  it('forbids the imports that would close a cycle between stage folders', async () => {
    // rules import validate (defineRule), so validate may never import rules.
    expect(await lint(`import r from '../../rules/structure/cidr-malformed.js';`, 'src/validate/format/x.ts')).toHaveLength(1);
    expect(await lint(`import { defineRule } from '../../validate/rule.js';`, 'src/rules/structure/x.ts')).toEqual([]);
    // load composes normalize; normalize must not import load.
    expect(await lint(`import { loadArchitecture } from '../load/load-architecture.js';`, 'src/normalize/x.ts')).toHaveLength(1);
  });

  it('puts shared at the bottom, under the DSL', async () => {
    expect(await lint(`import type { Pillar } from '../src/shared/pillars.js';`, 'dsl/x.ts')).toEqual([]);
    expect(await lint(`import type { Pillar } from '../../dsl/types.js';`, 'src/shared/x.ts')).toHaveLength(1);
    expect(await lint(`import { run } from '../src/cli/main.js';`, 'dsl/x.ts')).toHaveLength(1);
  });

  it('asks for a layer for a folder that has none', async () => {
    const messages = await lint(`import { x } from '../model/types.js';`, 'src/newstage/x.ts');
    expect(messages).toHaveLength(1);
    expect(messages[0]).toContain('"src/newstage" is not a pipeline layer');
  });

  it('leaves tests, scripts and packages alone', async () => {
    expect(await lint(`import { run } from '../../src/cli/main.js';`, 'test/model/x.test.ts')).toEqual([]);
    expect(await lint(`import { Command } from 'commander';`, 'src/shared/x.ts')).toEqual([]);
  });

  it('lists the layers bottom to top as ARCHITECTURE.md and the README do', () => {
    expect(LAYERS.slice(0, -1)).toEqual(['shared', 'dsl', 'model', 'normalize', 'load', 'validate', 'rules', 'layout', 'render', 'diagram', 'report', 'import', 'diff', 'drift', 'workflow', 'cli']);
    for (const doc of ['ARCHITECTURE.md', 'README.md']) {
      expect(readFileSync(join(root, doc), 'utf8'), doc).toContain(`\n${LAYERS.slice(0, -1).join(' → ')}\n`);
    }
    expect(layerOf('src/index.ts')).toBe('index');
    expect(layerOf('test/x.ts')).toBeUndefined();
  });
});

describe('the project config', () => {
  it('applies the layer rule, no-explicit-any and no-floating-promises as errors to src/ and dsl/', async () => {
    const project = new ESLint({ cwd: root });
    for (const file of ['src/model/types.ts', 'src/cli/main.ts', 'dsl/types.ts']) {
      const config = (await project.calculateConfigForFile(join(root, file))) as { rules: Record<string, unknown[]> };
      expect(config.rules['aksnet/layers']?.[0], file).toBe(2);
      expect(config.rules['@typescript-eslint/no-explicit-any']?.[0], file).toBe(2);
      expect(config.rules['@typescript-eslint/no-floating-promises']?.[0], file).toBe(2);
      expect(config.rules['@typescript-eslint/consistent-type-imports']?.[0], file).toBe(2);
    }
  });
});
