/**
 * Runs the rules over one normalized model: applies rule settings, the as-of date and accepted
 * risks, and resolves every finding's DSL path to file:line:col.
 */
import { factToState } from './fact-phrase.js';
import type { AcceptedRisk, ReviewConfig, RuleSetting } from '../../dsl/types.js';
import type { Model } from '../model/types.js';
import { ModelQuery } from '../model/query.js';
import type { IssueRuleId, NormalizeIssue } from '../normalize/reader.js';
import { reportMessage, type Rule, type RuleReport, type UnverifiedReport } from './rule.js';
import { compareFindings, type FileResult, type Finding, type UnverifiedCheck } from './finding.js';
import { loadRules } from './registry.js';
import { groupFindings } from './groups.js';
import { today } from '../shared/date.js';
import { rulePageUri } from './rule-page.js';

/** Something that turns a DSL path into a position (the PositionMap, or a stub in tests). */
export interface Locator {
  /**
   * `file` is set when the position lies in another file than the architecture (a helper module); `calledFrom` is then
   * the architecture file's call that led into that module, when there is one.
   */
  locate(path: string): { line: number; column: number; file?: string; calledFrom?: { line: number; column: number } };
}

export interface ValidateOptions {
  /** Display path of the architecture file. */
  file: string;
  /** Settings from aksnet.config.ts; the architecture's own `review` section wins per key. */
  config?: ReviewConfig;
  /** Overrides every other as-of date (the `--as-of` flag). */
  asOf?: string;
  /** Rules to run (default: the whole catalogue). */
  rules?: Rule[];
  locator?: Locator;
}

/** Merges file config with the architecture's review section (architecture wins). */
export function mergeReview(config: ReviewConfig | undefined, own: ReviewConfig): ReviewConfig {
  return {
    rules: { ...(config?.rules ?? {}), ...(own.rules ?? {}) },
    asOf: own.asOf ?? config?.asOf,
    // The architecture's own acceptances come first, so they win over the config file's for the
    // same rule and element (the first match applies).
    acceptedRisks: [...(own.acceptedRisks ?? []), ...(config?.acceptedRisks ?? [])],
  };
}

