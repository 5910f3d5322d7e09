import { cidr } from '../../model/cidr.js';
import { defineRule } from '../../validate/rule.js';

export default defineRule({
  meta: {
    id: 'address/service-cidr-size',
    title: 'The service CIDR is smaller than /12',
    severity: 'error',
    kind: 'platform-limit',
    pillars: ['reliability'],
    waf: ['RE:06'],
    rationale: 'AKS only accepts a service CIDR with a prefix longer than /12; a /12 or wider range is rejected at create time. A /16 already gives 65,536 service IPs.',
    fix: 'Use a /16 (or smaller) service CIDR.',
    example: `network: { cni: 'azure-overlay', serviceCidr: '172.16.0.0/16', dnsServiceIP: '172.16.0.10' }`,
    references: [
      { title: 'AKS: IP address planning', url: 'https://learn.microsoft.com/azure/aks/concepts-network-ip-address-planning' },
      { title: 'Azure CNI Overlay: IP address planning', url: 'https://learn.microsoft.com/azure/aks/concepts-network-azure-cni-overlay' },
    ],
    messages: {
      tooLarge:
        'service CIDR {{serviceCidr}} of {{cluster}} is a /{{prefix}} ({{size}} addresses); AKS requires a prefix ' +
        'longer than /12',
    },
  },
  check(ctx) {
    for (const c of ctx.q.all('cluster')) {
      const r = cidr(c.network.serviceCidr);
      if (!r || r.prefix > 12) continue;
      ctx.report({
        messageId: 'tooLarge',
        data: { serviceCidr: c.network.serviceCidr, cluster: c.name, prefix: r.prefix, size: r.size.toLocaleString('en-US') },
        element: c.id,
        reads: ['network.serviceCidr'],
        property: 'network.serviceCidr',
        evidence: { serviceCidr: c.network.serviceCidr, prefix: r.prefix },
      });
    }
  },
});
