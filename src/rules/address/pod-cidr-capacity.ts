import { podCidrDemand } from '../../model/capacity.js';
import { defineRule } from '../../validate/rule.js';

export default defineRule({
  meta: {
    id: 'address/pod-cidr-capacity',
    title: 'The kubenet or overlay pod CIDR has a /24 for every node at maximum scale',
    severity: 'error',
    kind: 'platform-limit',
    pillars: ['reliability', 'performance-efficiency'],
    waf: ['PE:02', 'RE:06'],
    rationale:
      'kubenet and Azure CNI Overlay carve a fixed /24 out of the pod CIDR for every node, including surge nodes during upgrades. A /20 pod CIDR therefore caps the cluster at 16 nodes no matter how large the node subnet is; extra nodes fail to get pod ranges.',
    fix: 'Use a pod CIDR with at least as many /24 blocks as peak nodes, e.g. a /16 (256 nodes) or larger; the range is private to the cluster and can be reused elsewhere.',
    example: `network: { cni: 'azure-overlay', podCidr: '192.168.0.0/16' } // 256 nodes`,
    references: [
      { title: 'Azure CNI Overlay: IP address planning', url: 'https://learn.microsoft.com/azure/aks/concepts-network-azure-cni-overlay' },
      { title: 'Configure kubenet networking', url: 'https://learn.microsoft.com/azure/aks/configure-kubenet' },
    ],
    messages: {
      tooSmall:
        'pod CIDR {{podCidr}} of {{cluster}} holds {{blocks}} node /24 blocks; at max scale {{nodes}} nodes + ' +
        '{{surge}} surge need {{needed}}',
    },
  },
  check(ctx) {
    const { q } = ctx;
    for (const c of q.all('cluster')) {
      const d = podCidrDemand(q, c);
      if (!d || q.pools(c.id).length === 0 || d.used <= d.size) continue;
      ctx.report({
        messageId: 'tooSmall',
        data: {
          podCidr: d.podCidr,
          cluster: c.name,
          blocks: d.blocks,
          nodes: d.demand.nodes,
          surge: d.demand.surge,
          needed: d.demand.peak,
        },
        element: c.id,
        // The CNI (overlay and kubenet take a /24 per node) and the pod CIDR; each pool's nodes and surge.
        reads: ['network.cni', 'network.podCidr', 'nodePools'],
        dependsOn: q.pools(c.id).map((p) => ({ element: p.id, reads: ['count', 'minCount', 'maxCount', 'maxSurge'] })),
        property: 'network.podCidr',
        evidence: { podCidr: d.podCidr, blocks: d.blocks, needed: d.demand.peak },
      });
    }
  },
});
