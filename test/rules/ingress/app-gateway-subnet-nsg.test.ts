import { describe, expect, it } from 'vitest';
import { nsg, type NsgRule } from '../../../dsl/index.js';
import { baseline } from '../../helpers/fixture.js';
import { testRule } from '../../helpers/rule-tester.js';
import { runRuleResult } from '../../helpers/run-rule.js';

const ID = 'ingress/app-gateway-subnet-nsg';
const NSG = 'network.vnets[1].subnets[1].nsg';

const GM: NsgRule = {
  name: 'allow-gateway-manager',
  direction: 'inbound',
  access: 'allow',
  priority: 110,
  protocol: 'tcp',
  source: 'GatewayManager',
  destination: '*',
  ports: '65200-65535',
};
const LB: NsgRule = {
  name: 'allow-azure-lb',
  direction: 'inbound',
  access: 'allow',
  priority: 120,
  protocol: '*',
  source: 'AzureLoadBalancer',
  destination: '*',
  ports: '*',
};
const DENY_IN: NsgRule = {
  name: 'deny-all-in',
  direction: 'inbound',
  access: 'deny',
  priority: 4000,
  protocol: '*',
  source: '*',
  destination: '*',
  ports: '*',
};

/** The baseline gateway (WAF_v2, public frontend) with an NSG holding `rules` (undefined: rules not stated). */
function withNsg(rules: NsgRule[] | undefined, frontend: 'public' | 'private' = 'public') {
  return () => {
    const b = baseline();
    b.appGwSubnet.nsg = nsg({ name: 'nsg-appgw', ...(rules ? { rules } : {}) });
    b.appGw.frontend = frontend;
    if (frontend === 'private') b.appGw.privateIp = '10.1.4.10';
    return b.arch;
  };
}

testRule(ID, {
  valid: [
    { name: 'no NSG on the subnet (address/subnet-nsg-missing covers it)', arch: () => baseline().arch },
    { name: 'an NSG whose rules are not stated (unverified, never a finding)', arch: withNsg(undefined) },
    { name: 'GatewayManager allowed on 65200-65535 before a deny-all', arch: withNsg([GM, LB, DENY_IN]) },
    { name: 'GatewayManager allowed through an Internet allow rule', arch: withNsg([{ ...GM, source: 'Internet' }]) },
    {
      name: 'a private-only gateway (network isolation) needs no GatewayManager rule',
      arch: withNsg([LB, DENY_IN], 'private'),
    },
    {
      name: 'a deny on 65199 (one below the range) does not touch GatewayManager',
      arch: withNsg([GM, { ...DENY_IN, priority: 100, source: 'Internet', ports: '1-65199' }]),
    },
    {
      name: 'v1 gateways are out of scope',
      arch: () => {
        const b = baseline();
        b.appGw.sku = 'WAF';
        b.appGwSubnet.nsg = nsg({ name: 'n', rules: [DENY_IN] });
        return b.arch;
      },
    },
  ],
  invalid: [
    {
      name: 'NSG without any GatewayManager rule: the default DenyAllInBound blocks it',
      arch: withNsg([]),
      findings: [
        {
          messageId: 'gatewayManager',
          path: `${NSG}.rules`,
          severity: 'error',
          message:
            'NSG nsg-appgw on Application Gateway subnet snet-appgw blocks inbound TCP 65200 from GatewayManager with ' +
            'the default rule DenyAllInBound; gateway agw-test (WAF_v2) needs TCP 65200-65535 from GatewayManager to be managed',
        },
      ],
    },
    {
      name: 'GatewayManager allowed only up to 65534: 65535 is blocked',
      arch: withNsg([{ ...GM, ports: '65200-65534' }]),
      findings: [{ messageId: 'gatewayManager', path: `${NSG}.rules`, severity: 'error', evidence: { port: 65535 } }],
    },
    {
      name: 'a deny-all above the allows blocks GatewayManager and AzureLoadBalancer',
      arch: withNsg([{ ...DENY_IN, priority: 100 }, GM]),
      findings: [
        {
          messageId: 'gatewayManager',
          path: `${NSG}.rules[0]`,
          severity: 'error',
          message: /with rule deny-all-in \(priority 100\)/,
        },
        {
          messageId: 'loadBalancer',
          path: `${NSG}.rules[0]`,
          severity: 'error',
          message:
            'NSG nsg-appgw on Application Gateway subnet snet-appgw blocks inbound traffic from AzureLoadBalancer with ' +
            'rule deny-all-in (priority 100); the health probes of gateway agw-test fail',
        },
      ],
    },
    {
      name: 'a private-only gateway still needs AzureLoadBalancer',
      arch: withNsg([{ ...DENY_IN, priority: 100, source: 'AzureLoadBalancer', ports: 443 }], 'private'),
      findings: [{ messageId: 'loadBalancer', path: `${NSG}.rules[0]`, severity: 'error', evidence: { port: 443 } }],
    },
    {
      name: 'an outbound deny to Internet',
      arch: withNsg([GM, { ...DENY_IN, name: 'deny-internet-out', direction: 'outbound', destination: 'Internet' }]),
      findings: [
        {
          messageId: 'internetOutbound',
          path: `${NSG}.rules[1]`,
          severity: 'error',
          message:
            'NSG nsg-appgw on Application Gateway subnet snet-appgw blocks outbound TCP 0 to Internet with rule ' +
            'deny-internet-out (priority 4000); gateway agw-test (WAF_v2) has a public frontend and needs outbound ' +
            'Internet connectivity',
        },
      ],
    },
  ],
});

describe(`${ID}: unstated rules`, () => {
  it('reports one unverified check naming the NSG rules', async () => {
    const r = await runRuleResult(ID, withNsg(undefined)());
    expect(r.findings).toEqual([]);
    expect(r.unverified).toHaveLength(1);
    expect(r.unverified![0]!.factPath).toBe(`${NSG}.rules`);
    expect(r.unverified![0]!.message).toMatch(
      /^could not check that NSG nsg-appgw on Application Gateway subnet snet-appgw admits/,
    );
  });
});

describe(`${ID}: reads`, () => {
  const set = (o: object, key: string, v: unknown) => ((o as Record<string, unknown>)[key] = v);
  it("the gateway's invalid frontend (public stands in) holds back the NSG's verdict, whose flows it decides", async () => {
    const arch = withNsg([])();
    set(arch.ingress![0]!.hops[0]!.via, 'frontend', 'everywhere');
    const r = await runRuleResult(ID, arch);
    expect(r.findings.map((f) => f.messageId)).toEqual([]);
    expect((r.unverified ?? []).map((u) => u.factPath)).toEqual(['ingress[0].hops[0].via.frontend']);
  });
  it("the gateway's invalid field the verdict does not read (its TLS version) leaves it standing", async () => {
    const arch = withNsg([])();
    set(arch.ingress![0]!.hops[0]!.via, 'minTlsVersion', 1.2);
    const r = await runRuleResult(ID, arch);
    expect(r.findings.map((f) => f.messageId)).toEqual(['gatewayManager']);
    expect(r.unverified ?? []).toEqual([]);
  });
});
