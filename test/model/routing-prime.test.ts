/**
 * The normalizer hands its effective routes to routingOf (the rules then do not compute them again).
 * They must be exactly what routingOf would compute from the finished model, in the same order, for
 * every example design (hub and spoke, gateways, hybrid connections, NVAs, two regions).
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadArchitecture } from '../../src/load/load-architecture.js';
import { routingOf, primeRouting } from '../../src/model/egress.js';
import { computeRouting } from '../../src/model/routing.js';
import { normalize } from '../../src/normalize/normalize.js';
import { baseline } from '../helpers/fixture.js';

const examples = join(import.meta.dirname, '..', '..', 'examples');

describe('routes handed over by the normalizer', () => {
  it.each(readdirSync(examples).filter((f) => f.endsWith('.ts')))('%s: equal to routes computed from the model', async (f) => {
    const { model } = await loadArchitecture(join(examples, f));
    const fresh = computeRouting(model);
    const primed = routingOf(model);
    expect([...primed.keys()]).toEqual([...fresh.keys()]);
    expect(primed).toEqual(fresh);
  });

  it('takes a complete routes map as it is, re-keyed in resource order, and refuses one missing a subnet', () => {
    const { model } = normalize(baseline().arch);
    // A clone is a model routingOf has not seen.
    const taken = structuredClone(model);
    const full = computeRouting(taken);
    const reversed = new Map([...full].reverse());
    primeRouting(taken, reversed);
    const got = routingOf(taken);
    expect([...got.keys()]).toEqual([...full.keys()]);
    for (const [id, routes] of got) expect(routes).toBe(full.get(id));

    const refused = structuredClone(model);
    const partial = new Map([...computeRouting(refused)].slice(1));
    primeRouting(refused, partial);
    expect(routingOf(refused).size).toBe(partial.size + 1);
  });
});
