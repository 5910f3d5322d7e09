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
    'Each pillar starts at 100 points. Every open finding mapped to the pillar subtracts its weight: ' +
    `error ${WEIGHTS.error}, warning ${WEIGHTS.warning}, info ${WEIGHTS.info} ` +
    '(a finding mapped to two pillars counts in both; an accepted risk whose acceptance has expired counts as open; ' +
    'suppressed findings subtract nothing). The score never drops below 0. ' +
    'Green: 80 or more and no open error. Red: below 50. Amber: everything else. ' +
    'The overall score is the mean of the five pillar scores, rounded, with the same bands ' +
    '(any open error caps it at amber). In a pack of several architectures, each pack-level pillar score is the mean ' +
    'of that pillar\'s scores across the architectures (each design weighs the same), while the counts are totals.',
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

/**
 * Per-pillar scores. `rulesRun` is the set of rule ids that ran; `ruleMeta` gives each rule's
 * pillars so the coverage numbers per pillar can be filled in.
 */
export function scorePillars(
  findings: readonly Finding[],
  rulesRun: readonly string[],
  rulePillars: ReadonlyMap<string, readonly Pillar[]>,
): PillarScore[] {
  return PILLARS.map((p) => {
    const mine = findings.filter((f) => f.pillars.includes(p.id));
    const open = mine.filter(isActive);
    const n = { error: 0, warning: 0, info: 0 };
    for (const f of open) n[f.severity]++;
    const score = Math.max(0, SCORING.start - n.error * WEIGHTS.error - n.warning * WEIGHTS.warning - n.info * WEIGHTS.info);
    const run = rulesRun.filter((r) => rulePillars.get(r)?.includes(p.id));
    const failed = new Set(open.map((f) => f.ruleId));
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
      rulesFailed: run.filter((r) => failed.has(r)).length,
    };
  });
}

/** Pack-level pillar scores: the mean score per pillar across architectures, totals for the counts. */
export function combineScores(perArchitecture: readonly PillarScore[][], rulesRun: readonly string[], failedRules: ReadonlySet<string>, rulePillars: ReadonlyMap<string, readonly Pillar[]>): PillarScore[] {
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
    };
  });
}

export function overall(scores: readonly PillarScore[]): { score: number; band: Band; bandLabel: string } {
  const score = Math.round(scores.reduce((a, s) => a + s.score, 0) / Math.max(1, scores.length));
  const errors = scores.reduce((a, s) => a + s.error, 0);
  const b = band(score, errors);
  return { score, band: b, bandLabel: BAND_LABEL[b] };
}
