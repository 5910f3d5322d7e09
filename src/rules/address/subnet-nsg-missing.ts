import { defineRule } from '../../validate/rule.js';
import { ROLES, subnetsFor } from './_special.js';

/**
 * Subnets Azure does not let an NSG protect (or where one breaks the service): the gateway, firewall,
 * firewall management and Route Server subnets. GatewaySubnet's own rule is address/gateway-subnet-config.
 */
const EXEMPT_NAMES = new Set([
  'gatewaysubnet',
  'azurefirewallsubnet',
  'azurefirewallmanagementsubnet',
  'routeserversubnet',
]);

export default defineRule({
  meta: {
    id: 'address/subnet-nsg-missing',
    title: 'Every subnet has a network security group (except the gateway, firewall and Route Server subnets)',
    severity: 'warning',
    kind: 'best-practice',
    pillars: ['security'],
    waf: ['SE:06'],
    rationale:
      'A network security group on the subnet is the layer-4 filter between segments of the VNet. Without one, ' +
      'everything in the VNet and every peered or connected network reaches every port of the subnet, and no ' +
      'flow log records it. GatewaySubnet, AzureFirewallSubnet, AzureFirewallManagementSubnet and RouteServerSubnet ' +
      'are the exceptions: Azure does not support an NSG there.',
    fix:
      'Associate an NSG with the subnet (nsg: nsg({ ... })) whose rules admit only the flows the subnet serves; ' +
      'Azure’s default rules still apply below yours.',
    example:
      "subnet({ name: 'snet-private-endpoints', cidr: '10.240.6.0/27', purpose: 'private-endpoints', " +
      "nsg: nsg({ name: 'nsg-private-endpoints' }) })",
    references: [
      {
        title: 'Network security groups',
        url: 'https://learn.microsoft.com/azure/virtual-network/network-security-groups-overview',
      },
      {
        title: 'Azure security baseline for Virtual Network: segment with NSGs',
        url: 'https://learn.microsoft.com/security/benchmark/azure/baselines/virtual-network-security-baseline',
      },
      {
        title: 'VPN Gateway settings: gateway subnet (no NSG)',
        url: 'https://learn.microsoft.com/azure/vpn-gateway/vpn-gateway-about-vpn-gateway-settings#gwsub',
      },
    ],
    messages: {
      missing:
        'Subnet {{subnet}} ({{cidr}}) in VNet {{vnet}} has no network security group; any address in the VNet or a ' +
        'connected network reaches every port in it',
    },
  },
  check(ctx) {
    const { q } = ctx;
    const exempt = new Set<string>();
    for (const role of [ROLES.gateway, ROLES.firewall, ROLES.firewallManagement]) {
      for (const { subnet } of subnetsFor(q, role)) exempt.add(subnet.id);
    }
    for (const s of q.all('subnet')) {
      if (s.nsg !== undefined || exempt.has(s.id) || EXEMPT_NAMES.has(s.name.toLowerCase())) continue;
      ctx.report({
        messageId: 'missing',
        data: { subnet: s.name, cidr: s.cidr, vnet: q.name(s.vnet) },
        element: s.id,
        // The NSG, and what would exempt the subnet: its name, purpose and CIDR (roles), the gateways and firewalls in it.
        reads: ['nsg', 'name', 'purpose', 'cidr'],
        dependsOn: [...q.all('vnetGateway'), ...q.all('azureFirewall')].filter((r) => r.subnet === s.id).map((r) => ({ element: r.id, reads: ['subnet'] })),
        evidence: { subnet: s.name, cidr: s.cidr },
      });
    }
  },
});
