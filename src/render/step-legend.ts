/**
 * The overview's numbered legend: one entry per step number drawn on the picture ("1 Customers → Application
 * Gateway agw-x: https:443 · TLS (encrypted) · …"), grouped under Ingress and Egress, in balanced columns across
 * the canvas so a landscape page holds it under the picture.
 */
import type { StepBadge, StepLegend, StepLegendEntry, TextRun } from '../model/diagram-target.js';
import type { FlowStep } from '../model/view-graph.js';
import { TYPE } from './style.js';
import { wrapText, type TextMetrics } from './text.js';

/** Narrowest column; the canvas width decides how many fit, the legend's height which of those is used. */
const MIN_COLUMN = 240;
const MAX_COLUMNS = 5;
const GAP = 24;
/** Space between two entries of a column. */
const ENTRY_GAP = 3;
/** Text starts right of the badge. */
const INDENT = 24;
/** The legend is where the words are: an entry wraps onto as many lines as it needs and is never cut. */
const MAX_LINES = 50;

export interface StepLegendInput {
  steps: FlowStep[];
  notes: string[];
  /** Width the legend may use. */
  width: number;
  /**
   * Height the legend may take without making the whole print smaller (a picture wider than 16:9 leaves it free):
   * the fewest columns that fit it win; without it, or when none fits, the shortest legend.
   */
  maxHeight?: number;
  run: (text: string, x: number, y: number, size: number, weight: 'regular' | 'bold', fill?: string) => TextRun;
  badge: (label: string, cx: number, cy: number, flow: FlowStep['flow']) => StepBadge;
}

/** One entry of a planned legend: a heading, a numbered step or an unnumbered note, with its lines and height. */
export type LegendItem =
  | { type: 'heading'; text: string; h: number }
  | { type: 'step'; step: FlowStep; lines: string[]; h: number }
  | { type: 'note'; lines: string[]; h: number };

const HEADINGS: Record<FlowStep['flow'], string> = {
  ingress: 'Ingress (inbound), filled numbers',
  egress: 'Egress (outbound), ringed numbers',
};

type Placed = { legend: Omit<StepLegend, 'x' | 'y'>; height: number };

/**
 * Where the step legend's items go at one column count, without their text runs: its height, to compare with other
 * placements (the target builder tries a legend at many canvas widths), and what emitStepLegend writes out.
 */
export interface StepLegendPlan {
  columns: number;
  colW: number;
  items: LegendItem[];
  /** The column height the items are balanced to (a column ends before the item that would pass it). */
  share: number;
  height: number;
}

/**
 * Places the step legend in a frame of its own; returns it with its height. Of the column counts the width allows,
 * the one that makes the legend shortest wins (fewer columns on a tie): the overview's page is short, not narrow.
 */
export function placeStepLegend(m: TextMetrics, input: StepLegendInput): Placed {
  return emitStepLegend(m, input, planStepLegend(m, input));
}

/**
 * Chooses the column count: each count is planned (wrapped and balanced) without text runs. Within a height the
 * picture leaves free (a wide picture on a landscape page), fewer and longer lines read better: the first count that
 * fits wins, and the larger counts need not be planned; else the shortest.
 */
export function planStepLegend(m: TextMetrics, input: StepLegendInput): StepLegendPlan {
  const most = Math.max(1, Math.min(MAX_COLUMNS, Math.floor((input.width + GAP) / (MIN_COLUMN + GAP))));
  const plans: StepLegendPlan[] = [];
  for (let columns = 1; columns <= most; columns++) {
    const plan = planIn(m, input, columns);
    if (input.maxHeight !== undefined && plan.height <= input.maxHeight) return plan;
    plans.push(plan);
  }
  return plans.reduce((best, p) => (p.height < best.height ? p : best));
}

