import type { Id } from '../../model/types.js';
import { defineRule } from '../../validate/rule.js';
import { occupants, ROLES, type SpecialRole } from './_special.js';

const CHECKED: SpecialRole[] = [ROLES.firewall, ROLES.firewallManagement, ROLES.bastion, ROLES.gateway];

export default defineRule({
  meta: {
    id: 'address/reserved-subnet-name',
    title: 'Firewalls, Bastion hosts and gateways sit in subnets with the names Azure requires',
    severity: 'error',
    kind: 'platform-limit',
    pillars: ['reliability', 'security'],
    waf: ['RE:03', 'SE:04'],
    rationale:
      'Azure Firewall only deploys into AzureFirewallSubnet (and its management NIC into AzureFirewallManagementSubnet), Azure Bastion into AzureBastionSubnet, and VPN/ExpressRoute gateways into GatewaySubnet. Any other subnet name is rejected at deployment.',
    fix: 'Rename the subnet to the required name (names are fixed by Azure), or move the resource to the correctly named subnet.',
    example: `const fwSubnet = subnet({ name: 'AzureFirewallSubnet', cidr: '10.200.0.0/26', purpose: 'firewall' });
azureFirewall({ name: 'afw-hub', tier: 'Premium', subnet: fwSubnet, privateIp: '10.200.0.4' });`,
    references: [
      { title: 'Limit AKS egress traffic: firewall subnet', url: 'https://learn.microsoft.com/azure/aks/limit-egress-traffic' },
      { title: 'VPN Gateway settings: gateway subnet', url: 'https://learn.microsoft.com/azure/vpn-gateway/vpn-gateway-about-vpn-gateway-settings#gwsub' },
      { title: 'Azure Bastion configuration settings: subnet', url: 'https://learn.microsoft.com/azure/bastion/configuration-settings#subnet' },
    ],
    messages: {
      occupantInWrongSubnet:
        '{{role}} {{resource}} is placed in subnet {{subnet}} ({{cidr}}); Azure only deploys it into a subnet ' +
        'named {{required}}',
      purposeWrongName: 'subnet {{subnet}} ({{cidr}}) is declared for {{role}} but is not named {{required}}',
    },
  },
  check(ctx) {
    const { q } = ctx;
    const reported = new Set<Id>();
    const ok = (name: string, role: SpecialRole) => name.toLowerCase() === role.name.toLowerCase();
    for (const role of CHECKED) {
      for (const r of occupants(q, role)) {
        const s = q.getAs(r.subnet, 'subnet');
        if (!s || ok(s.name, role)) continue;
        reported.add(s.id);
        ctx.report({
          messageId: 'occupantInWrongSubnet',
          data: { role: role.label, resource: r.name, subnet: s.name, cidr: s.cidr, required: role.name },
          element: r.id,
          // A Developer Bastion has no subnet of its own (an invalid SKU stands in as Basic).
          reads: r.kind === 'bastion' ? ['subnet', 'sku'] : ['subnet'],
          dependsOn: [{ element: s.id, reads: ['name', 'cidr'] }],
          property: 'subnet',
          evidence: { resource: r.name, subnet: s.name, required: role.name },
        });
      }
    }
    for (const s of q.all('subnet')) {
      if (reported.has(s.id)) continue;
      const role = CHECKED.find((x) => x.purpose === s.purpose);
      if (!role || ok(s.name, role)) continue;
      ctx.report({
        messageId: 'purposeWrongName',
        data: { subnet: s.name, cidr: s.cidr, role: role.label, required: role.name },
        element: s.id,
        reads: ['purpose', 'name', 'cidr'],
        property: 'name',
        evidence: { subnet: s.name, purpose: s.purpose ?? '', required: role.name },
      });
    }
  },
});
