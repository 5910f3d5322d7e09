/** The finding record every output format reads. */
import type { Pillar, Severity } from '../../dsl/types.js';
import type { Id } from '../model/types.js';
import type { Reference, RuleKind } from './rule.js';

export type FindingStatus = 'open' | 'suppressed' | 'expired';

export interface Finding {
  ruleId: string;
  title: string;
  severity: Severity;
  message: string;
  /** The kind of finding within its rule (`meta.messages`), for tests and scripts; absent on unmigrated rules. */
  messageId?: string;
  /** DSL path of the value concerned. */
  path: string;
  file: string;
  line: number;
  column: number;
  element?: Id;
  elementName?: string;
  kind: RuleKind;
  pillars: Pillar[];
  waf: string[];
  fix: string;
  helpUri: string;
  references: Reference[];
  evidence?: Record<string, string | number | boolean>;
  /** open; suppressed by an accepted risk; or expired (the acceptance lapsed, so it counts again). */
  status: FindingStatus;
  acceptance?: { justification: string; owner: string; expires: string };
  /**
   * On the primary finding of a group (one root cause on one ingress path): the other findings of the
   * group, in output order. They stay in `findings` and keep counting; this only says they belong here.
   */
  related?: RelatedFinding[];
  /** On a finding that belongs to another finding's group: which one, and why they are one problem. */
  groupedUnder?: { ruleId: string; path: string; cause: string };
}

/** A finding named as part of another's group: enough to locate it and read it without the full record. */
export interface RelatedFinding {
  ruleId: string;
  severity: Severity;
  message: string;
  path: string;
  file: string;
  line: number;
  column: number;
  /** Why the findings are one problem, e.g. "internet traffic enters through a public load balancer". */
  cause: string;
}

/**
 * A check that could not run because the design leaves a fact unknown: info level, its own kind,
 * counted apart from findings and never affecting the exit code.
 */
export interface UnverifiedCheck {
  kind: 'unverified';
  /** Always info: an open question, not a defect. */
  severity: 'info';
  ruleId: string;
  title: string;
  /** What could not be verified and which fact to state. */
  message: string;
  /** The fact in words. */
  fact: string;
  /** DSL path of the fact to state. */
  factPath: string;
  /** What the check would have verified. */
  check: string;
  /** DSL path of the element (the fact itself is absent from the file). */
  path: string;
  file: string;
  line: number;
  column: number;
  element: Id;
  elementName: string;
  helpUri: string;
}

/** Per-file validation result. */
export interface FileResult {
  file: string;
  title: string;
  findings: Finding[];
  /** Checks that could not run because a fact is unknown, in file order (absent = none). */
  unverified?: UnverifiedCheck[];
  /** Rules that ran (after configuration), for coverage matrices. */
  rulesRun: string[];
  asOf: string;
}

export const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/**
 * Whether a finding counts: toward exit codes, summaries, scores, overlays and annotations. Open and
 * expired findings count (a lapsed acceptance no longer hides a risk); suppressed ones do not.
 */
export function isActive(f: Finding): boolean {
  return f.status !== 'suppressed';
}

/** Deterministic order: file, line, column, rule, message. */
export function compareFindings(a: Finding, b: Finding): number {
  return (
    cmp(a.file, b.file) ||
    a.line - b.line ||
    a.column - b.column ||
    SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
    cmp(a.ruleId, b.ruleId) ||
    cmp(a.message, b.message)
  );
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
