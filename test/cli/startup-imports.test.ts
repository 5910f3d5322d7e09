/**
 * What a command loads before it does anything: the static import closure of its module, read from the sources.
 * Heavy or unrelated modules (the formatters, the rule registry, ELK, the browser, the TypeScript parser) must be
 * imported where they are used, with `await import(...)`, so that a command that does not use them never pays
 * for loading them (issue #14: lazy imports per command and per stage).
 */
import { readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const repo = resolve(import.meta.dirname, '../..');

/** Module specifiers a source file imports at load time (`import type` and `export type` excluded). */
function staticImports(source: string): string[] {
  const out: string[] = [];
  const statement = /^\s*(import|export)\s+(type\s+)?([^;'"]*?\s+from\s+)?['"]([^'"]+)['"]/gm;
  for (const m of source.matchAll(statement)) {
    if (m[2]) continue;
    // `export { a, b }` without `from` re-exports local names: no module.
    if (m[1] === 'export' && !m[3]) continue;
    out.push(m[4]!);
  }
  return out;
}

/** The static closure of a module under src/ or dsl/: repo-relative source paths and package names. */
function closure(entry: string): Set<string> {
  const seen = new Set<string>();
  const walk = (file: string) => {
    const key = relative(repo, file);
    if (seen.has(key)) return;
    seen.add(key);
    for (const spec of staticImports(readFileSync(file, 'utf8'))) {
      if (spec.startsWith('node:')) continue;
      if (!spec.startsWith('.')) {
        seen.add(`package:${spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]}`);
        continue;
      }
      walk(resolve(dirname(file), spec.replace(/\.js$/, '.ts')));
    }
  };
  walk(join(repo, entry));
  return seen;
}

const HEAVY = ['package:elkjs', 'package:puppeteer-core', 'package:ts-morph', 'package:fontkit', 'package:handlebars'];
const FORMATTERS = ['text', 'json', 'sarif', 'github', 'markdown', 'junit', 'gitlab'].map(
  (f) => `src/validate/format/${f}.ts`,
);

describe('static imports of a command (what it loads before it runs)', () => {
  it('reads import statements, not type-only ones or local re-exports', () => {
    const src = [
      "import { a } from './a.js';",
      "import type { B } from './b.js';",
      'import {',
      '  c,',
      '  type D,',
      "} from './c.js';",
      "export { e } from './e.js';",
      "export type { F } from './f.js';",
      'export { g };',
      "import './side-effect.js';",
      "const lazy = await import('./lazy.js');",
    ].join('\n');
    expect(staticImports(src)).toEqual(['./a.js', './c.js', './e.js', './side-effect.js']);
  });

  it('the CLI entry loads commander and the option lists, no formatter, rule, layout or browser', () => {
    const loaded = closure('src/cli/main.ts');
    expect(loaded.has('package:commander')).toBe(true);
    expect(loaded.has('src/validate/format/names.ts')).toBe(true);
    for (const m of [...HEAVY, ...FORMATTERS, 'src/validate/registry.ts', 'src/validate/format/registry.ts']) {
      expect(loaded.has(m), m).toBe(false);
    }
  });

  it('a plain `aksnet diagram` loads the design and the views, not the rules, the formatters or the validator', () => {
    const loaded = closure('src/cli/commands/diagram.ts');
    expect(loaded.has('src/load/load-architecture.ts')).toBe(true);
    expect(loaded.has('src/diagram/index.ts')).toBe(true);
    for (const m of [
      ...HEAVY,
      ...FORMATTERS,
      'src/validate/registry.ts',
      'src/validate/validate.ts',
      'src/validate/run-files.ts',
      'src/layout/elk.ts',
      'src/render/svg.ts',
    ]) {
      expect(loaded.has(m), m).toBe(false);
    }
  });

  it('`aksnet validate` loads no diagram, layout, report or browser code', () => {
    const loaded = closure('src/cli/commands/validate.ts');
    for (const m of [...HEAVY, 'src/diagram/index.ts', 'src/layout/elk.ts', 'src/render/svg.ts', 'src/report/pdf.ts']) {
      expect(loaded.has(m), m).toBe(false);
    }
  });
});
