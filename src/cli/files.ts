/** Expands file arguments and globs into a sorted, de-duplicated list of architecture files. */
import { existsSync, realpathSync, statSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { AksnetError, ExitCode } from '../load/errors.js';
import { CONFIG_FILES } from '../load/config.js';

const ARCH_EXT = /\.(m?ts|m?js)$/;

/** `designs/*.ts` also matches the config file that sits beside the designs; it is not a design. */
const isConfig = (f: string): boolean => CONFIG_FILES.includes(basename(f));

export async function expandFiles(args: string[]): Promise<string[]> {
  if (args.length === 0) throw new AksnetError('no input files given (try `aksnet validate examples/*.ts`)', undefined, ExitCode.usage);
  const out = new Set<string>();
  for (const a of args) {
    if (existsSync(a) && statSync(a).isFile()) {
      out.add(resolve(a));
      continue;
    }
    if (existsSync(a) && statSync(a).isDirectory()) {
      const { glob } = await import('tinyglobby');
      for (const f of await glob(['**/*.{ts,mts,js,mjs}'], { cwd: a, absolute: true, ignore: ['**/node_modules/**', '**/*.d.ts', '**/aksnet.config.*'] })) out.add(resolve(f));
      continue;
    }
    if (/[*?[{]/.test(a)) {
      const { glob } = await import('tinyglobby');
      const hits = (await glob([a], { absolute: true, ignore: ['**/node_modules/**', '**/*.d.ts'] })).filter((f) => ARCH_EXT.test(f));
      if (hits.length === 0) throw new AksnetError(`no files match ${a}`, undefined, ExitCode.usage);
      for (const f of hits) out.add(resolve(f));
      continue;
    }
    throw new AksnetError(`file not found: ${a}`, undefined, ExitCode.usage);
  }
  // A file reached twice (a symlink to it, a symlink loop in a directory) is validated once: the first
  // path in sorted order names it.
  const byReal = new Map<string, string>();
  for (const f of [...out].sort()) {
    let real = f;
    try {
      real = realpathSync(f);
    } catch {
      // A dangling link: kept, and loading it reports "file not found".
    }
    if (!byReal.has(real)) byReal.set(real, f);
  }
  const files = [...byReal.values()].filter((f) => !isConfig(f)).sort();
  if (files.length === 0) throw new AksnetError('no architecture files among the inputs (only aksnet.config files)', undefined, ExitCode.usage);
  return files;
}
