import { cidr } from '../../model/cidr.js';
import { defineRule } from '../../validate/rule.js';
import { isPrivateRange } from './_net.js';

export default defineRule({
  meta: {
    id: 'address/overlay-pod-cidr-private',
    title: 'The overlay pod CIDR comes from private (RFC 1918 / RFC 6598) space',
    severity: 'warning',
    kind: 'best-practice',
    pillars: ['reliability', 'security'],
    waf: ['RE:03', 'SE:04'],
    rationale:
      'Overlay pod addresses never leave the cluster, but a public pod CIDR shadows the real internet hosts that own those addresses, so pods cannot reach them; Microsoft treats public pod ranges as outside its support scope.',
    fix: 'Use a range from 10.0.0.0/8, 172.16.0.0/12, 192.168.0.0/16 or 100.64.0.0/10 that is not routed elsewhere.',
    example: `network: { cni: 'azure-overlay', podCidr: '100.64.0.0/16' }`,
    references: [{ title: 'Azure CNI Overlay: IP address planning', url: 'https://learn.microsoft.com/azure/aks/concepts-network-azure-cni-overlay' }],
    messages: {
      notPrivate: 'overlay pod CIDR {{podCidr}} of {{cluster}} is not inside RFC 1918 or RFC 6598 space',
    },
  },
  check(ctx) {
    for (const c of ctx.q.all('cluster')) {
      if (c.network.cni !== 'azure-overlay' || !c.network.podCidr) continue;
      const r = cidr(c.network.podCidr);
      if (!r || isPrivateRange(r)) continue;
      ctx.report({
        messageId: 'notPrivate',
        data: { podCidr: c.network.podCidr, cluster: c.name },
        element: c.id,
        reads: ['network.cni', 'network.podCidr'],
        property: 'network.podCidr',
        evidence: { podCidr: c.network.podCidr },
      });
    }
  },
});
