import { cidr } from '../../model/cidr.js';
import { defineRule } from '../../validate/rule.js';
import { nonNeg } from './_net.js';

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
  },
  check(ctx) {
    const { q } = ctx;
    for (const c of q.all('cluster')) {
      if (c.network.cni !== 'azure-overlay' && c.network.cni !== 'kubenet') continue;
      const r = c.network.podCidr ? cidr(c.network.podCidr) : undefined;
      if (!r) continue;
      const pools = q.pools(c.id);
      if (pools.length === 0) continue;
      const nodes = pools.reduce((a, p) => a + nonNeg(p.maxNodes), 0);
      const surge = pools.reduce((a, p) => a + nonNeg(p.surgeNodes), 0);
      const blocks = r.prefix <= 24 ? 2 ** (24 - r.prefix) : 0;
      if (nodes + surge <= blocks) continue;
      ctx.report({
        message: `pod CIDR ${c.network.podCidr} of ${c.name} holds ${blocks} node /24 blocks; at max scale ${nodes} nodes + ${surge} surge need ${nodes + surge}`,
        element: c.id,
        property: 'network.podCidr',
        evidence: { podCidr: c.network.podCidr ?? '', blocks, needed: nodes + surge },
      });
    }
  },
});
