import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ingressPath, loadBalancer } from '../../../dsl/index.js';
import type { Finding } from '../../../src/validate/finding.js';
import { validateFiles } from '../../../src/validate/run-files.js';
import { baseline } from '../../helpers/fixture.js';
import { runAll } from '../../helpers/run-rule.js';
import { testRule } from '../../helpers/rule-tester.js';
import { mutable } from '../../helpers/mutable.js';

const DNAT_RULE = 'egress/dnat-asymmetric-route';
const ID = 'egress/public-lb-asymmetric-routing';

interface DnatOptions {
  /** The node route table's host route for the firewall's public IP (next hop Internet). */
  hostRoute: boolean;
  /** A second path that enters through the same public load balancer straight from the internet. */
  direct?: boolean;
}

/** Internet → firewall DNAT → public load balancer of the UDR baseline cluster (integrate-lb). */
function dnatToPublicLb(o: DnatOptions) {
  return () => {
    const b = baseline();
    const plb = loadBalancer({ name: 'lb-public', visibility: 'public', cluster: b.aks, zones: [1, 2, 3] });
    b.firewall.classicRules = [
      {
        type: 'dnat',
        name: 'publish',
        priority: 100,
        rules: [{ name: 'web', destinationAddress: '20.50.60.70', destinationPort: 443, protocols: ['TCP'], translatedAddress: '20.50.60.99', translatedPort: 443 }],
      },
    ];
    if (o.hostRoute) b.rt.routes = [...b.rt.routes, { name: 'fw-public', prefix: '20.50.60.70/32', nextHop: { type: 'Internet' } }];
    const to = { cluster: b.aks, service: 'web', protocol: 'https', port: 8443 } as const;
    b.arch.ingress = [
      ingressPath({
        name: 'dnat-web',
        from: { kind: 'internet' },
        hops: [
          { via: b.firewall, protocol: 'https', port: 443, tls: 'passthrough', dnatRule: 'web' },
          { via: plb, protocol: 'https', port: 443, tls: 'passthrough' },
        ],
        to,
      }),
      ...(o.direct ? [ingressPath({ name: 'direct-web', from: { kind: 'internet' }, hops: [{ via: plb, protocol: 'https', port: 443, tls: 'passthrough' }], to })] : []),
    ];
    return b.arch;
  };
}

const hopMessage =
  'ingress path web enters through public load balancer ilb-ingress (hop 2), but cluster aks-test routes 0.0.0.0/0 to afw-hub: replies leave through that appliance and are dropped';

function publicHop(outbound?: 'loadBalancer') {
  return () => {
    const b = baseline();
    b.ilb.visibility = 'public';
    delete b.ilb.subnet;
    if (outbound) b.aks.outbound = { type: outbound };
    return b.arch;
  };
}

