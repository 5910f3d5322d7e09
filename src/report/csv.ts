/**
 * Findings as CSV, with columns modelled on the Well-Architected assessment export. RFC 4180
 * quoting (CRLF line ends) and spreadsheet formula-injection protection: a cell that starts with
 * = + - @ (or a tab / carriage return) gets a leading apostrophe.
 */
import type { ReportViewModel } from './types.js';

export const CSV_COLUMNS = ['Pillar', 'Checklist code', 'Rule', 'Severity', 'Status', 'Element', 'Finding', 'Recommendation', 'Reference', 'File', 'Line'] as const;

/** Neutralises a cell a spreadsheet would evaluate as a formula. */
export function defuse(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/** RFC 4180 quoting. */
export function quote(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

export function csvCell(value: string | number): string {
  return quote(defuse(String(value)));
}

export function renderCsv(vm: ReportViewModel): string {
  const rows: Array<Array<string | number>> = [[...CSV_COLUMNS]];
  for (const a of vm.architectures) {
    for (const f of a.findings) {
      const status = f.acceptance ? `${f.statusLabel} (owner ${f.acceptance.owner}, expires ${f.acceptance.expires})` : f.statusLabel;
      rows.push([f.pillarName, f.waf.replace(/, /g, '; '), f.ruleId, f.severityLabel, status, f.element, f.message, f.fix, f.helpUri, f.file, f.line]);
    }
  }
  return rows.map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
