import type { Id, Resource } from '../../model/types.js';
import { defineRule, type Dependency } from '../../validate/rule.js';
import { apiSubnets } from './_apisubnet.js';

export default defineRule({
  meta: {
    id: 'control-plane/apiserver-subnet-dedicated',
    title: 'The API Server VNet Integration subnet hosts nothing but API servers',
    severity: 'error',
    kind: 'platform-limit',
    pillars: ['reliability', 'security'],
    waf: ['RE:03', 'SE:04'],
    rationale:
      'The API server subnet is delegated to AKS and may only be shared by API servers of clusters in the same VNet. Node pools, pod subnets, load balancers, private endpoints or other services placed in it either fail to deploy or break the projected API server.',
    fix: 'Give the API server its own delegated subnet and move every other resource out of it.',
    example: `const apiSubnet = subnet({ name: 'snet-aks-apiserver', cidr: '10.240.8.0/28', delegation: 'Microsoft.ContainerService/managedClusters' });
const nodes = subnet({ name: 'snet-aks-nodes', cidr: '10.240.0.0/22' });`,
    references: [{ title: 'API Server VNet Integration: bring your own VNet', url: 'https://learn.microsoft.com/azure/aks/api-server-vnet-integration' }],
    messages: {
      shared:
        'API server subnet {{subnet}} ({{cidr}}) of {{cluster}} is also used by {{users}}; it must be dedicated ' +
        'to API servers',
    },
  },
  check(ctx) {
    const { q } = ctx;
    const seen = new Set<Id>();
    for (const { cluster, subnet } of apiSubnets(q)) {
      if (seen.has(subnet.id)) continue;
      seen.add(subnet.id);
      const users: string[] = [];
      // The elements placed in the subnet: each rests on its subnet reference (and its name, for the text).
      const dependsOn: Dependency[] = [{ element: cluster.id, reads: ['name', 'apiServer'] }];
      for (const c of q.all('cluster')) {
        for (const p of q.pools(c.id)) {
          const before = users.length;
          if (p.subnet === subnet.id) users.push(`node pool ${c.name}/${p.name}`);
          if (p.podSubnet === subnet.id) users.push(`pods of ${c.name}/${p.name}`);
          if (users.length > before) dependsOn.push({ element: p.id, reads: ['name', 'subnet', 'podSubnet'] }, { element: c.id, reads: ['name'] });
        }
      }
      for (const r of q.model.resources) {
        if (r.kind === 'apiServer' || r.kind === 'subnet' || r.kind === 'nodePool') continue;
        const s = (r as Resource & { subnet?: unknown }).subnet;
        if (s === subnet.id) {
          users.push(`${r.kind} ${r.name}`);
          dependsOn.push({ element: r.id, reads: ['name', 'subnet'] });
        }
      }
      if (users.length === 0) continue;
      ctx.report({
        messageId: 'shared',
        data: { subnet: subnet.name, cidr: subnet.cidr, cluster: cluster.name, users: users.join(', ') },
        element: subnet.id,
        reads: ['name', 'cidr'],
        dependsOn,
        evidence: { subnet: subnet.name, otherUses: users.length },
      });
    }
  },
});
