import { defineRule } from '../../validate/rule.js';

export default defineRule({
  meta: {
    id: 'ingress/agc-kubenet',
    title: 'App Gateway for Containers is not used with kubenet',
    severity: 'error',
    kind: 'platform-limit',
    pillars: ['reliability'],
    waf: ['RE:03'],
    rationale: 'Application Gateway for Containers sends traffic straight to pod IPs and supports Azure CNI (overlay, pod subnet, node subnet) only; kubenet is listed as not supported.',
    fix: 'Migrate the cluster to Azure CNI overlay (which kubenet users must do anyway before 2028-03-31), or use another ingress.',
    example: "cluster({ /* … */ network: { cni: 'azure-overlay', dataplane: 'cilium', networkPolicy: 'cilium' } });",
    references: [
      { title: 'Azure Kubernetes Service CNI networking overview (support matrix)', url: 'https://learn.microsoft.com/azure/aks/concepts-network-cni-overview' },
    ],
    messages: {
      kubenet:
        'App Gateway for Containers {{agc}} serves cluster {{cluster}}, which uses kubenet; AGC supports only ' +
        'Azure CNI',
    },
  },
  check(ctx) {
    for (const a of ctx.q.all('agc')) {
      for (const cid of a.clusters) {
        const c = ctx.q.getAs(cid, 'cluster');
        if (!c || c.network.cni !== 'kubenet') continue;
        ctx.report({
          messageId: 'kubenet',
          data: { agc: a.name, cluster: c.name },
          element: c.id,
          // The cluster's CNI; the AGC only by name (which clusters it serves comes from the ingress paths).
          reads: ['name', 'network.cni'],
          dependsOn: [{ element: a.id, reads: ['name'] }],
          property: 'network.cni',
          evidence: { agc: a.name, cluster: c.name, cni: 'kubenet' },
        });
      }
    }
  },
});
