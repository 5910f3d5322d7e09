/**
 * The catalogue-wide probe of `reads` (src/validate/rule.ts): a rule's verdict on an element rests on some of its
 * fields, and an invalid value in another field must not hold it back. The probe adds an unknown key to the DSL object
 * of each element the rule's findings name (a structure/schema error with a stand-in, which no rule reads) and runs the
 * rule again: every finding must stay, none may turn into a check that could not run.
 */
import type { Architecture } from '../../dsl/index.js';
import { normalize } from '../../src/normalize/normalize.js';
import { loadRules } from '../../src/validate/registry.js';
import { validateModel } from '../../src/validate/validate.js';

/** The key the probe adds: a field no DSL part has. */
export const PROBE_KEY = 'aksnetProbeUnreadField';

export interface ProbeResult {
  /** Elements probed (their DSL paths). */
  probed: string[];
  /** Findings that did not stay, as `messageId path` (held, or gone). */
  held: string[];
  /** Findings that stayed when the very field they name was made invalid (the verdict judged the stand-in). */
  leaked: string[];
}

/** The object at a DSL path (`clusters[0].nodePools[1]`, `ingress[0].hops[0].via`) inside a design. */
function at(root: unknown, path: string): Record<string, unknown> | undefined {
  const cur = atAny(root, path);
  return typeof cur === 'object' && cur !== null && !Array.isArray(cur) ? (cur as Record<string, unknown>) : undefined;
}

async function run(ruleId: string, arch: Architecture, asOf: string) {
  const rules = (await loadRules()).filter((r) => r.meta.id === ruleId);
  const { model, issues } = normalize(arch);
  return { model, issues, result: await validateModel(model, issues, { file: 'test.ts', rules, asOf }) };
}

/** Runs `ruleId` on the design, then once per element its findings name with the probe key added to that element. */
export async function unreadProbe(ruleId: string, arch: () => Architecture, asOf: string): Promise<ProbeResult> {
  const before = await run(ruleId, arch(), asOf);
  const key = (f: { messageId?: string; path: string; message: string }) => `${f.messageId ?? ''} ${f.path}: ${f.message}`;
  const elements = [...new Set(before.result.findings.flatMap((f) => (f.element ? [f.element] : [])))];
  const out: ProbeResult = { probed: [], held: [], leaked: [] };
  for (const id of elements) {
    const path = before.model.resources.find((r) => r.id === id)?.source.path;
    const design = arch();
    const obj = path ? at(design, path) : undefined;
    if (!path || !obj) continue;
    obj[PROBE_KEY] = true;
    const after = await run(ruleId, design, asOf);
    // Only a probe that made an invalid field of this very element tests anything (an entry of a plain list, such as
    // an egress destination, is checked with the part that holds it).
    if (!after.issues.some((i) => i.standIn && i.element === id && i.path === `${path}.${PROBE_KEY}`)) continue;
    out.probed.push(path);
    const stayed = new Set(after.result.findings.map(key));
    // Any finding: one on another element may depend on this one (dependsOn).
    for (const f of before.result.findings) if (!stayed.has(key(f))) out.held.push(`${path}: ${f.messageId ?? ''} ${f.path}`);
  }
  // The other side: the field a finding names, stated with a value of no field's shape, must hold that finding back.
  for (const f of before.result.findings) {
    const cut = f.path.match(/^(.*?)(?:\.([^.[\]]+)|\[(\d+)\])$/);
    if (!f.element || !cut) continue;
    const design = arch();
    const holder = atAny(design, cut[1]!);
    const parent = typeof holder === 'object' && holder !== null ? (holder as Record<string, unknown>) : undefined;
    const field = cut[2] ?? cut[3]!;
    if (!parent || !(field in parent)) continue;
    parent[field] = INVALID;
    const after = await run(ruleId, design, asOf);
    // Only a field the model then holds as a stand-in of this element (a reference stated wrongly is another matter).
    if (!after.issues.some((i) => i.standIn && i.element === f.element && i.path === f.path)) continue;
    if (after.result.findings.some((g) => key(g) === key(f))) out.leaked.push(`${f.messageId ?? ''} ${f.path}`);
  }
  return out;
}

/** A value no DSL field takes: not a string, an object, an array, a boolean or a whole number. */
const INVALID = -0.5;

/** The value at a DSL path inside a design. */
function atAny(root: unknown, path: string): unknown {
  let cur: unknown = root;
  for (const step of path.match(/[^.[\]]+/g) ?? []) {
    if (typeof cur !== 'object' || cur === null) return undefined;
    cur = (cur as Record<string, unknown>)[step];
  }
  return cur;
}
