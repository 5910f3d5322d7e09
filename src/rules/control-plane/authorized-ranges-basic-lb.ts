import { defineRule } from '../../validate/rule.js';
import { authorizedRanges } from './_api.js';

export default defineRule({
  meta: {
    id: 'control-plane/authorized-ranges-basic-lb',
    title: 'Authorized IP ranges are used with the Standard load balancer',
    severity: 'error',
    kind: 'platform-limit',
    pillars: ['security'],
    waf: ['SE:06'],
    rationale: 'API server authorized IP ranges are only supported on clusters with the Standard load balancer; a Basic load balancer cluster cannot enable them.',
    fix: "Use loadBalancerSku: 'standard' (the only SKU still supported).",
    example: `network: { cni: 'azure-overlay', loadBalancerSku: 'standard' }`,
    references: [{ title: 'Secure access to the API server using authorized IP address ranges: limitations', url: 'https://learn.microsoft.com/azure/aks/api-server-authorized-ip-ranges' }],
    messages: {
      basicLb:
        '{{cluster}} sets {{ranges}} authorized IP ranges on a Basic load balancer cluster; authorized ranges ' +
        'require the Standard load balancer',
    },
  },
  check(ctx) {
    for (const c of ctx.q.all('cluster')) {
      const ranges = authorizedRanges(c);
      if (ranges.length === 0 || c.network.loadBalancerSku !== 'basic') continue;
      ctx.report({
        messageId: 'basicLb',
        data: { cluster: c.name, ranges: ranges.length },
        element: c.id,
        reads: ['apiServer', 'network.loadBalancerSku'],
        property: 'network.loadBalancerSku',
        evidence: { ranges: ranges.length, loadBalancerSku: 'basic' },
      });
    }
  },
});
