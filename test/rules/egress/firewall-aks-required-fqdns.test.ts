import { describe, expect, it } from 'vitest';
import { nva, routeTable, subnet, type FirewallRuleCollection } from '../../../dsl/index.js';
import { baseline } from '../../helpers/fixture.js';
import { runRule, runRuleResult } from '../../helpers/run-rule.js';
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

type AppRule = Extract<FirewallRuleCollection, { type: 'application' }>['rules'][number];

/** The baseline firewall with one application collection (no shorthand), for a private cluster, and more collections. */
function tagRules(...rules: AppRule[]) {
  return withCollections(rules);
}

function withCollections(rules: AppRule[], ...more: FirewallRuleCollection[]) {
  return () => {
    const b = baseline();
    delete b.firewall.aksFqdnTag;
    b.firewall.classicRules = [{ type: 'application', name: 'aks', priority: 200, action: 'Allow', rules }, ...more];
    return b.arch;
  };
}

/** An application Deny collection `block-mcr` for the MCR names (from any source unless said). */
const blockMcr = (priority: number, sourceAddresses: string[] | null = ['*']): FirewallRuleCollection => ({
  type: 'application',
  name: 'block-mcr',
  priority,
  action: 'Deny',
  rules: [
    {
      name: 'mcr',
      ...(sourceAddresses ? { sourceAddresses } : {}),
      protocols: [{ type: 'Https', port: 443 }],
      targetFqdns: ['mcr.microsoft.com', '*.mcr.microsoft.com'],
    },
  ],
});

const tag = (protocols: AppRule['protocols'], sourceAddresses: string[] = ['*']): AppRule => ({
  name: 'fqdn',
  sourceAddresses,
  protocols,
  fqdnTags: ['AzureKubernetesService'],
});

const notHttps = (near: string) => ({
  messageId: 'notHttps',
  path: 'network.firewalls[0].classicRules',
  severity: 'error' as const,
  message:
    'Azure Firewall afw-hub is the egress path of aks-test (private cluster) and names the AzureKubernetesService ' +
    'FQDN tag, but no allow rule lets the nodes reach 8 of the 8 FQDNs the cluster needs over HTTPS 443 from ' +
    `10.1.0.0/22: ${COMMON.join(', ')}. The rules that name them: ${near}`,
  evidence: { missingCount: 8 },
});

/** The baseline with the node subnet's 0.0.0.0/0 sent to an NVA in the hub instead of the firewall. */
function viaNva(konnectivity?: boolean, allowsAksEgress?: boolean) {
  const b = baseline();
  const trust = subnet({ name: 'snet-nva', cidr: '10.0.1.0/27', purpose: 'general' });
  mutable(b.hub.subnets).push(trust);
  const appliance = nva({ name: 'nva-pan', subnet: trust, privateIp: '10.0.1.4', vendor: 'Palo Alto VM-Series', publicIps: 2, ...(allowsAksEgress === undefined ? {} : { allowsAksEgress }) });
  const rt = routeTable({ name: 'rt-nva', bgpRoutePropagation: false, routes: [{ name: 'default', prefix: '0.0.0.0/0', nextHop: appliance }] });
  b.nodes.routeTable = rt;
  b.aks.outbound = { type: 'userDefinedRouting', via: appliance };
  if (konnectivity !== undefined) b.aks.apiServer = { mode: 'public', authorizedIpRanges: ['203.0.113.0/24'], konnectivity };
  b.arch.network!.nvas = [appliance];
  return b.arch;
}

