import { defineRule } from '../../validate/rule.js';
import { ISSUE_MESSAGES, reportIssues } from './_issue-rule.js';

export default defineRule({
  meta: {
    id: 'structure/unknown-reference',
    title: 'References point at parts that are declared in the architecture',
    severity: 'error',
    kind: 'structure',
    pillars: ['operational-excellence'],
    waf: ['OE:05'],
    rationale:
      'A node pool, gateway or endpoint that refers to a subnet which is not part of any declared VNet, or to something by a bare name, cannot be placed, sized or checked. Such a design cannot be deployed as written.',
    fix: "Pass the object itself (the variable returned by `subnet(…)`, `nsg(…)`, …), and list every subnet in its VNet's `subnets`.",
    example: "const nodes = subnet({ name: 'snet-nodes', cidr: '10.240.0.0/22' });\nconst spoke = vnet({ name: 'vnet-spoke', region: 'westeurope', addressSpace: ['10.240.0.0/16'], subnets: [nodes] });\nnodePool({ name: 'system', mode: 'system', vmSize: 'Standard_D4ds_v5', subnet: nodes });",
    references: [{ title: 'Plan virtual networks', url: 'https://learn.microsoft.com/azure/virtual-network/virtual-network-vnet-plan-design-arm' }],
    messages: ISSUE_MESSAGES,
  },
  check: (ctx) => reportIssues(ctx, 'structure/unknown-reference'),
});
