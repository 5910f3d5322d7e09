/**
 * Findings as JUnit XML for the test tabs of Azure DevOps (PublishTestResults, `testResultsFormat:
 * JUnit`) and GitLab (`artifacts:reports:junit`): one test suite per design file, one test case
 * per rule that ran on it. Open errors and warnings fail their test case; info findings are listed
 * in the case's output without failing it; a rule whose only findings are accepted risks is
 * skipped with the acceptance; a design that failed to load is an `<error>`. No timestamps or
 * durations, so the same input gives the same bytes.
 */
import type { FileResult, Finding } from '../finding.js';
import { LOAD_ERROR_RULE } from '../load-failure.js';

interface Case {
  name: string;
  failures: Finding[];
  notes: Finding[];
  suppressed: Finding[];
  error?: Finding;
}

export function formatJunit(results: FileResult[]): string {
  const suites = results.map(suite);
  const total = (k: 'tests' | 'failures' | 'errors' | 'skipped') => suites.reduce((n, s) => n + s[k], 0);
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="aksnet" ${counts(total('tests'), total('failures'), total('errors'), total('skipped'))}>`,
  ];
  for (const s of suites) lines.push(...s.xml);
  lines.push('</testsuites>');
  return lines.join('\n') + '\n';
}

function suite(r: FileResult) {
  const cases = new Map<string, Case>();
  const get = (name: string) => {
    let c = cases.get(name);
    if (!c) cases.set(name, (c = { name, failures: [], notes: [], suppressed: [] }));
    return c;
  };
  for (const id of r.rulesRun) get(id);
  for (const f of r.findings) {
    const c = get(f.ruleId);
    if (f.ruleId === LOAD_ERROR_RULE) c.error = f;
    else if (f.status === 'suppressed') c.suppressed.push(f);
    else if (f.severity === 'info') c.notes.push(f);
    else c.failures.push(f);
  }
  const list = [...cases.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const failures = list.filter((c) => !c.error && c.failures.length > 0).length;
  const errors = list.filter((c) => c.error).length;
  const skipped = list.filter(
    (c) => !c.error && c.failures.length === 0 && c.suppressed.length > 0 && c.notes.length === 0,
  ).length;
  const file = xmlAttr(r.file);
  const xml = [`  <testsuite name="${file}" ${counts(list.length, failures, errors, skipped)}>`];
  for (const c of list) {
    const open = `    <testcase classname="${file}" name="${xmlAttr(c.name)}" file="${file}"`;
    const body: string[] = [];
    if (c.error) {
      body.push(
        `      <error message="${xmlAttr(c.error.message)}" type="load-error">${xmlText(where(c.error))}</error>`,
      );
    } else if (c.failures.length) {
      const worst = c.failures.some((f) => f.severity === 'error') ? 'error' : 'warning';
      const msg = c.failures.length === 1 ? c.failures[0]!.message : `${c.failures.length} findings`;
      body.push(
        `      <failure message="${xmlAttr(msg)}" type="${worst}">` +
          `${xmlText(c.failures.map(where).join('\n'))}</failure>`,
      );
    } else if (c.suppressed.length && !c.notes.length) {
      const a = c.suppressed[0]!.acceptance;
      const why = a ? `accepted risk (${a.owner}, until ${a.expires}): ${a.justification}` : 'accepted risk';
      body.push(`      <skipped message="${xmlAttr(why)}"/>`);
    }
    if (c.notes.length) body.push(`      <system-out>${xmlText(c.notes.map(where).join('\n'))}</system-out>`);
    xml.push(body.length ? `${open}>` : `${open}/>`, ...body, ...(body.length ? ['    </testcase>'] : []));
  }
  xml.push('  </testsuite>');
  return { tests: list.length, failures, errors, skipped, xml };
}

function counts(tests: number, failures: number, errors: number, skipped: number): string {
  return `tests="${tests}" failures="${failures}" errors="${errors}" skipped="${skipped}"`;
}

function where(f: Finding): string {
  const expired = f.status === 'expired' ? ` (accepted risk expired ${f.acceptance?.expires ?? ''})` : '';
  return `${f.file}:${f.line}:${f.column} ${f.severity}: ${f.message}${expired}${f.fix ? `\nFix: ${f.fix}` : ''}`;
}

/** Characters XML 1.0 cannot carry at all (control characters other than tab, LF, CR). */
const INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

/** Legal in XML but invisible or normalised away by parsers (tab, CR, C1 controls): written as references. */
const AS_REFERENCE = /[\u0009\u000D\u007F-\u009F]/g;

export function xmlText(s: string): string {
  return s
    .replace(INVALID, '\uFFFD')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(AS_REFERENCE, (c) => `&#x${c.charCodeAt(0).toString(16)};`);
}

export function xmlAttr(s: string): string {
  return xmlText(s)
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
    .replace(/\n/g, '&#10;')
    .replace(/\r/g, '&#13;')
    .replace(/\t/g, '&#9;');
}
