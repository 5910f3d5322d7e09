import { defineRule } from '../../validate/rule.js';

export default defineRule({
  meta: {
    id: 'cni/network-policy-missing',
    title: 'A network policy engine is enabled',
    severity: 'warning',
    kind: 'best-practice',
    pillars: ['security'],
    waf: ['SE:04', 'SE:06'],
    rationale:
      'Without a policy engine every pod can reach every other pod and namespace, so one compromised workload can ' +
      'move laterally through the cluster. An engine can be added later (az aks update installs Azure NPM or ' +
      'Calico on an existing cluster; Cilium comes with the Cilium dataplane), but policies written after go-live ' +
      'tend to lag the workloads, so decide it in the design.',
    fix:
      "Enable networkPolicy: 'cilium' with the Cilium dataplane (recommended), or calico / azure, and then apply a default-deny " +
      'policy per namespace. On kubenet only Calico is available: Azure NPM and Cilium need Azure CNI (migrate to Azure CNI Overlay first).',
    example: `network: { cni: 'azure-overlay', dataplane: 'cilium', networkPolicy: 'cilium', defaultDeny: true, podCidr: '192.168.0.0/16' }`,
    references: [
      { title: 'Secure traffic between pods with network policies', url: 'https://learn.microsoft.com/azure/aks/use-network-policies' },
      { title: 'Best practices for network connectivity and security in AKS', url: 'https://learn.microsoft.com/azure/aks/operator-best-practices-network' },
    ],
    messages: {
      noEngine: 'cluster {{cluster}} has no network policy engine{{defaulted}}; every pod can reach every other pod',
      noEngineKubenet:
        'cluster {{cluster}} has no network policy engine{{defaulted}}; every pod can reach every other pod (on kubenet only Calico ' +
        'is available: Azure NPM and Cilium need Azure CNI)',
    },
  },
  check(ctx) {
    for (const c of ctx.q.all('cluster')) {
      // A BYO CNI brings its own policy enforcement, which the model cannot see.
      if (c.network.networkPolicy !== 'none' || c.network.cni === 'byo') continue;
      // Left out, AKS installs no engine: say so, as the finding is about a default the design did not choose.
      const defaulted = ctx.q.isDefaulted(c.id, 'networkPolicy');
      ctx.report({
        messageId: c.network.cni === 'kubenet' ? 'noEngineKubenet' : 'noEngine',
        data: { cluster: c.name, defaulted: defaulted ? ' (the AKS default: networkPolicy not stated)' : '' },
        element: c.id,
        reads: ['network.networkPolicy', 'network.cni'],
        property: 'network.networkPolicy',
        evidence: { cni: c.network.cni, networkPolicy: 'none' },
      });
    }
  },
});
