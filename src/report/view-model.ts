/**
 * Builds the typed report view-model from validated architectures. All computation lives here
 * (scores, groupings, narratives, IP plan); templates only print fields.
 */
import type { Pillar, Severity } from '../../dsl/types.js';
import { ModelQuery } from '../model/query.js';
import type { Model } from '../model/types.js';
import { spokeOwners, type CollapsedGroup } from '../diagram/collapse.js';
import type { FullSize, PackDiagramPart } from '../diagram/pack-views.js';
import { isActive, type FileResult, type Finding } from '../validate/finding.js';
import type { RuleMeta } from '../validate/rule.js';
import { GLOSSARY } from './glossary.js';
import { counted, noun } from './plural.js';
import { buildIpPlan } from './ip-plan.js';
import { mergeAlikeFacts, mergeAlikeRanges, type ElementFact } from './alike-rows.js';
import { inventoryFacts } from './inventory.js';
import { controlPlaneNarrative, egressNarrative, ingressNarrative, protocolLabel } from './narrative.js';
import { BAND_LABEL, PILLARS, SCORING, SEVERITIES, SEVERITY_LABEL, band, combineScores, overall, ruleOutcomes, scorePillars, severityCounts, type RuleOutcome } from './scoring.js';
import type {
  AcceptedRiskView,
  ArchitectureView,
  CoverageRow,
  DecisionView,
  CollapsedSpokeRow,
  DiagramView,
  FindingView,
  KeyValue,
  NarrativeView,
  PillarFindings,
  RuleCatalogueRow,
  ReportViewModel,
  TopItem,
} from './types.js';

/** A diagram as the diagram module renders it. */
export interface RenderedDiagramLike {
  view: string;
  title: string;
  svg: string;
  width: number;
  height: number;
  /** The view is drawn collapsed: repeated spokes once each (diagram/collapse.ts). */
  collapsed?: { groups: CollapsedGroup[]; spokes: number };
  /** The whole view when the drawn one is collapsed (no svg: too large to lay out in a pack run). */
  full?: FullSize;
  /** The view split for print (diagram/split.ts): one picture per region, spoke or cluster run. */
  parts?: PackDiagramPart[];
  /** The drawing print uses instead of `svg` (a dense one needing fewer pages: diagram/pack-views.ts). */
  printed?: { svg: string; width: number; height: number };
}

/** One architecture to report on. */
export interface ReportInput {
  model: Model;
  /** Display path. */
  file: string;
  result: FileResult;
  /** sha256 of the input file (hex). */
  sha256?: string;
  diagrams?: RenderedDiagramLike[];
  /** Why there are no diagrams (e.g. the layout could not draw the design). */
  diagramNote?: string;
}

export interface BuildOptions {
  /** Pack title (default: the single architecture's title, or a generic one). */
  title?: string;
  /** Review date (ISO); default: the as-of date of the first architecture. */
  date?: string;
  /** aksnet version. */
  version: string;
  /** Browser product/version, when a PDF is produced. */
  browser?: string;
  /** Rule catalogue metadata (for the appendix and coverage). */
  rules: readonly RuleMeta[];
}

const STATUS_LABEL: Record<string, string> = {
  draft: 'Draft',
  'in-review': 'In review',
  approved: 'Approved',
  proposed: 'Proposed',
  accepted: 'Accepted',
  superseded: 'Superseded',
  rejected: 'Rejected',
  open: 'Open',
  suppressed: 'Accepted risk',
  expired: 'Acceptance expired',
};

const CNI_LABEL: Record<string, string> = {
  kubenet: 'kubenet',
  'azure-overlay': 'Azure CNI Overlay',
  'azure-nodesubnet': 'Azure CNI (node subnet)',
  'azure-podsubnet-dynamic': 'Azure CNI (pod subnet, dynamic)',
  'azure-podsubnet-static': 'Azure CNI (pod subnet, static blocks)',
  byo: 'bring your own CNI',
};

const PILLAR_BY_ID = new Map(PILLARS.map((p) => [p.id, p]));

/** The longest slug: file names of the diagrams beside a pack stay readable and well within path limits. */
const SLUG_MAX = 48;

/**
 * A file-name and anchor slug. A long title is cut at the last word boundary (hyphen) within `SLUG_MAX`, so a name never
 * ends mid-word ("…-production-netwo"); only a single word longer than the limit is cut inside it.
 */
export function slugify(s: string): string {
  const full = s
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (full.length <= SLUG_MAX) return full || 'architecture';
  // A hyphen right after the limit means the limit falls on a word's end: keep that word.
  const cut = full.slice(0, SLUG_MAX + 1).lastIndexOf('-');
  return cut > 0 ? full.slice(0, cut) : full.slice(0, SLUG_MAX);
}

