import { describe, expect, it } from 'vitest';
import { subnet } from '../../../dsl/index.js';
import { baseline } from '../../helpers/fixture.js';
import { runRuleResult } from '../../helpers/run-rule.js';
import { testRule } from '../../helpers/rule-tester.js';
import { NETWORK_INVALID, NETWORK_VALID, TCP9000, UDP1194, design } from './_network-rules.js';
import { mutable } from '../../helpers/mutable.js';

const ID = 'egress/firewall-aks-required-fqdns';
const PATH = 'network.firewalls[0].aksFqdnTag';

const COMMON = [
  'mcr.microsoft.com',
  '*.data.mcr.microsoft.com',
  'mcr-0001.mcr-msedge.net',
  'management.azure.com',
  'login.microsoftonline.com',
  'packages.microsoft.com',
  'acs-mirror.azureedge.net',
  'packages.aks.azure.com',
];

type ApiMode = 'private' | 'public' | 'vnet-integration';

/** The baseline firewall without the FQDN tag, allowing `rules`, for a cluster whose API server is `mode`. */
function listed(rules: string[], mode: ApiMode = 'private') {
  return () => {
    const b = baseline();
    b.firewall.aksFqdnTag = false;
    b.firewall.fqdnAllowRules = rules;
    if (mode === 'public') b.aks.apiServer = { mode: 'public', authorizedIpRanges: ['203.0.113.0/24'] };
    if (mode === 'vnet-integration') {
      const api = subnet({
        name: 'snet-api',
        cidr: '10.1.5.0/28',
        purpose: 'aks-apiserver',
        delegation: 'Microsoft.ContainerService/managedClusters',
      });
      mutable(b.spoke.subnets).push(api);
      b.aks.apiServer = {
        mode: 'vnet-integration',
        subnet: api,
        private: false,
        authorizedIpRanges: ['203.0.113.0/24'],
      };
    }
    return b.arch;
  };
}

const without = (...drop: string[]): string[] => COMMON.filter((f) => !drop.includes(f));

testRule(ID, {
  valid: [
    ...NETWORK_VALID,
    { name: 'the AzureKubernetesService FQDN tag', arch: () => baseline().arch },
    { name: 'a private cluster with every common FQDN (no *.hcp needed)', arch: listed(COMMON) },
    {
      name: 'API Server VNet Integration with a public endpoint: nodes use the private ILB, no *.hcp',
      arch: listed(COMMON, 'vnet-integration'),
    },
    {
      name: 'a public cluster with the common FQDNs and *.hcp.westeurope.azmk8s.io',
      arch: listed([...COMMON, '*.hcp.westeurope.azmk8s.io'], 'public'),
    },
    { name: 'a public cluster with a wider wildcard *.azmk8s.io', arch: listed([...COMMON, '*.azmk8s.io'], 'public') },
    {
      name: 'wildcards covering the MCR data endpoints',
      arch: listed([...without('*.data.mcr.microsoft.com'), '*.mcr.microsoft.com']),
    },
    {
      name: 'a cluster whose route bypasses the firewall (declared UDR, no route): the firewall carries no egress',
      arch: () => {
        const b = baseline();
        b.firewall.aksFqdnTag = false;
        b.firewall.fqdnAllowRules = [];
        delete b.nodes.routeTable;
        return b.arch;
      },
    },
  ],
  invalid: [
    {
      name: 'the list without the successor of acs-mirror (packages.aks.azure.com) and the MCR CDN endpoint',
      arch: listed(without('packages.aks.azure.com', 'mcr-0001.mcr-msedge.net')),
      findings: [
        {
          messageId: 'missingFqdns',
          path: PATH,
          severity: 'error',
          message:
            'Azure Firewall afw-hub is the egress path of aks-test (private cluster) but allows neither the ' +
            'AzureKubernetesService FQDN tag nor 2 of the 8 FQDNs the cluster needs: mcr-0001.mcr-msedge.net, packages.aks.azure.com',
          evidence: { missingCount: 2, cluster: 'aks-test' },
        },
      ],
    },
    {
      name: 'one FQDN short (acs-mirror.azureedge.net)',
      arch: listed(without('acs-mirror.azureedge.net')),
      findings: [
        {
          messageId: 'missingFqdns',
          path: PATH,
          severity: 'error',
          evidence: { missingCount: 1, missing: 'acs-mirror.azureedge.net' },
        },
      ],
    },
    {
      name: 'a public cluster with the common list but not its API server FQDN',
      arch: listed(COMMON, 'public'),
      findings: [
        {
          messageId: 'missingFqdns',
          path: PATH,
          severity: 'error',
          message:
            /aks-test \(public API server\).* 1 of the 9 FQDNs the cluster needs: \*\.hcp\.westeurope\.azmk8s\.io$/,
        },
      ],
    },
    {
      name: "a public cluster allowed another region's API server FQDN",
      arch: listed([...COMMON, '*.hcp.northeurope.azmk8s.io'], 'public'),
      findings: [
        {
          messageId: 'missingFqdns',
          path: PATH,
          severity: 'error',
          evidence: { missing: '*.hcp.westeurope.azmk8s.io' },
        },
      ],
    },
    {
      name: 'a loadBalancer cluster whose node subnet routes 0.0.0.0/0 to the firewall is judged by the firewall',
      arch: () => {
        const b = baseline();
        b.firewall.aksFqdnTag = false;
        b.firewall.fqdnAllowRules = ['mcr.microsoft.com'];
        b.aks.outbound = { type: 'loadBalancer' };
        return b.arch;
      },
      findings: [{ messageId: 'missingFqdns', path: PATH, severity: 'error', evidence: { missingCount: 7 } }],
    },
    // The network rules of the outbound rules page: tunnel ports and DNS (cases in ./_network-rules.ts).
    ...NETWORK_INVALID,
  ],
});

