/**
 * Findings as SARIF 2.1.0 for GitHub code scanning and other SARIF viewers.
 *
 * One run; `tool.driver.rules` describes every rule that ran (from its metadata), results point at
 * the architecture file relative to the working directory (`%SRCROOT%`), suppressed findings carry
 * an external suppression with the acceptance's justification, and expired acceptances are normal
 * results marked with a property. No timestamps or absolute paths of the machine, so the same
 * input gives the same bytes.
 */
import { createHash } from 'node:crypto';
import { isAbsolute, relative, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Log, ReportingDescriptor, Result, Run } from 'sarif';
import type { Severity } from '../../../dsl/types.js';
import { version } from '../../shared/version.js';
import type { FileResult, Finding, UnverifiedCheck } from '../finding.js';
import type { RuleKind, RuleMeta } from '../rule.js';
import type { FormatContext } from './formatter.js';
import { rulePageUri } from '../rule-page.js';

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
export const INFORMATION_URI = 'https://www.npmjs.com/package/aksnet';
/** Key of the partial fingerprint aksnet computes for each result. */
export const FINGERPRINT_KEY = 'aksnetFindingHash/v1';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note' };

/** GitHub maps security-severity to critical (≥ 9), high (≥ 7), medium (≥ 4) and low. */
const SECURITY_SEVERITY: Record<Severity, string> = { error: '8.0', warning: '5.5', info: '2.0' };

const PRECISION: Record<RuleKind, string> = {
  structure: 'very-high',
  'platform-limit': 'high',
  lifecycle: 'high',
  'best-practice': 'medium',
};

/** The SARIF log as a string (the `--format sarif` output); rule metadata comes from the context. */
export function formatSarif(results: FileResult[], context: Pick<FormatContext, 'rules' | 'cwd'>): string {
  return JSON.stringify(sarifLog(results, context.rules, context.cwd), null, 2) + '\n';
}

/** Builds the SARIF log from results and the rule catalogue (rules that ran are looked up by id). */
export function sarifLog(results: FileResult[], catalogue: readonly RuleMeta[], cwd: string = process.cwd()): Log {
  const byId = new Map(catalogue.map((m) => [m.id, m]));
  const findings = results.flatMap((r) => r.findings);
  const ran = new Set<string>(results.flatMap((r) => r.rulesRun));
  for (const f of findings) ran.add(f.ruleId);
  for (const r of results) for (const u of r.unverified ?? []) ran.add(u.ruleId);
  const ids = [...ran].sort(cmp);
  // Rules of the catalogue link to their own page; aksnet's own checks (load-error, unused-acceptance) to the page
  // their findings carry; anything else (a test stub) to its first reference.
  const descriptors = ids.map((id) => {
    const m = byId.get(id);
    return m ? descriptor(m, rulePageUri(id)) : descriptor(metaFromFinding(id, findings), findings.find((f) => f.ruleId === id)?.helpUri || undefined);
  });
  const index = new Map(ids.map((id, i) => [id, i]));
  const run: Run = {
    tool: {
      driver: {
        name: 'aksnet',
        version: version(),
        semanticVersion: version(),
        informationUri: INFORMATION_URI,
        rules: descriptors,
      },
    },
    columnKind: 'utf16CodeUnits',
    results: [
      ...findings.map((f) => result(f, index.get(f.ruleId)!, cwd)),
      ...results.flatMap((r) => r.unverified ?? []).map((u) => unverifiedResult(u, index.get(u.ruleId), cwd)),
    ],
  };
  return { $schema: SARIF_SCHEMA, version: '2.1.0', runs: [run] };
}

function descriptor(m: RuleMeta, page: string | undefined): ReportingDescriptor {
  const refs = m.references.map((r) => `- [${r.title}](${r.url})`).join('\n');
  const d: ReportingDescriptor = {
    id: m.id,
    name: sarifRuleName(m.id),
    shortDescription: { text: m.title },
    fullDescription: { text: m.rationale || m.title },
    help: {
      text: `${m.fix}${m.references.length ? '\n\nReferences:\n' + m.references.map((r) => `- ${r.title}: ${r.url}`).join('\n') : ''}`,
      markdown:
        `**How to fix:** ${m.fix}${refs ? `\n\n**References**\n\n${refs}` : ''}` +
        (page ? `\n\n[Rule documentation](${page})` : ''),
    },
    defaultConfiguration: { level: LEVEL[m.severity] },
    properties: {
      tags: [...new Set<string>([...m.pillars, ...m.waf, m.kind])],
      precision: PRECISION[m.kind] ?? 'medium',
      kind: m.kind,
      pillars: m.pillars,
      waf: m.waf,
      ...(m.pillars.includes('security') ? { 'security-severity': SECURITY_SEVERITY[m.severity] } : {}),
    },
  };
  const help = page ?? m.references[0]?.url;
  if (help) d.helpUri = help;
  return d;
}

/** `structure/cidr-malformed` → `StructureCidrMalformed`. */
export function sarifRuleName(id: string): string {
  return id
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((w) => w[0]!.toUpperCase() + w.slice(1))
    .join('');
}

