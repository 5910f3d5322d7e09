/**
 * Findings as a GitLab code quality report (`artifacts:reports:codequality`), the subset of the
 * Code Climate issue format GitLab reads: description, check_name, fingerprint, severity and
 * location.path + lines.begin (https://docs.gitlab.com/ci/testing/code_quality/).
 * Suppressed findings are left out, as GitLab has no notion of an accepted risk.
 */
import { createHash } from 'node:crypto';
import { isAbsolute, relative, sep } from 'node:path';
import type { Severity } from '../../../dsl/types.js';
import type { FileResult, Finding } from '../finding.js';

/** GitLab's scale is info, minor, major, critical, blocker; an aksnet error blocks nothing by itself. */
const SEVERITY: Record<Severity, 'critical' | 'major' | 'info'> = { error: 'critical', warning: 'major', info: 'info' };

export interface GitlabIssue {
  description: string;
  check_name: string;
  fingerprint: string;
  severity: 'info' | 'minor' | 'major' | 'critical' | 'blocker';
  location: { path: string; lines: { begin: number } };
}

/** The report as a JSON array, in the results' finding order. */
export function formatGitlab(results: FileResult[], context: { cwd?: string } = {}): string {
  const cwd = context.cwd ?? process.cwd();
  const issues: GitlabIssue[] = [];
  const seen = new Map<string, number>();
  for (const r of results) {
    for (const f of r.findings) {
      if (f.status === 'suppressed') continue;
      const path = repoPath(f.file, cwd);
      const base = fingerprint(f, path);
      // GitLab shows only the first issue of a fingerprint: repeat findings get a counter.
      const n = seen.get(base) ?? 0;
      seen.set(base, n + 1);
      const expired = f.status === 'expired' ? ` (accepted risk expired ${f.acceptance?.expires ?? ''})` : '';
      issues.push({
        description: `${f.message}${expired}`,
        check_name: f.ruleId,
        fingerprint: n === 0 ? base : createHash('sha256').update(`${base}\u0000${n}`).digest('hex').slice(0, 32),
        severity: SEVERITY[f.severity],
        location: { path, lines: { begin: Math.max(1, f.line) } },
      });
    }
  }
  return JSON.stringify(issues, null, 2) + '\n';
}

/** Stable across line moves: file, rule, DSL path, element and message. */
function fingerprint(f: Finding, path: string): string {
  return createHash('sha256')
    .update([path, f.ruleId, f.path, f.element ?? '', f.message].join('\u0000'))
    .digest('hex')
    .slice(0, 32);
}

/** A path relative to the repository root (the working directory), with forward slashes. */
function repoPath(file: string, cwd: string): string {
  const rel = isAbsolute(file) ? relative(cwd, file) : file;
  return rel.split(sep).join('/').replace(/^\.\//, '');
}
