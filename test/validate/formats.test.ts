/** The output formats: SARIF (schema-valid, GitHub-ready), GitHub annotations, Markdown, text, JSON. */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { publicIp, subnet } from '../../dsl/index.js';
import { baseline } from '../helpers/fixture.js';
import { normalize } from '../../src/normalize/normalize.js';
import { loadRules } from '../../src/validate/registry.js';
import type { Rule } from '../../src/validate/rule.js';
import { validateModel } from '../../src/validate/validate.js';
import type { FileResult } from '../../src/validate/finding.js';
import { formatSarif, sarifFingerprint, sarifLog } from '../../src/validate/format/sarif.js';
import { formatGithub, githubEscapeData, githubEscapeProperty } from '../../src/validate/format/github.js';
import { formatMarkdown, mdEscape } from '../../src/validate/format/markdown.js';
import { formatText } from '../../src/validate/format/text.js';
import { formatJson } from '../../src/validate/format/json.js';
import { colors } from '../../src/shared/io.js';
import type { FormatContext } from '../../src/validate/format/formatter.js';
import { sarifValidator } from './sarif-schema.js';
import { mutable } from '../helpers/mutable.js';

const AS_OF = '2026-11-23';
const EVIL = '<script>alert(1)</script>|`x`*y*';

let rules: Rule[];
let results: FileResult[];

/** A design with an error (malformed CIDR), a suppressed finding, an expired acceptance and a hostile name. */
async function sample(): Promise<FileResult[]> {
  const b = baseline();
  b.nodes.cidr = '10.1.0.1/22'; // structure/cidr-malformed (error)
  mutable(b.spoke.subnets).push(subnet({ name: EVIL, cidr: '10.9.0.0/24' })); // structure/subnet-outside-vnet (error)
  mutable(b.hub.subnets).push(subnet({ name: 'snet-dup', cidr: '10.0.1.0/26' }), subnet({ name: 'snet-dup', cidr: '10.0.1.64/26' }));
  // Stated, so the sample has no unverified check: these tests count findings (unverified.test.ts covers those).
  b.appGw.waf = { mode: 'Prevention', managedRuleSets: [{ type: 'Microsoft_DefaultRuleSet', version: '2.1' }, { type: 'Microsoft_BotManagerRuleSet', version: '1.1' }] };
  b.appGw.publicIp = publicIp({ name: 'pip-agw', zones: [1, 2, 3], ddosIpProtection: false });
  // Stated empty: the private cluster's access-path warning, not an open question.
  b.aks.controlPlaneAccess = [];
  b.arch.review = {
    acceptedRisks: [
      { rule: 'structure/duplicate-name', justification: 'migration in progress', owner: 'net-team', expires: '2027-01-31' },
      { rule: 'structure/subnet-outside-vnet', element: EVIL, justification: 'old', owner: 'sec', expires: '2026-01-01' },
    ],
  };
  const { model, issues } = normalize(b.arch);
  const res = await validateModel(model, issues, { file: 'designs/prod net.ts', asOf: AS_OF, rules, locator: { locate: (p) => ({ line: 10 + p.length, column: 3 }) } });
  return [res];
}

const metas = () => rules.map((r) => r.meta);
const context = (): FormatContext => ({ rules: metas(), colors: colors(false), cwd: process.cwd() });

beforeAll(async () => {
  rules = await loadRules();
  results = await sample();
});

describe('the sample', () => {
  it('has open, suppressed and expired findings', () => {
    const f = results[0]!.findings;
    expect(f.some((x) => x.status === 'open' && x.severity === 'error')).toBe(true);
    expect(f.some((x) => x.status === 'suppressed')).toBe(true);
    expect(f.some((x) => x.status === 'expired')).toBe(true);
  });
});

