import { defineRule } from '../../validate/rule.js';

/**
 * The maxPods range AKS accepts. The IP address planning page gives the same range for every network plugin
 * (Azure CNI in all its modes and kubenet): at least 10, at most 250. The overlay and kubenet pages repeat the
 * 250 maximum; Windows on overlay has a lower *recommended* value (cni/windows-overlay-max-pods), not a limit.
 */
export const MIN_MAX_PODS = 10;
export const MAX_MAX_PODS = 250;

export default defineRule({
  meta: {
    id: 'cni/max-pods-range',
    title: 'maxPods is between 10 and 250',
    severity: 'error',
    kind: 'platform-limit',
    pillars: ['reliability'],
    waf: ['RE:03'],
    rationale:
      'AKS enforces maxPods between 10 and 250 per node for every network plugin (Azure CNI overlay, pod subnet and ' +
      'node subnet, and kubenet). Lower values leave no room for the system pods every node runs, higher ones exceed ' +
      'what a node supports; AKS rejects the node pool either way.',
    fix:
      'Set maxPods between 10 and 250 (30 or more is the practical minimum, and a pool below 30 must still hold 30 ' +
      'pods in total). To raise density beyond 250 pods per node, add nodes instead.',
    example: `nodePool({ name: 'apps', mode: 'user', vmSize: 'Standard_D8ds_v5', maxPods: 50, subnet: nodes })`,
    references: [
      {
        title: 'AKS: IP address planning (maximum pods per node)',
        url: 'https://learn.microsoft.com/azure/aks/concepts-network-ip-address-planning#maximum-pods-per-node',
      },
      {
        title: 'Azure CNI Overlay: maximum pods per node',
        url: 'https://learn.microsoft.com/azure/aks/concepts-network-azure-cni-overlay#maximum-pods-per-node',
      },
      { title: 'Use kubenet networking in AKS', url: 'https://learn.microsoft.com/azure/aks/configure-kubenet' },
    ],
    messages: {
      belowMinimum: 'node pool {{pool}} of {{cluster}} sets maxPods {{maxPods}}; AKS accepts 10 to 250',
      aboveMaximum:
        'node pool {{pool}} of {{cluster}} sets maxPods {{maxPods}}; AKS accepts 10 to 250 with every network plugin',
    },
  },
  check(ctx) {
    for (const c of ctx.q.all('cluster')) {
      for (const p of ctx.q.pools(c.id)) {
        const messageId =
          p.maxPods < MIN_MAX_PODS ? 'belowMinimum' : p.maxPods > MAX_MAX_PODS ? 'aboveMaximum' : undefined;
        if (!messageId) continue;
        ctx.report({
          messageId,
          data: { pool: p.name, cluster: c.name, maxPods: p.maxPods },
          element: p.id,
          property: 'maxPods',
          // The pool's maxPods; the cluster's CNI (the default maxPods).
          reads: ['maxPods'],
          dependsOn: [{ element: c.id, reads: ['network.cni'] }],
          evidence: { pool: p.name, maxPods: p.maxPods },
        });
      }
    }
  },
});
