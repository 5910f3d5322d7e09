import type { Id } from '../../model/types.js';
import { defineRule } from '../../validate/rule.js';
import { apiSubnets } from './_apisubnet.js';

const DELEGATION = 'Microsoft.ContainerService/managedClusters';

export default defineRule({
  meta: {
    id: 'control-plane/apiserver-subnet-delegation',
    title: 'The API Server VNet Integration subnet is delegated to Microsoft.ContainerService/managedClusters',
    severity: 'error',
    kind: 'platform-limit',
    pillars: ['reliability'],
    waf: ['RE:03'],
    rationale: 'With API Server VNet Integration in your own VNet, AKS projects the API server into a subnet that must be delegated to Microsoft.ContainerService/managedClusters; otherwise cluster creation fails.',
    fix: `Set delegation: '${DELEGATION}' on the API server subnet.`,
    example: `const apiSubnet = subnet({ name: 'snet-aks-apiserver', cidr: '10.240.8.0/28', purpose: 'aks-apiserver', delegation: '${DELEGATION}' });
apiServer: { mode: 'vnet-integration', subnet: apiSubnet, private: true }`,
    references: [{ title: 'API Server VNet Integration: bring your own VNet', url: 'https://learn.microsoft.com/azure/aks/api-server-vnet-integration' }],
    messages: {
      wrongDelegation:
        'API server subnet {{subnet}} ({{cidr}}) of {{cluster}} is {{state}}; it must be delegated to {{required}}',
    },
  },
  check(ctx) {
    const seen = new Set<Id>();
    for (const { cluster, subnet } of apiSubnets(ctx.q)) {
      if (subnet.delegation === DELEGATION || seen.has(subnet.id)) continue;
      seen.add(subnet.id);
      ctx.report({
        messageId: 'wrongDelegation',
        data: {
          subnet: subnet.name,
          cidr: subnet.cidr,
          cluster: cluster.name,
          state: subnet.delegation ? `delegated to ${subnet.delegation}` : 'not delegated',
          required: DELEGATION,
        },
        element: subnet.id,
        // The subnet's delegation (and its name and CIDR for the text); the cluster's API server mode and subnet.
        reads: ['name', 'cidr', 'delegation'],
        dependsOn: [{ element: cluster.id, reads: ['name', 'apiServer'] }],
        property: 'delegation',
        evidence: { subnet: subnet.name, delegation: subnet.delegation ?? 'none' },
      });
    }
  },
});
