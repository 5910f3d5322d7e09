/** Findings as JSON: a stable shape for scripts and CI. */
import type { FileResult } from '../finding.js';
import { count } from './summary.js';

export function formatJson(results: FileResult[]): string {
  const n = count(results);
  const doc = {
    summary: { errors: n.error, warnings: n.warning, info: n.info, suppressed: n.suppressed, expired: n.expired, files: n.files },
    files: results.map((r) => ({ file: r.file, title: r.title, asOf: r.asOf, findings: r.findings })),
    findings: results.flatMap((r) => r.findings),
  };
  return JSON.stringify(doc, null, 2) + '\n';
}
