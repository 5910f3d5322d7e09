/**
 * For the address rules' `reads` tests: one rule's verdicts (`messageId path`) and the fields that held a verdict back
 * (the unverified checks' field paths), after a change that states some field wrongly.
 */
import type { Architecture } from '../../../dsl/index.js';
import { runRuleResult } from '../../helpers/run-rule.js';

export async function verdicts(ruleId: string, arch: Architecture): Promise<{ findings: string[]; held: string[] }> {
  const r = await runRuleResult(ruleId, arch);
  return { findings: r.findings.map((f) => `${f.messageId} ${f.path}`), held: (r.unverified ?? []).map((u) => u.factPath) };
}

/** Sets a field to a value of the wrong shape (the DSL types do not allow it). */
export function set(o: object, key: string, v: unknown): void {
  (o as Record<string, unknown>)[key] = v;
}
