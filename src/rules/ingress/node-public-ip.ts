import { defineRule } from '../../validate/rule.js';

export default defineRule({
  meta: {
    id: 'ingress/node-public-ip',
    title: 'Node pools do not give nodes their own public IPs',
    severity: 'warning',
    kind: 'best-practice',
    pillars: ['security'],
    waf: ['SE:06'],
    rationale:
      'AKS nodes need no public address to work. An instance-level public IP puts every node on the internet: its ' +
      'open ports are reachable past the ingress tier and its WAF, and its outbound traffic leaves from an address ' +
      'outside the egress controls. Only a few workloads (e.g. game servers that clients reach directly) need it.',
    fix:
      'Set nodePublicIp: false and publish workloads through a load balancer, Application Gateway or AGC; if a ' +
      'pool really needs it, keep it a dedicated pool with a tight NSG and accept the risk explicitly.',
    example: "nodePool({ name: 'apps', mode: 'user', vmSize: 'Standard_D8ds_v5', subnet: nodes, nodePublicIp: false })",
    references: [
      {
        title: 'Use instance-level public IPs in AKS',
        url: 'https://learn.microsoft.com/azure/aks/use-node-public-ips',
      },
      {
        title: 'Azure Well-Architected Framework: AKS (network security)',
        url: 'https://learn.microsoft.com/azure/well-architected/service-guides/azure-kubernetes-service',
      },
    ],
    messages: {
      publicIp:
        'Node pool {{pool}} of {{cluster}} gives each of its up to {{nodes}} nodes a public IP; the nodes are reachable ' +
        'from the internet past the ingress tier',
    },
  },
  check(ctx) {
    for (const c of ctx.q.all('cluster')) {
      for (const p of ctx.q.pools(c.id)) {
        if (!p.nodePublicIp) continue;
        ctx.report({
          messageId: 'publicIp',
          data: { pool: p.name, cluster: c.name, nodes: p.maxNodes },
          element: p.id,
          // The pool's node public IPs, and its node counts for the text.
          reads: ['name', 'nodePublicIp', 'count', 'minCount', 'maxCount'],
          dependsOn: [{ element: c.id, reads: ['name'] }],
          property: 'nodePublicIp',
          evidence: { pool: p.name, nodes: p.maxNodes },
        });
      }
    }
  },
});
