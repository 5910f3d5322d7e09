import { RETIREMENTS } from '../../model/data/retirements.js';
import { defineDatedRule } from './_lifecycle.js';

/** Kept for callers that name the date. */
export const NPM_LINUX_END = RETIREMENTS.azureNpmLinux.date;

export default defineDatedRule({
  retirement: RETIREMENTS.azureNpmLinux,
  meta: {
    id: 'lifecycle/azure-npm-linux',
    title: 'Azure Network Policy Manager on Linux retires 2028-09-30',
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
    messages: {
      npmLinux:
        'cluster {{cluster}} uses Azure NPM on {{pools}}: NPM for Linux {{retires}} {{date}} ({{when}}); migrate to Cilium',
    },
  },
  check(ctx) {
    for (const c of ctx.q.all('cluster')) {
      if (c.network.networkPolicy !== 'azure') continue;
      const linux = ctx.q.pools(c.id).filter((p) => p.os !== 'Windows');
      if (linux.length === 0) continue;
      ctx.report({
        messageId: 'npmLinux',
        data: { cluster: c.name, pools: `${linux.length} Linux node pool${linux.length === 1 ? '' : 's'}` },
        element: c.id,
        reads: ['network.networkPolicy'],
        // Which pools run Linux or Windows.
        dependsOn: ctx.q.pools(c.id).map((p) => ({ element: p.id, reads: ['os'] })),
        property: 'network.networkPolicy',
        evidence: { cluster: c.name, linuxPools: linux.length },
      });
    }
  },
});
