import { defineRule } from '../../validate/rule.js';

export default defineRule({
  meta: {
    id: 'structure/node-pool-vnet',
    title: 'All node pools of a cluster are in one VNet',
    severity: 'error',
    kind: 'platform-limit',
    pillars: ['reliability'],
    waf: ['RE:03'],
    rationale:
      'AKS places every node pool of a cluster in the same virtual network: node pools may each have their own subnet, but those subnets must belong to one VNet. A design that puts a pool in a subnet of another VNet (even a peered one) cannot be deployed as written.',
    fix: 'Give every node pool of the cluster a subnet in the same VNet; use separate clusters, or peering to reach other VNets, where the workloads must live apart.',
    example: `const appNodes = subnet({ name: 'snet-aks-apps', cidr: '10.1.4.0/22' });
const spoke = vnet({ name: 'vnet-spoke', region: 'westeurope', addressSpace: ['10.1.0.0/16'], subnets: [nodes, appNodes] });`,
    references: [
      { title: 'Create node pools for a cluster in AKS (limitations)', url: 'https://learn.microsoft.com/azure/aks/create-node-pools' },
      { title: 'Use a unique subnet per node pool in AKS', url: 'https://learn.microsoft.com/azure/aks/node-pool-unique-subnet' },
    ],
    messages: {
      severalVnets: 'node pools of {{cluster}} are in {{count}} VNets ({{pools}}); all node pools of a cluster must be in one VNet',
    },
  },
  check(ctx) {
    const { q } = ctx;
    for (const c of q.all('cluster')) {
      // Pools by VNet, in pool order; a pool whose subnet or VNet is unknown is left to structure/unknown-reference.
      const byVnet = new Map<string, string[]>();
      for (const p of q.pools(c.id)) {
        const v = q.vnetOf(p.subnet);
        if (!v) continue;
        const list = byVnet.get(v.name) ?? [];
        list.push(p.name);
        byVnet.set(v.name, list);
      }
      if (byVnet.size < 2) continue;
      const pools = [...byVnet].map(([v, names]) => `${names.join(', ')} in ${v}`).join('; ');
      ctx.report({
        messageId: 'severalVnets',
        data: { cluster: c.name, count: byVnet.size, pools },
        element: c.id,
        property: 'nodePools',
        // The cluster's pool list, and each pool's subnet (which places it in a VNet).
        reads: ['nodePools'],
        dependsOn: q.pools(c.id).map((p) => ({ element: p.id, reads: ['subnet'] })),
        evidence: { cluster: c.name, vnets: [...byVnet.keys()].join(', ') },
      });
    }
  },
});
