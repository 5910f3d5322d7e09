import { defineRule } from '../../validate/rule.js';

export default defineRule({
  meta: {
    id: 'cni/cilium-policy-engine',
    title: 'Cilium network policy and the Cilium dataplane go together',
    severity: 'error',
    kind: 'platform-limit',
    pillars: ['security'],
    waf: ['SE:06'],
    rationale:
      'The cilium network policy engine is only available when the dataplane is Cilium, and the Cilium dataplane enforces policy itself, so it cannot be combined with Azure NPM or Calico. AKS rejects both mismatches.',
    fix: "Set dataplane: 'cilium' together with networkPolicy: 'cilium'; with the Azure dataplane choose azure or calico.",
    example: `network: { cni: 'azure-overlay', dataplane: 'cilium', networkPolicy: 'cilium', podCidr: '192.168.0.0/16' }`,
    references: [
      { title: 'Azure CNI powered by Cilium', url: 'https://learn.microsoft.com/azure/aks/azure-cni-powered-by-cilium' },
      { title: 'Secure traffic between pods with network policies', url: 'https://learn.microsoft.com/azure/aks/use-network-policies' },
    ],
    messages: {
      ciliumPolicyWithoutDataplane:
        'cluster {{cluster}} sets networkPolicy cilium with the {{dataplane}} dataplane; Cilium policy requires ' +
        'dataplane cilium',
      otherEngineOnCilium:
        'cluster {{cluster}} runs the Cilium dataplane with networkPolicy {{networkPolicy}}; Cilium enforces ' +
        'policy itself and cannot run {{engine}}',
    },
  },
  check(ctx) {
    const READS = ['network.dataplane', 'network.networkPolicy'];
    for (const c of ctx.q.all('cluster')) {
      const { dataplane, networkPolicy } = c.network;
      if (networkPolicy === 'cilium' && dataplane !== 'cilium') {
        ctx.report({
          messageId: 'ciliumPolicyWithoutDataplane',
          data: { cluster: c.name, dataplane },
          element: c.id,
          reads: READS,
          property: 'network.networkPolicy',
          evidence: { dataplane, networkPolicy },
        });
      } else if (dataplane === 'cilium' && (networkPolicy === 'azure' || networkPolicy === 'calico')) {
        ctx.report({
          messageId: 'otherEngineOnCilium',
          data: { cluster: c.name, networkPolicy, engine: networkPolicy === 'azure' ? 'Azure NPM' : 'Calico' },
          element: c.id,
          reads: READS,
          property: 'network.networkPolicy',
          evidence: { dataplane, networkPolicy },
        });
      }
    }
  },
});
