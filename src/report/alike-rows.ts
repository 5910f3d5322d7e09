/**
 * Rows that say the same of several elements of one kind, told once. A design with 20 spokes built from one
 * template has 20 cluster facts, 20 node-pool facts, 20 WAF facts and 40 pod and service ranges that differ only in
 * the name they are about: pages that a reader must compare line by line to learn that they are alike. The
 * diagrams draw such spokes once ("19 more spokes like spoke-1"); the context's facts and the IP plan do the same.
 */
import type { IpPlanView, IpRow, KeyValue } from './types.js';

/** A fact row; `about` names the one element it is about when the label names it (the label holds it once). */
export interface ElementFact extends KeyValue {
  about?: string;
}

/** Rows alike from this many on are merged: two alike rows read as quickly as one merged row. */
export const ALIKE_FROM = 3;

/**
 * Merges each group of rows with one key (undefined: never merged) of ALIKE_FROM or more into its first row, which
 * keeps its place; other rows are kept as they are, in order.
 */
function mergeAlike<T, U>(
  rows: readonly T[],
  keyOf: (r: T) => string | undefined,
  keep: (r: T) => U,
  merge: (first: T, others: T[]) => U,
): U[] {
  const groups = new Map<string, T[]>();
  for (const r of rows) {
    const key = keyOf(r);
    if (key !== undefined) groups.set(key, [...(groups.get(key) ?? []), r]);
  }
  const out: U[] = [];
  for (const r of rows) {
    const key = keyOf(r);
    const group = key === undefined ? undefined : groups.get(key)!;
    if (!group || group.length < ALIKE_FROM) out.push(keep(r));
    else if (group[0] === r) out.push(merge(r, group.slice(1)));
  }
  return out;
}

/**
 * Names, with each run of one pattern numbered without a gap written as its first and last ("aks-2 to aks-20"):
 * generated spokes are numbered, and 19 names in a narrow table cell made rows a dozen lines tall.
 */
export function nameList(names: readonly string[]): string {
  const numbered = (n: string) => /^(.*?)(0|[1-9]\d*)(\D*)$/.exec(n);
  const runs = new Map<string, number[]>();
  for (const n of names) {
    const m = numbered(n);
    if (m) runs.set(`${m[1]}\u0000${m[3]}`, [...(runs.get(`${m[1]}\u0000${m[3]}`) ?? []), Number(m[2])]);
  }
  const out: string[] = [];
  const told = new Set<string>();
  for (const n of names) {
    const m = numbered(n);
    const key = m ? `${m[1]}\u0000${m[3]}` : undefined;
    const nums = key === undefined ? undefined : [...new Set(runs.get(key))].sort((a, b) => a - b);
    const gapless = nums && nums.length >= 3 && nums.length === runs.get(key!)!.length && nums.at(-1)! - nums[0]! === nums.length - 1;
    if (!gapless) out.push(n);
    else if (!told.has(key!)) {
      told.add(key!);
      out.push(`${m![1]}${nums[0]}${m![3]} to ${m![1]}${nums.at(-1)}${m![3]}`);
    }
  }
  return out.join(', ');
}

/**
 * Facts whose label is the same but for the element's name and whose value is the same: the first is labelled
 * "… and N alike", and its value names the others.
 */
export function mergeAlikeFacts(rows: readonly ElementFact[]): KeyValue[] {
  return mergeAlike(
    rows,
    (r) => (r.about && r.label.includes(r.about) ? `${r.label.replace(r.about, '\u0000')}\u0000${r.value}` : undefined),
    (r) => ({ label: r.label, value: r.value }),
    (r, others) => ({
      label: `${r.label} and ${others.length} alike`,
      value: `${r.value} (the same for ${nameList(others.map((o) => o.about!))})`,
    }),
  );
}

/**
 * Pod and service ranges of clusters that are alike in every column but the cluster's name (the same overlay pod
 * CIDR, the same service CIDR, the same demand): the first is named "… and N alike", and its basis names the
 * others. VNets and subnets are never merged: each has an address space of its own.
 */
export function mergeAlikeRanges(plan: IpPlanView): IpPlanView {
  const rows = mergeAlike<IpRow, IpRow>(
    plan.rows,
    (r) => {
      if (r.level !== 'pod-cidr' && r.level !== 'service-cidr') return undefined;
      if (!r.name.startsWith(`${r.parent} `)) return undefined;
      const { name, parent, ...rest } = r;
      return JSON.stringify({ ...rest, kind: name.slice(parent.length) });
    },
    (r) => r,
    (r, others) => ({
      ...r,
      name: `${r.name} and ${others.length} alike`,
      basis: `${r.basis}; the same for ${nameList(others.map((o) => o.name))}`,
    }),
  );
  return { ...plan, rows };
}
