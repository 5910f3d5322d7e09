/** Shared body of the rules that report problems found by the normalizer. */
import type { RuleContext } from '../../validate/rule.js';

export function reportIssues(ctx: RuleContext, ruleId: string): void {
  for (const i of ctx.issues) {
    if (i.ruleId === ruleId) ctx.report({ message: i.message, path: i.path, ...(i.element ? { element: i.element } : {}) });
  }
}
