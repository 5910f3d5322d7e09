import { defineRule } from '../../validate/rule.js';
import { reportTooSmall, ROLES, TOO_SMALL } from './_special.js';

const MIN_PREFIX = 26;

export default defineRule({
  meta: {
    id: 'address/firewall-management-subnet-size',
    title: 'The Azure Firewall management subnet is a /26 or larger',
    severity: 'error',
    kind: 'platform-limit',
    pillars: ['reliability', 'performance-efficiency'],
    waf: ['RE:06', 'PE:02'],
    rationale: 'Forced tunnelling and the Basic tier put the firewall management NIC in AzureFirewallManagementSubnet, which Azure requires to be at least a /26.',
    fix: 'Create AzureFirewallManagementSubnet as a /26.',
    example: `subnet({ name: 'AzureFirewallManagementSubnet', cidr: '10.200.0.64/26', purpose: 'firewall-management' })`,
    references: [{ title: 'Azure Firewall FAQ: why a /26 subnet', url: 'https://learn.microsoft.com/azure/firewall/firewall-faq#why-does-azure-firewall-need-a-26-subnet-size' }, { title: 'Limit AKS egress traffic with Azure Firewall', url: 'https://learn.microsoft.com/azure/aks/limit-egress-traffic' }],
    messages: { tooSmall: TOO_SMALL },
  },
  check: (ctx) => reportTooSmall(ctx, ROLES.firewallManagement, MIN_PREFIX),
});
