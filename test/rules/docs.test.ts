/**
 * The rule catalogue's metadata and its generated documentation: every rule has an id equal to its
 * file path, at least one pillar, Well-Architected checklist codes and https references, and
 * docs/rules matches what `aksnet rules --write-docs docs/rules` would generate from the rules.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadRules } from '../../src/validate/registry.js';
import type { Rule } from '../../src/validate/rule.js';
import { ruleDoc, ruleIndex, staleRuleDocs, writeRuleDocs } from '../../src/validate/docs.js';

const repo = resolve(import.meta.dirname, '../..');
const rulesDir = join(repo, 'src/rules');
const docsDir = join(repo, 'docs/rules');
const PILLARS = ['reliability', 'security', 'cost-optimization', 'operational-excellence', 'performance-efficiency'];

let rules: Rule[];
beforeAll(async () => {
  rules = await loadRules();
});

/** Rule files on disk (the registry's discovery rules: no `_` helpers, no tests, no .d.ts). */
function ruleFiles(): string[] {
  const out: string[] = [];
  for (const area of readdirSync(rulesDir).sort()) {
    const dir = join(rulesDir, area);
    if (!statSync(dir).isDirectory()) continue;
    for (const f of readdirSync(dir).sort()) {
      if (!f.endsWith('.ts') || f.endsWith('.d.ts') || f.includes('.test.') || f.startsWith('_')) continue;
      out.push(relative(rulesDir, join(dir, f)).replace(/\\/g, '/').replace(/\.ts$/, ''));
    }
  }
  return out;
}

describe('rule metadata', () => {
  it('every rule file is discovered and its id equals its path', () => {
    expect(rules.map((r) => r.meta.id).sort()).toEqual(ruleFiles().sort());
    for (const r of rules) expect(existsSync(join(rulesDir, `${r.meta.id}.ts`)), r.meta.id).toBe(true);
    expect(new Set(rules.map((r) => r.meta.id)).size).toBe(rules.length);
  });

  it('every rule has a pillar, a WAF code, an https reference and its texts', () => {
    for (const r of rules) {
      const m = r.meta;
      expect(m.id, m.id).toMatch(/^[a-z0-9-]+\/[a-z0-9-]+$/);
      expect(m.pillars.length, `${m.id} pillars`).toBeGreaterThanOrEqual(1);
      for (const p of m.pillars) expect(PILLARS, `${m.id} pillar ${p}`).toContain(p);
      expect(m.waf.length, `${m.id} waf`).toBeGreaterThanOrEqual(1);
      for (const w of m.waf) expect(w, `${m.id} waf code`).toMatch(/^(RE|SE|CO|OE|PE):\d{2}$/);
      expect(m.references.length, `${m.id} references`).toBeGreaterThanOrEqual(1);
      for (const ref of m.references) {
        expect(ref.title.trim().length, `${m.id} reference title`).toBeGreaterThan(0);
        expect(() => new URL(ref.url), `${m.id} reference url ${ref.url}`).not.toThrow();
        expect(new URL(ref.url).protocol, `${m.id} reference url ${ref.url}`).toBe('https:');
      }
      expect(['error', 'warning', 'info'], m.id).toContain(m.severity);
      expect(['structure', 'platform-limit', 'best-practice', 'lifecycle'], m.id).toContain(m.kind);
      for (const key of ['title', 'rationale', 'fix'] as const) expect(m[key].trim().length, `${m.id} ${key}`).toBeGreaterThan(0);
    }
  });
});

describe('rule docs', () => {
  it('each rule doc carries its id, references and configuration snippet', () => {
    for (const r of rules) {
      const doc = ruleDoc(r);
      expect(doc).toContain(`# ${r.meta.id}`);
      for (const ref of r.meta.references) expect(doc).toContain(ref.url);
      expect(doc).toContain(`'${r.meta.id}': 'off'`);
    }
    const index = ruleIndex(rules);
    for (const r of rules) expect(index).toContain(`[${r.meta.id}](${r.meta.id}.md)`);
  });

  it('the generator and the staleness check agree (written docs are fresh; edits and orphans are stale)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'aksnet-docs-'));
    try {
      expect(staleRuleDocs(rules, dir).length).toBe(rules.length + 1);
      writeRuleDocs(rules, dir);
      expect(staleRuleDocs(rules, dir)).toEqual([]);
      const first = join(dir, `${rules[0]!.meta.id}.md`);
      writeFileSync(first, readFileSync(first, 'utf8') + 'hand edit\n');
      const orphan = join(dir, 'structure', 'removed-rule.md');
      writeFileSync(orphan, readFileSync(first, 'utf8'));
      expect(staleRuleDocs(rules, dir).sort()).toEqual([first, orphan].sort());
      writeRuleDocs(rules, dir);
      expect(existsSync(orphan)).toBe(false);
      expect(staleRuleDocs(rules, dir)).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('docs/rules is up to date with the rule metadata (run `npm run docs:rules`)', () => {
    expect(staleRuleDocs(rules, docsDir)).toEqual([]);
  });
});

describe('dated rules', () => {
  it('every lifecycle warning names the date it becomes an error, and the docs show it', () => {
    const dated = rules.filter((r) => r.meta.kind === 'lifecycle' && r.meta.severity === 'warning');
    expect(dated.length).toBeGreaterThanOrEqual(9);
    const index = ruleIndex(rules);
    for (const r of dated) {
      const date = r.meta.errorAfter;
      expect(date, r.meta.id).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(ruleDoc(r), r.meta.id).toContain(`| Default severity | warning → error after ${date} |`);
      expect(index, r.meta.id).toContain(`| [${r.meta.id}](${r.meta.id}.md) | warning → error after ${date} |`);
    }
  });

  it('rules without a date show their plain severity', () => {
    const plain = rules.find((r) => r.meta.id === 'lifecycle/kubernetes-version')!;
    expect(plain.meta.errorAfter).toBeUndefined();
    expect(ruleDoc(plain)).toContain('| Default severity | error |');
  });
});