describe(`${ID}: unstated rules`, () => {
  it('does not judge a firewall whose rules are not stated: one unverified check instead', async () => {
    const b = baseline();
    delete b.firewall.aksFqdnTag;
    delete b.firewall.fqdnAllowRules;
    const r = await runRuleResult(ID, b.arch);
    expect(r.findings).toEqual([]);
    expect(r.unverified?.map((u) => u.factPath)).toEqual([PATH]);
  });
});

describe(`${ID}: network facts not stated`, () => {
  it('a public cluster without konnectivity stated and no tunnel rules: unverified, naming the fact', async () => {
    const r = await runRuleResult(ID, design({ api: 'public-unstated', network: [] })());
    expect(r.findings).toEqual([]);
    expect(r.unverified?.map((u) => u.factPath)).toEqual(['clusters[0].apiServer.konnectivity']);
    expect(r.unverified?.[0]?.message).toMatch(/UDP 1194 and TCP 9000/);
  });

  it('a public cluster without konnectivity stated but with the tunnel rules: nothing to state', async () => {
    const r = await runRuleResult(ID, design({ api: 'public-unstated', network: [UDP1194, TCP9000] })());
    expect(r.findings).toEqual([]);
    expect(r.unverified ?? []).toEqual([]);
  });

  it('the FQDN-tag shorthand says nothing about network rules: unverified for konnectivity false', async () => {
    const r = await runRuleResult(ID, design({ api: 'no-konnectivity' })());
    expect(r.findings).toEqual([]);
    expect(r.unverified?.map((u) => u.factPath)).toEqual(['network.firewalls[0].classicRules']);
  });

  it('the shorthand and custom DNS behind the firewall: unverified, never an error', async () => {
    const r = await runRuleResult(ID, design({ dns: ['10.2.0.4'] })());
    expect(r.findings).toEqual([]);
    expect(r.unverified?.[0]?.message).toMatch(/UDP 53 to DNS server 10\.2\.0\.4/);
  });

  it('the shorthand with a private cluster and Azure DNS: no network-rule check at all', async () => {
    const r = await runRuleResult(ID, baseline().arch);
    expect(r.findings).toEqual([]);
    expect(r.unverified ?? []).toEqual([]);
  });
});
