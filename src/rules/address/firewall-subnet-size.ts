import { defineRule } from '../../validate/rule.js';
import { reportTooSmall, ROLES, TOO_SMALL } from './_special.js';

const MIN_PREFIX = 26;

export default defineRule({
  meta: {
    id: 'address/firewall-subnet-size',
    title: 'The Azure Firewall subnet is a /26 or larger',
    severity: 'error',
    kind: 'platform-limit',
    pillars: ['reliability', 'performance-efficiency'],
    waf: ['RE:06', 'PE:02'],
    rationale: 'Azure Firewall scales out by adding instances inside AzureFirewallSubnet and Azure only deploys it into a subnet of at least /26; a smaller subnet is rejected or leaves no room to scale.',
    fix: 'Create AzureFirewallSubnet as a /26.',
    example: `subnet({ name: 'AzureFirewallSubnet', cidr: '10.200.0.0/26', purpose: 'firewall' })`,
    references: [{ title: 'Azure Firewall FAQ: why a /26 subnet', url: 'https://learn.microsoft.com/azure/firewall/firewall-faq#why-does-azure-firewall-need-a-26-subnet-size' }, { title: 'Limit AKS egress traffic with Azure Firewall', url: 'https://learn.microsoft.com/azure/aks/limit-egress-traffic' }],
    messages: { tooSmall: TOO_SMALL },
  },
  check: (ctx) => reportTooSmall(ctx, ROLES.firewall, MIN_PREFIX),
});
