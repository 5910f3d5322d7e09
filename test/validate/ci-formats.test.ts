/** `--format junit` and `--format gitlab`: well-formed, counted correctly, escaped, deterministic. */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import type { FileResult, Finding } from '../../src/validate/finding.js';
import { formatGitlab, type GitlabIssue } from '../../src/validate/format/gitlab.js';
import { formatJunit } from '../../src/validate/format/junit.js';
import { loadFailureResult } from '../../src/validate/load-failure.js';
import { AksnetError } from '../../src/shared/errors.js';

const base: Omit<Finding, 'ruleId' | 'severity' | 'message' | 'line' | 'status'> = {
  title: 't',
  path: 'network.vnets[0]',
  file: 'designs/prod.ts',
  column: 3,
  kind: 'best-practice',
  pillars: ['security'],
  waf: [],
  fix: 'Fix it.',
  helpUri: '',
  references: [],
};
const f = (
  ruleId: string,
  severity: Finding['severity'],
  line: number,
  status: Finding['status'] = 'open',
  message = `m ${ruleId} ${line}`,
): Finding => ({
  ...base,
  ruleId,
  severity,
  line,
  status,
  message,
  ...(status !== 'open'
    ? { acceptance: { justification: 'planned <Q1> & "later"', owner: 'netops', expires: '2027-03-31' } }
    : {}),
});

const prod: FileResult = {
  file: 'designs/prod.ts',
  title: 'Prod',
  asOf: '2026-11-23',
  rulesRun: ['a/clean', 'b/error', 'c/warning', 'd/info', 'e/accepted', 'f/expired'],
  findings: [
    f('b/error', 'error', 10, 'open', 'name <script>alert("x")</script> & \u0007bell'),
    f('b/error', 'error', 12),
    f('c/warning', 'warning', 20),
    f('d/info', 'info', 30),
    f('e/accepted', 'warning', 40, 'suppressed'),
    f('f/expired', 'warning', 50, 'expired'),
  ],
};

/** A JUnit <testcase> as fast-xml-parser reads it (attributes prefixed `@_`, element text in `#text`). */
interface JunitCase {
  '@_name': string;
  failure?: { '@_type': string; '@_message': string; '#text': string };
  skipped?: { '@_message': string };
  error?: { '#text': string };
  'system-out'?: string;
}

const broken = loadFailureResult(
  'designs/broken.ts',
  new AksnetError('Unexpected "}"', { file: 'designs/broken.ts', line: 7, column: 2 }),
  '2026-11-23',
);

describe('junit', () => {
  const xml = formatJunit([broken, prod]);
  const doc = new XMLParser({ ignoreAttributes: false, alwaysCreateTextNode: false }).parse(xml);

  it('is well-formed XML with one suite per file and one case per rule', () => {
    expect(XMLValidator.validate(xml)).toBe(true);
    const suites = doc.testsuites.testsuite as Array<Record<string, unknown>>;
    expect(suites.map((s) => s['@_name'])).toEqual(['designs/broken.ts', 'designs/prod.ts']);
    const cases = [suites[1]!.testcase].flat() as Array<Record<string, unknown>>;
    expect(cases.map((c) => c['@_name'])).toEqual([
      'a/clean',
      'b/error',
      'c/warning',
      'd/info',
      'e/accepted',
      'f/expired',
    ]);
  });

  it('fails errors, warnings, expired acceptances; lists info; skips accepted risks; load failure = error', () => {
    const suites = doc.testsuites.testsuite as Array<Record<string, unknown>>;
    expect(suites[1]).toMatchObject({ '@_tests': '6', '@_failures': '3', '@_errors': '0', '@_skipped': '1' });
    expect(suites[0]).toMatchObject({ '@_tests': '1', '@_failures': '0', '@_errors': '1' });
    expect(doc.testsuites).toMatchObject({ '@_tests': '7', '@_failures': '3', '@_errors': '1', '@_skipped': '1' });
    const cases = Object.fromEntries(
      ([suites[1]!.testcase].flat() as JunitCase[]).map((c) => [c['@_name'], c]),
    );
    expect(cases['a/clean']!.failure).toBeUndefined();
    expect(cases['b/error']!.failure?.['@_type']).toBe('error');
    expect(cases['b/error']!.failure?.['@_message']).toBe('2 findings');
    expect(cases['b/error']!.failure?.['#text']).toContain('designs/prod.ts:12:3 error: m b/error 12');
    expect(cases['c/warning']!.failure?.['@_type']).toBe('warning');
    expect(cases['d/info']!.failure).toBeUndefined();
    expect(cases['d/info']!['system-out']).toContain('designs/prod.ts:30:3 info');
    expect(cases['e/accepted']!.skipped?.['@_message']).toContain('accepted risk (netops, until 2027-03-31)');
    expect(cases['f/expired']!.failure?.['#text']).toContain('accepted risk expired 2027-03-31');
    const load = [suites[0]!.testcase].flat()[0] as JunitCase;
    expect(load['@_name']).toBe('aksnet/load-error');
    expect(load.error?.['#text']).toBe('designs/broken.ts:7:2 error: Unexpected "}"\nFix: ' + broken.findings[0]!.fix);
  });

  it('escapes design text and drops characters XML cannot carry; same input, same bytes', () => {
    expect(xml).not.toContain('<script>');
    expect(xml).toContain('&lt;script&gt;');
    expect(xml).not.toContain('\u0007');
    expect(formatJunit([broken, prod])).toBe(xml);
  });
});

describe('gitlab', () => {
  const issues = JSON.parse(formatGitlab([broken, prod], { cwd: '/repo' })) as GitlabIssue[];

  it('has one issue per open finding, with GitLab severities and repository paths', () => {
    expect(issues.map((i) => [i.check_name, i.severity, i.location.lines.begin])).toEqual([
      ['aksnet/load-error', 'critical', 7],
      ['b/error', 'critical', 10],
      ['b/error', 'critical', 12],
      ['c/warning', 'major', 20],
      ['d/info', 'info', 30],
      ['f/expired', 'major', 50],
    ]);
    expect(issues.every((i) => i.location.path === 'designs/prod.ts' || i.location.path === 'designs/broken.ts')).toBe(
      true,
    );
    expect(issues.find((i) => i.check_name === 'f/expired')!.description).toContain('accepted risk expired');
  });

  it('gives every issue a distinct fingerprint that survives a line move', () => {
    expect(new Set(issues.map((i) => i.fingerprint)).size).toBe(issues.length);
    const moved = { ...prod, findings: prod.findings.map((x) => ({ ...x, line: x.line + 5 })) };
    const again = JSON.parse(formatGitlab([broken, moved], { cwd: '/repo' })) as GitlabIssue[];
    expect(again.map((i) => i.fingerprint)).toEqual(issues.map((i) => i.fingerprint));
  });

  it('tells repeated identical findings apart', () => {
    const twice: FileResult = {
      ...prod,
      findings: [f('x/dup', 'warning', 1, 'open', 'same'), f('x/dup', 'warning', 2, 'open', 'same')],
    };
    const out = JSON.parse(formatGitlab([twice])) as Array<{ fingerprint: string }>;
    expect(out[0]!.fingerprint).not.toBe(out[1]!.fingerprint);
  });
});