testRule(ID, {
  valid: [
    ...NETWORK_VALID,
    {
      name: 'a Deny collection for the MCR names after the allowing tag rule (201 vs 200)',
      arch: withCollections([tag([{ type: 'Https', port: 443 }])], blockMcr(201)),
    },
    {
      name: 'a Deny collection for the MCR names first, but for another subnet than the nodes',
      arch: withCollections([tag([{ type: 'Https', port: 443 }])], blockMcr(100, ['10.99.0.0/24'])),
    },
    { name: 'the AzureKubernetesService FQDN tag', arch: () => baseline().arch },
    {
      name: 'the tag for Http:80 and Https:443 from any source (the limit-egress tutorial)',
      arch: tagRules(tag([{ type: 'Http', port: 80 }, { type: 'Https', port: 443 }])),
    },
    { name: 'the tag for Https:443 from the node subnet', arch: tagRules(tag([{ type: 'Https', port: 443 }], ['10.1.0.0/22'])) },
    {
      name: 'the tag for Http:80, and every FQDN listed for Https:443 in another rule',
      arch: tagRules(tag([{ type: 'Http', port: 80 }]), {
        name: 'list',
        sourceAddresses: ['10.1.0.0/16'],
        protocols: [{ type: 'Https', port: 443 }],
        targetFqdns: COMMON,
      }),
    },
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
      name: 'an NVA whose owner states that its rules do not allow the AKS egress',
      arch: () => viaNva(undefined, false),
      findings: [
        {
          messageId: 'nvaBlocks',
          path: 'network.nvas[0].allowsAksEgress',
          severity: 'error',
          message: /^network virtual appliance nva-pan \(Palo Alto VM-Series\) is the egress path of aks-test, and the design states that its rules do not allow what AKS needs \(HTTPS 443 to mcr\.microsoft\.com, /,
          evidence: { nva: 'nva-pan', allowsAksEgress: false },
        },
      ],
    },
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
    {
      name: 'the tag for Http:80 only: every required FQDN is HTTPS 443',
      arch: tagRules(tag([{ type: 'Http', port: 80 }])),
      findings: [notHttps('application rule fqdn (aks) allows Http:80 from any source')],
    },
    {
      name: 'the tag for Https on 8443, not 443',
      arch: tagRules(tag([{ type: 'Https', port: 8443 }])),
      findings: [notHttps('application rule fqdn (aks) allows Https:8443 from any source')],
    },
    {
      name: 'the tag for Https:443 from another subnet than the nodes',
      arch: tagRules(tag([{ type: 'Https', port: 443 }], ['10.99.0.0/24'])),
      findings: [notHttps('application rule fqdn (aks) allows Https:443 from 10.99.0.0/24')],
    },
    {
      name: 'the tag for Https:443 from half of the node subnet',
      arch: tagRules(tag([{ type: 'Https', port: 443 }], ['10.1.2.0/23'])),
      findings: [notHttps('application rule fqdn (aks) allows Https:443 from 10.1.2.0/23')],
    },
    {
      name: 'the tag for Https:443, but a Deny collection for the MCR names comes first (199 vs 200)',
      arch: withCollections([tag([{ type: 'Https', port: 443 }])], blockMcr(199)),
      findings: [
        {
          messageId: 'blockedFqdns',
          path: 'network.firewalls[0].classicRules',
          severity: 'error',
          message:
            'Azure Firewall afw-hub is the egress path of aks-test (private cluster), but Deny collection block-mcr ' +
            '(priority 199, application rule mcr), the first rule that matches, blocks 2 of the 8 FQDNs the cluster ' +
            'needs over HTTPS 443 from 10.1.0.0/22: mcr.microsoft.com, *.data.mcr.microsoft.com',
          evidence: { blockedCount: 2, blockedBy: 'Deny collection block-mcr (priority 199, application rule mcr)' },
        },
      ],
    },
    {
      name: 'a Deny network collection for TCP 443 blocks all of them before the application rules, whatever its number',
      arch: withCollections([tag([{ type: 'Https', port: 443 }])], {
        type: 'network',
        name: 'no-web',
        priority: 65000,
        action: 'Deny',
        rules: [{ name: 'tcp-443', sourceAddresses: ['*'], protocols: ['TCP'], destinationPorts: [443], destinationAddresses: ['*'] }],
      }),
      findings: [
        {
          messageId: 'blockedFqdns',
          path: 'network.firewalls[0].classicRules',
          severity: 'error',
          message: /, but Deny collection no-web \(priority 65000, network rule tcp-443\), the first rule that matches, blocks 8 of the 8 FQDNs/,
          evidence: { blockedCount: 8 },
        },
      ],
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

describe(`${ID}: the tag rule's sources not stated`, () => {
  it('a tag rule for Https:443 without sourceAddresses: unverified, naming the rule', async () => {
    const b = baseline();
    delete b.firewall.aksFqdnTag;
    b.firewall.classicRules = [
      {
        type: 'application',
        name: 'aks',
        priority: 200,
        action: 'Allow',
        rules: [{ name: 'fqdn', protocols: [{ type: 'Https', port: 443 }], fqdnTags: ['AzureKubernetesService'] }],
      },
    ];
    const r = await runRuleResult(ID, b.arch);
    expect(r.findings).toEqual([]);
    expect(r.unverified?.map((u) => [u.factPath, u.fact])).toEqual([
      ['network.firewalls[0].classicRules', 'source addresses of application rule fqdn (aks)'],
    ]);
  });
});

describe(`${ID}: egress through a network virtual appliance`, () => {
  it('asks for the NVA rules the nodes need: never a finding, one open question naming the appliance', async () => {
    const r = await runRuleResult(ID, viaNva());
    expect(r.findings).toEqual([]);
    expect(r.unverified?.map((u) => u.element)).toEqual(['nva:nva-pan']);
    expect(r.unverified?.[0]?.message).toMatch(
      /^could not check that network virtual appliance nva-pan \(Palo Alto VM-Series\) lets aks-test reach what AKS needs: HTTPS 443 to mcr\.microsoft\.com, /,
    );
    expect(r.unverified?.[0]?.message).not.toMatch(/1194/);
  });

  it('a public cluster without the konnectivity agent also needs the tunnel ports', async () => {
    const r = await runRuleResult(ID, viaNva(false));
    expect(r.unverified?.[0]?.message).toMatch(/\*\.hcp\.westeurope\.azmk8s\.io.*UDP 1194 and TCP 9000 to the region/);
  });

  it('an NVA whose owner states that its rules allow the AKS egress: nothing to ask', async () => {
    const r = await runRuleResult(ID, viaNva(undefined, true));
    expect(r.findings).toEqual([]);
    expect(r.unverified ?? []).toEqual([]);
  });

  it('no cluster behind the NVA: nothing to ask', async () => {
    const b = baseline();
    const trust = subnet({ name: 'snet-nva', cidr: '10.0.1.0/27', purpose: 'general' });
    mutable(b.hub.subnets).push(trust);
    b.arch.network!.nvas = [nva({ name: 'nva-idle', subnet: trust, privateIp: '10.0.1.4' })];
    expect((await runRuleResult(ID, b.arch)).unverified ?? []).toEqual([]);
  });
});

describe(`${ID}: a Deny rule whose sources are not stated`, () => {
  it('before the allowing tag rule: unverified, naming the rule; no finding says the names are allowed or blocked', async () => {
    const r = await runRuleResult(ID, withCollections([tag([{ type: 'Https', port: 443 }])], blockMcr(100, null))());
    expect(r.findings).toEqual([]);
    expect(r.unverified?.map((u) => [u.factPath, u.fact])).toEqual([
      ['network.firewalls[0].classicRules', 'source addresses of application rule mcr (block-mcr)'],
    ]);
  });
});

describe(`${ID} and egress/firewall-destination-allowlist agree on what a Deny collection blocks`, () => {
  /** The tag allowed at 200, the MCR names denied at `priority`, and mcr.microsoft.com declared as a destination. */
  const arch = (priority: number) => {
    const a = withCollections([tag([{ type: 'Https', port: 443 }])], blockMcr(priority))();
    const cluster = a.clusters[0]!;
    return { ...a, clusters: [{ ...cluster, egressDestinations: [{ name: 'MCR', fqdn: 'mcr.microsoft.com', category: 'aks-required' as const }] }] };
  };

  it('a Deny collection first: both say blocked, naming it; neither says allowed', async () => {
    const aks = await runRule(ID, arch(100));
    const dest = await runRule('egress/firewall-destination-allowlist', arch(100));
    const deny = 'Deny collection block-mcr (priority 100, application rule mcr)';
    expect(aks.map((f) => [f.messageId, f.evidence?.blockedBy])).toEqual([['blockedFqdns', deny]]);
    expect(dest.map((f) => [f.messageId, f.evidence?.blockedBy])).toEqual([['blockedByDeny', deny]]);
  });

  it('the Deny collection after the allow: neither reports anything', async () => {
    expect(await runRule(ID, arch(300))).toEqual([]);
    expect(await runRule('egress/firewall-destination-allowlist', arch(300))).toEqual([]);
  });
});