function isHttpUrl(u: string): boolean {
  return /^https?:\/\/[^\s"'<>]+$/i.test(u);
}

/**
 * A readable element label for a finding that names no element, from its DSL path:
 * `ingress[0].hops[3].tls` → "nginx-internal (ingress path storefront, hop 4)".
 */
export function elementLabel(f: Finding, model?: Model): string {
  if (f.elementName) return f.elementName;
  if (f.element) return f.element;
  if (!model) return f.path;
  const m = /^ingress\[(\d+)\](?:\.hops\[(\d+)\])?/.exec(f.path);
  if (m) {
    const p = model.ingressPaths.find((x) => x.source.path === `ingress[${m[1]}]`) ?? model.ingressPaths[Number(m[1])];
    if (p) {
      if (m[2] === undefined) return `ingress path ${p.name}`;
      const hop = p.hops[Number(m[2])];
      const name = hop ? (model.resources.find((r) => r.id === hop.resource)?.name ?? hop.resource) : `hop ${Number(m[2]) + 1}`;
      return `${name} (ingress path ${p.name}, hop ${Number(m[2]) + 1})`;
    }
  }
  // The longest source path that prefixes the finding's path names the element.
  let best: { name: string; len: number } | undefined;
  for (const r of model.resources) {
    const sp = r.source.path;
    if (sp && (f.path === sp || f.path.startsWith(sp + '.') || f.path.startsWith(sp + '[')) && sp.length > (best?.len ?? -1)) best = { name: r.name, len: sp.length };
  }
  return best?.name ?? f.path;
}

function primaryPillar(f: Finding): Pillar {
  return f.pillars[0] ?? 'operational-excellence';
}

function findingView(f: Finding, model?: Model): FindingView {
  const pillar = primaryPillar(f);
  const view: FindingView = {
    ruleId: f.ruleId,
    title: f.title,
    severity: f.severity,
    severityLabel: SEVERITY_LABEL[f.severity],
    status: f.status,
    statusLabel: STATUS_LABEL[f.status] ?? f.status,
    pillar,
    pillarName: PILLAR_BY_ID.get(pillar)?.name ?? pillar,
    pillars: f.pillars.map((p) => PILLAR_BY_ID.get(p)?.name ?? p).join(', '),
    waf: f.waf.join(', '),
    element: elementLabel(f, model),
    message: f.message,
    evidence: Object.entries(f.evidence ?? {}).map(([label, value]) => ({ label, value: String(value) })),
    fix: f.fix,
    helpUri: f.helpUri,
    helpIsLink: isHttpUrl(f.helpUri),
    file: f.file,
    line: f.line,
    column: f.column,
    location: `${f.file.split(/[\\/]/).pop() ?? f.file}:${f.line}`,
    path: f.path,
  };
  if (f.acceptance) view.acceptance = { ...f.acceptance };
  return view;
}

const SEV_RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

function orderFindings(list: readonly Finding[]): Finding[] {
  const pIndex = (p: Pillar) => PILLARS.findIndex((x) => x.id === p);
  return [...list].sort(
    (a, b) =>
      pIndex(primaryPillar(a)) - pIndex(primaryPillar(b)) ||
      SEV_RANK[a.severity] - SEV_RANK[b.severity] ||
      (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0) ||
      a.line - b.line ||
      a.column - b.column ||
      (a.message < b.message ? -1 : a.message > b.message ? 1 : 0),
  );
}

/**
 * Reads text about a spoke drawn once as text about the spoke drawn for it: its names and addresses (and any
 * extra pairs) swapped for the drawn spoke's, also where a sentence capitalises them.
 */
function asDrawnSpoke(pairs: ReadonlyArray<readonly [string, string]>): (text: string) => string {
  const back = new Map<string, string>();
  const cap = (x: string) => x.charAt(0).toUpperCase() + x.slice(1);
  for (const [drawn, own] of pairs) if (own !== drawn && !back.has(own)) back.set(own, drawn);
  for (const [o, d] of [...back]) if (!back.has(cap(o))) back.set(cap(o), cap(d));
  if (back.size === 0) return (text) => text;
  const keys = [...back.keys()]
    .sort((a, b) => b.length - a.length)
    .map((x) => x.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const re = new RegExp(`(?<![A-Za-z0-9_.-])(?:${keys.join('|')})(?![A-Za-z0-9_-])`, 'g');
  return (text) => text.replace(re, (x) => back.get(x) ?? x);
}

interface DrawnOnce {
  rep: string;
  pairs: Array<[string, string]>;
  /** asDrawnSpoke(pairs), made once: compiling it per finding costs more than the findings. */
  read?: (text: string) => string;
}

/** Spokes drawn only through another spoke, by spoke VNet id: the drawn spoke and the name/address pairs. */
function drawnOnce(input: ReportInput | undefined): Map<string, DrawnOnce> {
  const cached = input ? drawnOnceCache.get(input) : undefined;
  if (cached) return cached;
  const out = new Map<string, DrawnOnce>();
  for (const d of input?.diagrams ?? []) {
    for (const g of d.collapsed?.groups ?? []) {
      for (const m of g.members) {
        // Each view pairs the names it draws; a finding may name a part only another view draws.
        const seen = out.get(m.id);
        if (!seen) out.set(m.id, { rep: g.representative.id, pairs: [...m.pairs] });
        else if (seen.rep === g.representative.id) seen.pairs.push(...m.pairs);
      }
    }
  }
  if (input) drawnOnceCache.set(input, out);
  return out;
}
const drawnOnceCache = new WeakMap<ReportInput, Map<string, DrawnOnce>>();

/**
 * Findings of one severity for the table: a finding on a spoke drawn once that, read with the drawn spoke's
 * names, is the drawn spoke's finding (same rule, status, message and evidence) is listed on that finding's
 * row (its element and location), not as a row of its own. Nothing is dropped: counts use every finding.
 */
function tableFindings(
  list: readonly Finding[],
  model: Model,
  input: ReportInput | undefined,
  q: ModelQuery,
): FindingView[] {
  const once = drawnOnce(input);
  const views = list.map((f) => findingView(f, model));
  if (once.size === 0) return views;
  const owners = spokeOwners(model);
  const key = (f: Finding, message: string, evidence: string) =>
    JSON.stringify([f.ruleId, f.status, message, evidence]);
  const rows = new Map<string, number>();
  list.forEach((f, i) => {
    const spoke = f.element ? owners.get(f.element) : undefined;
    if (!spoke || once.has(spoke)) return;
    rows.set(JSON.stringify([spoke, key(f, f.message, JSON.stringify(f.evidence ?? {}))]), i);
  });
  const merged = new Set<number>();
  const also = new Map<number, Array<{ element: string; location: string }>>();
  list.forEach((f, i) => {
    const spoke = f.element ? owners.get(f.element) : undefined;
    const m = spoke ? once.get(spoke) : undefined;
    if (!m || f.acceptance) return;
    const read = (m.read ??= asDrawnSpoke(m.pairs));
    const at = rows.get(JSON.stringify([m.rep, key(f, read(f.message), read(JSON.stringify(f.evidence ?? {})))]));
    if (at === undefined) return;
    merged.add(i);
    // An element named like the drawn one's (every spoke's snet-nodes) is told apart by its spoke.
    const where = views[i]!.element === views[at]!.element ? `${q.name(spoke)} ` : '';
    also.set(at, [...(also.get(at) ?? []), { element: `${where}${views[i]!.element}`, location: views[i]!.location }]);
  });
  return views.flatMap((v, i) => {
    if (merged.has(i)) return [];
    const more = also.get(i);
    if (!more) return [v];
    // Elements at one source location (a spoke made in a loop) share it: "aks-2, aks-3 (design.ts:40)".
    const byLocation = new Map<string, string[]>();
    for (const x of more) byLocation.set(x.location, [...(byLocation.get(x.location) ?? []), x.element]);
    const list = [...byLocation].map(([loc, els]) => `${els.join(', ')} (${loc})`).join('; ');
    const spokes = `${more.length} more ${noun(more.length, 'spoke')}`;
    const alsoOn = `The same finding, in their own names, on ${spokes} drawn as this one: ${list}.`;
    return [{ ...v, alsoOn }];
  });
}

function groupByPillar(list: readonly Finding[], model: Model, input?: ReportInput): PillarFindings[] {
  const out: PillarFindings[] = [];
  const q = new ModelQuery(model);
  for (const p of PILLARS) {
    // A finding is listed once, under its first pillar, but counts in every pillar it serves (as the scores count
    // it): the heading's number is the pillar's, and the others it counts are named with where they are listed.
    const counted = list.filter((f) => isActive(f) && f.pillars.includes(p.id));
    const mine = list.filter((f) => primaryPillar(f) === p.id && isActive(f));
    if (!mine.length && !counted.length) continue;
    const groups = SEVERITIES.map((s) => ({
      severity: s,
      severityLabel: SEVERITY_LABEL[s],
      findings: tableFindings(mine.filter((f) => f.severity === s), model, input, q),
    })).filter((g) => g.findings.length > 0);
    const others = counted.filter((f) => primaryPillar(f) !== p.id);
    const elsewhere = PILLARS.filter((o) => others.some((f) => primaryPillar(f) === o.id)).map((o) => {
      const rules = [...new Set(others.filter((f) => primaryPillar(f) === o.id).map((f) => f.ruleId))];
      const n = others.filter((f) => primaryPillar(f) === o.id).length;
      return `${n} listed under ${o.name} (${o.code}): ${rules.join(', ')}`;
    });
    out.push({
      pillar: p.id, name: p.name, code: p.code, count: mine.length + others.length, listed: mine.length, groups,
      ...(elsewhere.length ? { elsewhere: `Also counted here: ${elsewhere.join('; ')}.` } : {}),
    });
  }
  return out;
}

/**
 * Rule counts per pillar and overall. The buckets add up to the rules run and follow `ruleOutcomes`: a rule with a check
 * that could not run on some element (and no open finding) counts as "could not run" even when it passed elsewhere in the
 * design — passed means the rule held everywhere it applies.
 */
function coverage(
  rulesRun: readonly string[],
  findings: readonly Finding[],
  pillarsOf: ReadonlyMap<string, readonly Pillar[]>,
  unverifiedRules: ReadonlySet<string>,
): { rows: CoverageRow[]; total: CoverageRow } {
  const outcome = ruleOutcomes(rulesRun, findings, unverifiedRules);
  type Counted = 'run' | 'passed' | 'failed' | 'suppressed' | 'unverified' | 'passRate';
  const row = (run: readonly string[], base: Omit<CoverageRow, Counted>): CoverageRow => {
    const n = (o: RuleOutcome) => run.filter((r) => outcome.get(r) === o).length;
    const passed = n('passed');
    return {
      ...base,
      run: run.length,
      passed,
      failed: n('failed'),
      suppressed: n('suppressed'),
      unverified: n('unverified'),
      passRate: run.length ? Math.round((passed / run.length) * 100) : 0,
    };
  };
  const rows = PILLARS.map((p) =>
    row(
      rulesRun.filter((r) => pillarsOf.get(r)?.includes(p.id)),
      { pillar: p.id, name: p.name, code: p.code },
    ),
  );
  const total = row(rulesRun, { pillar: 'reliability', name: 'All rules', code: '' });
  return { rows, total };
}

function topItems(entries: Array<{ f: Finding; arch: string; anchor: string; model: Model }>, kind: 'risk' | 'fix', limit: number): TopItem[] {
  const byRule = new Map<string, { list: Array<{ f: Finding; arch: string; anchor: string; model: Model }> }>();
  for (const e of entries) {
    if (!isActive(e.f)) continue;
    const key = e.f.ruleId;
    const g = byRule.get(key) ?? { list: [] };
    g.list.push(e);
    byRule.set(key, g);
  }
  const items = [...byRule.entries()].map(([ruleId, g]) => {
    const f0 = g.list[0]!.f;
    const worst = g.list.reduce<Severity>((s, e) => (SEV_RANK[e.f.severity] < SEV_RANK[s] ? e.f.severity : s), 'info');
    const elements = [...new Set(g.list.map((e) => elementLabel(e.f, e.model)))];
    const archs = [...new Set(g.list.map((e) => e.arch))];
    return {
      ruleId,
      title: f0.title,
      severity: worst,
      severityLabel: SEVERITY_LABEL[worst],
      pillars: f0.pillars.map((p) => PILLAR_BY_ID.get(p)?.name ?? p).join(', '),
      waf: f0.waf.join(', '),
      elements: elements.slice(0, 4).join(', ') + (elements.length > 4 ? ` and ${elements.length - 4} more` : ''),
      occurrences: g.list.length,
      impact: SCORING.weights[worst] * g.list.length,
      // A risk reads as what is wrong: the finding itself, or for several the rule's title (which names the state a
      // design should be in: "Node subnet NSGs admit inbound traffic only from the ingress tier") said to be unmet.
      text: kind === 'risk' ? (g.list.length === 1 ? f0.message : `Not met in ${g.list.length} places: ${f0.title}`) : f0.fix,
      architecture: archs.join(', '),
      anchor: g.list[0]!.anchor,
    };
  });
  items.sort((a, b) => b.impact - a.impact || SEV_RANK[a.severity] - SEV_RANK[b.severity] || (a.ruleId < b.ruleId ? -1 : 1));
  return items.slice(0, limit).map((x, i) => ({ rank: i + 1, ...x }));
}

function decisions(model: Model): DecisionView[] {
  return model.decisions.map((d, i) => ({
    id: d.id || `D-${i + 1}`,
    title: d.title,
    status: d.status,
    statusLabel: STATUS_LABEL[d.status] ?? d.status,
    context: d.context,
    options: d.options,
    decision: d.decision,
    consequences: d.consequences,
  }));
}

function facts(model: Model, q: ModelQuery, file: string): KeyValue[] {
  const m = model.metadata;
  const out: ElementFact[] = [];
  const add = (label: string, value: string | undefined, about?: string) => {
    if (value) out.push({ label, value, ...(about ? { about } : {}) });
  };
  add('Workload', m.workload);
  add('Environment', m.environment);
  add('Owner', m.owner);
  add('Version', m.version);
  add('Design date', m.date);
  add('Status', STATUS_LABEL[m.status] ?? m.status);
  add('Source file', file);
  const vnets = q.all('vnet');
  add('Virtual networks', vnets.map((v) => `${v.name} (${v.role}, ${v.region})`).join('; '));
  // The outbound type is a claim; say so when the effective routes send egress elsewhere.
  const routedPast = (id: string): string => {
    const e = q.egressPathOf(id);
    if (!e || e.outboundType === 'userDefinedRouting' || (e.via !== 'appliance' && e.via !== 'gateway')) return '';
    return ` (routes send egress through ${e.nextHop ? q.name(e.nextHop) : e.via === 'gateway' ? 'the VNet gateway' : 'an appliance'})`;
  };
  for (const c of q.all('cluster')) {
    const pools = q.pools(c.id);
    add(
      `Cluster ${c.name}`,
      `${c.tier} tier${c.kubernetesVersion ? `, Kubernetes ${c.kubernetesVersion}` : ''}, ${CNI_LABEL[c.network.cni] ?? c.network.cni}` +
        `, ${c.network.dataplane} dataplane, network policy ${c.network.networkPolicy}${c.network.defaultDeny ? ' (default deny)' : ''}` +
        `, outbound ${c.outbound.type}${routedPast(c.id)}, API server ${c.apiServer.mode}` +
        (c.serviceMesh.kind !== 'none' ? `, ${c.serviceMesh.kind} mesh (mTLS ${c.serviceMesh.mtls ?? 'not stated'})` : ''),
      c.name,
    );
    add(
      `Node pools of ${c.name}`,
      pools
        .map((p) => `${p.name} (${p.mode}, ${p.vmSize}, ${p.autoscaling ? `${p.minCount ?? '?'}–${p.maxNodes}` : p.count} nodes, max ${p.maxPods} pods, ${p.zones === undefined ? 'zones not stated' : p.zones.length ? `zones ${p.zones.join('/')}` : 'no zones'})`)
        .join('; '),
      c.name,
    );
  }
  const paths = model.ingressPaths;
  if (paths.length) add('Ingress paths', paths.map((p) => `${p.name} (${p.internetFacing ? 'internet-facing' : 'private'}, ${counted(p.hops.length, 'hop')})`).join('; '));
  out.push(...inventoryFacts(q));
  return mergeAlikeFacts(out);
}

/**
 * Whether a diagram prints larger on a landscape page: compares the scale it gets in the portrait
 * content box (about 182 × 215 mm on A4) with the landscape one (about 269 × 150 mm).
 */
export function prefersLandscape(width: number, height: number): boolean {
  if (!(width > 0 && height > 0)) return false;
  const portrait = Math.min(182 / width, 215 / height);
  const landscape = Math.min(269 / width, 150 / height);
  return landscape > portrait * 1.15;
}

function diagramViews(input: ReportInput, slug: string): DiagramView[] {
  return (input.diagrams ?? []).map((d) => {
    const view: DiagramView = {
      view: d.view,
      title: d.title,
      svgHtml: d.svg,
      width: d.width,
      height: d.height,
      fileName: `${slug}-${slugify(d.view)}.svg`,
      wide: d.width >= d.height,
      landscape: prefersLandscape(d.width, d.height),
    };
    if (d.collapsed) {
      const listed = d.collapsed.groups.reduce((a, g) => a + g.members.length, 0);
      const like = d.collapsed.groups.map((g) => `${g.members.length} like ${g.representative.name}`).join(', ');
      view.collapsedNote =
        `${d.collapsed.spokes - listed} of ${d.collapsed.spokes} spokes drawn; ` +
        `${listed} of the same shape as a drawn one ` +
        `(${like}) are listed in the table "Spokes drawn once" after the diagrams.`;
    }
    if (d.printed) view.printSvg = { ...d.printed };
    if (d.parts?.length) {
      // A part's file is named for what it covers, so a region's picture keeps its name when another is added;
      // two titles that slug alike (never seen, but titles are names) get the part's number as well.
      const names = d.parts.map((p) => `${slug}-${slugify(d.view)}-${slugify(p.title)}`);
      view.parts = d.parts.map((p, i) => ({
        title: p.title,
        svgHtml: p.svg,
        width: p.width,
        height: p.height,
        fileName: `${names.indexOf(names[i]!) === i ? names[i] : `${names[i]}-${i + 1}`}.svg`,
      }));
    }
    if (d.full?.svg !== undefined) view.fullSvg = d.full.svg;
    else if (d.full) {
      view.fullSizeNote =
        `The whole picture (${d.full.nodes} boxes) is not laid out in a pack run; ` +
        `aksnet diagram <design> --view ${d.view} draws it.`;
    }
    return view;
  });
}

/**
 * Traffic flows of spokes the view draws only through another spoke: a flow is left out when its text, with
 * the spoke's names and addresses read as the drawn spoke's, is exactly the drawn spoke's flow; that flow then
 * names the flows it stands for. Any other difference keeps the flow in full.
 */
function collapseNarratives(
  list: NarrativeView[],
  of: Array<{ cluster: string | undefined; name: string }>,
  input: ReportInput,
  view: string,
): NarrativeView[] {
  const groups = input.diagrams?.find((d) => d.view === view)?.collapsed?.groups ?? [];
  if (groups.length === 0) return list;
  const owners = spokeOwners(input.model);
  const spokeOf = (i: number) => {
    const c = of[i]?.cluster;
    return c ? owners.get(c) : undefined;
  };
  const memberOf = new Map<string, { rep: string; pairs: Array<[string, string]> }>();
  for (const g of groups) for (const m of g.members) memberOf.set(m.id, { rep: g.representative.id, pairs: m.pairs });
  // The k-th flow of a spoke stands against the k-th flow of the drawn spoke.
  const nth = new Map<string, number[]>();
  list.forEach((_, i) => {
    const s = spokeOf(i);
    if (s) nth.set(s, [...(nth.get(s) ?? []), i]);
  });
  const body = (n: NarrativeView) => JSON.stringify([n.title, n.summary, n.steps, n.notes]);
  const covered = new Map<number, string[]>();
  const dropped = new Set<number>();
  list.forEach((n, i) => {
    const s = spokeOf(i);
    const m = s ? memberOf.get(s) : undefined;
    if (!s || !m) return;
    const k = nth.get(s)!.indexOf(i);
    const repIndex = nth.get(m.rep)?.[k];
    if (repIndex === undefined || (nth.get(m.rep)?.length ?? 0) !== nth.get(s)!.length) return;
    // The spoke's names and addresses, and the flow's own name (a path is not drawn, so it is no slot), as the drawn
    // one's; a name that opens a sentence is capitalised there ("Nginx-1 forwards …").
    const read = asDrawnSpoke([...m.pairs, [of[repIndex]!.name, of[i]!.name]]);
    if (read(body(n)) !== body(list[repIndex]!)) return;
    dropped.add(i);
    covered.set(repIndex, [...(covered.get(repIndex) ?? []), n.title]);
  });
  return list.flatMap((n, i) => {
    if (dropped.has(i)) return [];
    const also = covered.get(i)?.sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
    if (!also) return [n];
    const note =
      `The same flow, with their own names and addresses, runs in ${also.length} more ` +
      `${noun(also.length, 'spoke')} drawn as this one (see "Spokes drawn once"): ${also.join('; ')}.`;
    return [{ ...n, notes: [...n.notes, note] }];
  });
}

/**
 * One row per spoke that some diagram shows only through a drawn spoke of the same shape: the names and
 * addresses that tell it apart, gathered over every view that left it out.
 */
function collapsedSpokes(input: ReportInput): CollapsedSpokeRow[] {
  const rows = new Map<string, CollapsedSpokeRow & { differSet: Set<string>; viewSet: Set<string> }>();
  for (const d of input.diagrams ?? []) {
    for (const g of d.collapsed?.groups ?? []) {
      for (const m of g.members) {
        const row = rows.get(m.id) ?? {
          name: m.name,
          addressSpace: m.addressSpace,
          like: g.representative.name,
          views: '',
          differs: '',
          differSet: new Set<string>(),
          viewSet: new Set<string>(),
        };
        row.viewSet.add(d.title);
        for (const x of m.differs) row.differSet.add(x);
        rows.set(m.id, row);
      }
    }
  }
  // Which views leave a spoke out is worth a line only when some view draws it.
  const views = (input.diagrams ?? []).length;
  return [...rows.values()]
    .sort((a, b) => a.name.localeCompare(b.name, 'en', { numeric: true }))
    .map(({ differSet, viewSet, ...r }) => ({
      ...r,
      views: viewSet.size < views ? [...viewSet].join('; ') : '',
      differs: [...differSet].join(' · '),
    }));
}

/**
 * The appendix's catalogue: each rule run with its default severity (and the date a dated rule turns to errors), and
 * the severities its findings in this pack were raised at, which can differ (a retirement past its date, a check
 * that only informs in some designs). aksnet's own checks that raised a finding close the table.
 */
function catalogueRows(rules: readonly RuleMeta[], ran: ReadonlySet<string>, findings: readonly Finding[]): RuleCatalogueRow[] {
  const raised = (id: string) => {
    const mine = findings.filter((f) => f.ruleId === id);
    return SEVERITIES.filter((s) => mine.some((f) => f.severity === s))
      .map((s) => `${SEVERITY_LABEL[s]} ×${mine.filter((f) => f.severity === s).length}`)
      .join(', ');
  };
  const pillarNames = (ps: readonly Pillar[]) => ps.map((p) => PILLAR_BY_ID.get(p)?.name ?? p).join(', ');
  const rows: RuleCatalogueRow[] = rules
    .filter((r) => ran.size === 0 || ran.has(r.id))
    .map((r) => ({
      id: r.id,
      title: r.title,
      severity: r.severity,
      severityLabel: SEVERITY_LABEL[r.severity],
      ...(r.errorAfter ? { errorAfter: r.errorAfter } : {}),
      raised: raised(r.id),
      pillars: pillarNames(r.pillars),
      waf: r.waf.join(', '),
      kind: r.kind,
    }));
  const known = new Set(rules.map((r) => r.id));
  for (const f of findings) {
    if (known.has(f.ruleId)) continue;
    known.add(f.ruleId);
    rows.push({
      id: f.ruleId,
      title: f.title,
      severity: f.severity,
      severityLabel: SEVERITY_LABEL[f.severity],
      raised: raised(f.ruleId),
      pillars: pillarNames(f.pillars),
      waf: f.waf.join(', '),
      kind: f.kind,
    });
  }
  return rows;
}

/**
 * The rules run, with aksnet's own checks that raised a finding (an accepted risk matching nothing): they are in no
 * catalogue and no `rulesRun`, but their findings count in the scores, so coverage counts them too.
 */
function withOwnChecks(
  rulesRun: readonly string[],
  findings: readonly Finding[],
  pillarsOf: ReadonlyMap<string, readonly Pillar[]>,
): { run: string[]; pillars: ReadonlyMap<string, readonly Pillar[]> } {
  const ran = new Set(rulesRun);
  const own = findings.filter((f) => !ran.has(f.ruleId) && !pillarsOf.has(f.ruleId));
  if (!own.length) return { run: [...rulesRun], pillars: pillarsOf };
  const pillars = new Map(pillarsOf);
  for (const f of own) if (!pillars.has(f.ruleId)) pillars.set(f.ruleId, f.pillars);
  return { run: [...rulesRun, ...new Set(own.map((f) => f.ruleId))], pillars };
}

export function buildArchitectureView(input: ReportInput, index: number, pillarsOf: ReadonlyMap<string, readonly Pillar[]>, usedSlugs: Set<string>): ArchitectureView {
  const { model, result } = input;
  const q = new ModelQuery(model);
  let slug = slugify(model.metadata.title);
  for (let n = 2; usedSlugs.has(slug); n++) slug = `${slugify(model.metadata.title)}-${n}`;
  usedSlugs.add(slug);
  const ordered = orderFindings(result.findings);
  const { run, pillars } = withOwnChecks(result.rulesRun, result.findings, pillarsOf);
  const unverifiedRules = new Set((result.unverified ?? []).map((u) => u.ruleId));
  const scores = scorePillars(result.findings, run, pillars, unverifiedRules);
  const cov = coverage(run, result.findings, pillars, unverifiedRules);
  const accepted: AcceptedRiskView[] = ordered
    .filter((f) => f.acceptance)
    .map((f) => ({
      ruleId: f.ruleId,
      title: f.title,
      severity: f.severity,
      severityLabel: SEVERITY_LABEL[f.severity],
      element: elementLabel(f, model),
      message: f.message,
      justification: f.acceptance!.justification,
      owner: f.acceptance!.owner,
      expires: f.acceptance!.expires,
      status: f.status,
      statusLabel: STATUS_LABEL[f.status] ?? f.status,
    }));
  const view: ArchitectureView = {
    index: index + 1,
    anchor: `arch-${slug}`,
    slug,
    title: model.metadata.title,
    file: input.file,
    description: model.metadata.description ?? '',
    facts: facts(model, q, input.file),
    decisions: decisions(model),
    diagrams: diagramViews(input, slug),
    collapsedSpokes: collapsedSpokes(input),
    narratives: {
      ingress: collapseNarratives(
        model.ingressPaths.map((p) => ingressNarrative(p, q)),
        model.ingressPaths.map((p) => ({ cluster: p.cluster, name: p.name })),
        input,
        'ingress',
      ),
      egress: collapseNarratives(
        model.egressPaths.map((e) => egressNarrative(e, q)),
        model.egressPaths.map((e) => ({ cluster: e.cluster, name: q.name(e.cluster) })),
        input,
        'egress',
      ),
      controlPlane: collapseNarratives(
        q
          .all('cluster')
          .map((c) => controlPlaneNarrative(c, model.controlPlaneAccess.filter((a) => a.cluster === c.id), q)),
        q.all('cluster').map((c) => ({ cluster: c.id, name: c.name })),
        input,
        'control-plane',
      ),
    },
    ipPlan: mergeAlikeRanges(buildIpPlan(q)),
    findingsByPillar: groupByPillar(ordered, model, input),
    findings: ordered.map((f) => findingView(f, model)),
    openCount: ordered.filter(isActive).length,
    acceptedRisks: accepted,
    openQuestions: (result.unverified ?? []).map((u) => ({
      ruleId: u.ruleId,
      title: u.title,
      element: u.elementName,
      fact: u.fact,
      factPath: u.factPath,
      check: u.check,
      file: u.file,
      line: u.line,
    })),
    coverage: cov.rows,
    coverageTotal: cov.total,
    scores,
    overall: overall(scores),
    counts: severityCounts(result.findings),
    defaultsApplied: model.defaults.length,
    unknownFacts: model.unknown.length,
    unknownPlural: model.unknown.length !== 1,
    asOf: result.asOf,
  };
  if (input.diagramNote) view.diagramNote = input.diagramNote;
  return view;
}

/** "1 check could not run", "4 checks could not run" (the design does not state a fact they need). */
function couldNotRun(n: number): string {
  return `${counted(n, 'check')} could not run because the design does not state a fact ${noun(n, 'it needs', 'they need')}`;
}

function verdict(o: { band: string }, c: { error: number; warning: number; info: number; expired: number }, n: number, unverified: number): string {
  const what = n === 1 ? 'The design' : `The ${n} designs`;
  // Checks that could not run are neither passed nor failed: the verdict says so rather than read as a clean pass.
  const open = unverified ? ` ${counted(unverified, 'check')} could not run: see Open questions.` : '';
  if (c.error > 0)
    return `${what} ${noun(n, 'has', 'have')} ${c.error} open ${noun(c.error, 'error')} that must be resolved or formally accepted before approval.${open}`;
  if (o.band === 'green')
    return `${what} ${noun(n, 'meets', 'meet')} ${unverified ? 'every check that could run' : 'the rule catalogue'} with no open error; ${c.warning} ${noun(c.warning, 'warning')} and ${c.info} ${noun(c.info, 'note')} remain for the board to weigh.${open}`;
  return `${what} ${noun(n, 'has', 'have')} no open error, but ${c.warning} open ${noun(c.warning, 'warning')} ${noun(c.warning, 'lowers', 'lower')} the score; review the top risks below.${open}`;
}

/**
 * The browser line of a file no browser made (HTML, Markdown, JSON, CSV): the same bytes whether or not the run also
 * printed a PDF, so a committed HTML pack does not go stale when Chromium is upgraded; the PDF names its browser.
 */
const NO_BROWSER = 'not used for this file (only a PDF is printed by a browser)';

export function buildViewModel(inputs: readonly ReportInput[], opts: BuildOptions): ReportViewModel {
  const pillarsOf = new Map<string, readonly Pillar[]>(opts.rules.map((r) => [r.id, r.pillars]));
  const used = new Set<string>();
  const archs = inputs.map((inp, i) => buildArchitectureView(inp, i, pillarsOf, used));
  const single = inputs.length === 1;
  const title = opts.title ?? (single ? inputs[0]!.model.metadata.title : `AKS network review pack: ${inputs.length} architectures`);
  const allFindings = inputs.flatMap((i) => i.result.findings);
  // Pack-wide scores: every architecture's findings together; rules count once per architecture.
  const own = withOwnChecks(inputs.flatMap((i) => i.result.rulesRun), allFindings, pillarsOf);
  const allRuns = own.run;
  const failedRules = new Set(allFindings.filter(isActive).map((f) => f.ruleId));
  const unverifiedRules = new Set(inputs.flatMap((i) => (i.result.unverified ?? []).map((u) => u.ruleId)));
  const unverifiedChecks = inputs.reduce((n, i) => n + (i.result.unverified?.length ?? 0), 0);
  const packScores = combineScores(archs.map((a) => a.scores), [...new Set(allRuns)], failedRules, own.pillars, unverifiedRules);
  const packOverall = overall(packScores);
  const c = severityCounts(allFindings);
  const entries = archs.flatMap((a, i) => inputs[i]!.result.findings.map((f) => ({ f, arch: a.title, anchor: a.anchor, model: inputs[i]!.model })));
  const date = opts.date ?? inputs[0]?.result.asOf ?? '';
  const ruleIds = new Set(allRuns);
  return {
    schemaVersion: 1,
    title,
    date,
    headerTitle: title,
    generator: { name: 'aksnet', version: opts.version, browser: opts.browser ?? NO_BROWSER },
    cover: {
      single,
      architectures: inputs.map((inp, i) => {
        const m = inp.model.metadata;
        return {
          title: m.title,
          workload: m.workload ?? '—',
          environment: m.environment ?? '—',
          version: m.version ?? '—',
          date: m.date ?? '—',
          owner: m.owner ?? '—',
          status: m.status,
          statusLabel: STATUS_LABEL[m.status] ?? m.status,
          reviewers: m.reviewers.length ? m.reviewers.join(', ') : '—',
          decisionRequested: m.decisionRequested ?? '—',
          anchor: archs[i]!.anchor,
        };
      }),
      digests: inputs.map((i) => ({ file: i.file, sha256: i.sha256 ?? '' })),
    },
    summary: {
      method: SCORING,
      scores: packScores,
      overall: packOverall,
      counts: c,
      perArchitecture: archs.map((a) => ({
        title: a.title,
        anchor: a.anchor,
        overall: a.overall.score,
        band: a.overall.band,
        bandLabel: a.overall.bandLabel,
        cells: a.scores.map((s) => ({ score: s.score, band: s.band })),
        counts: a.counts,
      })),
      topRisks: topItems(entries, 'risk', 5),
      topRecommendations: topItems(entries, 'fix', 5),
      verdict: verdict(packOverall, c, inputs.length, unverifiedChecks),
      unverifiedChecks,
      unverifiedNote: unverifiedChecks
        ? `Nothing to fix among the checks that ran, but ${couldNotRun(unverifiedChecks)}: see Open questions${single ? '' : ' under each architecture'}.`
        : '',
    },
    architectures: archs,
    appendix: {
      rules: catalogueRows(opts.rules, ruleIds, allFindings),
      glossary: [...GLOSSARY].sort((a, b) => a.term.localeCompare(b.term, 'en', { sensitivity: 'base' })),
      versions: [
        { label: 'aksnet', value: opts.version },
        { label: 'Browser (PDF rendering)', value: opts.browser ?? NO_BROWSER },
        { label: 'Rules in the catalogue', value: String(opts.rules.length) },
        { label: 'Rules run', value: String(ruleIds.size) },
        { label: 'Rules evaluated as of', value: [...new Set(inputs.map((i) => i.result.asOf))].join(', ') },
      ],
    },
    pillars: [...PILLARS],
  };
}

/** Sets the browser version after a browser was launched (the view-model is otherwise immutable). */
export function withBrowser(vm: ReportViewModel, browser: string): ReportViewModel {
  return {
    ...vm,
    generator: { ...vm.generator, browser },
    appendix: { ...vm.appendix, versions: vm.appendix.versions.map((v) => (v.label.startsWith('Browser') ? { ...v, value: browser } : v)) },
  };
}

export { BAND_LABEL, band, protocolLabel };