/** The items at `columns` columns: wrapped to the column width and balanced, without text runs. */
function planIn(m: TextMetrics, input: StepLegendInput, columns: number): StepLegendPlan {
  const colW = (input.width - (columns - 1) * GAP) / columns;
  const lh = m.lineHeight(TYPE.legend);
  const items: LegendItem[] = [];
  for (const flow of ['ingress', 'egress'] as const) {
    const of = input.steps.filter((s) => s.flow === flow);
    if (!of.length) continue;
    items.push({ type: 'heading', text: HEADINGS[flow], h: lh + 6 });
    for (const step of of) {
      const lines = wrapText(m, step.text, colW - INDENT, TYPE.legend, 'regular', MAX_LINES);
      items.push({ type: 'step', step, lines, h: Math.max(18, lines.length * lh) + ENTRY_GAP });
    }
  }
  if (input.notes.length) {
    items.push({ type: 'heading', text: 'Not numbered', h: lh + 6 });
    for (const n of input.notes) {
      const lines = wrapText(m, n, colW, TYPE.legend, 'regular', MAX_LINES);
      items.push({ type: 'note', lines, h: lines.length * lh + ENTRY_GAP });
    }
  }
  // Column-major, balanced: the lowest column height at which the items fill no more than `columns` columns, each
  // column ending before the item that would pass it; a heading never ends a column.
  const columnsAt = (limit: number): number => {
    let used = 1;
    let at = 0;
    items.forEach((item, i) => {
      if (at > 0 && at + need(items, i) > limit) {
        used++;
        at = 0;
      }
      at += item.h;
    });
    return used;
  };
  const total = items.reduce((a, i) => a + i.h, 0);
  // Whole pixels, so the search ends: lo never fits, hi always does.
  let lo = Math.ceil(Math.max(0, ...items.map((_, i) => need(items, i)))) - 1;
  let hi = Math.ceil(Math.max(lo + 1, total));
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (columnsAt(mid) <= columns) hi = mid;
    else lo = mid;
  }
  const share = hi;
  let height = 0;
  columnTops(items, share, columns, (item, _col, top) => {
    height = Math.max(height, top + item.h);
  });
  return { columns, colW, items, share, height: Math.ceil(height) };
}

/** The height an item needs at the top of a column: a heading needs room for the item under it too. */
function need(items: LegendItem[], i: number): number {
  return items[i]!.type === 'heading' && items[i + 1] ? items[i]!.h + items[i + 1]!.h : items[i]!.h;
}

/** Walks the items column by column as `share` balances them: each with its column and its top. */
function columnTops(items: LegendItem[], share: number, columns: number, visit: (item: LegendItem, col: number, top: number) => void): void {
  let col = 0;
  let y = 0;
  items.forEach((item, i) => {
    if (y > 0 && y + need(items, i) > share && col < columns - 1) {
      col++;
      y = 0;
    }
    visit(item, col, y);
    y += item.h;
  });
}

/** The text runs and badges of a planned legend (`input` is the one it was planned with). */
export function emitStepLegend(m: TextMetrics, input: StepLegendInput, plan: StepLegendPlan): Placed {
  const lh = m.lineHeight(TYPE.legend);
  const headings: TextRun[] = [];
  const entries: StepLegendEntry[] = [];
  const notes: TextRun[] = [];
  columnTops(plan.items, plan.share, plan.columns, (item, col, top) => {
    const x = col * (plan.colW + GAP);
    if (item.type === 'heading') headings.push(input.run(item.text, x, top + m.ascent(TYPE.legend), TYPE.legend, 'bold'));
    else if (item.type === 'step') {
      const cy = top + 9;
      const badge = input.badge(String(item.step.n), x + 9, cy, item.step.flow);
      // The first line's middle sits on the badge's middle.
      const first = cy + m.ascent(TYPE.legend) / 2 - 1;
      const lines = item.lines.map((t, k) => input.run(t, x + INDENT, first + k * lh, TYPE.legend, 'regular'));
      entries.push({ n: item.step.n, flow: item.step.flow, badge, lines });
    } else {
      item.lines.forEach((t, k) => notes.push(input.run(t, x, top + m.ascent(TYPE.legend) + k * lh, TYPE.legend, 'regular')));
    }
  });
  return { legend: { headings, entries, notes }, height: plan.height };
}
