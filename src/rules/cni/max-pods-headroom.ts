import { defineRule } from '../../validate/rule.js';

/** Pods per node that leave room for DaemonSets. */
export const RECOMMENDED = 50;
/** The smallest 16N − 1 at or above {@link RECOMMENDED}, for static block allocation. */
export const STATIC_RECOMMENDED = 63;

export default defineRule({
  meta: {
    id: 'cni/max-pods-headroom',
    title: 'Node pools allow at least 50 pods per node',
    severity: 'warning',
    kind: 'best-practice',
    pillars: ['performance-efficiency', 'cost-optimization'],
    waf: ['PE:02', 'CO:07'],
    rationale:
      'DaemonSets for monitoring, security, CSI drivers and the mesh take several pod slots on every node. With the flat Azure CNI default of 30, nodes often run out of pod slots before CPU or memory, so the cluster scales out and pays for idle capacity. ' +
      'The floor of 50 is the one Microsoft’s PSRule for Azure rule Azure.AKS.NodeMinPods checks; the AKS documentation states the defaults and limits of maxPods but no recommended minimum.',
    fix: 'Set maxPods to 50 or more (63 with static block allocation; size the subnet accordingly, or use Azure CNI Overlay where pods do not consume VNet addresses).',
    example: `nodePool({ name: 'apps', mode: 'user', vmSize: 'Standard_D8ds_v5', maxPods: 110, subnet: nodes })`,
    references: [
      {
        title: 'PSRule for Azure: Azure.AKS.NodeMinPods (maxPods of at least 50)',
        url: 'https://azure.github.io/PSRule.Rules.Azure/en/rules/Azure.AKS.NodeMinPods/',
      },
      {
        title: 'AKS: IP address planning (maximum pods per node: defaults and limits)',
        url: 'https://learn.microsoft.com/azure/aks/concepts-network-ip-address-planning',
      },
    ],
    messages: {
      lowMaxPods:
        'node pool {{pool}} of {{cluster}} allows {{maxPods}} pods per node; at least {{recommended}} leaves room for ' +
        'DaemonSets and bin-packing',
    },
  },
  check(ctx) {
    for (const c of ctx.q.all('cluster')) {
      // With static block allocation recommend 63 (16N − 1), so following this advice satisfies
      // cni/static-block-max-pods too.
      const recommended = c.network.cni === 'azure-podsubnet-static' ? STATIC_RECOMMENDED : RECOMMENDED;
      for (const p of ctx.q.pools(c.id)) {
        if (p.maxPods < 10 || p.maxPods >= RECOMMENDED) continue;
        ctx.report({
          messageId: 'lowMaxPods',
          data: { pool: p.name, cluster: c.name, maxPods: p.maxPods, recommended },
          element: p.id,
          property: 'maxPods',
          // The pool's maxPods; the cluster's CNI (the recommendation, and the default maxPods).
          reads: ['maxPods'],
          dependsOn: [{ element: c.id, reads: ['network.cni'] }],
          evidence: { pool: p.name, maxPods: p.maxPods, recommended },
        });
      }
    }
  },
});
