import { expect, it } from 'vitest';
import { firewallPolicy } from '../../../dsl/index.js';
import { baseline } from '../../helpers/fixture.js';
import { runRuleResult } from '../../helpers/run-rule.js';
import { testRule } from '../../helpers/rule-tester.js';

const ID = 'egress/firewall-dns-server-without-proxy';
const SPOKE = 'network.vnets[1].dnsServers';
const HUB = 'network.vnets[0].dnsServers';

/**
 * The baseline (afw-hub at 10.0.0.4 in the hub, the spoke peered to it) with the spoke's DNS servers and the
 * firewall's DNS proxy: true, false or unstated (undefined).
 */
function design(dnsServers: string[] | undefined, dnsProxy: boolean | undefined) {
  return () => {
    const b = baseline();
    if (dnsServers) b.spoke.dnsServers = dnsServers;
    if (dnsProxy === undefined) delete b.firewall.dnsProxy;
    else b.firewall.dnsProxy = dnsProxy;
    return b.arch;
  };
}

/** The firewall's DNS settings on a policy (the firewall itself states none). */
function onPolicy(dnsProxy: boolean | undefined) {
  return () => {
    const b = baseline();
    b.spoke.dnsServers = ['10.0.0.4'];
    delete b.firewall.dnsProxy;
    b.firewall.policy = firewallPolicy({ name: 'afwp-hub', ...(dnsProxy === undefined ? {} : { dnsProxy }) });
    return b.arch;
  };
}

testRule(ID, {
  valid: [
    { name: 'DNS proxy on: the firewall answers', arch: design(['10.0.0.4'], true) },
    { name: 'DNS proxy on, among several DNS servers', arch: design(['10.1.9.9', '10.0.0.4'], true) },
    { name: 'DNS proxy on through the firewall policy', arch: onPolicy(true) },
    { name: 'DNS proxy off, the VNet on Azure-provided DNS', arch: design(undefined, false) },
    { name: 'DNS proxy off, a DNS server that is not the firewall', arch: design(['10.0.0.5', '172.20.1.10'], false) },
    { name: 'DNS proxy unstated, a DNS server that is not the firewall', arch: design(['10.0.0.5'], undefined) },
  ],
  invalid: [
    {
      name: 'DNS proxy off, the firewall in the peered hub is the only DNS server',
      arch: design(['10.0.0.4'], false),
      findings: [
        {
          messageId: 'onlyServer',
          path: SPOKE,
          severity: 'error',
          message:
            'VNet vnet-spoke uses Azure Firewall afw-hub (10.0.0.4) as its DNS server, but the firewall has DNS proxy off, ' +
            'so it does not answer DNS queries and nothing in the VNet can resolve names (the nodes of cluster aks-test ' +
            'cannot bootstrap); enable DNS proxy on the firewall or its policy, or use another DNS server',
          evidence: { vnet: 'vnet-spoke', firewall: 'afw-hub', firewallIp: '10.0.0.4', dnsProxyDefaulted: false },
        },
      ],
    },
    {
      name: 'DNS proxy unstated: off by default, and the message says so',
      arch: design(['10.0.0.4'], undefined),
      findings: [
        {
          messageId: 'onlyServer',
          path: SPOKE,
          severity: 'error',
          message: /has DNS proxy off \(the platform default: the design does not state dnsProxy\)/,
          evidence: { dnsProxyDefaulted: true },
        },
      ],
    },
    {
      name: 'DNS proxy off, the firewall one of several DNS servers',
      arch: design(['10.1.9.9', '10.0.0.4'], false),
      findings: [
        {
          messageId: 'amongServers',
          path: SPOKE,
          severity: 'error',
          message:
            'VNet vnet-spoke lists Azure Firewall afw-hub (10.0.0.4) among its DNS servers (10.1.9.9, 10.0.0.4), but the ' +
            'firewall has DNS proxy off, so it does not answer DNS queries: lookups sent to it (by the nodes of cluster ' +
            'aks-test) go unanswered and wait for a time-out before another server is tried; enable DNS proxy on the ' +
            'firewall or its policy, or remove it from the list',
        },
      ],
    },
    {
      name: 'DNS proxy off on the firewall policy',
      arch: onPolicy(false),
      findings: [{ messageId: 'onlyServer', path: SPOKE, severity: 'error', message: /DNS proxy off \(set on its policy afwp-hub\)/ }],
    },
    {
      name: 'a policy that states no DNS proxy either: the platform default',
      arch: onPolicy(undefined),
      findings: [
        {
          messageId: 'onlyServer',
          path: SPOKE,
          severity: 'error',
          message: /DNS proxy off \(the platform default: neither the firewall nor its policy afwp-hub states dnsProxy\)/,
        },
      ],
    },
    {
      name: 'the hub itself uses its firewall, no cluster in it',
      arch: () => {
        const b = baseline();
        b.hub.dnsServers = ['10.0.0.4'];
        b.firewall.dnsProxy = false;
        return b.arch;
      },
      findings: [
        {
          messageId: 'onlyServer',
          path: HUB,
          severity: 'error',
          message: /nothing in the VNet can resolve names; enable/,
        },
      ],
    },
  ],
});

it(`${ID}: a firewall whose private IP is unstated and a DNS server in its subnet: asked for, not judged`, async () => {
  const b = baseline();
  delete b.firewall.privateIp;
  b.firewall.dnsProxy = false;
  b.spoke.dnsServers = ['10.0.0.4'];
  const res = await runRuleResult(ID, b.arch);
  expect(res.findings).toEqual([]);
  expect((res.unverified ?? []).map((u) => [u.factPath, u.check])).toEqual([
    ['network.firewalls[0].privateIp', 'DNS server 10.0.0.4 of VNet vnet-spoke is not Azure Firewall afw-hub, which has DNS proxy off'],
  ]);
});

it(`${ID}: a firewall whose private IP is unstated and DNS servers outside its subnet: nothing to ask`, async () => {
  const b = baseline();
  delete b.firewall.privateIp;
  b.firewall.dnsProxy = false;
  b.spoke.dnsServers = ['10.1.9.9'];
  const res = await runRuleResult(ID, b.arch);
  expect(res.findings).toEqual([]);
  expect(res.unverified ?? []).toEqual([]);
});