/** A rule that is not in the catalogue (e.g. a test stub): its metadata as carried by its findings. */
function metaFromFinding(id: string, findings: Finding[]): RuleMeta {
  const f = findings.find((x) => x.ruleId === id);
  return {
    id,
    title: f?.title ?? id,
    severity: f?.severity ?? 'warning',
    kind: f?.kind ?? 'best-practice',
    pillars: f?.pillars ?? [],
    waf: f?.waf ?? [],
    rationale: f?.title ?? id,
    fix: f?.fix ?? '',
    references: f?.references ?? [],
  };
}

function result(f: Finding, ruleIndex: number, cwd: string): Result {
  const r: Result = {
    ruleId: f.ruleId,
    ruleIndex,
    level: LEVEL[f.severity],
    kind: 'fail',
    message: { text: f.message },
    locations: [
      {
        physicalLocation: {
          artifactLocation: sarifArtifact(f.file, cwd),
          region: { startLine: Math.max(1, f.line), startColumn: Math.max(1, f.column) },
        },
        ...(f.path ? { logicalLocations: [{ fullyQualifiedName: f.path, kind: 'member' }] } : {}),
      },
    ],
    partialFingerprints: { [FINGERPRINT_KEY]: sarifFingerprint(f) },
  };
  const props: Record<string, unknown> = { path: f.path, status: f.status };
  if (f.element) props.element = f.element;
  if (f.elementName) props.elementName = f.elementName;
  if (f.evidence) props.evidence = f.evidence;
  // A group (one root cause on one ingress path): the primary points at the other findings, which stay
  // results of their own and say which finding they belong to.
  if (f.related?.length) {
    r.relatedLocations = f.related.map((x, i) => ({
      id: i + 1,
      physicalLocation: {
        artifactLocation: sarifArtifact(x.file, cwd),
        region: { startLine: Math.max(1, x.line), startColumn: Math.max(1, x.column) },
      },
      ...(x.path ? { logicalLocations: [{ fullyQualifiedName: x.path, kind: 'member' }] } : {}),
      message: { text: `${x.ruleId}: ${x.message}` },
    }));
    props.related = f.related.map((x) => ({ ruleId: x.ruleId, path: x.path }));
    props.groupCause = f.related[0]!.cause;
  }
  if (f.groupedUnder) props.groupedUnder = f.groupedUnder;
  if (f.status === 'suppressed' && f.acceptance) {
    r.suppressions = [
      {
        kind: 'external',
        status: 'accepted',
        justification: f.acceptance.justification,
        properties: { owner: f.acceptance.owner, expires: f.acceptance.expires },
      },
    ];
  } else if (f.status === 'expired') {
    props.acceptanceExpired = true;
    if (f.acceptance) props.acceptance = f.acceptance;
  }
  r.properties = props;
  return r;
}

/**
 * A check that could not run: a note-level result told apart from findings by the `aksnetResult`
 * property (`unverified`), naming the fact to state.
 */
function unverifiedResult(u: UnverifiedCheck, ruleIndex: number | undefined, cwd: string): Result {
  return {
    ruleId: u.ruleId,
    ...(ruleIndex !== undefined ? { ruleIndex } : {}),
    level: 'note',
    message: { text: u.message },
    locations: [
      {
        physicalLocation: {
          artifactLocation: sarifArtifact(u.file, cwd),
          region: { startLine: Math.max(1, u.line), startColumn: Math.max(1, u.column) },
        },
        logicalLocations: [{ fullyQualifiedName: u.factPath, kind: 'member' }],
      },
    ],
    // The documented recipe, as for findings: rule id, DSL path (the fact's, this result's logical location) and
    // element. Two elements missing the same fact are two results, with two fingerprints.
    partialFingerprints: { [FINGERPRINT_KEY]: sarifFingerprint({ ruleId: u.ruleId, path: u.factPath, element: u.element }) },
    properties: { aksnetResult: 'unverified', fact: u.fact, factPath: u.factPath, element: u.element, elementName: u.elementName },
  };
}

/** The file as a URI relative to the working directory (`%SRCROOT%`), or a file: URI outside it. */
export function sarifArtifact(file: string, cwd: string): { uri: string; uriBaseId?: string } {
  const rel = isAbsolute(file) ? relative(cwd, file) : file;
  if (rel && !rel.startsWith('..') && !isAbsolute(rel)) {
    return { uri: rel.split(sep).join('/').split('/').map(encodeURIComponent).join('/'), uriBaseId: '%SRCROOT%' };
  }
  return { uri: pathToFileURL(isAbsolute(file) ? file : `${cwd}/${file}`).href };
}

/** Stable across runs and line moves: rule id, DSL path and element. */
export function sarifFingerprint(f: Pick<Finding, 'ruleId' | 'path' | 'element'>): string {
  return createHash('sha256').update(`${f.ruleId}\u0000${f.path}\u0000${f.element ?? ''}`).digest('hex').slice(0, 32);
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
