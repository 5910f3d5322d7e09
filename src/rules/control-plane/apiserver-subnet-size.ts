import { cidr } from '../../model/cidr.js';
import type { Id } from '../../model/types.js';
import { defineRule } from '../../validate/rule.js';
import { apiSubnets } from './_apisubnet.js';

export default defineRule({
  meta: {
    id: 'control-plane/apiserver-subnet-size',
    title: 'The API Server VNet Integration subnet is a /28 or larger',
    severity: 'error',
    kind: 'platform-limit',
    pillars: ['reliability'],
    waf: ['RE:01', 'PE:02'],
    rationale: 'The projected API server takes at least 9 addresses (internal load balancer and API server instances, more during upgrades); AKS requires the subnet to be at least a /28.',
    fix: 'Allocate a /28 (or larger) subnet to the API server.',
    example: `subnet({ name: 'snet-aks-apiserver', cidr: '10.240.8.0/28', purpose: 'aks-apiserver', delegation: 'Microsoft.ContainerService/managedClusters' })`,
    references: [{ title: 'API Server VNet Integration: bring your own VNet', url: 'https://learn.microsoft.com/azure/aks/api-server-vnet-integration' }],
  },
  check(ctx) {
    const seen = new Set<Id>();
    for (const { cluster, subnet } of apiSubnets(ctx.q)) {
      const r = cidr(subnet.cidr);
      if (!r || r.prefix <= 28 || seen.has(subnet.id)) continue;
      seen.add(subnet.id);
      ctx.report({
        message: `API server subnet ${subnet.name} ${subnet.cidr} of ${cluster.name} is a /${r.prefix} (${r.size} addresses); API Server VNet Integration needs a /28 or larger`,
        element: subnet.id,
        property: 'cidr',
        evidence: { subnet: subnet.name, cidr: subnet.cidr, prefix: r.prefix, required: 28 },
      });
    }
  },
});
