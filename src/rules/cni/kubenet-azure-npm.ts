import { defineRule } from '../../validate/rule.js';

export default defineRule({
  meta: {
    id: 'cni/kubenet-azure-npm',
    title: 'kubenet clusters do not use Azure Network Policy Manager',
    severity: 'error',
    kind: 'platform-limit',
    pillars: ['security'],
    waf: ['SE:06'],
    rationale: 'Azure Network Policy Manager only works with Azure CNI. On kubenet the only supported engine is Calico, so `networkPolicy: azure` is rejected.',
    fix: "Use networkPolicy: 'calico' on kubenet, or better migrate to Azure CNI Overlay with the Cilium dataplane and Cilium policy.",
    example: `network: { cni: 'azure-overlay', dataplane: 'cilium', networkPolicy: 'cilium', podCidr: '192.168.0.0/16' }`,
    references: [
      { title: 'Secure traffic between pods with network policies: engine support', url: 'https://learn.microsoft.com/azure/aks/use-network-policies' },
      { title: 'Configure kubenet networking: network policies', url: 'https://learn.microsoft.com/azure/aks/configure-kubenet' },
    ],
    messages: {
      azureNpm:
        'cluster {{cluster}} uses kubenet with networkPolicy azure; Azure NPM requires Azure CNI (use calico on ' +
        'kubenet)',
    },
  },
  check(ctx) {
    for (const c of ctx.q.all('cluster')) {
      if (c.network.cni !== 'kubenet' || c.network.networkPolicy !== 'azure') continue;
      ctx.report({
        messageId: 'azureNpm',
        data: { cluster: c.name },
        element: c.id,
        reads: ['network.cni', 'network.networkPolicy'],
        property: 'network.networkPolicy',
        evidence: { cni: c.network.cni, networkPolicy: c.network.networkPolicy },
      });
    }
  },
});