describe('SARIF', () => {
  it('validates against the official SARIF 2.1.0 schema', () => {
    const validate = sarifValidator();
    const log = JSON.parse(formatSarif(results, context())) as unknown;
    const ok = validate(log);
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
    // An empty run (no findings) is valid too.
    const empty = JSON.parse(formatSarif([{ ...results[0]!, findings: [] }], context())) as unknown;
    expect(validate(empty)).toBe(true);
    // The validator is not vacuous: a driver without a name or a bad level is rejected.
    expect(validate({ version: '2.1.0', runs: [{ tool: { driver: {} } }] })).toBe(false);
    const bad = JSON.parse(formatSarif(results, context())) as { runs: Array<{ results: Array<{ level: string }> }> };
    bad.runs[0]!.results[0]!.level = 'fatal';
    expect(validate(bad)).toBe(false);
    // helpUri must be absolute: a repository-relative path to the rule page is not valid SARIF.
    const relative = JSON.parse(formatSarif(results, context())) as { runs: Array<{ tool: { driver: { rules: Array<{ helpUri: string }> } } }> };
    relative.runs[0]!.tool.driver.rules[0]!.helpUri = 'docs/rules/structure/cidr-malformed.md';
    expect(validate(relative)).toBe(false);
  });

  it('describes every rule that ran, with metadata', () => {
    const log = sarifLog(results, metas(), '/repo');
    const run = log.runs[0]!;
    const driver = run.tool.driver;
    expect(driver.name).toBe('aksnet');
    expect(driver.version).toMatch(/^\d+\.\d+\.\d+/);
    expect(driver.informationUri).toMatch(/^https:\/\//);
    expect(driver.rules!.map((r) => r.id)).toEqual([...results[0]!.rulesRun].sort());
    for (const d of driver.rules!) {
      const meta = rules.find((r) => r.meta.id === d.id)!.meta;
      expect(d.shortDescription!.text).toBe(meta.title);
      expect(d.fullDescription!.text).toBe(meta.rationale);
      expect(d.help!.text).toContain(meta.fix);
      expect(d.help!.markdown).toContain(meta.fix);
      // The rule's own page, in the published package of this version, and the page exists in docs/rules.
      expect(d.helpUri).toBe(`https://unpkg.com/aksnet@${driver.version}/docs/rules/${meta.id}.md`);
      expect(existsSync(join(import.meta.dirname, '../../docs/rules', `${meta.id}.md`))).toBe(true);
      expect(d.help!.markdown).toContain(`[Rule documentation](${d.helpUri})`);
      expect(d.defaultConfiguration!.level).toBe({ error: 'error', warning: 'warning', info: 'note' }[meta.severity]);
      const props = d.properties as Record<string, unknown>;
      expect(props.tags).toEqual(expect.arrayContaining([...meta.pillars, ...meta.waf, meta.kind]));
      expect(props.precision).toBeTypeOf('string');
      if (meta.pillars.includes('security')) expect(Number(props['security-severity'])).toBeGreaterThan(0);
      else expect(props['security-severity']).toBeUndefined();
    }
  });

  it('results: rule index, level, relative location, fingerprint, suppressions and expired acceptances', () => {
    const log = sarifLog(results, metas(), '/repo');
    const run = log.runs[0]!;
    const findings = results[0]!.findings;
    expect(run.results).toHaveLength(findings.length);
    run.results!.forEach((r, i) => {
      const f = findings[i]!;
      expect(r.ruleId).toBe(f.ruleId);
      expect(run.tool.driver.rules![r.ruleIndex!]!.id).toBe(f.ruleId);
      expect(r.level).toBe({ error: 'error', warning: 'warning', info: 'note' }[f.severity]);
      expect(r.message.text).toBe(f.message);
      const loc = r.locations![0]!.physicalLocation!;
      expect(loc.artifactLocation).toEqual({ uri: 'designs/prod%20net.ts', uriBaseId: '%SRCROOT%' });
      expect(loc.region).toEqual({ startLine: f.line, startColumn: f.column });
      // The recipe documented in docs/cli.md, computed here rather than with the code under test.
      const hash = createHash('sha256').update([f.ruleId, f.path, f.element ?? ''].join('\u0000')).digest('hex');
      expect(r.partialFingerprints).toEqual({ 'aksnetFindingHash/v1': hash.slice(0, 32) });
      if (f.status === 'suppressed') {
        expect(r.suppressions).toEqual([
          { kind: 'external', status: 'accepted', justification: f.acceptance!.justification, properties: { owner: f.acceptance!.owner, expires: f.acceptance!.expires } },
        ]);
      } else {
        expect(r.suppressions).toBeUndefined();
      }
      if (f.status === 'expired') expect(r.properties).toMatchObject({ acceptanceExpired: true, acceptance: f.acceptance });
    });
  });

  it('absolute paths outside the working directory become file: URIs; inside become relative', () => {
    const r = results[0]!;
    const inside = sarifLog([{ ...r, findings: r.findings.map((f) => ({ ...f, file: '/repo/a/b.ts' })) }], metas(), '/repo');
    expect(inside.runs[0]!.results![0]!.locations![0]!.physicalLocation!.artifactLocation).toEqual({ uri: 'a/b.ts', uriBaseId: '%SRCROOT%' });
    const outside = sarifLog([{ ...r, findings: r.findings.map((f) => ({ ...f, file: '/elsewhere/b.ts' })) }], metas(), '/repo');
    expect(outside.runs[0]!.results![0]!.locations![0]!.physicalLocation!.artifactLocation).toEqual({ uri: 'file:///elsewhere/b.ts' });
  });

  it('is deterministic and the fingerprint ignores line moves', async () => {
    const a = formatSarif(results, context());
    const b = formatSarif(await sample(), context());
    expect(b).toBe(a);
    const f = results[0]!.findings[0]!;
    expect(sarifFingerprint({ ...f })).toBe(sarifFingerprint({ ...f, line: f.line + 5 } as typeof f));
    expect(sarifFingerprint(f)).not.toBe(sarifFingerprint({ ...f, path: f.path + '.x' }));
    expect(sarifFingerprint(f)).not.toBe(sarifFingerprint({ ...f, ruleId: f.ruleId + 'x' }));
    expect(sarifFingerprint({ ...f, element: 'a' })).not.toBe(sarifFingerprint({ ...f, element: 'b' }));
    // Findings that differ in rule, path or element never share a fingerprint.
    const keys = new Set(results[0]!.findings.map((x) => `${x.ruleId}|${x.path}|${x.element ?? ''}`));
    expect(new Set(results[0]!.findings.map(sarifFingerprint)).size).toBe(keys.size);
  });
});

describe('GitHub workflow commands', () => {
  it('one annotation per open finding; suppressed omitted; info as notice', () => {
    const out = formatGithub(results);
    const lines = out.trimEnd().split('\n');
    const open = results[0]!.findings.filter((f) => f.status !== 'suppressed');
    expect(lines.filter((l) => l.startsWith('::'))).toHaveLength(open.length);
    expect(out).not.toContain('migration in progress');
    for (const f of open) {
      expect(out).toContain(`::${f.severity === 'info' ? 'notice' : f.severity} file=designs/prod net.ts,line=${f.line},col=${f.column},title=${githubEscapeProperty(f.ruleId)}::`);
    }
    expect(out).toContain('(accepted risk expired 2026-01-01)');
    expect(lines.at(-1)).toMatch(/^aksnet: \d+ errors?, /);
    const info = formatGithub([{ ...results[0]!, findings: [{ ...open[0]!, severity: 'info', status: 'open' }] }]);
    expect(info).toMatch(/^::notice /);
  });

  it('escapes data and properties per GitHub rules', () => {
    expect(githubEscapeData('50% a\r\nb')).toBe('50%25 a%0D%0Ab');
    expect(githubEscapeProperty('a:b,c%d\n')).toBe('a%3Ab%2Cc%25d%0A');
    const f = { ...results[0]!.findings[0]!, file: 'x:y,z.ts', message: 'line1\nline2 ::error::injected', status: 'open' as const };
    const out = formatGithub([{ ...results[0]!, findings: [f] }]);
    const first = out.split('\n')[0]!;
    expect(first).toContain('file=x%3Ay%2Cz.ts,');
    expect(first).toContain('::line1%0Aline2 ::error::injected');
    expect(out.split('\n').filter((l) => l.startsWith('::'))).toHaveLength(1);
  });
});

describe('Markdown', () => {
  it('summary, one table per file, suppressed in <details>, deterministic', async () => {
    const md = formatMarkdown(results);
    expect(md).toMatch(/\*\*\d+ errors?, \d+ warnings?, \d+ info, 1 suppressed, 1 expired acceptance\*\* in 1 file/);
    expect(md).toContain('| Severity | Rule | Location | Message |');
    expect(md).toContain('<details>');
    expect(md).toContain('migration in progress');
    expect(md).toContain('designs/prod net.ts:');
    expect(formatMarkdown(await sample())).toBe(md);
  });

  it('renders injection strings as text', () => {
    const md = formatMarkdown(results);
    expect(md).not.toContain('<script>');
    expect(md).toContain('&lt;script&gt;');
    // Every table row keeps exactly its column count: pipes inside values are escaped.
    for (const line of md.split('\n').filter((l) => l.startsWith('| ') && !l.startsWith('|---'))) {
      const cells = line.replace(/\\\|/g, '').split('|').length - 2;
      expect([4, 6]).toContain(cells);
    }
    expect(mdEscape('a|b`c<d>e&f@g\nh')).toBe('a\\|b\\`c&lt;d&gt;e&amp;f&#64;g h');
    expect(mdEscape('[x](javascript:alert(1))')).toBe('\\[x\\]\\(javascript:alert\\(1\\)\\)');
  });
});

describe('text and JSON', () => {
  it('text shows suppressed findings as suppressed and expired acceptances as expired', () => {
    const t = formatText(results, { colors: colors(false) });
    expect(t).toContain('suppressed');
    expect(t).toContain('accepted by net-team until 2027-01-31');
    expect(t).toContain('[accepted risk expired 2026-01-01]');
    expect(t.trimEnd().split('\n').at(-1)).toMatch(/^✖ \d+ errors?, \d+ warnings?, \d+ info, 1 suppressed, 1 expired acceptance in 1 file$/);
    // Labels are padded to one width, so every message starts in the same column, whatever the
    // label (error, warning, info, suppressed) and the location (`12:3` or `104:17`).
    const rows = t.split('\n').filter((l) => /^ {2}\d+:\d+/.test(l));
    const findings = results[0]!.findings;
    expect(rows).toHaveLength(findings.length);
    const labels = new Set(rows.map((l) => /^ {2}\S+ +(\S+)/.exec(l)![1]));
    expect([...labels].sort()).toEqual(['error', 'info', 'suppressed', 'warning'].filter((x) => labels.has(x)));
    expect(labels.has('suppressed') && labels.size).toBeGreaterThanOrEqual(2);
    const columns = new Set(findings.map((f) => rows.find((l) => l.includes(f.message))!.indexOf(f.message)));
    expect([...columns]).toEqual([2 + 8 + 1 + 'suppressed'.length + 2]);
    // Each finding's fix follows it on the next line, dimmed (plain here) and aligned under the message.
    const lines = t.split('\n');
    for (const f of findings) {
      const at = lines.findIndex((l) => /^ {2}\d+:\d+/.test(l) && l.includes(f.message));
      expect(lines[at + 1]).toBe(`${' '.repeat(2 + 8 + 1 + 'suppressed'.length + 2)}fix: ${f.fix}`);
    }
    expect(formatText(results, { colors: colors(true) })).toContain(`\x1b[2m${' '.repeat(23)}fix: ${findings[0]!.fix}\x1b[22m`);
  });

  it('text --compact keeps exactly one line per finding, with no fix lines', () => {
    const t = formatText(results, { colors: colors(false), compact: true });
    const body = t.split('\n').filter((l) => l.startsWith(' '));
    expect(body.filter((l) => /^ {2}\d+:\d+/.test(l))).toHaveLength(results[0]!.findings.length);
    expect(body.filter((l) => !/^ {2}\d+:\d+/.test(l))).toEqual([]);
    expect(t).not.toContain('fix:');
  });

  it('JSON carries status and acceptance on every finding', () => {
    const doc = JSON.parse(formatJson(results)) as { summary: Record<string, number>; findings: Array<Record<string, unknown>> };
    expect(doc.summary.suppressed).toBe(1);
    expect(doc.summary.expired).toBe(1);
    for (const f of doc.findings) {
      for (const k of ['ruleId', 'severity', 'message', 'path', 'file', 'line', 'column', 'status']) expect(f).toHaveProperty(k);
    }
    expect(doc.findings.find((f) => f.status === 'expired')!.acceptance).toMatchObject({ expires: '2026-01-01' });
  });
});
