/**
 * The address, CNI and control-plane rules must never throw: this mutates normalized models of the
 * rule-test fixtures at random (empty ids, invalid CIDRs, odd numbers, empty lists) and runs every
 * rule of these areas directly against them.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalize } from '../../../src/normalize/normalize.js';
import { ModelQuery } from '../../../src/model/query.js';
import { loadRules } from '../../../src/validate/registry.js';
import type { Model } from '../../../src/model/types.js';
import { baseline } from '../../helpers/fixture.js';
import { withAgc, withOnPrem } from './_fixtures.js';

const AREAS = ['address/', 'cni/', 'control-plane/'];
const WEIRD_STRINGS = ['', 'garbage', '10.0.0.0/33', '0.0.0.0/0', '10.0.0.1/24', '172.31.0.0/16', '10.1.0.0/16', '1.2.3.4', 'subnet:nope'];
const WEIRD_NUMBERS = [-1, 0, 1, 2.5, 5000, 1e9];

/** Discriminators keep their value so the model stays well-typed. */
const KEEP = new Set(['kind', 'mode', 'type', 'cni', 'dataplane', 'networkPolicy', 'loadBalancerSku', 'os', 'hosting', 'class', 'visibility', 'sku', 'frontend']);

function mutate(value: unknown, picks: number[], state: { i: number }): unknown {
  const next = () => picks[state.i++ % picks.length]!;
  if (Array.isArray(value)) {
    if (next() % 7 === 0) return [];
    return value.map((v) => mutate(v, picks, state));
  }
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = KEEP.has(k) ? v : mutate(v, picks, state);
    return out;
  }
  const p = next();
  if (p % 4 !== 0) return value;
  if (typeof value === 'string') return WEIRD_STRINGS[p % WEIRD_STRINGS.length];
  if (typeof value === 'number') return WEIRD_NUMBERS[p % WEIRD_NUMBERS.length];
  if (typeof value === 'boolean') return !value;
  return value;
}

describe('address, CNI and control-plane rules on weird models', () => {
  it('never throw', async () => {
    const rules = (await loadRules()).filter((r) => AREAS.some((a) => r.meta.id.startsWith(a)));
    expect(rules.length).toBeGreaterThanOrEqual(30);
    const seeds: Model[] = [baseline().arch, withOnPrem().arch, withAgc('10.1.8.0/24').arch].map((a) => normalize(a).model);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: seeds.length - 1 }), fc.array(fc.nat(1000), { minLength: 1, maxLength: 64 }), (s, picks) => {
        const model = mutate(seeds[s], picks, { i: 0 }) as Model;
        model.resources = model.resources ?? [];
        model.edges = model.edges ?? [];
        model.controlPlaneAccess = model.controlPlaneAccess ?? [];
        model.defaults = model.defaults ?? [];
        const q = new ModelQuery(model);
        for (const r of rules) r.check({ model, q, asOf: '2026-11-23', issues: [], report: () => undefined, unverified: () => undefined });
      }),
      { numRuns: 200, seed: 42 },
    );
  });
});
