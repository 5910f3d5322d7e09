import { defineRule } from '../../validate/rule.js';
import { due } from './_lifecycle.js';

export const KUBENET_END = '2028-03-31';

export default defineRule({
  meta: {
    id: 'lifecycle/kubenet',
    title: 'kubenet support ends 2028-03-31',
    severity: 'warning',
    kind: 'lifecycle',
    pillars: ['security', 'reliability'],
    waf: ['SE:08', 'RE:01'],
    rationale:
      'Microsoft retires kubenet networking for AKS on 31 March 2028. Clusters still on kubenet must be migrated to Azure CNI overlay before then; migration is an in-place upgrade but needs planning (pod CIDR, network policy engine, route tables).',
    fix: "Migrate to network.cni 'azure-overlay' (ideally with the Cilium dataplane and network policy).",
    example: "cluster({ /* … */ network: { cni: 'azure-overlay', dataplane: 'cilium', networkPolicy: 'cilium', podCidr: '192.168.0.0/16' } });",
    references: [
      { title: 'Use kubenet networking in AKS (retirement notice)', url: 'https://learn.microsoft.com/azure/aks/configure-kubenet' },
      { title: 'Update Azure CNI (migrate from kubenet to overlay)', url: 'https://learn.microsoft.com/azure/aks/update-azure-cni' },
    ],
  },
  check(ctx) {
    const d = due(KUBENET_END, ctx.asOf);
    for (const c of ctx.q.all('cluster')) {
      if (c.network.cni !== 'kubenet') continue;
      ctx.report({
        message: `cluster ${c.name} uses kubenet: kubenet support ${d.past ? 'ended' : 'ends'} ${KUBENET_END} (${d.relative}); migrate to Azure CNI overlay`,
        element: c.id,
        property: 'network.cni',
        severity: d.severity,
        evidence: { cluster: c.name, date: KUBENET_END, asOf: ctx.asOf },
      });
    }
  },
});
