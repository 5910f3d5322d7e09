import { cidr } from '../../model/cidr.js';
import { defineRule } from '../../validate/rule.js';
import { isPrivateRange } from './_net.js';

/**
 * The service CIDR inside private space. Service addresses never leave the cluster, so a public range
 * hides the internet hosts that really own it from every pod (the same reasoning as the overlay pod
 * CIDR rule). A default service CIDR (10.0.0.0/16) is private, so only a stated range can fail.
 */
export default defineRule({
  meta: {
    id: 'address/service-cidr-private',
    title: 'The service CIDR comes from private (RFC 1918 / RFC 6598) space',
    severity: 'warning',
    kind: 'best-practice',
    pillars: ['reliability', 'security'],
    waf: ['RE:03', 'SE:04'],
    rationale:
      'Kubernetes service (ClusterIP) addresses are only meaningful inside the cluster: traffic to them is ' +
      'intercepted on every node. A service CIDR taken from public space therefore shadows the real internet hosts ' +
      'in that range, which pods can no longer reach, and makes the address plan hard to reason about.',
    fix: 'Use an unused range from 10.0.0.0/8, 172.16.0.0/12, 192.168.0.0/16 or 100.64.0.0/10 for network.serviceCidr.',
    example: "network: { cni: 'azure-overlay', serviceCidr: '172.16.0.0/16', dnsServiceIP: '172.16.0.10' }",
    references: [
      { title: 'IP address planning for AKS clusters', url: 'https://learn.microsoft.com/azure/aks/concepts-network-ip-address-planning' },
      { title: 'Configure Azure CNI Overlay networking in AKS', url: 'https://learn.microsoft.com/azure/aks/azure-cni-overlay' },
    ],
    messages: {
      publicRange:
        'service CIDR {{serviceCidr}} of cluster {{cluster}} is not inside RFC 1918 or RFC 6598 space: pods cannot reach ' +
        'the internet hosts that own those addresses; use a private range',
    },
  },
  check(ctx) {
    for (const c of ctx.q.all('cluster')) {
      const text = c.network.serviceCidr;
      const r = text ? cidr(text) : undefined;
      if (!r || isPrivateRange(r)) continue;
      ctx.report({
        messageId: 'publicRange',
        data: { serviceCidr: text!, cluster: c.name },
        element: c.id,
        reads: ['network.serviceCidr'],
        property: 'network.serviceCidr',
        evidence: { serviceCidr: text!, cluster: c.name },
      });
    }
  },
});
