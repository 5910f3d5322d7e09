/**
 * A hop's `preservesClientIp` left out: stated, defaulted or unknown. A load balancer keeps the client's address only
 * when its Service says so (externalTrafficPolicy: Local; the default, Cluster, replaces it with a node IP), an NVA's
 * NAT is its own configuration, and a firewall hop without DNAT depends on its rule type: unknown, never filled in.
 * The proxies replace it whatever the design says (defaulted, as before), and so does a firewall's DNAT.
 */
import { describe, expect, it } from 'vitest';
import { nva } from '../../dsl/index.js';
import type { Hop } from '../../dsl/index.js';
import { normalize } from '../../src/normalize/normalize.js';
import { baseline } from '../helpers/fixture.js';
import { mutable } from '../helpers/mutable.js';

type B = ReturnType<typeof baseline>;

/** The baseline's path (App Gateway → ILB → nginx) with hop `i` changed. */
function withHop(i: number, change: (b: B, h: Hop) => Hop) {
  const b = baseline();
  mutable(b.path.hops)[i] = change(b, b.path.hops[i]!);
  return normalize(b.arch).model;
}

const facts = (model: ReturnType<typeof withHop>, path: string) => ({
  defaulted: model.defaults.filter((d) => d.path === path).map((d) => d.value),
  unknown: model.unknown.filter((u) => u.path === path).map((u) => [u.fact, u.formerly]),
});

describe('preservesClientIp of an ingress hop', () => {
  const LB = 'ingress[0].hops[1].preservesClientIp';

  it('a load balancer that does not say is unknown, not "kept"', () => {
    const { model } = normalize(baseline().arch);
    expect(model.ingressPaths[0]!.hops[1]!.preservesClientIp).toBeUndefined();
    expect('preservesClientIp' in model.ingressPaths[0]!.hops[1]!).toBe(false);
    expect(facts(model, LB)).toEqual({
      defaulted: [],
      unknown: [
        [
          "whether the load balancer keeps the client's source IP (a LoadBalancer Service keeps it only with externalTrafficPolicy: Local; the default, Cluster, replaces it with a node IP)",
          'kept',
        ],
      ],
    });
  });

  for (const stated of [true, false]) {
    it(`a load balancer that states ${String(stated)}: stated, neither defaulted nor unknown`, () => {
      const model = withHop(1, (_, h) => ({ ...h, preservesClientIp: stated }));
      expect(model.ingressPaths[0]!.hops[1]!.preservesClientIp).toBe(stated);
      expect(facts(model, LB)).toEqual({ defaulted: [], unknown: [] });
    });
  }

  it('the proxies are unchanged: App Gateway and the ingress controller replace it (defaulted, inferred)', () => {
    const { model } = normalize(baseline().arch);
    for (const i of [0, 2]) {
      expect(model.ingressPaths[0]!.hops[i]!.preservesClientIp).toBe(false);
      const d = model.defaults.find((x) => x.path === `ingress[0].hops[${i}].preservesClientIp`);
      expect(d).toMatchObject({ value: false, inferred: true });
    }
  });

  it('an App Gateway that states true keeps its stated value (ingress/client-ip-claim judges it)', () => {
    const model = withHop(0, (_, h) => ({ ...h, preservesClientIp: true }));
    expect(model.ingressPaths[0]!.hops[0]!.preservesClientIp).toBe(true);
  });

  it('an NVA that does not say is unknown', () => {
    const model = withHop(0, (b) => ({
      via: nva({ name: 'nva-edge', subnet: b.fwSubnet, privateIp: '10.0.0.10' }),
      protocol: 'https',
      port: 443,
      tls: 'passthrough',
    }));
    expect(model.ingressPaths[0]!.hops[0]!.preservesClientIp).toBeUndefined();
    expect(facts(model, 'ingress[0].hops[0].preservesClientIp').unknown).toEqual([
      ["whether the appliance keeps the client's source IP (it depends on its NAT configuration)", 'kept'],
    ]);
  });

  it('a firewall hop without DNAT is unknown; through a DNAT rule it replaces the address (defaulted)', () => {
    const plain = withHop(0, (b) => ({ via: b.firewall, protocol: 'https', port: 443, tls: 'passthrough' }));
    expect(plain.ingressPaths[0]!.hops[0]!.preservesClientIp).toBeUndefined();
    expect(facts(plain, 'ingress[0].hops[0].preservesClientIp').unknown).toEqual([
      [
        "whether the firewall keeps the client's source IP (network rules to private ranges keep it; application rules replace it)",
        'replaced',
      ],
    ]);
    const b = baseline();
    b.firewall.classicRules = [
      {
        type: 'dnat',
        name: 'publish',
        priority: 100,
        rules: [{ name: 'web', destinationAddress: '20.50.60.70', destinationPort: 443, protocols: ['TCP'], translatedAddress: '10.1.4.10', translatedPort: 443 }],
      },
    ];
    mutable(b.path.hops)[0] = { via: b.firewall, protocol: 'https', port: 443, tls: 'passthrough', dnatRule: 'web' };
    const dnat = normalize(b.arch);
    expect(dnat.issues.filter((i) => i.path.startsWith('ingress'))).toEqual([]);
    expect(dnat.model.ingressPaths[0]!.hops[0]!.preservesClientIp).toBe(false);
    expect(facts(dnat.model, 'ingress[0].hops[0].preservesClientIp')).toEqual({ defaulted: [false], unknown: [] });
  });
});
