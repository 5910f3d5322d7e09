import { defineRule } from '../../validate/rule.js';

/** Region names as Azure compares them: `West Europe` and `westeurope` are one region. */
const regionKey = (r: string): string => r.replace(/\s+/g, '').toLowerCase();

export default defineRule({
  meta: {
    id: 'structure/cluster-region',
    title: 'A cluster is in the region of the VNet that holds its node subnets',
    severity: 'error',
    kind: 'platform-limit',
    pillars: ['reliability'],
    waf: ['RE:03'],
    rationale:
      'A virtual network belongs to one region, and the VMs, scale sets and other resources attached to its subnets must be in that region. AKS nodes are scale-set VMs in the cluster’s region, so a node subnet in a VNet of another region cannot be used; the cluster fails to deploy. Cross-region connectivity needs a VNet in each region, joined by global peering.',
    fix: 'Deploy the cluster in the region of the VNet that holds its node subnets, or create the node subnets in a VNet in the cluster’s region.',
    example: `const spoke = vnet({ name: 'vnet-spoke', region: 'westeurope', addressSpace: ['10.1.0.0/16'], subnets: [nodes] });
cluster({ name: 'aks-prod', region: 'westeurope', /* … */ });`,
    references: [
      { title: 'Azure Virtual Network concepts and best practices (a VNet is scoped to one region)', url: 'https://learn.microsoft.com/azure/virtual-network/concepts-and-best-practices' },
    ],
    messages: {
      otherRegion:
        'cluster {{cluster}} is in {{region}}, but its node subnet {{subnet}} is in VNet {{vnet}} in {{vnetRegion}}; a ' +
        'VNet’s subnets can only hold resources of its own region',
    },
  },
  check(ctx) {
    const { q } = ctx;
    for (const c of q.all('cluster')) {
      for (const s of q.nodeSubnets(c.id)) {
        const v = q.vnetOf(s.id);
        if (!v || !v.region || !c.region || regionKey(v.region) === regionKey(c.region)) continue;
        ctx.report({
          messageId: 'otherRegion',
          data: { cluster: c.name, region: c.region, subnet: s.name, vnet: v.name, vnetRegion: v.region },
          element: c.id,
          property: 'region',
          // The cluster's region and pool list; the VNet's region; the pools' subnets (which place them in the VNet).
          reads: ['region', 'nodePools'],
          dependsOn: [
            { element: v.id, reads: ['region', 'subnets'] },
            ...q.pools(c.id).filter((p) => p.subnet === s.id).map((p) => ({ element: p.id, reads: ['subnet'] })),
          ],
          evidence: { clusterRegion: c.region, vnet: v.name, vnetRegion: v.region },
        });
      }
    }
  },
});
