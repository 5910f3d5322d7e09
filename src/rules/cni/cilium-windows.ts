import { defineRule } from '../../validate/rule.js';

export default defineRule({
  meta: {
    id: 'cni/cilium-windows',
    title: 'Cilium clusters have only Linux node pools',
    severity: 'error',
    kind: 'platform-limit',
    pillars: ['reliability', 'security'],
    waf: ['RE:03', 'SE:06'],
    rationale: 'Azure CNI powered by Cilium and Cilium network policy support Linux nodes only; AKS rejects Windows node pools in a Cilium cluster.',
    fix: 'Run Windows workloads in a separate cluster on the Azure dataplane (with Calico or Azure NPM for policy), or keep the cluster Linux-only.',
    example: `nodePools: [nodePool({ name: 'apps', mode: 'user', os: 'Linux', vmSize: 'Standard_D8ds_v5', subnet: nodes })]`,
    references: [
      { title: 'Azure CNI powered by Cilium: limitations', url: 'https://learn.microsoft.com/azure/aks/azure-cni-powered-by-cilium' },
      { title: 'Secure traffic between pods with network policies: engine support', url: 'https://learn.microsoft.com/azure/aks/use-network-policies' },
    ],
    messages: {
      windowsPool: 'Windows node pool {{pool}} cannot run in Cilium cluster {{cluster}}; Cilium supports Linux nodes only',
    },
  },
  check(ctx) {
    for (const c of ctx.q.all('cluster')) {
      const cilium = c.network.dataplane === 'cilium' || c.network.networkPolicy === 'cilium';
      if (!cilium) continue;
      for (const p of ctx.q.pools(c.id)) {
        if (p.os !== 'Windows') continue;
        ctx.report({
          messageId: 'windowsPool',
          data: { pool: p.name, cluster: c.name },
          element: p.id,
          reads: ['os'],
          dependsOn: [{ element: c.id, reads: ['network.dataplane', 'network.networkPolicy'] }],
          property: 'os',
          evidence: { pool: p.name, cluster: c.name },
        });
      }
    }
  },
});
