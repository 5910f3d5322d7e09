/** The capacity rules' one check: a subnet of one role whose demand at maximum scale exceeds its usable addresses. */
import { overCapacity, subnetDemand, type SubnetDemand, type SubnetRole } from '../../model/capacity.js';
import type { SubnetResource } from '../../model/types.js';
import type { ModelQuery } from '../../model/query.js';
import type { Dependency, RuleContext } from '../../validate/rule.js';

/** The subnet's fields a capacity verdict reads: its CIDR (the usable addresses) and its name (the message). */
export const SUBNET_READS = ['cidr', 'name'];

/**
 * The fields of the parts a subnet's demand counts: a pool's counts, surge, pods and subnets; its cluster's CNI (how
 * pods take addresses, and the pools' default maxPods), API server (a VNet-integrated or private one takes addresses)
 * and pools; an Application Gateway's instances and frontend.
 */
export function demandBasis(q: ModelQuery, d: SubnetDemand): Array<string | Dependency> {
  const reads: Record<string, string[]> = {
    nodePool: ['count', 'minCount', 'maxCount', 'maxSurge', 'maxPods', 'subnet', 'podSubnet', 'name'],
    cluster: ['network.cni', 'apiServer', 'nodePools', 'name'],
    applicationGateway: ['maxCapacity', 'frontend', 'subnet', 'name'],
  };
  return [...new Set(d.terms.flatMap((t) => t.elements ?? []))].map((id) => {
    const kind = q.get(id)?.kind;
    const r = kind ? reads[kind] : undefined;
    return r ? { element: id, reads: r } : id;
  });
}

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
      reads: SUBNET_READS,
      property: 'cidr',
      dependsOn: demandBasis(ctx.q, d),
      evidence: { subnet: s.name, cidr: s.cidr, usable: d.usable ?? 0, needed: d.used ?? 0, ...evidence(s, d) },
    });
  }
}