testRule(ID, {
  valid: [
    { name: 'an internal load balancer behind App Gateway', arch: () => baseline().arch },
    {
      name: 'a public load balancer when egress is not routed to a firewall',
      arch: () => {
        const b = baseline();
        b.ilb.visibility = 'public';
        delete b.nodes.routeTable;
        b.aks.outbound = { type: 'loadBalancer' };
        return b.arch;
      },
    },
    {
      name: "a public load balancer behind a firewall DNAT, with the host route for the firewall's public IP (integrate-lb)",
      arch: dnatToPublicLb({ hostRoute: true }),
    },
    {
      name: 'a public load balancer behind a firewall DNAT without the host route: egress/dnat-asymmetric-route says so, not this rule',
      arch: dnatToPublicLb({ hostRoute: false }),
    },
    {
      name: 'an internal LoadBalancer Service declared on its own',
      arch: () => {
        const b = baseline();
        b.arch.network.loadBalancers = [loadBalancer({ name: 'svc-internal', visibility: 'internal', subnet: b.nodes, cluster: b.aks })];
        return b.arch;
      },
    },
  ],
  invalid: [
    {
      name: 'a public load balancer hop on a UDR cluster',
      arch: publicHop(),
      findings: [
        {
          messageId: 'pathThroughPublicLb',
          path: 'ingress[0].hops[1]',
          severity: 'error',
          message: hopMessage,
          evidence: { path: 'web', loadBalancer: 'ilb-ingress', cluster: 'aks-test', appliance: 'afw-hub' },
        },
      ],
    },
    {
      name: 'a loadBalancer-outbound cluster whose node subnet routes 0.0.0.0/0 to the firewall (the effective route decides)',
      arch: publicHop('loadBalancer'),
      findings: [{ messageId: 'pathThroughPublicLb', path: 'ingress[0].hops[1]', severity: 'error', message: hopMessage }],
    },
    {
      name: 'a second path entering through another public load balancer of the UDR cluster',
      arch: () => {
        const b = baseline();
        const plb = loadBalancer({ name: 'plb-legacy', visibility: 'public', cluster: b.aks });
        mutable(b.arch.ingress!).push({ ...b.path, name: 'legacy', hops: [{ via: plb, protocol: 'tcp', port: 443, tls: 'passthrough' }] });
        return b.arch;
      },
      findings: [
        {
          messageId: 'pathThroughPublicLb',
          path: 'ingress[1].hops[0]',
          severity: 'error',
          message:
            'ingress path legacy enters through public load balancer plb-legacy (hop 1), but cluster aks-test routes 0.0.0.0/0 to afw-hub: replies leave through that appliance and are dropped',
        },
      ],
    },
    {
      name: 'the same public load balancer also reached straight from the internet: only that path is reported',
      arch: dnatToPublicLb({ hostRoute: true, direct: true }),
      findings: [
        {
          messageId: 'pathThroughPublicLb',
          path: 'ingress[1].hops[0]',
          severity: 'error',
          // The wording after the route is another change's; the path, hop and appliance are this rule's logic.
          message: /^ingress path direct-web enters through public load balancer lb-public \(hop 1\), but cluster aks-test routes 0\.0\.0\.0\/0 to afw-hub: /,
          evidence: { path: 'direct-web', loadBalancer: 'lb-public' },
        },
      ],
    },
    {
      name: 'a public LoadBalancer Service declared on its own (network.loadBalancers) on a UDR cluster',
      arch: () => {
        const b = baseline();
        b.arch.network.loadBalancers = [loadBalancer({ name: 'svc-legacy-api', visibility: 'public', cluster: b.aks })];
        return b.arch;
      },
      findings: [
        {
          messageId: 'servicePublicLb',
          path: 'network.loadBalancers[0]',
          severity: 'error',
          message:
            'public load balancer svc-legacy-api of cluster aks-test receives internet traffic, but the cluster routes 0.0.0.0/0 to afw-hub: replies leave through that appliance and are dropped',
          evidence: { loadBalancer: 'svc-legacy-api', cluster: 'aks-test', appliance: 'afw-hub' },
        },
      ],
    },
  ],
});

/** Per ingress path, the ids of the asymmetric-routing rules that report on it. */
function byPath(findings: Finding[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const f of findings) {
    if (f.ruleId !== ID && f.ruleId !== DNAT_RULE) continue;
    const p = String(f.evidence?.path);
    out.set(p, [...(out.get(p) ?? []), f.ruleId]);
  }
  return out;
}

describe(`${ID} and ${DNAT_RULE} never both judge one path`, () => {
  const cases: Array<[string, DnatOptions, Record<string, string[]>]> = [
    ['DNAT to a public load balancer with the host route', { hostRoute: true }, {}],
    ['DNAT to a public load balancer without the host route', { hostRoute: false }, { 'dnat-web': [DNAT_RULE] }],
    ['DNAT path with the host route beside a direct path', { hostRoute: true, direct: true }, { 'direct-web': [ID] }],
    ['DNAT path without the host route beside a direct path', { hostRoute: false, direct: true }, { 'dnat-web': [DNAT_RULE], 'direct-web': [ID] }],
  ];
  for (const [name, o, expected] of cases) {
    it(name, async () => {
      const found = byPath(await runAll(dnatToPublicLb(o)()));
      expect(Object.fromEntries(found)).toEqual(expected);
    });
  }

  describe('design D2 (hub with ExpressRoute, kubenet spoke, firewall DNAT to a public load balancer)', () => {
    const fixture = resolve(import.meta.dirname, '../../fixtures/egress/d2-hub-er-kubenet-publiclb.ts');

    it('with the host route, as integrate-lb documents: neither rule reports', async () => {
      const [v] = await validateFiles([fixture], { asOf: '2026-11-23', config: false });
      expect(v!.result.findings.filter((f) => f.ruleId === ID || f.ruleId === DNAT_RULE)).toEqual([]);
    }, 60_000);

    it('without the host route: only egress/dnat-asymmetric-route reports, at the default route', async () => {
      const dir = mkdtempSync(join(resolve(import.meta.dirname, '../../fixtures/egress'), 'tmp-d2-'));
      try {
        const file = join(dir, 'd2-no-host-route.ts');
        const text = readFileSync(fixture, 'utf8');
        const without = text.replace(/\n\s*\{ name: 'fw-public'[^\n]*\n/, '\n');
        expect(without).not.toBe(text);
        writeFileSync(file, without);
        const [v] = await validateFiles([file], { asOf: '2026-11-23', config: false });
        const found = v!.result.findings.filter((f) => f.ruleId === ID || f.ruleId === DNAT_RULE);
        expect(found.map((f) => [f.ruleId, f.evidence?.path, f.evidence?.address])).toEqual([[DNAT_RULE, 'web', '20.50.60.70']]);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    }, 60_000);
  });
});
