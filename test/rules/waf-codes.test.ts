/**
 * Every rule's Well-Architected codes belong to a checklist, every code's pillar is listed in the
 * rule's pillars and every listed pillar has a code, so reports grouped by pillar and by code agree.
 */
import { describe, expect, it } from 'vitest';
import { loadRules } from '../../src/validate/registry.js';
import { checklistUrl, pillarOfCode } from '../../src/validate/waf-codes.js';

describe('Well-Architected codes and pillars', () => {
  it('maps codes to pillars, and rejects codes no checklist has', () => {
    expect(pillarOfCode('RE:01')).toBe('reliability');
    expect(pillarOfCode('RE:10')).toBe('reliability');
    expect(pillarOfCode('RE:11')).toBeUndefined();
    expect(pillarOfCode('SE:12')).toBe('security');
    expect(pillarOfCode('SE:13')).toBeUndefined();
    expect(pillarOfCode('CO:14')).toBe('cost-optimization');
    expect(pillarOfCode('OE:11')).toBe('operational-excellence');
    expect(pillarOfCode('OE:12')).toBeUndefined();
    expect(pillarOfCode('PE:12')).toBe('performance-efficiency');
    expect(pillarOfCode('PE:00')).toBeUndefined();
    expect(pillarOfCode('XX:01')).toBeUndefined();
    expect(pillarOfCode('SE:6')).toBeUndefined();
    expect(checklistUrl('SE:06')).toBe('https://learn.microsoft.com/azure/well-architected/security/checklist');
  });

  it('every rule cites known codes, lists the pillar of each, and has a code for each pillar', async () => {
    const problems: string[] = [];
    for (const r of await loadRules()) {
      const { id, waf, pillars } = r.meta;
      if (waf.length === 0) problems.push(`${id}: no checklist code`);
      for (const code of waf) {
        const pillar = pillarOfCode(code);
        if (!pillar) problems.push(`${id}: ${code} is in no checklist`);
        else if (!pillars.includes(pillar)) problems.push(`${id}: ${code} belongs to ${pillar}, which the rule does not list`);
      }
      for (const p of pillars) if (!waf.some((c) => pillarOfCode(c) === p)) problems.push(`${id}: pillar ${p} has no code`);
    }
    expect(problems).toEqual([]);
  });

  it('RE:01 (simplicity and efficiency) is not used for configurations Azure rejects', async () => {
    const misuse = (await loadRules())
      .filter((r) => (r.meta.kind === 'platform-limit' || r.meta.kind === 'structure') && r.meta.waf.includes('RE:01'))
      .map((r) => r.meta.id);
    expect(misuse).toEqual([]);
  });
});
