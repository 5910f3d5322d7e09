/**
 * `aksnet check`: type-checks architecture files against the DSL types with ts-morph.
 * Only ES2022 lib files are loaded (no DOM), which keeps a cold check near one second.
 */
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { displayPath } from './load-module.js';

export interface TypeDiagnostic {
  file: string;
  line: number;
  column: number;
  code: number;
  category: 'error' | 'warning';
  message: string;
}

const here = dirname(fileURLToPath(import.meta.url));

/** Declarations of the DSL the `aksnet` import is checked against. */
function dslTypes(): string {
  const dts = resolve(here, '../../dsl/index.d.ts');
  return existsSync(dts) ? dts : resolve(here, '../../dsl/index.ts');
}

/** Type-checks the given files; returns diagnostics sorted by file and position. */
export async function typecheck(files: string[]): Promise<TypeDiagnostic[]> {
  const { Project, ts } = await import('ts-morph');
  const project = new Project({
    skipAddingFilesFromTsConfig: true,
    compilerOptions: {
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.ESNext,
      moduleResolution: ts.ModuleResolutionKind.Bundler,
      strict: true,
      noEmit: true,
      skipLibCheck: true,
      allowImportingTsExtensions: true,
      lib: ['lib.es2022.d.ts'],
      types: [],
      paths: { aksnet: [dslTypes()], 'aksnet/dsl': [dslTypes()] },
    },
  });
  const wanted = new Set<string>();
  const out: TypeDiagnostic[] = [];
  for (const f of files) {
    const abs = resolve(f);
    if (!existsSync(abs)) {
      // What tsc says of a missing root file (TS6053); the other files are still checked.
      out.push({ file: displayPath(abs), line: 1, column: 1, code: 6053, category: 'error', message: `File '${displayPath(abs)}' not found.` });
      continue;
    }
    project.addSourceFileAtPath(abs);
    wanted.add(abs);
  }
  project.resolveSourceFileDependencies();
  for (const d of project.getPreEmitDiagnostics()) {
    const sf = d.getSourceFile();
    const cat = d.getCategory();
    if (cat !== ts.DiagnosticCategory.Error && cat !== ts.DiagnosticCategory.Warning) continue;
    const msg = ts.flattenDiagnosticMessageText(d.compilerObject.messageText, '\n');
    let line = 1;
    let column = 1;
    let file = '<options>';
    if (sf) {
      file = sf.getFilePath();
      const start = d.getStart() ?? 0;
      ({ line, column } = sf.getLineAndColumnAtPos(start));
    }
    out.push({
      file: file === '<options>' ? file : displayPath(file),
      line,
      column,
      code: d.getCode(),
      category: cat === ts.DiagnosticCategory.Error ? 'error' : 'warning',
      message: msg,
    });
  }
  out.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || a.column - b.column || a.code - b.code));
  return out;
}

/** `file:line:col - error TSnnnn: message` (the format tsc and editors understand). */
export function formatDiagnostic(d: TypeDiagnostic): string {
  const first = d.message.split('\n')[0];
  const rest = d.message.split('\n').slice(1).map((l) => `  ${l}`);
  return [`${d.file}:${d.line}:${d.column} - ${d.category} TS${d.code}: ${first}`, ...rest].join('\n');
}
