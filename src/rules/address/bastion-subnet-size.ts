import { azureUsable } from '../../model/cidr.js';
import { defineRule } from '../../validate/rule.js';
import { ROLES, subnetsFor } from './_special.js';

const MIN_PREFIX = 26;

export default defineRule({
  meta: {
    id: 'address/bastion-subnet-size',
    title: 'The Azure Bastion subnet is a /26 or larger',
    severity: 'error',
    kind: 'platform-limit',
    pillars: ['reliability'],
    waf: ['RE:01', 'PE:02'],
    rationale: 'Azure Bastion (Basic and above) is only deployed into an AzureBastionSubnet of /26 or larger; the extra addresses are used when the host scales out.',
    fix: 'Create AzureBastionSubnet as a /26.',
    example: `subnet({ name: 'AzureBastionSubnet', cidr: '10.200.0.128/26', purpose: 'bastion' })`,
    references: [{ title: 'Azure Bastion configuration settings: subnet', url: 'https://learn.microsoft.com/azure/bastion/configuration-settings#subnet' }, { title: 'AKS private clusters: connecting to the API server', url: 'https://learn.microsoft.com/azure/aks/private-clusters' }],
  },
  check(ctx) {
    for (const { subnet, range } of subnetsFor(ctx.q, ROLES.bastion)) {
      if (range.prefix <= MIN_PREFIX) continue;
      ctx.report({
        message: `${subnet.name} ${subnet.cidr} (${ROLES.bastion.label}) is a /${range.prefix} with ${azureUsable(range)} usable addresses; it must be a /${MIN_PREFIX} or larger`,
        element: subnet.id,
        property: 'cidr',
        evidence: { subnet: subnet.name, cidr: subnet.cidr, prefix: range.prefix, required: MIN_PREFIX },
      });
    }
  },
});
