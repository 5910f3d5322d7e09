/** Findings as JSON: a stable shape for scripts and CI. */
import type { FileResult } from '../finding.js';
import { count, unverifiedOf } from './summary.js';

export function formatJson(results: FileResult[]): string {
  const n = count(results);
  const doc = {
    summary: {
      errors: n.error,
      warnings: n.warning,
      info: n.info,
      suppressed: n.suppressed,
      expired: n.expired,
      unverified: n.unverified,
      files: n.files,
    },
    files: results.map((r) => ({ file: r.file, title: r.title, asOf: r.asOf, findings: r.findings, unverified: r.unverified ?? [] })),
    findings: results.flatMap((r) => r.findings),
    /** Checks that could not run because a fact is unknown; not findings. */
    unverified: unverifiedOf(results),
  };
  return JSON.stringify(doc, null, 2) + '\n';
}
