import type { Id } from '../../model/types.js';
import { defineRule } from '../../validate/rule.js';

export default defineRule({
  meta: {
    id: 'cni/node-subnet-delegated',
    title: 'Node pool subnets are not delegated',
    severity: 'error',
    kind: 'platform-limit',
    pillars: ['reliability'],
    waf: ['RE:03'],
    rationale: 'AKS node pools cannot be placed in a subnet delegated to a service; the node VMs are refused and the pool fails to provision.',
    fix: 'Remove the delegation from the node subnet, and give the delegated service (API server, AGC, App Service…) a subnet of its own.',
    example: `subnet({ name: 'snet-aks-nodes', cidr: '10.240.0.0/22', purpose: 'aks-nodes' }) // no delegation`,
    references: [{ title: 'AKS CNI overview: subnet requirements', url: 'https://learn.microsoft.com/azure/aks/concepts-network-cni-overview' }],
    messages: {
      delegated:
        'node subnet {{subnet}} ({{cidr}}) of pool {{pool}} in {{cluster}} is delegated to {{delegation}}; node ' +
        'pool subnets must not be delegated',
    },
  },
  check(ctx) {
    const { q } = ctx;
    const seen = new Set<Id>();
    for (const c of q.all('cluster')) {
      for (const p of q.pools(c.id)) {
        const s = q.getAs(p.subnet, 'subnet');
        if (!s?.delegation || seen.has(s.id)) continue;
        seen.add(s.id);
        ctx.report({
          messageId: 'delegated',
          data: { subnet: s.name, cidr: s.cidr, pool: p.name, cluster: c.name, delegation: s.delegation },
          element: s.id,
          property: 'delegation',
          // The subnet's delegation (and CIDR, in the message); the pool's subnet, which makes it a node subnet.
          reads: ['delegation', 'cidr'],
          dependsOn: [{ element: p.id, reads: ['subnet'] }],
          evidence: { subnet: s.name, delegation: s.delegation, pool: p.name },
        });
      }
    }
  },
});