export async function validateModel(model: Model, issues: readonly NormalizeIssue[], opts: ValidateOptions): Promise<FileResult> {
  const rules = opts.rules ?? (await loadRules());
  const review = mergeReview(opts.config, model.review);
  const asOf = opts.asOf ?? review.asOf ?? today();
  const settings: Record<string, RuleSetting> = review.rules ?? {};
  const q = new ModelQuery(model);
  const findings: Finding[] = [];
  const unverified: UnverifiedCheck[] = [];
  const unknownByPath = new Map(model.unknown.map((u) => [u.path, u]));
  const invalid = invalidFields(issues);
  // An ingress path is no element of its own: its invalid fields are kept under its id, and a verdict located on it
  // (a hop, its target) or naming it in dependsOn rests on them (ingressPathHolds).
  const paths = ingressPathHolds(model, issues, invalid);
  /** The DSL path of an element a verdict rests on: a resource, or an ingress path (whose `reads` are inside it). */
  const sourceOf = (id: string) => q.get(id)?.source.path ?? paths.element(id)?.source.path;
  // Elements that do not resolve (a subnet in no VNet) get their structure issue and nothing else: a rule's verdict
  // on them would judge a guessed place in the model ("in VNet ?").
  const unresolved = new Set(issues.filter((i) => i.unresolved && i.element).map((i) => i.element!));
  const usedAcceptances = new Set<AcceptedRisk>();
  const rulesRun: string[] = [];
  for (const rule of rules) {
    const setting = settings[rule.meta.id];
    if (setting === 'off') continue;
    rulesRun.push(rule.meta.id);
    const reports: RuleReport[] = [];
    const open: UnverifiedReport[] = [];
    rule.check({
      model,
      q,
      asOf,
      issues,
      report: (r) => reports.push(r),
      unverified: (u) => open.push(u),
    });
    for (const u of open) {
      if (unresolved.has(u.element)) continue;
      const el = q.get(u.element);
      const held = heldField(invalid, sourceOf, u.element, u.reads, [...(u.dependsOn ?? []), ...paths.at(u.path)]);
      if (held) {
        unverified.push(heldCheck(rule, held.element, q.get(held.element) ?? paths.element(held.element), held.path, opts.file));
        continue;
      }
      const path = u.path ?? el?.source.path ?? '';
      const factPath = path ? `${path}.${u.property}` : u.property;
      const known = unknownByPath.get(factPath);
      const fact = u.fact ?? known?.fact ?? u.property;
      // Say so when the meaning of leaving the field out changed, so an upgrade does not go unnoticed.
      const formerly = known?.formerly ? `; aksnet used to read it as ${known.formerly}` : '';
      unverified.push({
        kind: 'unverified',
        severity: 'info',
        ruleId: rule.meta.id,
        title: rule.meta.title,
        message: `could not check that ${u.check}: state ${factToState(fact)} (${u.property})${formerly}`,
        fact,
        factPath,
        check: u.check,
        path,
        // Located below, once per distinct check.
        file: opts.file,
        line: 1,
        column: 1,
        element: u.element,
        elementName: u.name ?? el?.name ?? u.element,
        helpUri: rule.meta.references[0]?.url ?? '',
      });
    }
    for (const r of reports) {
      if (!ISSUE_RULES.has(rule.meta.id) && [r.element, ...(r.dependsOn ?? []).map(dependencyId)].some((id) => id !== undefined && unresolved.has(id))) continue;
      const el = r.element ? q.get(r.element) : undefined;
      // A field the design states wrongly (a typo in an enum, a string for a number) reached the model as a stand-in
      // value (the first allowed one, or the default). A rule's verdict on that element would judge the stand-in, not
      // the design, so it becomes a check that could not run until the field is fixed.
      // Only a path the report gives: an element declared inside a hop (`via: frontDoor({...})`) is its own.
      const dependsOn = [...(r.dependsOn ?? []), ...paths.at(r.path)];
      const held = !ISSUE_RULES.has(rule.meta.id) ? heldField(invalid, sourceOf, r.element, r.reads, dependsOn) : undefined;
      if (held) {
        unverified.push(heldCheck(rule, held.element, q.get(held.element) ?? paths.element(held.element), held.path, opts.file));
        continue;
      }
      const base = r.path ?? el?.source.path ?? '';
      const path = r.property ? (base ? `${base}.${r.property}` : r.property) : base;
      const found = opts.locator?.locate(path) ?? { line: 1, column: 1 };
      const pos = r.atCallSite ? atCallSite(found, opts.file) : { ...found, note: '' };
      const m = rule.meta;
      const finding: Finding = {
        ruleId: m.id,
        title: m.title,
        severity: setting ?? r.severity ?? m.severity,
        message: reportMessage(m, r) + pos.note,
        path,
        file: pos.file ?? opts.file,
        line: pos.line,
        column: pos.column,
        kind: m.kind,
        pillars: m.pillars,
        waf: m.waf,
        fix: m.fix,
        helpUri: m.references[0]?.url ?? '',
        references: m.references,
        status: 'open',
      };
      if (r.element) {
        finding.element = r.element;
        finding.elementName = el?.name ?? r.element;
      }
      if (r.messageId !== undefined) finding.messageId = r.messageId;
      if (r.evidence) finding.evidence = r.evidence;
      const applied = applyAcceptance(finding, review.acceptedRisks ?? [], asOf);
      if (applied) usedAcceptances.add(applied);
      findings.push(finding);
    }
  }
  const checks = uniqueUnverified(unverified);
  findings.push(...unusedAcceptances(model, usedAcceptances, rulesRun, checks, q, opts));
  findings.sort(compareFindings);
  const locator = opts.locator;
  // An unverified check points where its fact is to be stated: the missing property's parent in the element's own
  // declaration (an Application Gateway's `waf: {...}`), not a reference to the element (an ingress hop's `via`).
  // Positions are remembered per source file (position-cache.ts), so only a changed file is parsed again.
  if (locator) {
    for (const u of checks) {
      const pos = locator.locate(u.factPath);
      u.file = pos.file ?? opts.file;
      u.line = pos.line;
      u.column = pos.column;
    }
  }
  return {
    file: opts.file,
    title: model.metadata.title,
    // One root cause on one ingress path reads as one problem; every finding stays and still counts.
    findings: groupFindings(dedupe(findings), model),
    unverified: sortUnverified(checks),
    rulesRun,
    asOf,
  };
}

