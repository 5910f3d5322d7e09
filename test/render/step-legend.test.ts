/**
 * The overview's step legend: which column count wins (the fewest that fit the height the picture leaves free,
 * else the shortest, fewer columns on a tie), where its entries go (column-major, balanced, a heading never ending
 * a column), and that the text runs it returns are those of the winning count only.
 */
import { describe, expect, it } from 'vitest';
import { emitStepLegend, placeStepLegend, planStepLegend, type StepLegendInput } from '../../src/render/step-legend.js';
import { metrics } from '../../src/render/text.js';
import type { FlowStep } from '../../src/model/view-graph.js';
import type { TextRun } from '../../src/model/diagram-target.js';

const step = (n: number, flow: FlowStep['flow'], text: string): FlowStep => ({ n, flow, text, edges: [`e${n}`] });

const steps: FlowStep[] = [
  step(1, 'ingress', 'Customers → Application Gateway agw-payments-weu (terminates TLS and re-encrypts, WAF Prevention): https:443'),
  step(2, 'ingress', 'Application Gateway agw-payments-weu → Load balancer ilb-ingress (passes TLS through): https:443'),
  step(3, 'ingress', 'Load balancer ilb-ingress → Ingress controller traefik (terminates TLS and re-encrypts): https:443'),
  step(4, 'ingress', 'Ingress controller traefik → pods payments-api (payments): https:8443 · TLS (encrypted)'),
  step(5, 'egress', 'aks-payments-weu nodes → Route table rt-aks-egress: 0.0.0.0/0 UDR'),
  step(6, 'egress', 'Route table rt-aks-egress → Azure Firewall afw-hub-weu: next hop'),
  step(7, 'egress', 'Azure Firewall afw-hub-weu → Internet: 20 public IPs · to Microsoft Entra ID (https:443)'),
];
const notes = ['Private Link: aks-payments-weu reaches acrpaymentsweu, kv-payments-weu through 2 private endpoints.'];

function input(width: number, maxHeight?: number): StepLegendInput & { runs: number } {
  const counter = {
    runs: 0,
    steps,
    notes,
    width,
    run(text: string, x: number, y: number, size: number, weight: 'regular' | 'bold'): TextRun {
      counter.runs++;
      return { text, x, y, size, weight, fill: '#000000' };
    },
    badge: (label: string, cx: number, cy: number) => ({ cx, cy, r: 9, fill: '#000000', label: { text: label, x: cx, y: cy, size: 9, weight: 'bold' as const, fill: '#ffffff' } }),
    ...(maxHeight === undefined ? {} : { maxHeight }),
  };
  return counter;
}

/** The left edge of every column the legend uses (runs and badges). */
function columnLefts(placed: ReturnType<typeof placeStepLegend>): number[] {
  const xs = [...placed.legend.headings.map((h) => h.x), ...placed.legend.entries.map((e) => e.badge.cx - 9), ...placed.legend.notes.map((n) => n.x)];
  return [...new Set(xs.map((x) => Math.round(x)))].sort((a, b) => a - b);
}

/** The legend's height at exactly `columns` columns: the width that allows no more than that many. */
const widthFor = (columns: number) => columns * 240 + (columns - 1) * 24;

