import { defineRule } from '../../validate/rule.js';
import { isPrivate } from './_api.js';

export default defineRule({
  meta: {
    id: 'control-plane/private-cluster-basic-lb',
    title: 'Private clusters use the Standard load balancer',
    severity: 'error',
    kind: 'platform-limit',
    pillars: ['reliability'],
    waf: ['RE:03'],
    rationale: 'The private API server endpoint is built on Private Link, which only works with the Standard load balancer; a Basic load balancer private cluster cannot be created.',
    fix: "Use loadBalancerSku: 'standard'.",
    example: `network: { cni: 'azure-overlay', loadBalancerSku: 'standard' },
apiServer: { mode: 'private', privateDnsZone: 'system' }`,
    references: [{ title: 'Create a private AKS cluster: limitations', url: 'https://learn.microsoft.com/azure/aks/private-clusters' }],
    messages: {
      basicLb:
        'private cluster {{cluster}} uses the Basic load balancer; private clusters require the Standard load ' +
        'balancer',
    },
  },
  check(ctx) {
    for (const c of ctx.q.all('cluster')) {
      if (!isPrivate(c) || c.network.loadBalancerSku !== 'basic') continue;
      ctx.report({
        messageId: 'basicLb',
        data: { cluster: c.name },
        element: c.id,
        reads: ['apiServer', 'network.loadBalancerSku'],
        property: 'network.loadBalancerSku',
        evidence: { loadBalancerSku: 'basic', mode: c.apiServer.mode },
      });
    }
  },
});
