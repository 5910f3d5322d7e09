import { defineRule } from '../../validate/rule.js';
import { ISSUE_MESSAGES, reportIssues } from './_issue-rule.js';

export default defineRule({
  meta: {
    id: 'structure/duplicate-name',
    title: 'Names are unique within their scope',
    severity: 'error',
    kind: 'structure',
    pillars: ['operational-excellence'],
    waf: ['OE:05'],
    rationale:
      'Azure resource names are unique within their resource group or parent (subnets within a VNet, node pools within a cluster). Two different parts with one name cannot both be deployed, and findings and diagrams could not tell them apart.',
    fix: 'Rename one of the parts, or reuse the same object if both places mean the same resource.',
    references: [{ title: 'Naming rules and restrictions for Azure resources', url: 'https://learn.microsoft.com/azure/azure-resource-manager/management/resource-name-rules' }],
    messages: ISSUE_MESSAGES,
  },
  // Two parts a helper module made at one line are told apart by the design's calls, whose arguments named them.
  check: (ctx) => reportIssues(ctx, 'structure/duplicate-name', { atCallSite: true }),
});
