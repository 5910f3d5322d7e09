import { defineRule } from '../../validate/rule.js';
import { due } from './_lifecycle.js';

export const NPM_LINUX_END = '2028-09-30';

export default defineRule({
  meta: {
    id: 'lifecycle/azure-npm-linux',
    title: 'Azure Network Policy Manager on Linux retires 2028-09-30',
    severity: 'warning',
    kind: 'lifecycle',
    pillars: ['security'],
    waf: ['SE:06', 'SE:08'],
    rationale:
      'Azure Network Policy Manager (NPM) for Linux nodes is retired on 30 September 2028, and it already has scale limits (250 nodes, 20,000 pods). Microsoft recommends Azure CNI powered by Cilium for network policy.',
    fix: "Migrate to dataplane 'cilium' with networkPolicy 'cilium' (Azure CNI overlay or pod subnet).",
    example: "cluster({ /* … */ network: { cni: 'azure-overlay', dataplane: 'cilium', networkPolicy: 'cilium' } });",
    references: [
      { title: 'Secure traffic between pods using network policies in AKS', url: 'https://learn.microsoft.com/azure/aks/use-network-policies' },
      { title: 'Configure Azure CNI powered by Cilium in AKS', url: 'https://learn.microsoft.com/azure/aks/azure-cni-powered-by-cilium' },
    ],
  },
  check(ctx) {
    const d = due(NPM_LINUX_END, ctx.asOf);
    for (const c of ctx.q.all('cluster')) {
      if (c.network.networkPolicy !== 'azure') continue;
      const linux = ctx.q.pools(c.id).filter((p) => p.os !== 'Windows');
      if (linux.length === 0) continue;
      ctx.report({
        message: `cluster ${c.name} uses Azure NPM on ${linux.length} Linux node pool${linux.length === 1 ? '' : 's'}: NPM for Linux ${d.past ? 'retired' : 'retires'} ${NPM_LINUX_END} (${d.relative}); migrate to Cilium`,
        element: c.id,
        property: 'network.networkPolicy',
        severity: d.severity,
        evidence: { cluster: c.name, linuxPools: linux.length, date: NPM_LINUX_END, asOf: ctx.asOf },
      });
    }
  },
});
