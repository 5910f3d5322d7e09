import { defineRule } from '../../validate/rule.js';

const DELEGATION = 'Microsoft.ServiceNetworking/trafficControllers';

export default defineRule({
  meta: {
    id: 'address/agc-subnet-delegation',
    title: 'The Application Gateway for Containers subnet is delegated to Microsoft.ServiceNetworking/trafficControllers',
    severity: 'error',
    kind: 'platform-limit',
    pillars: ['reliability'],
    waf: ['RE:03'],
    rationale: 'The AGC association can only be created in a subnet delegated to Microsoft.ServiceNetworking/trafficControllers; without the delegation the ALB controller fails to provision the frontend.',
    fix: `Set delegation: '${DELEGATION}' on the association subnet and keep the subnet for AGC only.`,
    example: `subnet({ name: 'snet-agc', cidr: '10.240.8.0/24', purpose: 'agc', delegation: '${DELEGATION}' })`,
    references: [
      { title: 'Application Gateway for Containers components: association subnet', url: 'https://learn.microsoft.com/azure/application-gateway/for-containers/application-gateway-for-containers-components' },
    ],
    messages: {
      wrongDelegation:
        'AGC {{agc}} uses subnet {{subnet}} ({{cidr}}), which is {{state}}; it must be delegated to {{required}}',
    },
  },
  check(ctx) {
    const { q } = ctx;
    for (const a of q.all('agc')) {
      const s = q.getAs(a.subnet, 'subnet');
      if (!s || s.delegation === DELEGATION) continue;
      ctx.report({
        messageId: 'wrongDelegation',
        data: {
          agc: a.name,
          subnet: s.name,
          cidr: s.cidr,
          state: s.delegation ? `delegated to ${s.delegation}` : 'not delegated',
          required: DELEGATION,
        },
        element: s.id,
        reads: ['delegation', 'cidr'],
        dependsOn: [{ element: a.id, reads: ['subnet'] }],
        property: 'delegation',
        evidence: { agc: a.name, subnet: s.name, delegation: s.delegation ?? 'none' },
      });
    }
  },
});
