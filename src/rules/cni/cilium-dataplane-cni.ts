import { defineRule } from '../../validate/rule.js';

export default defineRule({
  meta: {
    id: 'cni/cilium-dataplane-cni',
    title: 'The Cilium dataplane runs on Azure CNI',
    severity: 'error',
    kind: 'platform-limit',
    pillars: ['reliability'],
    waf: ['RE:03'],
    rationale:
      'Azure CNI powered by Cilium is a mode of Azure CNI (overlay, pod subnet or node subnet). It is not available with kubenet, which must first be migrated to overlay, nor with a bring-your-own CNI.',
    fix: "Use cni: 'azure-overlay' (or an Azure CNI pod/node subnet mode) with dataplane: 'cilium'.",
    example: `network: { cni: 'azure-overlay', dataplane: 'cilium', networkPolicy: 'cilium', podCidr: '192.168.0.0/16' }`,
    references: [{ title: 'Azure CNI powered by Cilium: limitations', url: 'https://learn.microsoft.com/azure/aks/azure-cni-powered-by-cilium' }],
    messages: {
      notAzureCni:
        'cluster {{cluster}} combines the Cilium dataplane with {{cni}}; Azure CNI powered by Cilium needs an ' +
        'Azure CNI mode',
    },
  },
  check(ctx) {
    for (const c of ctx.q.all('cluster')) {
      if (c.network.dataplane !== 'cilium' || (c.network.cni !== 'kubenet' && c.network.cni !== 'byo')) continue;
      ctx.report({
        messageId: 'notAzureCni',
        data: { cluster: c.name, cni: c.network.cni },
        element: c.id,
        reads: ['network.dataplane', 'network.cni'],
        property: 'network.dataplane',
        evidence: { cni: c.network.cni, dataplane: c.network.dataplane },
      });
    }
  },
});
