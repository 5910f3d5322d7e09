/** Builds an imported design into the DSL value the normalizer reads, exactly as its file would. */
import * as builders from '../../dsl/builders.js';
import type { Architecture } from '../../dsl/types.js';
import { Commented, Decl, type Value } from './design.js';
import type { ImportedDesign } from './import.js';

export function buildArchitecture(design: ImportedDesign): Architecture {
  const built = new Map<Decl, unknown>();
  const value = (v: Value | undefined): unknown => {
    if (v instanceof Decl) {
      let b = built.get(v);
      if (b === undefined) {
        const spec = value(v.spec as Value) as Record<string, unknown>;
        const fn = (builders as unknown as Record<string, (s: unknown) => unknown>)[v.builder]!;
        built.set(v, (b = fn(spec)));
      }
      return b;
    }
    if (v instanceof Commented) return value(v.value);
    if (Array.isArray(v)) return v.map(value);
    if (typeof v === 'object' && v !== null) {
      const o: Record<string, unknown> = {};
      for (const [k, x] of Object.entries(v)) if (x !== undefined) o[k] = value(x);
      return o;
    }
    return v;
  };
  return builders.defineArchitecture(
    value(design.architecture as Value) as Parameters<typeof builders.defineArchitecture>[0],
  );
}

/** Azure resource ids by model element id, for drift findings. */
export function azureIdsByElement(design: ImportedDesign): Map<string, string> {
  const m = new Map<string, string>();
  for (const d of design.decls) if (d.azureIds[0]) m.set(d.modelId, d.azureIds[0]);
  return m;
}
