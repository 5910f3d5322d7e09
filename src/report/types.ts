/**
 * The report view-model: everything a review pack shows, computed in code. Templates only read
 * these fields (no arithmetic, no lookups), and every string here is plain user text that the
 * template escapes, except fields whose name ends in `Html` (trusted markup built by aksnet).
 */
import type { Pillar, Severity } from '../../dsl/types.js';
import type { FindingStatus } from '../validate/finding.js';

export type Band = 'green' | 'amber' | 'red';

export interface PillarInfo {
  id: Pillar;
  name: string;
  /** Checklist code prefix, e.g. `RE`. */
  code: string;
}

export interface ScoringMethod {
  start: number;
  weights: Record<Severity, number>;
  /** Score at or above which a pillar is green (when it has no open error). */
  green: number;
  /** Score below which a pillar is red. */
  red: number;
  /** One-paragraph statement of the method, printed in the report. */
  text: string;
  /** How the rule coverage table counts a rule, printed under it. */
  coverageText: string;
}

export interface PillarScore {
  pillar: Pillar;
  name: string;
  code: string;
  score: number;
  band: Band;
  bandLabel: string;
  error: number;
  warning: number;
  info: number;
  suppressed: number;
  rulesRun: number;
  rulesFailed: number;
  /** Rules with no open finding but a check that could not run (an open question): neither passed nor failed. */
  rulesUnverified: number;
}

export interface SeverityCounts {
  error: number;
  warning: number;
  info: number;
  suppressed: number;
  expired: number;
  total: number;
}

export interface KeyValue {
  label: string;
  value: string;
}

export interface InputDigest {
  file: string;
  sha256: string;
}

export interface TopItem {
  rank: number;
  ruleId: string;
  title: string;
  severity: Severity;
  severityLabel: string;
  pillars: string;
  waf: string;
  /** Elements affected, joined. */
  elements: string;
  occurrences: number;
  /** severity weight × occurrences. */
  impact: number;
  text: string;
  architecture: string;
  anchor: string;
}

export interface FindingView {
  ruleId: string;
  title: string;
  severity: Severity;
  severityLabel: string;
  status: FindingStatus;
  statusLabel: string;
  pillar: Pillar;
  pillarName: string;
  pillars: string;
  waf: string;
  element: string;
  message: string;
  evidence: KeyValue[];
  fix: string;
  helpUri: string;
  /** Whether helpUri is an http(s) URL that may be rendered as a link. */
  helpIsLink: boolean;
  file: string;
  line: number;
  column: number;
  /** `file-name.ts:line`, for the findings table. */
  location: string;
  path: string;
  acceptance?: { justification: string; owner: string; expires: string };
  /** The same finding on spokes drawn once (diagram/collapse.ts), with their elements and locations. */
  alsoOn?: string;
}

export interface SeverityGroup {
  severity: Severity;
  severityLabel: string;
  findings: FindingView[];
}

export interface PillarFindings {
  pillar: Pillar;
  name: string;
  code: string;
  /** Open findings that serve this pillar, as its score counts them: those listed here and `elsewhere`. */
  count: number;
  /** Open findings listed here (their first pillar is this one). */
  listed: number;
  /** The findings listed here: those whose first pillar this is. */
  groups: SeverityGroup[];
  /** The open findings this pillar counts that are listed under their first pillar, by pillar and rule. */
  elsewhere?: string;
}

export interface AcceptedRiskView {
  ruleId: string;
  title: string;
  severity: Severity;
  severityLabel: string;
  element: string;
  message: string;
  justification: string;
  owner: string;
  expires: string;
  status: FindingStatus;
  statusLabel: string;
}

export interface CoverageRow {
  pillar: Pillar;
  name: string;
  code: string;
  run: number;
  passed: number;
  failed: number;
  suppressed: number;
  /** Rules with no open finding and at least one check that could not run (see `ruleOutcomes`). */
  unverified: number;
  /** passed / run as a whole percentage (0 when no rule ran). */
  passRate: number;
}

export interface DecisionView {
  id: string;
  title: string;
  status: string;
  statusLabel: string;
  context: string;
  options: string[];
  decision: string;
  consequences: string[];
}

export interface NarrativeStep {
  n: number;
  /** Short heading: the component, e.g. "Application Gateway agw-payments-weu (WAF_v2)". */
  title: string;
  /** Sentences about the step. */
  text: string;
  /** Short tags, e.g. "TLS re-encrypted", "WAF Prevention". */
  tags: Array<{ label: string; tone: 'good' | 'warn' | 'bad' | 'neutral' }>;
}

export interface NarrativeView {
  id: string;
  /** e.g. "Ingress: public-api". */
  title: string;
  /** One-paragraph summary. */
  summary: string;
  steps: NarrativeStep[];
  /** Concluding observations (TLS chain, inspection, client IP). */
  notes: string[];
}

export interface IpRow {
  level: 'vnet' | 'subnet' | 'pod-cidr' | 'service-cidr';
  name: string;
  /** Parent name (VNet for a subnet, cluster for pod/service ranges). */
  parent: string;
  purpose: string;
  cidr: string;
  size: number | null;
  usable: number | null;
  /** Addresses consumed at maximum scale, or null when Azure manages it / unknown. */
  consumption: number | null;
  /** How consumption was computed. */
  basis: string;
  headroomPct: number | null;
  headroomBand: Band | 'none';
}

export interface IpPlanView {
  rows: IpRow[];
  /** Explanation of the formulas used. */
  notes: string[];
}

