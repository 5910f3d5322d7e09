import { cidr } from '../../model/cidr.js';
import { defineRule } from '../../validate/rule.js';
import { overlapping, routedRangeBasis, routedRangesOf, routingDomains } from './_net.js';

export default defineRule({
  meta: {
    id: 'address/pod-cidr-overlap',
    title: 'The pod CIDR of kubenet, overlay and BYO CNI overlaps no routed network',
    severity: 'error',
    kind: 'platform-limit',
    pillars: ['reliability', 'performance-efficiency'],
    waf: ['RE:03', 'PE:02'],
    rationale:
      'With kubenet, Azure CNI Overlay and most BYO CNIs the pod range lives outside the VNet and is NATed to the node IP on the way out. If the same range exists in the cluster VNet, a peered VNet or on-premises, replies to pods and connections to those networks are misrouted; AKS rejects an overlay pod CIDR that overlaps the node subnet.',
    fix: 'Use a pod CIDR that appears nowhere in the routed estate (it can be reused by other clusters), e.g. 192.168.0.0/16 or a slice of 100.64.0.0/10.',
    example: `network: { cni: 'azure-overlay', podCidr: '192.168.0.0/16', serviceCidr: '172.16.0.0/16', dnsServiceIP: '172.16.0.10' }`,
    references: [
      { title: 'Azure CNI Overlay: IP address planning', url: 'https://learn.microsoft.com/azure/aks/concepts-network-azure-cni-overlay' },
      { title: 'AKS: IP address planning', url: 'https://learn.microsoft.com/azure/aks/concepts-network-ip-address-planning' },
    ],
    messages: {
      overlap: 'pod CIDR {{podCidr}} of {{cluster}} ({{cni}}) overlaps {{what}} {{network}} ({{networkCidr}})',
    },
  },
  check(ctx) {
    const { q } = ctx;
    const domains = routingDomains(q);
    for (const c of q.all('cluster')) {
      if (!c.network.podCidr) continue;
      const pod = cidr(c.network.podCidr);
      if (!pod) continue;
      for (const r of overlapping(routedRangesOf(q, c, domains), pod)) {
        ctx.report({
          messageId: 'overlap',
          data: {
            podCidr: c.network.podCidr,
            cluster: c.name,
            cni: c.network.cni,
            what: r.what,
            network: r.name,
            networkCidr: r.text,
          },
          element: c.id,
          // A pod CIDR is kept only for the CNIs that use one.
          reads: ['network.cni', 'network.podCidr', 'nodePools'],
          dependsOn: routedRangeBasis(q, c, r),
          property: 'network.podCidr',
          evidence: { podCidr: c.network.podCidr, network: r.name, networkCidr: r.text },
        });
      }
    }
  },
});
