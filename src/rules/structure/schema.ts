import { defineRule } from '../../validate/rule.js';
import { ISSUE_MESSAGES, reportIssues } from './_issue-rule.js';

export default defineRule({
  meta: {
    id: 'structure/schema',
    title: 'Architecture values have the shape the DSL declares',
    severity: 'error',
    kind: 'structure',
    pillars: ['operational-excellence'],
    waf: ['OE:05'],
    rationale:
      'A value of the wrong type or a missing required field means the design says something other than what its author intended; every later check and drawing would be built on a guess. TypeScript catches most of these in an editor, but JavaScript files and casts bypass it.',
    fix: 'Give the field a value of the documented type. Run `aksnet check` on TypeScript files to see the same problem as a compiler error.',
    example: "subnet({ name: 'snet-nodes', cidr: '10.240.0.0/22', purpose: 'aks-nodes' })",
    references: [{ title: 'Infrastructure as code (Well-Architected OE:05)', url: 'https://learn.microsoft.com/azure/well-architected/operational-excellence/infrastructure-as-code-design' }],
    messages: ISSUE_MESSAGES,
  },
  check: (ctx) => reportIssues(ctx, 'structure/schema'),
});
