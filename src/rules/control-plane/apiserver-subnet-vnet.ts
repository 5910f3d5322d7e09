import { defineRule } from '../../validate/rule.js';
import { apiSubnets } from './_apisubnet.js';

export default defineRule({
  meta: {
    id: 'control-plane/apiserver-subnet-vnet',
    title: 'The API Server VNet Integration subnet is in the same VNet as the node subnets',
    severity: 'error',
    kind: 'platform-limit',
    pillars: ['reliability'],
    waf: ['RE:03'],
    rationale: 'Nodes reach the VNet-integrated API server through an internal load balancer in the API server subnet, which AKS requires to be in the same VNet as the cluster’s node subnets.',
    fix: 'Create the API server subnet in the VNet that holds the node subnets.',
    example: `const spoke = vnet({ name: 'vnet-spoke', region: 'westeurope', addressSpace: ['10.240.0.0/16'], subnets: [nodes, apiSubnet] });`,
    references: [{ title: 'API Server VNet Integration: bring your own VNet', url: 'https://learn.microsoft.com/azure/aks/api-server-vnet-integration' }],
    messages: {
      otherVnet:
        'API server subnet {{subnet}} of {{cluster}} is in VNet {{apiServerVnet}}, but its node subnets are in ' +
        '{{nodeVnets}}',
    },
  },
  check(ctx) {
    const { q } = ctx;
    for (const { cluster, subnet } of apiSubnets(q)) {
      const apiVnet = q.vnetOf(subnet.id);
      if (!apiVnet) continue;
      const pools = q.pools(cluster.id);
      const others = q
        .nodeSubnets(cluster.id)
        .map((s) => q.vnetOf(s.id))
        .filter((v): v is NonNullable<typeof v> => !!v && v.id !== apiVnet.id);
      const names = [...new Set(others.map((v) => v.name))];
      if (names.length === 0) continue;
      ctx.report({
        messageId: 'otherVnet',
        data: { subnet: subnet.name, cluster: cluster.name, apiServerVnet: apiVnet.name, nodeVnets: names.join(', ') },
        element: cluster.id,
        // The API server's subnet and the pools: each pool's subnet decides the node VNets; the VNets' names for the text.
        reads: ['name', 'apiServer', 'nodePools'],
        dependsOn: [
          { element: subnet.id, reads: ['name'] },
          ...pools.map((p) => ({ element: p.id, reads: ['subnet'] })),
          ...[apiVnet, ...others].map((v) => ({ element: v.id, reads: ['name'] })),
        ],
        property: 'apiServer.subnet',
        evidence: { apiServerVnet: apiVnet.name, nodeVnets: names.join(', ') },
      });
    }
  },
});
