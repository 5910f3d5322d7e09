/**
 * The context's facts, with the rows that say the same of several elements of one kind told once. A design with 20
 * spokes built from one template has 20 clusters, 20 node-pool rows and 20 WAF rows that differ only in the name
 * they are about: three printed pages that a reader must compare line by line to learn that they are alike. The
 * diagrams draw such spokes once ("19 more spokes like spoke-1"); the facts do the same.
 */
import type { KeyValue } from './types.js';

/** A fact row; `about` names the one element it is about when the label names it (the label holds it once). */
export interface ElementFact extends KeyValue {
  about?: string;
}

/** Rows alike from this many on are merged: two alike rows read as quickly as one merged row. */
export const ALIKE_FROM = 3;

/**
 * Merges the rows about elements whose label is the same but for the element's name and whose value is the same:
 * the first keeps its place, labelled "… and N alike", and its value names the others. Other rows are kept as they
 * are, in order.
 */
export function mergeAlikeFacts(rows: readonly ElementFact[]): KeyValue[] {
  const keyOf = (r: ElementFact): string | undefined =>
    r.about && r.label.includes(r.about) ? `${r.label.replace(r.about, '\u0000')}\u0000${r.value}` : undefined;
  const groups = new Map<string, ElementFact[]>();
  for (const r of rows) {
    const key = keyOf(r);
    if (key !== undefined) groups.set(key, [...(groups.get(key) ?? []), r]);
  }
  const out: KeyValue[] = [];
  for (const r of rows) {
    const key = keyOf(r);
    const group = key === undefined ? undefined : groups.get(key)!;
    if (!group || group.length < ALIKE_FROM) out.push({ label: r.label, value: r.value });
    else if (group[0] === r) {
      const others = group.slice(1).map((o) => o.about!);
      out.push({
        label: `${r.label} and ${others.length} alike`,
        value: `${r.value} (the same for ${others.join(', ')})`,
      });
    }
  }
  return out;
}
