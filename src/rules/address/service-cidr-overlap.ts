import { cidr, overlaps } from '../../model/cidr.js';
import { defineRule } from '../../validate/rule.js';
import { overlapping, routedRangeBasis, routedRangesOf, routingDomains } from './_net.js';

export default defineRule({
  meta: {
    id: 'address/service-cidr-overlap',
    title: 'The service CIDR overlaps neither the pod CIDR nor any routed network',
    severity: 'error',
    kind: 'platform-limit',
    pillars: ['reliability', 'performance-efficiency'],
    waf: ['RE:03', 'PE:02'],
    rationale:
      'Service IPs are virtual: every node answers them locally. If the service range also exists in the cluster VNet, a peered VNet or on-premises, pods can no longer reach those real addresses, and AKS rejects a service range that collides with the cluster subnet or the pod range.',
    fix: 'Pick a service CIDR that is used nowhere in the routed estate (it never leaves the cluster, so it can be reused across clusters), e.g. 172.16.0.0/16, and set dnsServiceIP inside it.',
    example: `network: { cni: 'azure-overlay', podCidr: '192.168.0.0/16', serviceCidr: '172.16.0.0/16', dnsServiceIP: '172.16.0.10' }`,
    references: [
      { title: 'AKS: IP address planning', url: 'https://learn.microsoft.com/azure/aks/concepts-network-ip-address-planning' },
      { title: 'Azure CNI Overlay: IP address planning', url: 'https://learn.microsoft.com/azure/aks/concepts-network-azure-cni-overlay' },
      { title: 'Bring your own CNI: service address range', url: 'https://learn.microsoft.com/azure/aks/use-byo-cni' },
    ],
    messages: {
      podCidr: 'service CIDR {{serviceCidr}} of {{cluster}} overlaps its pod CIDR {{podCidr}}',
      network:
        'service CIDR {{serviceCidr}} of {{cluster}} overlaps {{what}} {{network}} ({{networkCidr}}); pods could ' +
        'not reach those addresses',
    },
  },
  check(ctx) {
    const { q } = ctx;
    const domains = routingDomains(q);
    for (const c of q.all('cluster')) {
      const sc = cidr(c.network.serviceCidr);
      if (!sc) continue;
      const pod = c.network.podCidr ? cidr(c.network.podCidr) : undefined;
      if (pod && overlaps(sc, pod)) {
        ctx.report({
          messageId: 'podCidr',
          data: { serviceCidr: c.network.serviceCidr, cluster: c.name, podCidr: c.network.podCidr ?? '' },
          element: c.id,
          // A pod CIDR is kept only for the CNIs that use one.
          reads: ['network.serviceCidr', 'network.podCidr', 'network.cni'],
          property: 'network.serviceCidr',
          evidence: { serviceCidr: c.network.serviceCidr, podCidr: c.network.podCidr ?? '' },
        });
      }
      for (const r of overlapping(routedRangesOf(q, c, domains), sc)) {
        ctx.report({
          messageId: 'network',
          data: { serviceCidr: c.network.serviceCidr, cluster: c.name, what: r.what, network: r.name, networkCidr: r.text },
          element: c.id,
          reads: ['network.serviceCidr', 'nodePools'],
          dependsOn: routedRangeBasis(q, c, r),
          property: 'network.serviceCidr',
          evidence: { serviceCidr: c.network.serviceCidr, network: r.name, networkCidr: r.text },
        });
      }
    }
  },
});
