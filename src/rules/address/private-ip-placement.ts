import { addressAt, cidr, containsIp, isIpv4 } from '../../model/cidr.js';
import type { Id } from '../../model/types.js';
import { defineRule } from '../../validate/rule.js';

export default defineRule({
  meta: {
    id: 'address/private-ip-placement',
    title: 'Declared private IPs lie inside their subnet and avoid the addresses Azure reserves',
    severity: 'error',
    kind: 'platform-limit',
    pillars: ['reliability'],
    waf: ['RE:03'],
    rationale:
      'Azure reserves the network address, the next three addresses and the broadcast address of every subnet. A firewall, NVA, Application Gateway frontend or internal load balancer given an address outside its subnet or on a reserved address cannot be deployed, and routes that use it as next hop lead nowhere.',
    fix: 'Pick a free address from the usable part of the subnet (the fifth address onwards, before the last).',
    example: `const ingress = subnet({ name: 'snet-aks-ingress', cidr: '10.240.5.0/28' });
loadBalancer({ name: 'ilb-ingress', visibility: 'internal', subnet: ingress, privateIp: '10.240.5.4' });`,
    references: [
      { title: 'Use an internal load balancer with AKS: specify an IP address', url: 'https://learn.microsoft.com/azure/aks/internal-lb' },
      { title: 'AKS: IP address planning', url: 'https://learn.microsoft.com/azure/aks/concepts-network-ip-address-planning' },
    ],
    messages: {
      outsideSubnet: '{{what}} {{resource}} private IP {{ip}} is outside its subnet {{subnet}} {{cidr}}',
      reserved:
        '{{what}} {{resource}} private IP {{ip}} is one of the first four addresses of {{subnet}} {{cidr}}, which ' +
        'Azure reserves (first usable: {{firstUsable}})',
      broadcast: '{{what}} {{resource}} private IP {{ip}} is the broadcast address of {{subnet}} {{cidr}}',
    },
  },
  check(ctx) {
    const { q } = ctx;
    const items: Array<{ id: Id; what: string; name: string; ip?: string; subnet?: Id }> = [
      ...q.all('azureFirewall').map((r) => ({ id: r.id, what: 'firewall', name: r.name, ip: r.privateIp, subnet: r.subnet })),
      ...q.all('nva').map((r) => ({ id: r.id, what: 'NVA', name: r.name, ip: r.privateIp, subnet: r.subnet })),
      ...q.all('applicationGateway').map((r) => ({ id: r.id, what: 'Application Gateway', name: r.name, ip: r.privateIp, subnet: r.subnet })),
      ...q.all('loadBalancer').map((r) => ({ id: r.id, what: 'internal load balancer', name: r.name, ip: r.visibility === 'internal' ? r.privateIp : undefined, subnet: r.subnet })),
    ];
    for (const it of items) {
      if (!it.ip || !isIpv4(it.ip)) continue;
      const s = q.getAs(it.subnet, 'subnet');
      const r = s ? cidr(s.cidr) : undefined;
      if (!s || !r) continue;
      let problem: 'outsideSubnet' | 'reserved' | 'broadcast' | undefined;
      if (!containsIp(r, it.ip)) problem = 'outsideSubnet';
      else if (r.size >= 8) {
        const reserved = [0, 1, 2, 3].map((i) => addressAt(r, i));
        if (reserved.includes(it.ip)) problem = 'reserved';
        else if (it.ip === addressAt(r, r.size - 1)) problem = 'broadcast';
      }
      if (!problem) continue;
      ctx.report({
        messageId: problem,
        data: { what: it.what, resource: it.name, ip: it.ip, subnet: s.name, cidr: s.cidr, firstUsable: addressAt(r, 4) },
        element: it.id,
        // An internal load balancer's address counts only for its internal frontend.
        reads: it.what === 'internal load balancer' ? ['privateIp', 'subnet', 'visibility'] : ['privateIp', 'subnet'],
        dependsOn: [{ element: s.id, reads: ['cidr'] }],
        property: 'privateIp',
        evidence: { resource: it.name, privateIp: it.ip, subnet: s.name, cidr: s.cidr },
      });
    }
  },
});
