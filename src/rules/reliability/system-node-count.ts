import { defineRule } from '../../validate/rule.js';

export default defineRule({
  meta: {
    id: 'reliability/system-node-count',
    title: 'Clusters keep at least three system nodes',
    severity: 'warning',
    kind: 'best-practice',
    pillars: ['reliability'],
    waf: ['RE:05'],
    rationale:
      'System pools run CoreDNS, konnectivity, metrics-server and other critical add-ons. With fewer than three nodes (one per zone) an upgrade, eviction or zone failure leaves these pods with nowhere to go and cluster DNS or API connectivity degrades.',
    fix: 'Give the system pools at least 3 nodes in total at their minimum (count, or minCount with autoscaling), ideally one per zone.',
    example: "nodePool({ name: 'system', mode: 'system', vmSize: 'Standard_D4ds_v5', minCount: 3, maxCount: 5, zones: [1, 2, 3], subnet: nodes });",
    references: [
      { title: 'Manage system node pools in AKS', url: 'https://learn.microsoft.com/azure/aks/use-system-pools' },
      { title: 'Availability zones in AKS', url: 'https://learn.microsoft.com/azure/aks/availability-zones' },
    ],
    messages: {
      tooFew:
        'cluster {{cluster}} has {{total}} system node{{plural}} at minimum ({{pools}}); keep at least 3',
    },
  },
  check(ctx) {
    for (const c of ctx.q.all('cluster')) {
      const system = ctx.q.pools(c.id).filter((p) => p.mode === 'system');
      if (system.length === 0) continue;
      const min = (p: (typeof system)[number]): number => (p.autoscaling && (p.minCount ?? 0) > 0 ? p.minCount! : p.count);
      // A pool with only an autoscaler maximum has an unknown minimum: it counts for nothing here.
      const unknownMin = system.filter((p) => p.autoscaling && p.minCount === undefined);
      const known = system.filter((p) => !unknownMin.includes(p));
      const total = known.reduce((n, p) => n + (Number.isFinite(min(p)) ? min(p) : 0), 0);
      if (total >= 3) continue;
      // Each pool's mode (which makes it a system pool) and the system pools' node counts.
      const reads = ['mode', 'count', 'minCount', 'maxCount'];
      const others = (first: string) =>
        ctx.q.pools(c.id).filter((p) => p.id !== first).map((p) => ({ element: p.id, reads: p.mode === 'system' ? reads : ['mode'] }));
      if (unknownMin.length) {
        const check = `cluster ${c.name} keeps at least 3 system nodes at minimum`;
        ctx.unverified({ element: unknownMin[0]!.id, property: 'minCount', check, reads });
        continue;
      }
      ctx.report({
        messageId: 'tooFew',
        data: {
          cluster: c.name,
          total,
          plural: total === 1 ? '' : 's',
          pools: system.map((p) => `${p.name}: ${min(p)}`).join(', '),
        },
        element: system[0]!.id,
        property: system[0]!.autoscaling ? 'minCount' : 'count',
        reads,
        dependsOn: [{ element: c.id, reads: ['nodePools'] }, ...others(system[0]!.id)],
        evidence: { cluster: c.name, systemNodes: total },
      });
    }
  },
});
