/**
 * The overview in a review pack: on one landscape page whenever an honest picture allows.
 *
 * The whole overview is drawn when it prints on one page at 6 pt or more. When it does not:
 * - a multi-region design is printed one overview per region (`regionOverviews`): each with its region's parts,
 *   the global entry parts with their lines into that region, its own numbered legend; the whole overview is the
 *   full-size SVG beside the pack;
 * - a design of repeated spokes is drawn collapsed: spokes identical in everything the overview draws of them,
 *   the words of their numbered steps included (their names and addresses aside), are drawn once with a
 *   "+ N more spokes like …" box, and the steps are numbered again 1..N over what is drawn. A spoke whose steps
 *   say anything else (another port, TLS state, WAF mode) stays drawn with its own steps.
 * Otherwise the whole overview goes to the pack, which tiles it.
 */
import { ModelQuery } from '../model/query.js';
import type { Model } from '../model/types.js';
import type { FlowStep, ViewGraph } from '../model/view-graph.js';
import type { Finding } from '../validate/finding.js';
import { collapseView, type CollapseResult } from './collapse.js';
import type { DiagramOptions } from './index.js';
import { MIN_TEXT_PT, onePageTextPt, pictureBox, smallestFontPx } from './page-fit.js';
import { PRIVATE_LINK_NOTE, regionOverviews } from './overview.js';

/** One region's overview, printed on a page of its own. */
export interface RegionPage {
  region: string;
  title: string;
  svg: string;
  width: number;
  height: number;
}

/**
 * The overview with repeated spokes drawn once. Two spokes group only when their drawings are equal with each step
 * number replaced by its legend text (names and addresses abstracted by `collapseView`), so a collapsed spoke's
 * steps read exactly as the drawn spoke's. Undefined when no two spokes are alike.
 */
export function collapseOverview(graph: ViewGraph, model: Model, findings: readonly Finding[] = []): CollapseResult | undefined {
  const steps = new Map((graph.steps ?? []).map((s) => [s.n, s]));
  // The step's words stand in for its number: collapse compares edge labels with the spokes' names set aside.
  // A step's "(path app-7)" names the spoke's own flow, as its box names name its own parts: set aside too.
  const words = (s: FlowStep) => `${s.flow} step: ${s.text.replace(/ \(paths? [^()]*\)$/, '')}`;
  // A cluster's Private Link note is part of what is drawn of its spoke: compared as a line of the cluster's box.
  const q = new ModelQuery(model);
  const noteOf = (clusterId: string | undefined): string | undefined => {
    // "aks-1 reaches …", "aks-1 resolves … to the public address", "aks-1 may resolve …" (overview.ts).
    const prefix = `${PRIVATE_LINK_NOTE}${q.name(clusterId)} `;
    return clusterId ? graph.notes?.find((n) => n.startsWith(prefix)) : undefined;
  };
  // The services a note names are no part of any spoke: compared by what they are (a Key Vault), not their names.
  const services = new Map<string, string>();
  for (const pe of q.all('privateEndpoint')) {
    const t = q.get(pe.target);
    if (t) services.set(t.name, t.kind === 'paas' ? `[${t.service}]` : `[${t.kind}]`);
  }
  const byLength = [...services.keys()].sort((a, b) => b.length - a.length);
  const asKinds = (note: string) => byLength.reduce((t, name) => t.split(name).join(services.get(name) ?? name), note);
  const worded: ViewGraph = {
    ...graph,
    nodes: graph.nodes.map((n) => {
      const note = n.kind === 'cluster' ? noteOf(n.element) : undefined;
      return note ? { ...n, details: [...n.details, asKinds(note)] } : n;
    }),
    edges: graph.edges.map((e) => {
      const { step, ...rest } = e;
      const s = step === undefined ? undefined : steps.get(step);
      return s ? { ...rest, label: words(s) } : e;
    }),
  };
  const c = collapseView(worded, model, findings);
  if (c.groups.length === 0) return undefined;
  const stepOf = new Map(graph.edges.map((e) => [e.id, e.step]));
  // Steps still drawn, in their order, numbered again 1..N; the note boxes' links carry no number (their box says
  // which spoke they stand for).
  const kept = new Set(c.graph.edges.map((e) => stepOf.get(e.id)).filter((n): n is number => n !== undefined));
  const renumber = new Map<number, number>();
  const newSteps: FlowStep[] = [];
  for (const s of graph.steps ?? []) {
    if (!kept.has(s.n)) continue;
    renumber.set(s.n, newSteps.length + 1);
    newSteps.push({ ...s, n: newSteps.length + 1, edges: s.edges.filter((id) => c.graph.edges.some((e) => e.id === id)) });
  }
  const before = new Map(graph.edges.map((e) => [e.id, e]));
  const edges = c.graph.edges.map((e) => {
    const original = before.get(e.id);
    if (original) return original.step === undefined ? original : { ...original, step: renumber.get(original.step)! };
    // A note box's line: its compared words are no label of the overview (which writes none on its lines).
    const line = { ...e };
    delete line.label;
    return line;
  });
  // The notes of the clusters no longer drawn go with them (their spoke's box says whose shape they share).
  const drawn = new Set(c.graph.nodes.map((n) => n.element));
  const gone = new Set(graph.nodes.filter((n) => n.kind === 'cluster' && !drawn.has(n.element)).map((n) => noteOf(n.element)));
  const notes = (graph.notes ?? []).filter((n) => !gone.has(n));
  // Kept boxes as the overview drew them (without the compared note lines).
  const original = new Map(graph.nodes.map((n) => [n.id, n]));
  const nodes = c.graph.nodes.map((n) => original.get(n.id) ?? n);
  // A note box goes where its lines put it (under the drawn spoke), not in a column of its own after it.
  const notesIds = new Set(c.groups.map((g) => g.noteId));
  const hints = (c.graph.hints ?? []).filter((h) => !notesIds.has(h.to));
  const out: ViewGraph = { ...c.graph, nodes, edges };
  if (hints.length) out.hints = hints;
  else delete out.hints;
  if (newSteps.length) out.steps = newSteps;
  else delete out.steps;
  if (notes.length) out.notes = notes;
  else delete out.notes;
  return { ...c, graph: out };
}

/** Whether a picture prints on one A4 landscape page with its smallest text at 6 pt or more (the pack's measure). */
export function fitsLandscapePage(d: { svg: string; width: number; height: number }): boolean {
  return onePageTextPt(d.width, d.height, smallestFontPx(d.svg), pictureBox('a4', 'landscape')) >= MIN_TEXT_PT;
}

/**
 * The region pages of a standalone overview (`aksnet diagram --view overview`), drawn as that overview is (header,
 * theme, findings): one per region when the whole does not print on one A4 landscape page at 6 pt, else none.
 */
export async function standaloneRegionPages(
  model: Model,
  whole: { svg: string; width: number; height: number },
  opts: DiagramOptions,
): Promise<RegionPage[]> {
  if (fitsLandscapePage(whole)) return [];
  const { renderView } = await import('./pipeline.js');
  return renderRegionPages(model, (g) => renderView(model, g, opts));
}

/** One overview per region of a multi-region design, rendered; empty for a single-region design. */
export async function renderRegionPages(
  model: Model,
  render: (graph: ViewGraph) => Promise<{ svg: string; width: number; height: number }>,
): Promise<RegionPage[]> {
  const out: RegionPage[] = [];
  for (const { region, graph } of regionOverviews(model)) {
    const r = await render(graph);
    out.push({ region, title: graph.title, svg: r.svg, width: r.width, height: r.height });
  }
  return out;
}
