import { azureUsable } from '../../model/cidr.js';
import { defineRule } from '../../validate/rule.js';
import { ROLES, subnetsFor } from './_special.js';

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
    messages: {
      tooSmall:
        '{{subnet}} {{cidr}} ({{role}}) is a /{{prefix}} with {{usable}} usable addresses; it must be a ' +
        '/{{required}} or larger',
    },
  },
  check(ctx) {
    for (const { subnet, range } of subnetsFor(ctx.q, ROLES.bastion)) {
      if (range.prefix <= MIN_PREFIX) continue;
      ctx.report({
        messageId: 'tooSmall',
        data: {
          subnet: subnet.name,
          cidr: subnet.cidr,
          role: ROLES.bastion.label,
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
