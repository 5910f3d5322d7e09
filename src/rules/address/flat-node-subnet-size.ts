import { cidr } from '../../model/cidr.js';
import type { Id } from '../../model/types.js';
import { defineRule } from '../../validate/rule.js';

export default defineRule({
  meta: {
    id: 'address/flat-node-subnet-size',
    title: 'Azure CNI node subnet (flat) clusters use node subnets of /23 or larger',
    severity: 'warning',
    kind: 'best-practice',
    pillars: ['performance-efficiency', 'reliability'],
    waf: ['PE:02', 'RE:06'],
    rationale:
      'With flat Azure CNI every pod takes a VNet address, so a subnet sized only for today’s node count leaves no room to raise maxPods, add pools or scale out later, and subnets cannot be resized while in use. ' +
      'The /23 floor is the default of Microsoft’s PSRule for Azure rule Azure.AKS.CNISubnetSize; the AKS documentation gives a sizing formula (nodes plus surge, times pods per node plus one) but no minimum prefix.',
    fix: 'Give flat Azure CNI node subnets a /23 or larger, or move to Azure CNI Overlay.',
    example: `subnet({ name: 'snet-aks-nodes', cidr: '10.240.0.0/22', purpose: 'aks-nodes' })`,
    references: [
      {
        title: 'PSRule for Azure: Azure.AKS.CNISubnetSize (Azure CNI subnets of /23 or larger)',
        url: 'https://azure.github.io/PSRule.Rules.Azure/en/rules/Azure.AKS.CNISubnetSize/',
      },
      {
        title: 'AKS: IP address planning (subnet sizing formula for flat networks; no minimum prefix)',
        url: 'https://learn.microsoft.com/azure/aks/concepts-network-ip-address-planning',
      },
    ],
    messages: {
      belowRecommended:
        '{{subnet}} {{cidr}} is a /{{prefix}} node subnet of flat Azure CNI cluster {{cluster}}; a /23 or larger ' +
        'leaves room for pods to grow',
    },
  },
  check(ctx) {
    const { q } = ctx;
    const seen = new Set<Id>();
    for (const c of q.all('cluster')) {
      if (c.network.cni !== 'azure-nodesubnet') continue;
      for (const s of q.nodeSubnets(c.id)) {
        const r = cidr(s.cidr);
        if (!r || r.prefix <= 23 || seen.has(s.id)) continue;
        seen.add(s.id);
        ctx.report({
          messageId: 'belowRecommended',
          data: { subnet: s.name, cidr: s.cidr, prefix: r.prefix, cluster: c.name },
          element: s.id,
          reads: ['cidr'],
          // The cluster's CNI, and its pools drawn in the subnet.
          dependsOn: [
            { element: c.id, reads: ['network.cni', 'nodePools'] },
            ...q.pools(c.id).filter((p) => p.subnet === s.id).map((p) => ({ element: p.id, reads: ['subnet'] })),
          ],
          property: 'cidr',
          evidence: { subnet: s.name, cidr: s.cidr, prefix: r.prefix, recommended: 23 },
        });
      }
    }
  },
});