describe('step legend', () => {
  it('uses the column count that makes it shortest when no height is given', () => {
    const width = widthFor(5);
    const placed = placeStepLegend(metrics, input(width));
    expect(columnLefts(placed).length).toBeGreaterThan(1);
    // No count is shorter: asked for a pixel less, none fits, and the same legend comes back.
    expect(placeStepLegend(metrics, input(width, placed.height - 1)).legend).toEqual(placed.legend);
    // Each column count the width allows, when it is the first to fit, is no shorter.
    for (let limit = placed.height; limit < placed.height + 400; limit += 7) {
      expect(placeStepLegend(metrics, input(width, limit)).height).toBeGreaterThanOrEqual(placed.height);
    }
  });

  it('takes the fewest columns that fit the height the picture leaves free, on both sides of it', () => {
    const width = widthFor(5);
    const shortest = placeStepLegend(metrics, input(width));
    // With room for anything, one column (the longest lines) wins.
    const one = placeStepLegend(metrics, input(width, 1e9));
    expect(columnLefts(one)).toEqual([0]);
    expect(one.height).toBeGreaterThan(shortest.height);
    // Room for the one-column legend exactly: still one column.
    const atOne = placeStepLegend(metrics, input(width, one.height));
    expect(atOne.legend).toEqual(one.legend);
    // One pixel less: one column no longer fits; the next count that does wins.
    const belowOne = placeStepLegend(metrics, input(width, one.height - 1));
    const columns = columnLefts(belowOne).length;
    expect(columns).toBeGreaterThan(1);
    expect(belowOne.height).toBeLessThanOrEqual(one.height - 1);
    // At that legend's own height it is chosen again; a pixel less needs more columns, or none fits.
    expect(placeStepLegend(metrics, input(width, belowOne.height)).legend).toEqual(belowOne.legend);
    const tighter = placeStepLegend(metrics, input(width, belowOne.height - 1));
    expect(columnLefts(tighter).length).toBeGreaterThan(columns);
    // No count fits: the shortest legend, as without a limit.
    const none = placeStepLegend(metrics, input(width, shortest.height - 1));
    expect(none.height).toBe(shortest.height);
    expect(none.legend).toEqual(shortest.legend);
  });

  it('makes the text runs of the winning column count only', () => {
    const i = input(widthFor(5));
    const placed = placeStepLegend(metrics, i);
    const lines = placed.legend.headings.length + placed.legend.notes.length + placed.legend.entries.reduce((a, e) => a + e.lines.length, 0);
    expect(i.runs).toBe(lines);
  });

  it('places every entry once, in order, column by column, within its height and width', () => {
    const width = widthFor(3);
    const placed = placeStepLegend(metrics, input(width));
    const { headings, entries, notes: noteRuns } = placed.legend;
    expect(entries.map((e) => e.n)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(headings.map((h) => h.text)).toEqual(['Ingress (inbound), filled numbers', 'Egress (outbound), ringed numbers', 'Not numbered']);
    expect(noteRuns.map((n) => n.text).join(' ')).toBe(notes[0]);
    const lh = metrics.lineHeight(9);
    // Column-major: an entry is right of the one before it, or below it in the same column.
    for (let k = 1; k < entries.length; k++) {
      const [a, b] = [entries[k - 1]!.badge, entries[k]!.badge];
      expect(b.cx > a.cx || (b.cx === a.cx && b.cy > a.cy)).toBe(true);
    }
    for (const run of [...headings, ...noteRuns, ...entries.flatMap((e) => e.lines)]) {
      expect(run.y).toBeLessThanOrEqual(placed.height);
      expect(run.x + metrics.width(run.text, run.size, run.weight)).toBeLessThanOrEqual(width + 0.01);
    }
    // A heading never ends a column: the entry under it starts in the same column, one heading height lower.
    for (const h of headings.slice(0, 2)) {
      const under = entries.find((e) => Math.abs(e.badge.cx - 9 - h.x) < 0.01 && e.badge.cy > h.y);
      expect(under).toBeDefined();
      expect(under!.badge.cy - h.y).toBeLessThan(2 * lh + 6);
    }
  });
});

describe('step legend plan', () => {
  it('has the height of the legend it places, and makes no text runs until that legend is emitted', () => {
    for (const c of [1, 2, 3, 5]) {
      const i = input(widthFor(c));
      const plan = planStepLegend(metrics, i);
      expect(i.runs).toBe(0);
      const placed = emitStepLegend(metrics, i, plan);
      expect(placed.height).toBe(plan.height);
      expect(placed).toEqual(placeStepLegend(metrics, input(widthFor(c))));
      expect(i.runs).toBeGreaterThan(0);
    }
  });
});
