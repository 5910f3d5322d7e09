import { defineRule } from '../../validate/rule.js';

/** The load balancer's visibility, cluster and subnet (and name). */
const READS = ['name', 'visibility', 'cluster', 'subnet'];

export default defineRule({
  meta: {
    id: 'ingress/internal-lb-subnet',
    title: 'Internal load balancers of a cluster have their own subnet',
    severity: 'info',
    kind: 'best-practice',
    pillars: ['security', 'operational-excellence'],
    waf: ['SE:06', 'OE:05'],
    rationale:
      'Without a subnet of its own, an AKS internal load balancer takes its frontend IP from the node subnet. Its ' +
      'address then competes with nodes (and pods) for the subnet’s addresses, and NSG rules and routes cannot tell ' +
      'traffic to the service frontends apart from traffic to the nodes.',
    fix:
      'Create a small subnet for internal load balancer frontends and point the service at it with the ' +
      'service.beta.kubernetes.io/azure-load-balancer-internal-subnet annotation (subnet: ingressSubnet in the DSL).',
    example:
      "loadBalancer({ name: 'ilb-ingress', visibility: 'internal', subnet: ingressSubnet, privateIp: '10.240.5.4', " +
      'cluster: aks })',
    references: [
      {
        title: 'Use an internal load balancer with AKS: specify a different subnet',
        url: 'https://learn.microsoft.com/azure/aks/internal-lb',
      },
    ],
    messages: {
      nodeSubnet:
        'Internal load balancer {{lb}} of {{cluster}} takes its frontend from {{subnet}}, a node or pod subnet of the ' +
        'cluster; give internal load balancers a subnet of their own',
      defaultSubnet:
        'Internal load balancer {{lb}} of {{cluster}} states no subnet, so AKS takes its frontend from the node subnet; ' +
        'give internal load balancers a subnet of their own',
    },
  },
  check(ctx) {
    const { q } = ctx;
    for (const lb of q.all('loadBalancer')) {
      if (lb.visibility !== 'internal' || !lb.cluster) continue;
      const cluster = q.getAs(lb.cluster, 'cluster');
      if (!cluster) continue;
      const clusterSubnets = new Set<string>();
      for (const p of q.pools(cluster.id)) {
        clusterSubnets.add(p.subnet);
        if (p.podSubnet) clusterSubnets.add(p.podSubnet);
      }
      if (lb.subnet === undefined) {
        ctx.report({
          messageId: 'defaultSubnet',
          data: { lb: lb.name, cluster: cluster.name },
          element: lb.id,
          reads: READS,
          dependsOn: [{ element: cluster.id, reads: ['name'] }],
          evidence: { lb: lb.name },
        });
        continue;
      }
      if (!clusterSubnets.has(lb.subnet)) continue;
      ctx.report({
        messageId: 'nodeSubnet',
        data: { lb: lb.name, cluster: cluster.name, subnet: q.name(lb.subnet) },
        element: lb.id,
        reads: READS,
        // The cluster's pools, whose node and pod subnets the load balancer's subnet is among (its name for the text).
        dependsOn: [
          { element: cluster.id, reads: ['name', 'nodePools'] },
          ...q.pools(cluster.id).map((p) => ({ element: p.id, reads: ['subnet', 'podSubnet'] })),
          { element: lb.subnet, reads: ['name'] },
        ],
        property: 'subnet',
        evidence: { lb: lb.name, subnet: q.name(lb.subnet) },
      });
    }
  },
});
