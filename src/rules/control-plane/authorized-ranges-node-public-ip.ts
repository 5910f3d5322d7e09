import { defineRule } from '../../validate/rule.js';
import { authorizedRanges, restricts } from './_api.js';

export default defineRule({
  meta: {
    id: 'control-plane/authorized-ranges-node-public-ip',
    title: 'Node pools with public IPs do not silently bypass authorized IP ranges',
    severity: 'warning',
    kind: 'best-practice',
    pillars: ['security', 'reliability'],
    waf: ['SE:06', 'RE:02'],
    rationale:
      'Nodes with instance-level public IPs reach a public API server from those addresses, not from the cluster egress. Authorized IP ranges only work with such pools when the node IPs come from a public IP prefix that is itself authorized; otherwise the nodes lose the control plane.',
    fix: 'Drop node public IPs (use a load balancer or NAT gateway for egress), or allocate them from a public IP prefix and add that prefix to apiServer.authorizedIpRanges.',
    example: `nodePool({ name: 'apps', mode: 'user', vmSize: 'Standard_D8ds_v5', subnet: nodes, nodePublicIp: false })`,
    references: [
      { title: 'Secure access to the API server using authorized IP address ranges: limitations', url: 'https://learn.microsoft.com/azure/aks/api-server-authorized-ip-ranges' },
      { title: 'Assign a public IP per node for your node pools', url: 'https://learn.microsoft.com/azure/aks/use-multiple-node-pools#assign-a-public-ip-per-node-for-your-node-pools' },
    ],
    messages: {
      nodePublicIp:
        'node pool {{pool}} of {{cluster}} gives each node a public IP while the API server accepts only ' +
        '{{ranges}} authorized IP ranges; authorize the pool’s public IP prefix or drop node public IPs',
    },
  },
  check(ctx) {
    for (const c of ctx.q.all('cluster')) {
      if (c.apiServer.mode !== 'public') continue;
      const ranges = authorizedRanges(c);
      if (!restricts(ranges)) continue;
      for (const p of ctx.q.pools(c.id)) {
        if (!p.nodePublicIp) continue;
        ctx.report({
          messageId: 'nodePublicIp',
          data: { pool: p.name, cluster: c.name, ranges: ranges.length },
          element: p.id,
          reads: ['nodePublicIp'],
          dependsOn: [{ element: c.id, reads: ['apiServer'] }],
          property: 'nodePublicIp',
          evidence: { pool: p.name, ranges: ranges.length },
        });
      }
    }
  },
});
