import { defineRule } from '../../validate/rule.js';

export default defineRule({
  meta: {
    id: 'ingress/controller-redundancy',
    title: 'Ingress controllers run at least two replicas spread across zones',
    severity: 'warning',
    kind: 'best-practice',
    pillars: ['reliability'],
    waf: ['RE:05'],
    rationale:
      'Every request of the paths behind an ingress controller passes through its pods. A single replica takes all of that traffic down during node upgrades, evictions and crashes; replicas that all land in one zone fail together with that zone even when the node pools are zone-redundant.',
    fix: 'Run at least two (preferably three) replicas with a PodDisruptionBudget and topology spread constraints across zones.',
    example: "ingressController({ name: 'nginx', type: 'app-routing-gateway-api', cluster: aks, replicas: 3, zoneSpread: true });",
    references: [
      { title: 'Best practices for business continuity in AKS (redundancy)', url: 'https://learn.microsoft.com/azure/aks/operator-best-practices-multi-region' },
      { title: 'Availability zones in AKS', url: 'https://learn.microsoft.com/azure/aks/availability-zones' },
    ],
  },
  check(ctx) {
    for (const ic of ctx.q.all('ingressController')) {
      const replicas = ic.replicas;
      const c = ctx.q.getAs(ic.cluster, 'cluster');
      if (replicas === undefined) {
        ctx.unverified({ element: ic.id, property: 'replicas', check: `ingress controller ${ic.name} survives a node drain (2 or more replicas)` });
        continue;
      }
      if (replicas < 2) {
        ctx.report({
          message: `ingress controller ${ic.name} (${ic.type}) in cluster ${c?.name ?? '?'} runs ${replicas} replica${replicas === 1 ? '' : 's'}; at least 2 are needed to survive a node drain`,
          element: ic.id,
          property: 'replicas',
          evidence: { controller: ic.name, replicas },
        });
        continue;
      }
      if (ic.zoneSpread || !c) continue;
      const zones = new Set<number>();
      for (const p of ctx.q.pools(c.id)) for (const z of p.zones ?? []) zones.add(z);
      if (zones.size < 2) continue;
      if (ic.zoneSpread === undefined) {
        ctx.unverified({ element: ic.id, property: 'zoneSpread', check: `the replicas of ingress controller ${ic.name} survive the loss of a zone` });
        continue;
      }
      ctx.report({
        message: `ingress controller ${ic.name} (${ic.type}) runs ${replicas} replicas without zone spread although cluster ${c.name} has nodes in ${zones.size} zones`,
        element: ic.id,
        property: 'zoneSpread',
        evidence: { controller: ic.name, replicas, zones: zones.size },
      });
    }
  },
});
