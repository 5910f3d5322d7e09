import { addressAt, cidr, containsIp, isIpv4 } from '../../model/cidr.js';
import { defineRule } from '../../validate/rule.js';

export default defineRule({
  meta: {
    id: 'address/dns-service-ip',
    title: 'The DNS service IP lies inside the service CIDR and is not its first address',
    severity: 'error',
    kind: 'platform-limit',
    pillars: ['reliability'],
    waf: ['RE:03'],
    rationale:
      'CoreDNS is exposed on dnsServiceIP as a ClusterIP service, so the address must come from the service CIDR. The network address cannot be assigned, and the first usable address is taken by the kubernetes API service; AKS rejects either.',
    fix: 'Use an address inside the service CIDR other than its first two, conventionally the .10 address (172.16.0.10 for 172.16.0.0/16).',
    example: `network: { cni: 'azure-overlay', serviceCidr: '172.16.0.0/16', dnsServiceIP: '172.16.0.10' }`,
    references: [
      { title: 'AKS: IP address planning', url: 'https://learn.microsoft.com/azure/aks/concepts-network-ip-address-planning' },
      { title: 'Configure kubenet networking: DNS service IP', url: 'https://learn.microsoft.com/azure/aks/configure-kubenet' },
    ],
    messages: {
      notIpv4: 'DNS service IP "{{ip}}" of {{cluster}} is not an IPv4 address inside {{serviceCidr}}',
      outside: 'DNS service IP {{ip}} of {{cluster}} is outside its service CIDR {{serviceCidr}}; use e.g. {{suggestion}}',
      networkAddress: 'DNS service IP {{ip}} of {{cluster}} is the network address of {{serviceCidr}}',
      firstAddress:
        'DNS service IP {{ip}} of {{cluster}} is the first address of {{serviceCidr}}, which the kubernetes API ' +
        'service takes',
      broadcast: 'DNS service IP {{ip}} of {{cluster}} is the broadcast address of {{serviceCidr}}',
    },
  },
  check(ctx) {
    for (const c of ctx.q.all('cluster')) {
      const r = cidr(c.network.serviceCidr);
      const ip = c.network.dnsServiceIP;
      if (!r) continue;
      // The DNS service IP is judged against the service CIDR (whose default it follows when left out).
      const at = { element: c.id, reads: ['network.serviceCidr', 'network.dnsServiceIP'], property: 'network.dnsServiceIP' };
      const data = { ip, cluster: c.name, serviceCidr: c.network.serviceCidr };
      if (!isIpv4(ip)) {
        ctx.report({ ...at, messageId: 'notIpv4', data });
        continue;
      }
      if (!containsIp(r, ip)) {
        ctx.report({
          ...at,
          messageId: 'outside',
          data: { ...data, suggestion: addressAt(r, Math.min(10, r.size - 2)) },
          evidence: { dnsServiceIP: ip, serviceCidr: c.network.serviceCidr },
        });
      } else if (ip === addressAt(r, 0)) {
        ctx.report({
          ...at,
          messageId: 'networkAddress',
          data,
          evidence: { dnsServiceIP: ip, serviceCidr: c.network.serviceCidr },
        });
      } else if (ip === addressAt(r, 1)) {
        ctx.report({
          ...at,
          messageId: 'firstAddress',
          data,
          evidence: { dnsServiceIP: ip, serviceCidr: c.network.serviceCidr },
        });
      } else if (r.size > 2 && ip === addressAt(r, r.size - 1)) {
        ctx.report({
          ...at,
          messageId: 'broadcast',
          data,
          evidence: { dnsServiceIP: ip, serviceCidr: c.network.serviceCidr },
        });
      }
    }
  },
});
