import { ddosProtectionPlan, ingressPath, loadBalancer, publicIp } from '../../../dsl/index.js';
import type { IngressPath } from '../../../dsl/index.js';
import { describe, expect, it } from 'vitest';
import { baseline } from '../../helpers/fixture.js';
import { runRuleResult } from '../../helpers/run-rule.js';
import { testRule } from '../../helpers/rule-tester.js';
import { mutable } from '../../helpers/mutable.js';

const appGwNoPlan = {
  messageId: 'noPlan',
  path: 'network.vnets[1].ddosProtectionPlan',
  severity: 'warning' as const,
  message: 'public Application Gateway agw-test has a public IP in VNet vnet-spoke, which has no DDoS Network Protection plan',
  evidence: { entry: 'public Application Gateway agw-test', vnet: 'vnet-spoke' },
};

function withPip(ddosIpProtection?: boolean) {
  return () => {
    const b = baseline();
    b.appGw.publicIp = publicIp({ name: 'pip-agw', ...(ddosIpProtection !== undefined ? { ddosIpProtection } : {}) });
    return b.arch;
  };
}

type B = ReturnType<typeof baseline>;

/** Internet (or `from`) → Azure Firewall DNAT → internal load balancer, instead of the App Gateway path. */
function firewallDnat(from: IngressPath['from'] = { kind: 'internet' }) {
  return () => {
    const b = baseline();
    b.firewall.classicRules = [
      {
        type: 'dnat',
        name: 'publish',
        priority: 100,
        rules: [
          {
            name: 'web',
            destinationAddress: '20.50.60.70',
            destinationPort: 443,
            protocols: ['TCP'],
            translatedAddress: '10.1.0.100',
            translatedPort: 443,
          },
        ],
      },
    ];
    b.path.from = from;
    b.path.hops = [
      { via: b.firewall, protocol: 'https', port: 443, tls: 'passthrough', dnatRule: 'web' },
      { via: b.ilb, protocol: 'https', port: 443, tls: 'passthrough' },
    ];
    return b.arch;
  };
}

/** The App Gateway made private; the path enters through a public load balancer (with or without its cluster). */
function publicLb(change: (b: B, plb: ReturnType<typeof loadBalancer>) => void = () => {}, withCluster = true) {
  return () => {
    const b = baseline();
    b.appGw.frontend = 'private';
    const plb = loadBalancer({ name: 'plb-web', visibility: 'public', ...(withCluster ? { cluster: b.aks } : {}) });
    b.path.hops = [{ via: plb, protocol: 'tcp', port: 443, tls: 'passthrough' }];
    change(b, plb);
    return b.arch;
  };
}

const LB_NO_PLAN = {
  messageId: 'noPlan',
  path: 'network.vnets[1].ddosProtectionPlan',
  severity: 'warning' as const,
  message: 'public load balancer plb-web has a public IP in VNet vnet-spoke, which has no DDoS Network Protection plan',
};

testRule('ingress/ddos-protection', {
  valid: [
    {
      name: 'the spoke has a DDoS plan',
      arch: () => {
        const b = baseline();
        b.spoke.ddosProtectionPlan = ddosProtectionPlan({ name: 'ddos' });
        return b.arch;
      },
    },
    {
      name: 'a private-only App Gateway',
      arch: () => {
        const b = baseline();
        b.appGw.frontend = 'private';
        return b.arch;
      },
    },
    { name: "the gateway's public IP has DDoS IP Protection", arch: withPip(true) },
    { name: 'DDoS IP Protection not stated on the public IP: no verdict (an unverified check, below)', arch: withPip() },
    { name: 'no public IP declared for the public gateway: no verdict (an unverified check, below)', arch: () => baseline().arch },
    {
      name: 'an Azure Firewall DNAT hop on a path from a private partner range is no internet entry',
      arch: firewallDnat({ kind: 'partner', sourceRanges: ['10.50.0.0/16'] }),
    },
  ],
  invalid: [
    {
      name: 'an Azure Firewall DNAT entry from the internet reports the hub VNet',
      arch: firewallDnat(),
      findings: [
        {
          messageId: 'noPlan',
          path: 'network.vnets[0].ddosProtectionPlan',
          severity: 'warning',
          message:
            'Azure Firewall afw-hub (DNAT entry of path web) has a public IP in VNet vnet-hub, which has no DDoS ' +
            'Network Protection plan',
        },
      ],
    },
    {
      name: "a public load balancer without a cluster reports the path's cluster VNet",
      arch: publicLb(() => {}, false),
      findings: [LB_NO_PLAN],
    },
    {
      name: 'two paths through one public load balancer: one finding',
      arch: publicLb((b) => mutable(b.arch.ingress!).push(ingressPath({ ...b.path, name: 'web-2' }))),
      findings: [LB_NO_PLAN],
    },
    {
      name: 'a public App Gateway and a public load balancer in one VNet: one finding naming both (one plan fixes both)',
      arch: () => {
        const b = baseline();
        b.appGw.publicIp = publicIp({ name: 'pip-agw', ddosIpProtection: false });
        const plb = loadBalancer({ name: 'plb-web', visibility: 'public', cluster: b.aks });
        mutable(b.arch.ingress!).push(ingressPath({ ...b.path, name: 'web-2', hops: [{ via: plb, protocol: 'tcp', port: 443, tls: 'passthrough' }] }));
        return b.arch;
      },
      findings: [
        {
          messageId: 'noPlan',
          path: 'network.vnets[1].ddosProtectionPlan',
          severity: 'warning',
          message:
            'public Application Gateway agw-test and public load balancer plb-web have public IPs in VNet vnet-spoke, which ' +
            'has no DDoS Network Protection plan',
          evidence: { entries: 2 },
        },
      ],
    },
    { name: 'DDoS IP Protection off on the public IP', arch: withPip(false), findings: [appGwNoPlan] },
    {
      name: 'a public load balancer on a path reports the VNet of its cluster',
      arch: () => {
        const b = baseline();
        b.spoke.ddosProtectionPlan = undefined;
        b.appGw.frontend = 'private';
        const plb = loadBalancer({ name: 'plb-web', visibility: 'public', cluster: b.aks });
        b.path.hops = [{ via: plb, protocol: 'tcp', port: 443, tls: 'passthrough' }];
        return b.arch;
      },
      findings: [
        {
          messageId: 'noPlan',
          path: 'network.vnets[1].ddosProtectionPlan',
          severity: 'warning',
          message: 'public load balancer plb-web has a public IP in VNet vnet-spoke, which has no DDoS Network Protection plan',
        },
      ],
    },
  ],
});

