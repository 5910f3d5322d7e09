import { defineRule } from '../../validate/rule.js';
import { hasZones } from '../egress/_egress.js';

export default defineRule({
  meta: {
    id: 'reliability/node-pool-zones',
    title: 'Node pools use availability zones in zonal regions',
    severity: 'warning',
    kind: 'best-practice',
    pillars: ['reliability'],
    waf: ['RE:05'],
    rationale:
      'A pool without zones places its nodes wherever capacity is, so a single datacenter failure can take out most of them. The zones of a pool cannot be changed after creation; the only fix later is a new pool and a migration.',
    fix: 'Create the pool with zones: [1, 2, 3] (with at least one node per zone and enough maxCount to absorb a zone loss).',
    example: "nodePool({ name: 'apps', mode: 'user', vmSize: 'Standard_D8ds_v5', minCount: 3, maxCount: 12, zones: [1, 2, 3], subnet: nodes });",
    references: [
      { title: 'Availability zones in AKS', url: 'https://learn.microsoft.com/azure/aks/availability-zones' },
      { title: 'Configure availability zones in AKS', url: 'https://learn.microsoft.com/azure/aks/reliability-availability-zones-configure' },
    ],
  },
  check(ctx) {
    for (const c of ctx.q.all('cluster')) {
      if (!hasZones(c.region)) continue;
      for (const p of ctx.q.pools(c.id)) {
        if (p.zones === undefined) {
          ctx.unverified({ element: p.id, property: 'zones', check: `node pool ${p.name} of cluster ${c.name} survives the loss of a zone in ${c.region}` });
          continue;
        }
        if (p.zones.length > 0) continue;
        ctx.report({
          message: `node pool ${p.name} (${p.mode}, up to ${p.maxNodes} node${p.maxNodes === 1 ? '' : 's'}) of cluster ${c.name} has no availability zones although ${c.region} has zones`,
          element: p.id,
          property: 'zones',
          evidence: { cluster: c.name, pool: p.name, region: c.region, maxNodes: p.maxNodes },
        });
      }
    }
  },
});
