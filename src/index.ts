/**
 * aksnet's public API. Architecture files import the DSL from here (`import { defineArchitecture }
 * from 'aksnet'`); tools import the pipeline stages.
 */
export * from '../dsl/index.js';
export type * from './model/types.js';
export { ModelQuery } from './model/query.js';
export { parseCidr, cidr, contains, overlaps, azureUsable, AZURE_RESERVED_PER_SUBNET } from './model/cidr.js';
export type { CidrRange } from './model/cidr.js';
export { normalize } from './normalize/normalize.js';
export type { NormalizeIssue } from './normalize/reader.js';
export { loadArchitecture } from './load/load-architecture.js';
export type { LoadedArchitecture } from './load/load-architecture.js';
export { loadModule } from './load/load-module.js';
export { PositionMap, parsePath } from './load/positions.js';
export { typecheck, formatDiagnostic } from './load/typecheck.js';
export type { TypeDiagnostic } from './load/typecheck.js';
export { AksnetError, ExitCode } from './shared/errors.js';
export { defineRule } from './validate/rule.js';
export type { Rule, RuleMeta, RuleContext, RuleReport, RuleKind, Reference } from './validate/rule.js';
export type { Finding, FileResult, FindingStatus } from './validate/finding.js';
export { loadRules } from './validate/registry.js';
export { validateModel } from './validate/validate.js';
export { today } from './shared/date.js';
export { validateFile, validateFiles } from './validate/run-files.js';
export { run } from './cli/main.js';
export { renderDiagrams, VIEWS, deriveView, diagramTimings } from './diagram/index.js';
export type { ViewName, RenderedDiagram, DiagramOptions, DiagramTimings, ViewGraph, ViewNode, ViewEdge, BoxStyle, EdgeStyle, ThemeName } from './diagram/index.js';
export { layout, LayoutError } from './layout/elk.js';
export type { LayoutRequest, LayoutResult, LayoutNode, LayoutEdge, Box, Point, Route } from './layout/elk.js';
export { writeReport, prepareInputs, resolveOutputs, REPORT_FORMATS } from './report/pack.js';
export type { ReportFormat, OutputTarget, ReportOptions, ReportResult } from './report/pack.js';
export { buildViewModel } from './report/view-model.js';
export type { ReportInput, BuildOptions } from './report/view-model.js';
export type * from './report/types.js';
export { renderHtml } from './report/html.js';
export { renderMarkdown } from './report/markdown.js';
export { renderCsv } from './report/csv.js';
export { renderJson } from './report/json.js';
export { findBrowser, INSTALL_HINT } from './report/browser.js';
export { SCORING, PILLARS } from './report/scoring.js';
// --- w12 (#12 workflows): multi-file runs, build, init, serve ---
export { validateOutcome, validateOutcomes, outcomeResults } from './validate/run-files.js';
export type { FileOutcome } from './validate/run-files.js';
export { LOAD_ERROR_RULE } from './validate/load-failure.js';
export { expandInputs } from './workflow/inputs.js';
export type { InputSet, ExpandOptions } from './workflow/inputs.js';
export { designStems } from './workflow/output-names.js';
export { planBuild, compareWithDisk, writePlan } from './workflow/build.js';
export type { BuildPlan, BuildOptions as BuildRunOptions, PlannedOutput, StaleReport } from './workflow/build.js';
export { parseShard, selectShard } from './workflow/shard.js';
export type { Shard } from './workflow/shard.js';
export { init, scaffoldFiles } from './workflow/init.js';
export { startServer } from './workflow/serve.js';
export type { ServeOptions, ServeHandle } from './workflow/serve.js';
export { cachedLayout, layoutKey } from './layout/cache.js';