const ID = 'ingress/ddos-protection';

describe(`${ID}: unstated facts`, () => {
  it('does not judge an unstated DDoS IP Protection: one unverified check names it on the public IP', async () => {
    const r = await runRuleResult(ID, withPip()());
    expect(r.findings).toEqual([]);
    expect(r.unverified).toHaveLength(1);
    const u = r.unverified![0]!;
    expect(u.severity).toBe('info');
    expect(u.factPath).toBe('ingress[0].hops[0].via.publicIp.ddosIpProtection');
    expect(u.message).toBe(
      'could not check that public Application Gateway agw-test in VNet vnet-spoke, which has no DDoS Network Protection ' +
        'plan, is covered by DDoS IP Protection on its public IP pip-agw: state whether DDoS IP Protection is on (ddosIpProtection)',
    );
  });

  it('does not judge a public gateway whose public IP is not declared: the gateway holds the question', async () => {
    const r = await runRuleResult(ID, baseline().arch);
    expect(r.findings).toEqual([]);
    expect(r.unverified).toHaveLength(1);
    const u = r.unverified![0]!;
    expect(u.severity).toBe('info');
    expect(u.factPath).toBe('ingress[0].hops[0].via.publicIp');
    expect(u.message).toBe(
      'could not check that public Application Gateway agw-test in VNet vnet-spoke, which has no DDoS Network Protection ' +
        'plan, is covered by DDoS IP Protection on its public IP: state the public frontend IP with its DDoS IP ' +
        'Protection setting (publicIp)',
    );
  });

  it('asks nothing about an undeclared public IP when the VNet has a plan', async () => {
    const b = baseline();
    b.spoke.ddosProtectionPlan = ddosProtectionPlan({ name: 'ddos' });
    const r = await runRuleResult(ID, b.arch);
    expect(r.findings).toEqual([]);
    expect(r.unverified ?? []).toEqual([]);
  });

  it('asks nothing when the VNet has a plan: the answer does not depend on the IP', async () => {
    const arch = withPip()();
    arch.network.vnets[1]!.ddosProtectionPlan = ddosProtectionPlan({ name: 'ddos' });
    const r = await runRuleResult(ID, arch);
    expect(r.findings).toEqual([]);
    expect(r.unverified ?? []).toEqual([]);
  });

  it('still warns for another, stated entry in the same VNet while asking about the unstated one', async () => {
    const b = baseline();
    b.appGw.publicIp = publicIp({ name: 'pip-agw' });
    const plb = loadBalancer({ name: 'plb-web', visibility: 'public', cluster: b.aks });
    mutable(b.arch.ingress!).push(ingressPath({ ...b.path, name: 'web-2', hops: [{ via: plb, protocol: 'tcp', port: 443, tls: 'passthrough' }] }));
    const r = await runRuleResult(ID, b.arch);
    expect(r.findings.map((f) => f.message)).toEqual([
      'public load balancer plb-web has a public IP in VNet vnet-spoke, which has no DDoS Network Protection plan',
    ]);
    expect(r.unverified).toHaveLength(1);
  });
});

describe('ingress/ddos-protection: reads', () => {
  const set = (o: object, key: string, v: unknown) => ((o as Record<string, unknown>)[key] = v);
  it("the gateway's invalid frontend (public stands in) holds back the VNet's verdict (its public IP has no DDoS IP Protection), which rests on it", async () => {
    const arch = withPip(false)();
    set(arch.ingress![0]!.hops[0]!.via, 'frontend', 'internet');
    const r = await runRuleResult('ingress/ddos-protection', arch);
    expect(r.findings.map((f) => f.messageId)).toEqual([]);
    expect((r.unverified ?? []).map((u) => u.factPath)).toEqual(['ingress[0].hops[0].via.frontend']);
  });
  it("the gateway's invalid field the verdict does not read (its TLS version) leaves it standing", async () => {
    const arch = withPip(false)();
    set(arch.ingress![0]!.hops[0]!.via, 'minTlsVersion', 1.2);
    const r = await runRuleResult('ingress/ddos-protection', arch);
    expect(r.findings.map((f) => f.messageId)).toEqual(['noPlan']);
    expect(r.unverified ?? []).toEqual([]);
  });
});
