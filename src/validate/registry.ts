/**
 * Finds every rule file under `src/rules/<area>/` (or its compiled twin in `dist/`), so adding a
 * rule needs no registration. Rules are returned sorted by id, and each file's id must match its path.
 */
import { readdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Rule } from './rule.js';

const rulesDir = resolve(dirname(fileURLToPath(import.meta.url)), '../rules');
let cached: Promise<Rule[]> | undefined;

function ruleFiles(): Array<{ id: string; file: string }> {
  const out: Array<{ id: string; file: string }> = [];
  for (const area of readdirSync(rulesDir).sort()) {
    const dir = join(rulesDir, area);
    if (!statSync(dir).isDirectory()) continue;
    for (const f of readdirSync(dir).sort()) {
      if (f.endsWith('.d.ts') || f.includes('.test.') || f.startsWith('_')) continue;
      const m = /^(.+)\.(js|ts)$/.exec(f);
      if (!m) continue;
      out.push({ id: `${area}/${m[1]}`, file: join(dir, f) });
    }
  }
  return out;
}

/**
 * The build's one-module rule catalogue (scripts/bundle-rules.mjs), when it is current: it lists
 * exactly the rule files found, and no compiled file under src/rules is newer than it. Anything else
 * (no catalogue under Vitest, a rule added or edited after the build) loads the files one by one.
 */
export async function catalogue(dir: string, files: ReadonlyArray<{ id: string; file: string }>): Promise<Rule[] | undefined> {
  const path = join(dir, '_catalogue.js');
  let built: number;
  try {
    built = statSync(path).mtimeMs;
  } catch {
    return undefined;
  }
  for (const area of readdirSync(dir)) {
    const sub = join(dir, area);
    const st = statSync(sub);
    if (!st.isDirectory()) {
      if (area.endsWith('.js') && area !== '_catalogue.js' && st.mtimeMs > built) return undefined;
      continue;
    }
    for (const f of readdirSync(sub)) if (f.endsWith('.js') && statSync(join(sub, f)).mtimeMs > built) return undefined;
  }
  const mod = (await import(pathToFileURL(path).href)) as { rules?: Array<[string, Rule]> };
  const listed = mod.rules;
  if (!Array.isArray(listed) || listed.length !== files.length || listed.some(([id], i) => id !== files[i]!.id)) return undefined;
  return listed.map(([, rule]) => rule);
}

/** All rules, sorted by id. */
export function loadRules(): Promise<Rule[]> {
  cached ??= (async () => {
    const files = ruleFiles();
    const bundled = await catalogue(rulesDir, files);
    const rules =
      bundled ??
      (await Promise.all(files.map(async ({ file }) => ((await import(pathToFileURL(file).href)) as { default?: Rule }).default)));
    return rules
      .map((rule, i) => {
        const { id, file } = files[i]!;
        if (!rule?.meta || typeof rule.check !== 'function') throw new Error(`rule file ${file} has no default-exported rule`);
        if (rule.meta.id !== id) throw new Error(`rule file ${file} declares id "${rule.meta.id}" but its path says "${id}"`);
        return rule;
      })
      .sort((a, b) => (a.meta.id < b.meta.id ? -1 : 1));
  })();
  return cached;
}
