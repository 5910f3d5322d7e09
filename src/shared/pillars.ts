/**
 * The five Well-Architected pillars, in the order the review pack lists them. The DSL's `Pillar`
 * type, the rule docs and the report scoring all read this one list.
 */
export const PILLARS = [
  { id: 'reliability', name: 'Reliability', code: 'RE' },
  { id: 'security', name: 'Security', code: 'SE' },
  { id: 'cost-optimization', name: 'Cost Optimization', code: 'CO' },
  { id: 'operational-excellence', name: 'Operational Excellence', code: 'OE' },
  { id: 'performance-efficiency', name: 'Performance Efficiency', code: 'PE' },
] as const;

/** A Well-Architected pillar id. */
export type Pillar = (typeof PILLARS)[number]['id'];

/** A pillar's display name (`cost-optimization` → `Cost Optimization`). */
export function pillarName(id: Pillar): string {
  return PILLARS.find((p) => p.id === id)?.name ?? id;
}
