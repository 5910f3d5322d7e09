import { defineRule } from '../../validate/rule.js';
import { ISSUE_MESSAGES, reportIssues } from './_issue-rule.js';

export default defineRule({
  meta: {
    id: 'structure/shared-part',
    title: 'A subnet belongs to one VNet and a node pool to one cluster',
    severity: 'error',
    kind: 'structure',
    pillars: ['operational-excellence'],
    waf: ['OE:05'],
    rationale:
      'In Azure a subnet is a child of exactly one virtual network and a node pool a child of exactly one cluster. When one DSL object is listed under two parents the design describes something that cannot be deployed, and aksnet can only place it under the first parent, so addressing and capacity checks of the second would be wrong.',
    fix: 'Create a separate subnet (or node pool) for each parent, e.g. with a small function that returns a new one each time it is called.',
    references: [{ title: 'Add, change, or delete a virtual network subnet', url: 'https://learn.microsoft.com/azure/virtual-network/virtual-network-manage-subnet' }],
    messages: ISSUE_MESSAGES,
  },
  check: (ctx) => reportIssues(ctx, 'structure/shared-part'),
});
