/**
 * A route or an NSG rule the normalizer cannot read (not an object, or a route's nextHop of no known shape) is left out
 * of the model, so every entry after it moves up one place. A verdict that points at `routes[i]` or `rules[i]` by its
 * place in the model would then name the wrong line of the design; the dropped entry is a stand-in instead, and the
 * verdicts on its table or NSG that read those entries wait until it is fixed.
 */
import { describe, expect, it } from 'vitest';
import { baseline } from '../helpers/fixture.js';
import { runAllResult } from '../helpers/run-rule.js';

type Base = ReturnType<typeof baseline>;

async function run(change: (b: Base) => void) {
  const b = baseline();
  change(b);
  return runAllResult(b.arch, { asOf: '2026-12-03' });
}

const set = (o: object, key: string, v: unknown): void => {
  (o as Record<string, unknown>)[key] = v;
};

describe('an entry the normalizer drops holds the verdicts on its table or NSG', () => {
  it("a route table's default route sent to the internet: the verdict points at that route", async () => {
    const r = await run((b) => (b.rt.routes = [{ name: 'default', prefix: '0.0.0.0/0', nextHop: { type: 'Internet' } }]));
    expect(r.findings.filter((f) => f.path.startsWith('network.vnets[1].subnets[0].routeTable.routes')).map((f) => f.path)).not.toEqual([]);
  });

  it('the same route after one whose nextHop is a name: no verdict points at routes[0] (the unreadable one), the table waits', async () => {
    const r = await run((b) =>
      set(b.rt, 'routes', [
        { name: 'to-fw', prefix: '10.9.0.0/16', nextHop: 'afw-hub' },
        { name: 'default', prefix: '0.0.0.0/0', nextHop: { type: 'Internet' } },
      ]),
    );
    expect(r.findings.filter((f) => f.ruleId === 'structure/schema').map((f) => f.path)).toEqual(['network.vnets[1].subnets[0].routeTable.routes[0].nextHop']);
    // Nothing but the schema error is said at routes[0].
    expect(r.findings.filter((f) => f.path.startsWith('network.vnets[1].subnets[0].routeTable.routes[0]') && f.ruleId !== 'structure/schema')).toEqual([]);
    expect(r.unverified!.some((u) => u.factPath === 'network.vnets[1].subnets[0].routeTable.routes[0].nextHop')).toBe(true);
  });

  it('an NSG rule that is not an object: the NSG verdicts wait instead of naming the rule after it', async () => {
    const r = await run((b) => set(b.nodeNsg, 'rules', ['allow-all', ...(b.nodeNsg.rules ?? [])]));
    expect(r.findings.filter((f) => f.ruleId === 'structure/schema').map((f) => f.path)).toEqual(['network.vnets[1].subnets[0].nsg.rules[0]']);
    expect(r.findings.filter((f) => f.path.startsWith('network.vnets[1].subnets[0].nsg.rules[0]') && f.ruleId !== 'structure/schema')).toEqual([]);
  });
});
