import { defineRule } from '../../validate/rule.js';
import { reportTooSmall, ROLES, TOO_SMALL } from './_special.js';

const MIN_PREFIX = 26;

export default defineRule({
  meta: {
    id: 'address/bastion-subnet-size',
    title: 'The Azure Bastion subnet is a /26 or larger (every SKU but Developer)',
    severity: 'error',
    kind: 'platform-limit',
    pillars: ['reliability', 'performance-efficiency'],
    waf: ['RE:03', 'PE:02'],
    rationale:
      'Azure Bastion Basic, Standard and Premium deploy only into a dedicated AzureBastionSubnet of /26 or larger; ' +
      'the extra addresses are used when the host scales out. The Developer SKU runs on shared infrastructure and ' +
      'needs no subnet, so it is not checked.',
    fix: 'Create AzureBastionSubnet as a /26 (or use the Developer SKU, without a subnet, for dev/test).',
    example: `subnet({ name: 'AzureBastionSubnet', cidr: '10.200.0.128/26', purpose: 'bastion' })`,
    references: [
      { title: 'Azure Bastion configuration settings: subnet', url: 'https://learn.microsoft.com/azure/bastion/configuration-settings#subnet' },
      { title: 'Upgrade a Bastion SKU (Developer has no subnet)', url: 'https://learn.microsoft.com/azure/bastion/upgrade-sku' },
      { title: 'AKS private clusters: connecting to the API server', url: 'https://learn.microsoft.com/azure/aks/private-clusters' },
    ],
    messages: { tooSmall: TOO_SMALL },
  },
  check: (ctx) => reportTooSmall(ctx, ROLES.bastion, MIN_PREFIX),
});
