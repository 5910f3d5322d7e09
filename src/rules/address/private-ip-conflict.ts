import { isIpv4 } from '../../model/cidr.js';
import type { Id } from '../../model/types.js';
import { defineRule } from '../../validate/rule.js';

export default defineRule({
  meta: {
    id: 'address/private-ip-conflict',
    title: 'No two resources declare the same private IP',
    severity: 'error',
    kind: 'platform-limit',
    pillars: ['reliability'],
    waf: ['RE:03'],
    rationale: 'A private address can be assigned to one NIC or frontend only; the second deployment fails, or a Kubernetes Service stays pending waiting for an address that is taken.',
    fix: 'Give each firewall, NVA, gateway frontend and internal load balancer its own address.',
    example: `loadBalancer({ name: 'ilb-a', visibility: 'internal', subnet: ingress, privateIp: '10.240.5.4' });
loadBalancer({ name: 'ilb-b', visibility: 'internal', subnet: ingress, privateIp: '10.240.5.5' });`,
    references: [{ title: 'Use an internal load balancer with AKS: specify an IP address', url: 'https://learn.microsoft.com/azure/aks/internal-lb' }],
    messages: {
      duplicate: '{{resource}} declares private IP {{ip}}, which {{other}} in the same VNet already uses',
    },
  },
  check(ctx) {
    const { q } = ctx;
    // An internal load balancer's address counts only for its internal frontend.
    const reads = (id: Id) => (q.get(id)?.kind === 'loadBalancer' ? ['privateIp', 'subnet', 'visibility'] : ['privateIp', 'subnet']);
    const items: Array<{ id: Id; name: string; ip?: string; vnet?: Id }> = [
      ...q.all('azureFirewall').map((r) => ({ id: r.id, name: r.name, ip: r.privateIp, vnet: q.vnetOf(r.subnet)?.id })),
      ...q.all('nva').map((r) => ({ id: r.id, name: r.name, ip: r.privateIp, vnet: q.vnetOf(r.subnet)?.id })),
      ...q.all('applicationGateway').map((r) => ({ id: r.id, name: r.name, ip: r.privateIp, vnet: q.vnetOf(r.subnet)?.id })),
      ...q.all('loadBalancer').map((r) => ({ id: r.id, name: r.name, ip: r.visibility === 'internal' ? r.privateIp : undefined, vnet: q.vnetOf(r.subnet)?.id })),
    ];
    const seen = new Map<string, { id: Id; name: string }>();
    for (const it of items) {
      if (!it.ip || !isIpv4(it.ip) || !it.vnet) continue;
      const key = `${it.vnet}|${it.ip}`;
      const first = seen.get(key);
      if (first === undefined) {
        seen.set(key, { id: it.id, name: it.name });
        continue;
      }
      ctx.report({
        messageId: 'duplicate',
        data: { resource: it.name, ip: it.ip, other: first.name },
        element: it.id,
        reads: reads(it.id),
        dependsOn: [{ element: first.id, reads: reads(first.id) }],
        property: 'privateIp',
        evidence: { resource: it.name, privateIp: it.ip, other: first.name },
      });
    }
  },
});
