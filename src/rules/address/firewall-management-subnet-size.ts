import { azureUsable } from '../../model/cidr.js';
import { defineRule } from '../../validate/rule.js';
import { ROLES, subnetsFor } from './_special.js';

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
    messages: {
      tooSmall:
        '{{subnet}} {{cidr}} ({{role}}) is a /{{prefix}} with {{usable}} usable addresses; it must be a ' +
        '/{{required}} or larger',
    },
  },
  check(ctx) {
    for (const { subnet, range } of subnetsFor(ctx.q, ROLES.firewallManagement)) {
      if (range.prefix <= MIN_PREFIX) continue;
      ctx.report({
        messageId: 'tooSmall',
        data: {
          subnet: subnet.name,
          cidr: subnet.cidr,
          role: ROLES.firewallManagement.label,
          prefix: range.prefix,
          usable: azureUsable(range),
          required: MIN_PREFIX,
        },
        element: subnet.id,
        property: 'cidr',
        evidence: { subnet: subnet.name, cidr: subnet.cidr, prefix: range.prefix, required: MIN_PREFIX },
      });
    }
  },
});