/**
 * A position in a helper module moved to the design's call into it, with both named in a note for the message: what
 * the finding is about (a name) came from that call's arguments, and every part the helper made shares its line.
 */
function atCallSite(
  pos: ReturnType<Locator['locate']>,
  design: string,
): { line: number; column: number; file?: string; note: string } {
  const call = pos.calledFrom;
  if (!call || pos.file === undefined) return { ...pos, note: '' };
  return { line: call.line, column: call.column, note: ` (made at ${pos.file}:${pos.line}:${pos.column}, called from ${design}:${call.line}:${call.column})` };
}

/** Applies the first acceptance that matches the finding; returns it (undefined when none does). */
function applyAcceptance(f: Finding, risks: readonly AcceptedRisk[], asOf: string): AcceptedRisk | undefined {
  // An acceptance naming the element wins over one for every element of the rule.
  const forRule = risks.filter((r) => r.rule === f.ruleId);
  const match =
    forRule.find((r) => r.element !== undefined && (r.element === f.element || r.element === f.elementName)) ??
    forRule.find((r) => r.element === undefined);
  if (!match) return undefined;
  f.acceptance = { justification: match.justification, owner: match.owner, expires: match.expires };
  f.status = match.expires >= asOf ? 'suppressed' : 'expired';
  return match;
}

/** Rule id of the finding for an accepted risk that matches no finding; not in the catalogue, never accepted itself. */
export const UNUSED_ACCEPTANCE_RULE = 'aksnet/unused-acceptance';

/**
 * The design's own accepted risks that match no finding, as info findings at the acceptance (ESLint's unused
 * disable directives): the risk is gone or the element is misnamed, or the check could not run, so nothing is
 * accepted yet; a review board reading "1 accepted risk" would otherwise not know the second one applied to nothing.
 * A config file's acceptances are shared by many designs and are not reported: most match nothing in a given one.
 */
function unusedAcceptances(
  model: Model,
  used: ReadonlySet<AcceptedRisk>,
  rulesRun: readonly string[],
  checks: readonly UnverifiedCheck[],
  q: ModelQuery,
  opts: ValidateOptions,
): Finding[] {
  const own = model.review.acceptedRisks ?? [];
  const ran = new Set(rulesRun);
  const out: Finding[] = [];
  own.forEach((a, i) => {
    // mergeReview passes the design's own acceptances on as the same objects.
    if (used.has(a) || !ran.has(a.rule)) return;
    const on = a.element === undefined ? '' : ` on ${a.element}`;
    const open = checks.find((u) => u.ruleId === a.rule && (a.element === undefined || u.elementName === a.element || u.element === a.element));
    const why = open
      ? `the check could not run (state ${factToState(open.fact)} of ${open.elementName}), so there is nothing to accept yet`
      : a.element !== undefined && !q.get(a.element) && !q.model.resources.some((r) => r.name === a.element)
        ? `the design has no element named ${a.element}`
        : 'the design no longer has this risk; remove the acceptance';
    const path = `review.acceptedRisks[${i}]`;
    const pos = opts.locator?.locate(path) ?? { line: 1, column: 1 };
    out.push({
      ruleId: UNUSED_ACCEPTANCE_RULE,
      title: 'An accepted risk matches no finding',
      severity: 'info',
      message: `accepted risk for ${a.rule}${on} matches no finding: ${why}`,
      path,
      file: pos.file ?? opts.file,
      line: pos.line,
      column: pos.column,
      kind: 'structure',
      pillars: ['operational-excellence'],
      waf: ['OE:05'],
      fix: 'Remove the acceptance when the risk is gone, correct its rule or element, or state the fact the check needs.',
      // aksnet's own check: its hand-written page beside the rule pages (docs/rules/aksnet/), linked as they are.
      helpUri: rulePageUri(UNUSED_ACCEPTANCE_RULE),
      references: [],
      status: 'open',
    });
  });
  return out;
}

