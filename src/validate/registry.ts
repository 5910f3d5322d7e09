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

/** All rules, sorted by id. */
export function loadRules(): Promise<Rule[]> {
  cached ??= (async () => {
    const files = ruleFiles();
    const rules = await Promise.all(
      files.map(async ({ id, file }) => {
        const mod = (await import(pathToFileURL(file).href)) as { default?: Rule };
        const rule = mod.default;
        if (!rule?.meta || typeof rule.check !== 'function') throw new Error(`rule file ${file} has no default-exported rule`);
        if (rule.meta.id !== id) throw new Error(`rule file ${file} declares id "${rule.meta.id}" but its path says "${id}"`);
        return rule;
      }),
    );
    return rules.sort((a, b) => (a.meta.id < b.meta.id ? -1 : 1));
  })();
  return cached;
}
