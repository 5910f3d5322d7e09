import { defineRule } from '../../validate/rule.js';

export default defineRule({
  meta: {
    id: 'cni/kubenet-windows',
    title: 'kubenet clusters have no Windows node pools',
    severity: 'error',
    kind: 'platform-limit',
    pillars: ['reliability'],
    waf: ['RE:03'],
    rationale: 'Windows Server nodes only support Azure CNI; AKS refuses to add a Windows node pool to a kubenet cluster.',
    fix: 'Move the cluster to Azure CNI Overlay (or another Azure CNI mode) before adding Windows pools.',
    example: `network: { cni: 'azure-overlay', podCidr: '192.168.0.0/16' },
nodePools: [nodePool({ name: 'win', mode: 'user', os: 'Windows', vmSize: 'Standard_D4ds_v5', maxPods: 110, subnet: nodes })]`,
    references: [
      { title: 'Configure kubenet networking: limitations', url: 'https://learn.microsoft.com/azure/aks/configure-kubenet' },
      { title: 'AKS CNI overview: comparison of network models', url: 'https://learn.microsoft.com/azure/aks/concepts-network-cni-overview' },
    ],
    messages: {
      windowsPool: 'Windows node pool {{pool}} cannot join kubenet cluster {{cluster}}; Windows nodes require Azure CNI',
    },
  },
  check(ctx) {
    for (const c of ctx.q.all('cluster')) {
      if (c.network.cni !== 'kubenet') continue;
      for (const p of ctx.q.pools(c.id)) {
        if (p.os !== 'Windows') continue;
        ctx.report({
          messageId: 'windowsPool',
          data: { pool: p.name, cluster: c.name },
          element: p.id,
          reads: ['os'],
          dependsOn: [{ element: c.id, reads: ['network.cni'] }],
          property: 'os',
          evidence: { pool: p.name, cluster: c.name },
        });
      }
    }
  },
});
