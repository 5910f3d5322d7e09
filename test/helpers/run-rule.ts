/** Runs one rule (or all rules) over an architecture value, the way `aksnet validate` does. */
import type { Architecture } from '../../dsl/index.js';
import { normalize } from '../../src/normalize/normalize.js';
import { loadRules } from '../../src/validate/registry.js';
import { validateModel } from '../../src/validate/validate.js';
import type { FileResult, Finding } from '../../src/validate/finding.js';

// Load the catalogue while the test file is collected, not inside its first test: module-level code
// of the rules (thresholds, patterns, metadata) then runs outside any test, which is what mutation
// testing needs to classify its mutants as static and test them against every test. A catalogue that
// fails to load must fail the tests, not the collection: a collection error fails no test, so Stryker
// would count a rule file that no longer loads as a surviving mutant. The cached rejection makes every
// test's own loadRules() call fail instead.
await loadRules().catch(() => undefined);

export interface RunOptions {
  asOf?: string;
}

/** Findings of one rule for an architecture. Throws when the rule id does not exist. */
export async function runRule(ruleId: string, arch: Architecture, opts: RunOptions = {}): Promise<Finding[]> {
  const rules = (await loadRules()).filter((r) => r.meta.id === ruleId);
  if (rules.length !== 1) throw new Error(`no rule with id ${ruleId}`);
  const { model, issues } = normalize(arch);
  const res = await validateModel(model, issues, { file: 'test.ts', rules, asOf: opts.asOf ?? '2026-11-23' });
  return res.findings;
}

/** Findings of the whole catalogue. */
export async function runAll(arch: Architecture, opts: RunOptions = {}): Promise<Finding[]> {
  const { model, issues } = normalize(arch);
  const res = await validateModel(model, issues, { file: 'test.ts', asOf: opts.asOf ?? '2026-11-23' });
  return res.findings;
}

/** The whole result of one rule (findings and the checks that could not run) for an architecture. */
export async function runRuleResult(ruleId: string, arch: Architecture, opts: RunOptions = {}): Promise<FileResult> {
  const rules = (await loadRules()).filter((r) => r.meta.id === ruleId);
  if (rules.length !== 1) throw new Error(`no rule with id ${ruleId}`);
  const { model, issues } = normalize(arch);
  return validateModel(model, issues, { file: 'test.ts', rules, asOf: opts.asOf ?? '2026-11-23' });
}

/** The whole result of the catalogue (findings and the checks that could not run) for an architecture. */
export async function runAllResult(arch: Architecture, opts: RunOptions = {}): Promise<FileResult> {
  const { model, issues } = normalize(arch);
  return validateModel(model, issues, { file: 'test.ts', asOf: opts.asOf ?? '2026-11-23' });
}