function dedupe(list: Finding[]): Finding[] {
  const seen = new Set<string>();
  return list.filter((f) => {
    const key = `${f.ruleId}|${f.path}|${f.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** One entry per rule and missing fact (the first reported). */
/** Rules that report the normalizer's own issues: never held back, they are the problem itself. */
const ISSUE_RULES: ReadonlySet<string> = new Set<IssueRuleId>([
  'structure/schema',
  'structure/unknown-reference',
  'structure/duplicate-name',
  'structure/invalid-name',
  'structure/shared-part',
]);

/** Per element, the DSL paths (in path order) of the fields that the design states with a value of the wrong shape. */
function invalidFields(issues: readonly NormalizeIssue[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  // Only values the model replaced: an issue about a stated value the model keeps (a pool version "latest", a
  // cluster without a system pool) leaves the rules that judge that value to say so.
  const schema = issues.filter((i) => i.standIn && i.element).sort((a, b) => cmpStr(a.path, b.path));
  for (const i of schema) {
    const list = out.get(i.element!);
    if (!list) out.set(i.element!, [i.path]);
    else if (!list.includes(i.path)) list.push(i.path);
  }
  return out;
}

/** Whether an invalid field at `path` is, contains or lies inside one of the fields `reads` names inside `own`. */
function readsField(own: string | undefined, path: string, reads: readonly string[]): boolean {
  // A field the element's own path does not lead to cannot be placed among the reads: hold on it.
  if (!own || !path.startsWith(`${own}.`)) return true;
  const rel = path.slice(own.length + 1);
  const within = (inner: string, outer: string) => inner === outer || inner.startsWith(`${outer}.`) || inner.startsWith(`${outer}[`);
  return reads.some((r) => within(rel, r) || within(r, rel));
}

/**
 * The first invalid field a verdict rests on: among the element's own fields, those it reads (all of them when the
 * report does not say), then any of the other elements it depends on.
 */
function heldField(
  invalid: ReadonlyMap<string, string[]>,
  sourceOf: (id: string) => string | undefined,
  element: string | undefined,
  reads: readonly string[] | undefined,
  dependsOn: RuleReport['dependsOn'],
): { element: string; path: string } | undefined {
  const first = (id: string, reads: readonly string[] | undefined) => {
    const list = invalid.get(id);
    return reads ? list?.find((p) => readsField(sourceOf(id), p, reads)) : list?.[0];
  };
  const ownPath = element === undefined ? undefined : first(element, reads);
  if (element !== undefined && ownPath) return { element, path: ownPath };
  for (const d of dependsOn ?? []) {
    const id = dependencyId(d);
    const p = first(id, typeof d === 'string' ? undefined : d.reads);
    if (p) return { element: id, path: p };
  }
  return undefined;
}

/** A path's and a hop's free text: shown in reports, read by no verdict. */
const TEXT_ONLY = /\.(?:note|description)$/;

/** Issues inside an ingress path that leave the model's path other than the design's (see ingressPathHolds). */
const PATH_ISSUE_RULES: ReadonlySet<string> = new Set<IssueRuleId>(['structure/schema', 'structure/unknown-reference']);

/**
 * The invalid fields of each ingress path, added to `invalid` under the path's id, and the paths a verdict rests on.
 * A path's fields are read by the normalizer without an element (a path is not a resource), so its stand-ins (a hop's
 * `tls` stated wrongly reads as the first allowed mode), the hops it dropped (a `via` that is no part) and its missing
 * ports would otherwise be judged as if the design said so. Issues with an element are a resource's own (a Front Door
 * declared inline in a hop) and hold that resource's verdicts instead.
 */
function ingressPathHolds(model: Model, issues: readonly NormalizeIssue[], invalid: Map<string, string[]>) {
  const own = (path: string, at: string) => at === path || at.startsWith(`${path}.`) || at.startsWith(`${path}[`);
  const byId = new Map(model.ingressPaths.map((p) => [p.id, p]));
  for (const p of model.ingressPaths) {
    const list = issues
      .filter((i) => i.element === undefined && (i.standIn || PATH_ISSUE_RULES.has(i.ruleId)) && own(p.source.path, i.path) && !TEXT_ONLY.test(i.path))
      .map((i) => i.path)
      .sort(cmpStr);
    if (list.length) invalid.set(p.id, [...new Set(list)]);
  }
  return {
    /** The ingress paths whose DSL path holds `at` (a hop, the target): a verdict located there reads the path. */
    at: (at: string | undefined): string[] =>
      at === undefined ? [] : model.ingressPaths.filter((p) => own(p.source.path, at)).map((p) => p.id),
    /** A path as heldCheck names it. */
    element: (id: string) => {
      const p = byId.get(id);
      return p ? { name: `ingress path ${p.name}`, source: { path: p.source.path } } : undefined;
    },
  };
}

function dependencyId(d: NonNullable<RuleReport['dependsOn']>[number]): string {
  return typeof d === 'string' ? d : d.element;
}

/**
 * A rule's finding or unverified check on an element with an invalid field: the element reached the model with a
 * stand-in value there (the first allowed one, or the default), so the check could not run on what the design says.
 */
function heldCheck(rule: Rule, element: string, el: { name: string; source: { path: string } } | undefined, path: string, file: string): UnverifiedCheck {
  const name = el?.name ?? element;
  const own = el?.source.path;
  // The field as written inside the element (`apiServer.mode`), else its last property (`cni`).
  const field = own && path.startsWith(`${own}.`) ? path.slice(own.length + 1) : (/([A-Za-z_$][\w$]*)(?:\[\d+\])*$/.exec(path)?.[1] ?? path);
  return {
    kind: 'unverified',
    severity: 'info',
    ruleId: rule.meta.id,
    title: rule.meta.title,
    message: `could not check "${rule.meta.title}" for ${name}: ${field} is invalid (see the structure/schema error); state a valid value`,
    fact: `a valid ${field}`,
    factPath: path,
    check: `"${rule.meta.title}" holds for ${name}`,
    path: own ?? path,
    // Located with the other checks, at the invalid field.
    file,
    line: 1,
    column: 1,
    element,
    elementName: name,
    helpUri: rule.meta.references[0]?.url ?? '',
  };
}

function uniqueUnverified(list: UnverifiedCheck[]): UnverifiedCheck[] {
  const seen = new Set<string>();
  return list.filter((u) => {
    const key = `${u.ruleId}|${u.factPath}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** In file order. */
function sortUnverified(list: UnverifiedCheck[]): UnverifiedCheck[] {
  return list.sort((a, b) => cmpStr(a.file, b.file) || a.line - b.line || a.column - b.column || cmpStr(a.ruleId, b.ruleId) || cmpStr(a.factPath, b.factPath));
}

function cmpStr(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

