/**
 * `--timings`: where the time of a run went, per design and view, on stderr.
 *
 * The stages record User Timing measures named `aksnet:<stage>` with `{ design, view? }` as detail
 * (load, normalize, validate, measure, layout, render, write; html and print for review packs); this module reads them, prints
 * them grouped by design, and clears them so a watch session does not accumulate entries.
 */
import { performance, type PerformanceEntry } from 'node:perf_hooks';

export const STAGES = ['load', 'normalize', 'validate', 'measure', 'layout', 'render', 'write', 'html', 'print'] as const;
export type Stage = (typeof STAGES)[number];

export interface StageTiming {
  design: string;
  view?: string;
  stage: Stage;
  ms: number;
}

let enabled = false;

/** Turns printing on for this process (the CLI's `--timings`). */
export function enableTimings(): void {
  enabled = true;
}

function isStage(s: string): s is Stage {
  return (STAGES as readonly string[]).includes(s);
}

/** The recorded stage timings, in recording order. */
export function stageTimings(
  entries: readonly PerformanceEntry[] = performance.getEntriesByType('measure'),
): StageTiming[] {
  const out: StageTiming[] = [];
  for (const e of entries) {
    if (!e.name.startsWith('aksnet:')) continue;
    const stage = e.name.slice('aksnet:'.length);
    if (!isStage(stage)) continue;
    const detail = (e as PerformanceEntry & { detail?: unknown }).detail;
    const d = typeof detail === 'object' && detail !== null ? (detail as { design?: unknown; view?: unknown }) : {};
    out.push({
      design: typeof d.design === 'string' ? d.design : '(unknown design)',
      ...(typeof d.view === 'string' ? { view: d.view } : {}),
      stage,
      ms: e.duration,
    });
  }
  return out;
}

const ms = (n: number) => `${n.toFixed(1)} ms`;

/** Formats timings: one block per design, a line for its own stages and one per view. */
export function formatTimings(timings: readonly StageTiming[], sinceStartMs: number): string {
  const designs = new Map<string, StageTiming[]>();
  for (const t of timings) designs.set(t.design, [...(designs.get(t.design) ?? []), t]);
  const lines: string[] = [];
  for (const [design, ts] of designs) {
    lines.push(`timings ${design}`);
    const own = ts.filter((t) => t.view === undefined);
    if (own.length) lines.push(`  ${sumByStage(own)}`);
    const views = [...new Set(ts.filter((t) => t.view !== undefined).map((t) => t.view!))];
    for (const v of views) lines.push(`  ${v.padEnd(14)} ${sumByStage(ts.filter((t) => t.view === v))}`);
  }
  lines.push(`timings process: ${ms(sinceStartMs)} since node started (includes start-up and module loading)`);
  return lines.join('\n') + '\n';
}

function sumByStage(ts: readonly StageTiming[]): string {
  const sums = new Map<Stage, number>();
  for (const t of ts) sums.set(t.stage, (sums.get(t.stage) ?? 0) + t.ms);
  return STAGES.filter((s) => sums.has(s))
    .map((s) => `${s} ${ms(sums.get(s)!)}`)
    .join('  ');
}

/** Prints the recorded timings to stderr when `--timings` is on; always clears them. */
export function flushTimings(): void {
  if (enabled) {
    const ts = stageTimings();
    if (ts.length) process.stderr.write(formatTimings(ts, performance.now()));
  }
  performance.clearMeasures();
}