/** One picture of a split view (a region's overview, a run of spokes), as the packs show it. */
export interface DiagramPartView {
  /** What it covers ("Region westeurope"). */
  title: string;
  /** Trusted SVG markup from the diagram module. */
  svgHtml: string;
  width: number;
  height: number;
  /** File name used by the Markdown writer (`diagrams/<slug>-<view>-<part>.svg`). */
  fileName: string;
}

export interface DiagramView {
  view: string;
  title: string;
  /** Trusted SVG markup from the diagram module. */
  svgHtml: string;
  width: number;
  height: number;
  /** File name used by the Markdown writer (`diagrams/<slug>-<view>.svg`). */
  fileName: string;
  /** Whether the diagram is wider than tall. */
  wide: boolean;
  /** Whether it prints larger on a landscape page (PDF uses a named landscape page for it). */
  landscape: boolean;
  /** Set when the view is drawn with repeated spokes collapsed: what the picture leaves out and where it is listed. */
  collapsedNote?: string;
  /** The whole view (written beside the pack) when the drawn one is collapsed. */
  fullSvg?: string;
  /** The drawing the PDF prints instead of `svgHtml` (a dense drawing that needs fewer pages), with its size. */
  printSvg?: { svg: string; width: number; height: number };
  /** Why the whole view is not beside the pack (too large to lay out in a pack run). */
  fullSizeNote?: string;
  /**
   * The view split for print, one picture per region, spoke or cluster (or run of them): the PDF prints these
   * instead of tiles of the picture above; the HTML and Markdown packs show the picture above whole, then these.
   */
  parts?: DiagramPartView[];
}

/** A spoke the diagrams draw only through a drawn spoke of the same shape. */
export interface CollapsedSpokeRow {
  name: string;
  addressSpace: string;
  /** The drawn spoke it looks like. */
  like: string;
  /** Titles of the views that leave it out, when another view draws it (else empty). */
  views: string;
  /** Its names and addresses that differ from the drawn spoke's. */
  differs: string;
}

export interface ArchitectureView {
  index: number;
  /** Stable anchor id for links inside the document. */
  anchor: string;
  slug: string;
  title: string;
  file: string;
  description: string;
  facts: KeyValue[];
  decisions: DecisionView[];
  diagrams: DiagramView[];
  /** Spokes some diagram leaves out because a drawn spoke has the same shape (empty when none). */
  collapsedSpokes: CollapsedSpokeRow[];
  /** Why diagrams are missing, if they are. */
  diagramNote?: string;
  narratives: {
    ingress: NarrativeView[];
    egress: NarrativeView[];
    controlPlane: NarrativeView[];
  };
  ipPlan: IpPlanView;
  findingsByPillar: PillarFindings[];
  /** Every finding in report order (pillar, severity, rule, element). */
  findings: FindingView[];
  openCount: number;
  acceptedRisks: AcceptedRiskView[];
  /** Checks that could not run because a fact is unknown, in file order. */
  openQuestions: OpenQuestionView[];
  coverage: CoverageRow[];
  coverageTotal: CoverageRow;
  scores: PillarScore[];
  overall: { score: number; band: Band; bandLabel: string };
  counts: SeverityCounts;
  defaultsApplied: number;
  /** Facts the design leaves unstated that have no platform default (model.unknown). */
  unknownFacts: number;
  unknownPlural: boolean;
  asOf: string;
}

/** A check that could not run because the design leaves a fact unknown: a question for the authors. */
export interface OpenQuestionView {
  ruleId: string;
  title: string;
  /** Element name and kind. */
  element: string;
  /** The fact to state, in words. */
  fact: string;
  /** DSL path of the fact. */
  factPath: string;
  /** What the check would verify once the fact is stated. */
  check: string;
  file: string;
  line: number;
}

export interface RuleCatalogueRow {
  id: string;
  title: string;
  /** The rule's default severity. */
  severity: Severity;
  severityLabel: string;
  /** For a dated rule: the date after which its findings are errors. */
  errorAfter?: string;
  /** The severities the rule's findings in this pack were raised at, with counts ("Error ×2"); empty when none. */
  raised: string;
  pillars: string;
  waf: string;
  kind: string;
}

export interface ReportViewModel {
  schemaVersion: 1;
  title: string;
  /** Review date printed on the cover (ISO). */
  date: string;
  /** Title used in PDF headers. */
  headerTitle: string;
  generator: { name: 'aksnet'; version: string; browser: string };
  cover: {
    /** One row per architecture. */
    architectures: Array<{
      title: string;
      workload: string;
      environment: string;
      version: string;
      date: string;
      owner: string;
      status: string;
      statusLabel: string;
      reviewers: string;
      decisionRequested: string;
      anchor: string;
    }>;
    single: boolean;
    digests: InputDigest[];
  };
  summary: {
    method: ScoringMethod;
    /** Pack-wide per-pillar scores (all architectures together). */
    scores: PillarScore[];
    overall: { score: number; band: Band; bandLabel: string };
    counts: SeverityCounts;
    /** Per-architecture rows for multi-architecture packs. */
    perArchitecture: Array<{ title: string; anchor: string; overall: number; band: Band; bandLabel: string; cells: Array<{ score: number; band: Band }>; counts: SeverityCounts }>;
    topRisks: TopItem[];
    topRecommendations: TopItem[];
    verdict: string;
    /** Checks that could not run across the pack (the architectures' open questions together). */
    unverifiedChecks: number;
    /** What the summary says in place of "nothing to recommend" when checks could not run; empty when all ran. */
    unverifiedNote: string;
  };
  architectures: ArchitectureView[];
  appendix: {
    rules: RuleCatalogueRow[];
    glossary: Array<{ term: string; definition: string }>;
    versions: KeyValue[];
  };
  pillars: PillarInfo[];
}
