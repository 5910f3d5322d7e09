/** The capacity rules' one check: a subnet of one role whose demand at maximum scale exceeds its usable addresses. */
import { overCapacity, subnetDemand, type SubnetDemand, type SubnetRole } from '../../model/capacity.js';
import type { SubnetResource } from '../../model/types.js';
import type { RuleContext } from '../../validate/rule.js';

/**
 * Reports (messageId `overCapacity`, data subnet, cidr, usable, demand, needed) every subnet whose role is `role` and
 * whose addresses needed at maximum scale exceed the usable ones; `evidence` adds what a rule says besides.
 */
export function reportOverCapacity(
  ctx: RuleContext,
  role: SubnetRole,
  evidence: (s: SubnetResource, d: SubnetDemand) => Record<string, string | number | boolean> = () => ({}),
): void {
  for (const s of ctx.q.all('subnet')) {
    const d = subnetDemand(ctx.q, s.id);
    if (d.role !== role || !overCapacity(d)) continue;
    ctx.report({
      messageId: 'overCapacity',
      data: {
        subnet: s.name,
        cidr: s.cidr,
        usable: d.usable ?? 0,
        demand: d.terms.map((t) => t.text).join(' + '),
        needed: d.used ?? 0,
      },
      element: s.id,
      property: 'cidr',
      dependsOn: [...new Set(d.terms.flatMap((t) => t.elements ?? []))],
      evidence: { subnet: s.name, cidr: s.cidr, usable: d.usable ?? 0, needed: d.used ?? 0, ...evidence(s, d) },
    });
  }
}
