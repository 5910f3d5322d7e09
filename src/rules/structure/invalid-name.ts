import { defineRule } from '../../validate/rule.js';
import { ISSUE_MESSAGES, reportIssues } from './_issue-rule.js';

export default defineRule({
  meta: {
    id: 'structure/invalid-name',
    title: 'Names are visible text without "/" or control characters',
    severity: 'error',
    kind: 'structure',
    pillars: ['operational-excellence'],
    waf: ['OE:05'],
    rationale:
      'A name made only of spaces reads as no name in every finding, table and diagram. Azure resource names cannot contain "/", and aksnet builds element ids by joining names with "/", so two different parts could end up with one id. Control characters are invisible or rewrite the terminal. Names are compared after Unicode NFC normalisation, so two spellings of one accented name are the same name.',
    fix: 'Give the part a name of visible characters, using "-" or "_" instead of "/".',
    references: [{ title: 'Naming rules and restrictions for Azure resources', url: 'https://learn.microsoft.com/azure/azure-resource-manager/management/resource-name-rules' }],
    messages: ISSUE_MESSAGES,
  },
  check: (ctx) => reportIssues(ctx, 'structure/invalid-name'),
});
