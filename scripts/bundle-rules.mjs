// Bundles the compiled rule modules (dist/src/rules/<area>/<rule>.js and their helpers in src/rules)
// into one module, dist/src/rules/_catalogue.js, so `validate` loads one module instead of ~180:
// resolving, reading and compiling each was about a tenth of a whole validate run. Imports of code
// outside src/rules stay imports (the same module instances as the rest of aksnet). The registry
// uses the catalogue only when it lists exactly the rule files present and is newer than all of
// them; otherwise it imports the files one by one, as it does under Vitest (src/, no catalogue).
import { readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative, resolve } from 'node:path';

export const CATALOGUE = '_catalogue.js';

/** Rule files as the registry finds them: `<area>/<name>.js`, sorted, helpers (`_…`) left out. */
function ruleFiles(rulesDir) {
  const out = [];
  for (const area of readdirSync(rulesDir).sort()) {
    const dir = join(rulesDir, area);
    if (!statSync(dir).isDirectory()) continue;
    for (const f of readdirSync(dir).sort()) {
      const m = /^(.+)\.js$/.exec(f);
      if (!m || f.startsWith('_')) continue;
      out.push({ id: `${area}/${m[1]}`, file: join(dir, f) });
    }
  }
  return out;
}

/** Writes `<distRoot>/src/rules/_catalogue.js`; returns the number of rules in it. */
export async function bundleRules(distRoot) {
  const esbuild = createRequire(import.meta.url)('esbuild');
  const rulesDir = resolve(distRoot, 'src', 'rules');
  const files = ruleFiles(rulesDir);
  const entry =
    files.map((r, i) => `import r${i} from ${JSON.stringify(`./${relative(rulesDir, r.file)}`)};`).join('\n') +
    `\nexport const rules = [${files.map((r, i) => `[${JSON.stringify(r.id)}, r${i}]`).join(', ')}];\n`;
  await esbuild.build({
    stdin: { contents: entry, resolveDir: rulesDir, loader: 'js', sourcefile: 'catalogue-entry.js' },
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    absWorkingDir: rulesDir,
    outfile: join(rulesDir, CATALOGUE),
    logLevel: 'warning',
    plugins: [
      {
        name: 'outside-rules-stays-imported',
        setup(build) {
          build.onResolve({ filter: /.*/ }, (a) => {
            if (!/^[./]/.test(a.path)) return { external: true };
            const target = resolve(a.resolveDir, a.path);
            if (target.startsWith(rulesDir + '/')) return undefined;
            const rel = relative(rulesDir, target);
            return { path: rel.startsWith('.') ? rel : `./${rel}`, external: true };
          });
        },
      },
    ],
  });
  return files.length;
}
