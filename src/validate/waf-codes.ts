/**
 * Well-Architected checklist codes and the pillar each belongs to, from the five design review
 * checklists (MicrosoftDocs/well-architected, well-architected/<pillar>/checklist.md): RE:01–RE:10,
 * SE:01–SE:12, CO:01–CO:14, OE:01–OE:11, PE:01–PE:12. Rule metadata must list the pillar of every
 * code it cites (a unit test checks the whole catalogue).
 */
import type { Pillar } from '../../dsl/types.js';

const CHECKLISTS: Record<string, { pillar: Pillar; count: number; url: string }> = {
  RE: { pillar: 'reliability', count: 10, url: 'https://learn.microsoft.com/azure/well-architected/reliability/checklist' },
  SE: { pillar: 'security', count: 12, url: 'https://learn.microsoft.com/azure/well-architected/security/checklist' },
  CO: { pillar: 'cost-optimization', count: 14, url: 'https://learn.microsoft.com/azure/well-architected/cost-optimization/checklist' },
  OE: {
    pillar: 'operational-excellence',
    count: 11,
    url: 'https://learn.microsoft.com/azure/well-architected/operational-excellence/checklist',
  },
  PE: {
    pillar: 'performance-efficiency',
    count: 12,
    url: 'https://learn.microsoft.com/azure/well-architected/performance-efficiency/checklist',
  },
};

/** The pillar of a checklist code such as `SE:06`, or undefined when no checklist has the code. */
export function pillarOfCode(code: string): Pillar | undefined {
  const m = /^([A-Z]{2}):(\d{2})$/.exec(code);
  const list = m ? CHECKLISTS[m[1]!] : undefined;
  if (!list) return undefined;
  const n = Number(m![2]);
  return n >= 1 && n <= list.count ? list.pillar : undefined;
}

/** The checklist page a code comes from. */
export function checklistUrl(code: string): string | undefined {
  return pillarOfCode(code) ? CHECKLISTS[code.slice(0, 2)]!.url : undefined;
}
