/** Shared body of the rules that report problems found by the normalizer. */
import type { RuleContext } from '../../validate/rule.js';

/** The message of every issue rule: the normalizer words the problem, the rule only reports it. */
export const ISSUE_MESSAGES: Record<string, string> = { issue: '{{message}}' };

export function reportIssues(ctx: RuleContext, ruleId: string, opts: { atCallSite?: boolean } = {}): void {
  for (const i of ctx.issues) {
    if (i.ruleId !== ruleId) continue;
    ctx.report({ messageId: 'issue', data: { message: i.message }, path: i.path, ...(i.element ? { element: i.element } : {}), ...(opts.atCallSite ? { atCallSite: true } : {}) });
  }
}
