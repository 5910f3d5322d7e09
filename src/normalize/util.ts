/** Small pure helpers shared by the normalizer modules. */
import type { AppliedDefault, Id, UnknownFact } from '../model/types.js';

export function isId(v: Id | undefined): v is Id {
  return typeof v === 'string' && v.length > 0;
}

export function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function uniqueSorted(ids: Id[]): Id[] {
  return [...new Set(ids)].sort(cmp);
}

export function article(kinds: readonly string[]): string {
  return kinds.map((k) => `${/^[aeiou]/i.test(k) ? 'an' : 'a'} ${k} object`).join(' or ');
}

export function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}

/** Drops undefined-valued keys so JSON output and equality checks are stable. */
export function stripUndefined<T extends object>(o: T): T {
  for (const k of Object.keys(o) as Array<keyof T>) if (o[k] === undefined) delete o[k];
  return o;
}

export function dedupeDefaults(list: AppliedDefault[]): AppliedDefault[] {
  const seen = new Set<string>();
  return list.filter((d) => {
    const key = `${d.element}|${d.path}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

export function dedupeUnknown(list: UnknownFact[]): UnknownFact[] {
  const seen = new Set<string>();
  return list.filter((u) => {
    const key = `${u.element}|${u.path}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
