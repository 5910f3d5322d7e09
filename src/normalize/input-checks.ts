/**
 * Checks on the architecture value as written, before it is read (h15, issue #15): things the
 * part-by-part reading cannot see, because it meets each object once.
 * - Names are normalised to Unicode NFC in place, so `café` typed two ways is one name and the
 *   duplicate-name check sees look-alikes; whitespace-only names, names with `/` (ids are built
 *   from names joined by `/`, so two different parts could share an id) and names with control
 *   characters are reported (`structure/invalid-name`).
 * - One subnet object listed in two VNets, or one node-pool object in two clusters, is reported
 *   (`structure/shared-part`): Azure has no such thing, and the model could only keep the first.
 */
import type { NormalizeIssue } from './reader.js';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

/**
 * Normalises names (NFC) in place and returns the issues found; never throws on odd values. `parts` receives the
 * object each name issue is about, so that the normalizer can name it by the path and element it reads it under
 * (the walk may first meet a route table through a build agent's subnet; the model knows it from its VNet).
 */
export function checkInput(root: unknown, parts?: Map<NormalizeIssue, object>): NormalizeIssue[] {
  const issues: NormalizeIssue[] = [];
  if (!isObj(root)) return issues;
  // Breadth-first, so each object is named by its shortest path (the one the normalizer uses first).
  // A path is spelt out only for a name that needs an issue: each entry keeps its parent and key.
  const seen = new Set<object>();
  const values: unknown[] = [root];
  const parents: number[] = [-1];
  const keys: Array<string | number> = [''];
  const pathOf = (i: number): string => {
    if (i <= 0) return '';
    const up = pathOf(parents[i]!);
    const key = keys[i]!;
    return typeof key === 'number' ? `${up}[${key}]` : up ? `${up}.${key}` : key;
  };
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    if (typeof value !== 'object' || value === null || seen.has(value)) continue;
    seen.add(value);
    if (Array.isArray(value)) {
      value.forEach((v, j) => {
        values.push(v);
        parents.push(i);
        keys.push(j);
      });
      continue;
    }
    const obj = value as Obj;
    let name: unknown;
    try {
      name = obj.name;
    } catch {
      continue;
    }
    if (typeof name === 'string' && typeof obj.kind === 'string') {
      const before = issues.length;
      checkName(obj, name, () => pathOf(i), issues);
      for (const issue of issues.slice(before)) parts?.set(issue, obj);
    }
    for (const key of Object.keys(obj)) {
      let child: unknown;
      try {
        child = obj[key];
      } catch {
        continue;
      }
      if (typeof child === 'object' && child !== null) {
        values.push(child);
        parents.push(i);
        keys.push(key);
      }
    }
  }
  sharedParts(root, issues);
  return issues;
}

function checkName(obj: Obj, name: string, pathOf: () => string, issues: NormalizeIssue[]): void {
  const at = (): string => {
    const path = pathOf();
    return path ? `${path}.name` : 'name';
  };
  const nfc = name.normalize('NFC');
  if (nfc !== name) {
    try {
      obj.name = nfc;
    } catch {
      // A frozen object keeps its spelling; duplicate detection then compares it as written.
    }
  }
  const shown = JSON.stringify(nfc);
  if (nfc.length > 0 && nfc.trim() === '') {
    const message = `the ${obj.kind} name ${shown} is only whitespace`;
    issues.push({ ruleId: 'structure/invalid-name', message, path: at() });
  } else if (CONTROL.test(nfc)) {
    const message = `the ${obj.kind} name ${shown} contains control characters`;
    issues.push({ ruleId: 'structure/invalid-name', message, path: at() });
  } else if (nfc.includes('/')) {
    issues.push({
      ruleId: 'structure/invalid-name',
      message:
        `the ${obj.kind} name ${shown} contains "/", which Azure does not allow in resource names ` +
        'and which would make ids ambiguous',
      path: at(),
    });
  }
}

/** Subnets listed in two VNets' `subnets`, node pools in two clusters' `nodePools`. */
function sharedParts(root: Obj, issues: NormalizeIssue[]): void {
  const check = (parents: unknown, parentsPath: string, listKey: string, what: string, parentWhat: string): void => {
    if (!Array.isArray(parents)) return;
    const owner = new Map<object, { path: string; name: string }>();
    parents.forEach((p, i) => {
      if (!isObj(p) || !Array.isArray(p[listKey])) return;
      const pName = typeof p.name === 'string' ? p.name : `#${i}`;
      (p[listKey] as unknown[]).forEach((child, j) => {
        if (!isObj(child)) return;
        const path = `${parentsPath}[${i}].${listKey}[${j}]`;
        const first = owner.get(child);
        if (!first) owner.set(child, { path, name: pName });
        else if (first.name !== pName || !first.path.startsWith(`${parentsPath}[${i}].`)) {
          const cName = typeof child.name === 'string' ? ` "${child.name}"` : '';
          issues.push({
            ruleId: 'structure/shared-part',
            message:
              `the same ${what} object${cName} is listed in ${parentWhat} ${first.name} and in ${pName} ` +
              `(first at ${first.path}); each ${parentWhat} needs its own`,
            path,
          });
        }
      });
    });
  };
  const network = root.network;
  if (isObj(network)) check(network.vnets, 'network.vnets', 'subnets', 'subnet', 'VNet');
  check(root.clusters, 'clusters', 'nodePools', 'node pool', 'cluster');
}
