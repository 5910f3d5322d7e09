import { defineRule } from '../../validate/rule.js';

export default defineRule({
  meta: {
    id: 'ingress/private-link-service-backend-pool',
    title: 'A Private Link Service on an AKS load balancer uses the nodeIPConfiguration backend pool type',
    severity: 'error',
    kind: 'platform-limit',
    pillars: ['reliability'],
    waf: ['RE:03'],
    rationale:
      'Private Link Service works only with a Standard load balancer whose backend pool references node IP ' +
      'configurations. A cluster whose load balancers use the IP-based nodeIP pool type, or whose pods use Azure CNI ' +
      'static block allocation, cannot expose a Service through Private Link, so the Front Door or consumer ' +
      'private endpoints behind it never connect.',
    fix:
      "Keep the cluster's load balancer backend pool type at nodeIPConfiguration " +
      "(network.loadBalancerBackendPoolType: 'nodeIPConfiguration'), or expose the service another way (for example an " +
      'Application Gateway or AGC origin); with static block allocation, use dynamic pod IP allocation or overlay.',
    example:
      "cluster({ /* … */ network: { cni: 'azure-overlay', loadBalancerBackendPoolType: 'nodeIPConfiguration' } });",
    references: [
      {
        title: 'Use an internal load balancer with AKS (Private Link Service prerequisites)',
        url: 'https://learn.microsoft.com/azure/aks/internal-lb',
      },
      {
        title: 'Azure CNI pod subnet (static block allocation limitations)',
        url: 'https://learn.microsoft.com/azure/aks/concepts-network-azure-cni-pod-subnet',
      },
      {
        title: 'What is Azure Private Link Service? (limitations)',
        url: 'https://learn.microsoft.com/azure/private-link/private-link-service-overview',
      },
    ],
    messages: {
      nodeIpPool:
        'Private Link Service {{service}} fronts load balancer {{lb}} of cluster {{cluster}}, whose backend pool type is ' +
        'nodeIP; Private Link Service supports only nodeIPConfiguration',
      staticBlock:
        'Private Link Service {{service}} fronts load balancer {{lb}} of cluster {{cluster}}, which uses Azure CNI static ' +
        'block allocation; exposing a Service through Private Link is not supported there',
    },
  },
  check(ctx) {
    const { q } = ctx;
    for (const pls of q.all('privateLinkService')) {
      const lb = q.getAs(pls.loadBalancer, 'loadBalancer');
      const c = q.getAs(lb?.cluster, 'cluster');
      if (!lb || !c) continue;
      const data = { service: pls.name, lb: lb.name, cluster: c.name };
      // The service's load balancer and that load balancer's cluster.
      const dependsOn = [
        { element: pls.id, reads: ['name', 'loadBalancer'] },
        { element: lb.id, reads: ['name', 'cluster'] },
      ];
      const POOL_READS = ['name', 'network.loadBalancerBackendPoolType'];
      if (c.network.cni === 'azure-podsubnet-static') {
        ctx.report({ messageId: 'staticBlock', data, element: c.id, reads: ['name', 'network.cni'], dependsOn, property: 'network.cni', evidence: data });
      }
      const pool = c.network.loadBalancerBackendPoolType;
      if (pool === undefined) {
        ctx.unverified({
          element: c.id,
          reads: POOL_READS,
          property: 'network.loadBalancerBackendPoolType',
          check: `Private Link Service ${pls.name} can use load balancer ${lb.name} (backend pool type nodeIPConfiguration)`,
          fact: 'load balancer backend pool type',
        });
      } else if (pool === 'nodeIP') {
        ctx.report({
          messageId: 'nodeIpPool',
          data,
          element: c.id,
          reads: POOL_READS,
          dependsOn,
          property: 'network.loadBalancerBackendPoolType',
          evidence: data,
        });
      }
    }
  },
});
