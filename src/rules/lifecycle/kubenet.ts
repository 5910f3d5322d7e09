import { RETIREMENTS } from '../../model/data/retirements.js';
import { defineDatedRule } from './_lifecycle.js';

/** Kept for callers that name the date. */
export const KUBENET_END = RETIREMENTS.kubenet.date;

export default defineDatedRule({
  retirement: RETIREMENTS.kubenet,
  meta: {
    id: 'lifecycle/kubenet',
    title: 'kubenet support ends 2028-03-31',
    pillars: ['security', 'reliability'],
    waf: ['SE:08', 'RE:03'],
    rationale:
      'Microsoft retires kubenet networking for AKS on 31 March 2028. Clusters still on kubenet must be migrated to Azure CNI overlay before then; migration is an in-place upgrade but needs planning (pod CIDR, network policy engine, route tables).',
    fix: "Migrate to network.cni 'azure-overlay' (ideally with the Cilium dataplane and network policy).",
    example: "cluster({ /* … */ network: { cni: 'azure-overlay', dataplane: 'cilium', networkPolicy: 'cilium', podCidr: '192.168.0.0/16' } });",
    references: [
      { title: 'Use kubenet networking in AKS (retirement notice)', url: 'https://learn.microsoft.com/azure/aks/configure-kubenet' },
      { title: 'Update Azure CNI (migrate from kubenet to overlay)', url: 'https://learn.microsoft.com/azure/aks/update-azure-cni' },
    ],
    messages: {
      kubenet:
        'cluster {{cluster}} uses kubenet: kubenet support {{ends}} {{date}} ({{when}}); migrate to Azure CNI overlay',
    },
  },
  check(ctx) {
    for (const c of ctx.q.all('cluster')) {
      if (c.network.cni !== 'kubenet') continue;
      ctx.report({ messageId: 'kubenet', data: { cluster: c.name }, element: c.id, reads: ['network.cni'], property: 'network.cni', evidence: { cluster: c.name } });
    }
  },
});
