/**
 * A design that could not be loaded becomes an error result for its file, so every output format
 * (text, JSON, SARIF, JUnit, GitLab) reports it beside the other files' findings.
 */
import type { AksnetError } from '../shared/errors.js';
import type { FileResult, Finding } from './finding.js';
import { today } from '../shared/date.js';
import { rulePageUri } from './rule-page.js';

/** Rule id of the synthetic finding; not in the catalogue, so no setting or acceptance can hide it. */
export const LOAD_ERROR_RULE = 'aksnet/load-error';

/** The result for a file whose load failed: one open error at the position the load error names. */
export function loadFailureResult(file: string, error: AksnetError, asOf?: string): FileResult {
  const loc = error.location;
  const finding: Finding = {
    ruleId: LOAD_ERROR_RULE,
    title: 'The design could not be loaded',
    severity: 'error',
    message: error.message,
    path: '',
    file: loc?.file ?? file,
    line: loc?.line ?? 1,
    column: loc?.column ?? 1,
    kind: 'structure',
    pillars: [],
    waf: [],
    fix: 'Fix the problem at the reported position (run `aksnet check` for type errors); the file was not validated.',
    // aksnet's own check: its hand-written page beside the rule pages (docs/rules/aksnet/), linked as they are.
    helpUri: rulePageUri(LOAD_ERROR_RULE),
    references: [],
    status: 'open',
  };
  // The title is unknown: the file never produced an architecture.
  return { file, title: '', findings: [finding], rulesRun: [], asOf: asOf ?? today() };
}

/** Whether a result stands for a file that failed to load. */
export function isLoadFailure(r: FileResult): boolean {
  return r.findings.some((f) => f.ruleId === LOAD_ERROR_RULE);
}
