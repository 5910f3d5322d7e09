/**
 * The pillar scoring method. It is deliberately simple so a review board can recompute it by hand,
 * and the report prints it in full (`SCORING.text`).
 */
import type { Pillar, Severity } from '../../dsl/types.js';
import { isActive, type Finding } from '../validate/finding.js';
import { PILLARS as SHARED_PILLARS } from '../shared/pillars.js';
import type { Band, PillarInfo, PillarScore, ScoringMethod, SeverityCounts } from './types.js';

/** The pillars in report order, each with its checklist code prefix. */
export const PILLARS: readonly PillarInfo[] = SHARED_PILLARS;

export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];

export const SEVERITY_LABEL: Record<Severity, string> = { error: 'Error', warning: 'Warning', info: 'Info' };

const WEIGHTS: Record<Severity, number> = { error: 25, warning: 8, info: 2 };

export const SCORING: ScoringMethod = {
  start: 100,
  weights: WEIGHTS,
  green: 80,
  red: 50,
  text:
    'Each pillar starts at 100; every open finding mapped to it subtracts ' +
    `${WEIGHTS.error} (error), ${WEIGHTS.warning} (warning) or ${WEIGHTS.info} (info), in every pillar it maps to ` +
    '(an expired acceptance counts as open; accepted risks and checks that could not run subtract nothing), down to 0. ' +
    'Green: 80 or more and no open error; red: below 50; amber: the rest. The overall score is the rounded mean of ' +
    'the five pillars, banded alike (an open error caps it at amber). Across several architectures a pillar\'s score ' +
    'is the mean of theirs (each design weighs the same); counts are totals.',
  coverageText:
    'A rule counts in every pillar it serves, once, in the first of these that applies. Failed: the rule has at least ' +
    'one open (or expired) finding. Could not run: a check of the rule could not run because the design does not ' +
    'state a fact it needs (see Open questions); a rule that passed on some elements and could not run on others ' +
    'counts here, not as passed. Suppressed: all its findings are accepted risks. Passed: none of these.',
};

export const BAND_LABEL: Record<Band, string> = { green: 'Good', amber: 'Needs attention', red: 'At risk' };

export function band(score: number, openErrors: number): Band {
  if (score < SCORING.red) return 'red';
  if (score >= SCORING.green && openErrors === 0) return 'green';
  return 'amber';
}

export function severityCounts(findings: readonly Finding[]): SeverityCounts {
  const c: SeverityCounts = { error: 0, warning: 0, info: 0, suppressed: 0, expired: 0, total: findings.length };
  for (const f of findings) {
    if (f.status === 'suppressed') c.suppressed++;
    else c[f.severity]++;
    if (f.status === 'expired') c.expired++;
  }
  return c;
}

/** What one rule came to on a design, for the coverage counts and the pillar table. */
export type RuleOutcome = 'failed' | 'unverified' | 'suppressed' | 'passed';

/**
 * Each rule's outcome, one per rule, by precedence: a rule with any open (or expired) finding failed; otherwise a rule
 * with any check that could not run is "could not run" — even when it passed on other elements, or its other findings
 * are accepted risks — because the board cannot tell whether it would pass there, so it must not read as passed;
 * otherwise a rule whose findings are all accepted is suppressed; a rule with none of these passed.
 */
export function ruleOutcomes(
  rulesRun: readonly string[],
  findings: readonly Finding[],
  unverifiedRules: ReadonlySet<string>,
): Map<string, RuleOutcome> {
  const failed = new Set(findings.filter(isActive).map((f) => f.ruleId));
  const suppressed = new Set(findings.filter((f) => f.status === 'suppressed').map((f) => f.ruleId));
  return new Map(
    rulesRun.map((r) => [r, failed.has(r) ? 'failed' : unverifiedRules.has(r) ? 'unverified' : suppressed.has(r) ? 'suppressed' : 'passed']),
  );
}

/**
 * Per-pillar scores. `rulesRun` is the set of rule ids that ran; `rulePillars` gives each rule's pillars so the rule
 * counts per pillar can be filled in; `unverifiedRules` the rules with a check that could not run.
 */
export function scorePillars(
  findings: readonly Finding[],
  rulesRun: readonly string[],
  rulePillars: ReadonlyMap<string, readonly Pillar[]>,
  unverifiedRules: ReadonlySet<string> = new Set(),
): PillarScore[] {
  const outcome = ruleOutcomes(rulesRun, findings, unverifiedRules);
  return PILLARS.map((p) => {
    const mine = findings.filter((f) => f.pillars.includes(p.id));
    const open = mine.filter(isActive);
    const n = { error: 0, warning: 0, info: 0 };
    for (const f of open) n[f.severity]++;
    const score = Math.max(0, SCORING.start - n.error * WEIGHTS.error - n.warning * WEIGHTS.warning - n.info * WEIGHTS.info);
    const run = rulesRun.filter((r) => rulePillars.get(r)?.includes(p.id));
    const b = band(score, n.error);
    return {
      pillar: p.id,
      name: p.name,
      code: p.code,
      score,
      band: b,
      bandLabel: BAND_LABEL[b],
      ...n,
      suppressed: mine.length - open.length,
      rulesRun: run.length,
      rulesFailed: run.filter((r) => outcome.get(r) === 'failed').length,
      rulesUnverified: run.filter((r) => outcome.get(r) === 'unverified').length,
    };
  });
}

/** Pack-level pillar scores: the mean score per pillar across architectures, totals for the counts. */
export function combineScores(
  perArchitecture: readonly PillarScore[][],
  rulesRun: readonly string[],
  failedRules: ReadonlySet<string>,
  rulePillars: ReadonlyMap<string, readonly Pillar[]>,
  unverifiedRules: ReadonlySet<string> = new Set(),
): PillarScore[] {
  return PILLARS.map((p, i) => {
    const cells = perArchitecture.map((a) => a[i]!);
    const score = cells.length ? Math.round(cells.reduce((a, c) => a + c.score, 0) / cells.length) : SCORING.start;
    const sum = (k: 'error' | 'warning' | 'info' | 'suppressed') => cells.reduce((a, c) => a + c[k], 0);
    const run = rulesRun.filter((r) => rulePillars.get(r)?.includes(p.id));
    const b = band(score, sum('error'));
    return {
      pillar: p.id,
      name: p.name,
      code: p.code,
      score,
      band: b,
      bandLabel: BAND_LABEL[b],
      error: sum('error'),
      warning: sum('warning'),
      info: sum('info'),
      suppressed: sum('suppressed'),
      rulesRun: run.length,
      rulesFailed: run.filter((r) => failedRules.has(r)).length,
      // Failed in one design outranks could-not-run in another, as within a design.
      rulesUnverified: run.filter((r) => !failedRules.has(r) && unverifiedRules.has(r)).length,
    };
  });
}

export function overall(scores: readonly PillarScore[]): { score: number; band: Band; bandLabel: string } {
  const score = Math.round(scores.reduce((a, s) => a + s.score, 0) / Math.max(1, scores.length));
  const errors = scores.reduce((a, s) => a + s.error, 0);
  const b = band(score, errors);
  return { score, band: b, bandLabel: BAND_LABEL[b] };
}
