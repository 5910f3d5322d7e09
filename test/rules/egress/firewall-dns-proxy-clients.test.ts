import { expect, it } from 'vitest';
import { cluster, firewallPolicy, nodePool, paas, privateEndpoint, subnet } from '../../../dsl/index.js';
import type { EgressDestination } from '../../../dsl/index.js';
import { baseline } from '../../helpers/fixture.js';
import { runRuleResult } from '../../helpers/run-rule.js';
import { testRule } from '../../helpers/rule-tester.js';
import { mutable } from '../../helpers/mutable.js';

const ID = 'egress/firewall-dns-proxy-clients';
const PATH = 'network.vnets[1].dnsServers';

/** The baseline (egress through afw-hub, 10.0.0.4) with the spoke's DNS servers and the firewall's DNS proxy. */
function design(dnsServers: string[] | undefined, dnsProxy = true, fqdnNetworkRule = true) {
  return () => {
    const b = baseline();
    if (dnsServers) b.spoke.dnsServers = dnsServers;
    b.firewall.dnsProxy = dnsProxy;
    // A TCP destination by name: the firewall needs an FQDN network rule for it.
    if (fqdnNetworkRule) b.aks.egressDestinations = [{ name: 'Mail relay', fqdn: 'smtp.example.com', port: 587, protocol: 'tcp' }];
    return b.arch;
  };
}

type B = ReturnType<typeof baseline>;

/** The spoke on Azure-provided DNS; the cluster needs `destinations`. */
function needs(destinations: (b: B) => EgressDestination[]) {
  return () => {
    const b = baseline();
    b.aks.egressDestinations = destinations(b);
    return b.arch;
  };
}

/** The spoke on Azure-provided DNS, no destination needing an FQDN network rule, and the firewall's own network rule. */
function ownRule(rule: { destinationFqdns?: string[]; destinationAddresses?: string[] }) {
  return () => {
    const b = baseline();
    b.firewall.classicRules = [
      {
        type: 'network',
        name: 'time',
        priority: 200,
        action: 'Allow',
        rules: [{ name: 'ntp', sourceAddresses: ['*'], protocols: ['UDP'], destinationPorts: [123], ...rule }],
      },
    ];
    delete b.firewall.aksFqdnTag;
    return b.arch;
  };
}

const NO_NETWORK_FQDN = { messageId: 'azureDnsNoNetworkFqdn', path: PATH, severity: 'info' } as const;

testRule(ID, {
  valid: [
    { name: 'the spoke resolves through the firewall', arch: design(['10.0.0.4']) },
    { name: 'the firewall among several DNS servers', arch: design(['10.1.9.9', '10.0.0.4']) },
    { name: 'DNS proxy off: nothing to point at', arch: design(undefined, false) },
    {
      name: 'a cluster that does not egress through the firewall',
      arch: () => {
        const b = baseline();
        delete b.nodes.routeTable;
        b.aks.outbound = { type: 'loadBalancer' };
        return b.arch;
      },
    },
  ],
  invalid: [
    {
      name: 'an HTTPS destination by name needs an application rule, not a network rule: info',
      arch: needs(() => [{ name: 'api', fqdn: 'api.example.com', port: 443, protocol: 'https' }]),
      findings: [NO_NETWORK_FQDN],
    },
    {
      name: 'a TCP destination given by address needs no FQDN: info',
      arch: needs(() => [{ name: 'partner', cidr: '198.51.100.0/28', port: 587, protocol: 'tcp' }]),
      findings: [NO_NETWORK_FQDN],
    },
    {
      name: 'a TCP destination by name reached through a private endpoint bypasses the firewall: info',
      arch: needs((b) => {
        const peSubnet = subnet({ name: 'snet-pe', cidr: '10.1.6.0/27', purpose: 'private-endpoints' });
        mutable(b.spoke.subnets).push(peSubnet);
        const db = paas({ name: 'sql-app', service: 'sqlDatabase', publicNetworkAccess: false });
        const pe = privateEndpoint({ name: 'pe-sql', subnet: peSubnet, target: db });
        b.arch.network.privateEndpoints = [pe];
        const sql = { name: 'sql', fqdn: 'sql-app.database.windows.net', port: 1433, protocol: 'tcp' } as const;
        return [{ ...sql, privateEndpoint: pe }];
      }),
      findings: [NO_NETWORK_FQDN],
    },
    {
      name: 'a UDP destination by name needs an FQDN network rule',
      arch: needs(() => [{ name: 'ntp', fqdn: 'time.example.com', port: 123, protocol: 'udp' }]),
      findings: [
        {
          messageId: 'azureDns',
          path: PATH,
          severity: 'warning',
          evidence: { firewall: 'afw-hub', vnet: 'vnet-spoke', cluster: 'aks-test', firewallIp: '10.0.0.4' },
        },
      ],
    },
    {
      name: 'two clusters in one VNet through the firewall: one finding for the VNet',
      arch: () => {
        const b = baseline();
        const more = subnet({ name: 'snet-nodes-2', cidr: '10.1.8.0/22', purpose: 'aks-nodes', routeTable: b.rt });
        mutable(b.spoke.subnets).push(more);
        const pool = nodePool({ name: 'system', mode: 'system', vmSize: 'Standard_D4ds_v5', count: 3, subnet: more });
        mutable(b.arch.clusters).push(cluster({ ...b.aks, name: 'aks-two', nodePools: [pool] }));
        return b.arch;
      },
      findings: [{ ...NO_NETWORK_FQDN, message: /VNet vnet-spoke \(cluster aks-test egresses through the firewall\)/ }],
    },
    {
      name: 'the spoke on Azure-provided DNS',
      arch: design(undefined),
      findings: [
        {
          messageId: 'azureDns',
          path: PATH,
          severity: 'warning',
          message:
            'Azure Firewall afw-hub has DNS proxy on, but VNet vnet-spoke (cluster aks-test egresses through the firewall) ' +
            "uses Azure-provided DNS (the default: the VNet states no dnsServers), so its pods bypass the proxy; set the VNet's dnsServers to 10.0.0.4",
        },
      ],
    },
    {
      name: 'the spoke states Azure-provided DNS (an empty list)',
      arch: design([]),
      findings: [
        {
          messageId: 'azureDns',
          path: PATH,
          severity: 'warning',
          message:
            'Azure Firewall afw-hub has DNS proxy on, but VNet vnet-spoke (cluster aks-test egresses through the firewall) ' +
            "uses Azure-provided DNS, so its pods bypass the proxy; set the VNet's dnsServers to 10.0.0.4",
        },
      ],
    },
    {
      name: 'the spoke on Azure-provided DNS with no FQDN network rule needed (HTTPS destinations only): info',
      arch: design(undefined, true, false),
      findings: [{ messageId: 'azureDnsNoNetworkFqdn', path: PATH, severity: 'info', message: /no egress destination of the cluster needs an FQDN network rule/ }],
    },
    {
      name: "the firewall's own Allow network rule with an FQDN needs the proxy, whatever the destinations (d1)",
      arch: ownRule({ destinationFqdns: ['ntp.ubuntu.com'] }),
      findings: [{ messageId: 'azureDns', path: PATH, severity: 'warning' }],
    },
    {
      name: "the firewall's own network rule by address only: info",
      arch: ownRule({ destinationAddresses: ['91.189.91.157'] }),
      findings: [NO_NETWORK_FQDN],
    },
    {
      name: 'the spoke on other custom DNS servers (they may forward): info',
      arch: design(['10.1.9.9']),
      findings: [
        {
          messageId: 'otherDns',
          path: PATH,
          severity: 'info',
          message: /uses DNS servers 10\.1\.9\.9, not the firewall \(10\.0\.0\.4\); make sure they forward to it$/,
        },
      ],
    },
    {
      name: 'the spoke on two other DNS servers: info',
      arch: design(['10.1.9.9', '10.1.9.10']),
      findings: [
        {
          messageId: 'otherDns',
          path: PATH,
          severity: 'info',
          message: /uses DNS servers 10\.1\.9\.9, 10\.1\.9\.10, not the firewall/,
          evidence: { dnsServers: '10.1.9.9, 10.1.9.10' },
        },
      ],
    },
  ],
});

it(`${ID}: a firewall without a stated private IP is an unverified check`, async () => {
  const b = baseline();
  delete b.firewall.privateIp;
  const res = await runRuleResult(ID, b.arch);
  expect(res.findings).toEqual([]);
  expect((res.unverified ?? []).map((u) => u.factPath)).toEqual(['network.firewalls[0].privateIp']);
  expect(res.unverified?.[0]?.check).toBe(
    'VNet vnet-spoke sends its DNS queries to the DNS proxy of Azure Firewall afw-hub',
  );
  expect(res.unverified?.[0]?.fact).toBe('the firewall private IP');
});

it(`${ID}: a policy whose rule collections are not stated (a Resource Graph import): the rules are asked for, not judged`, async () => {
  const b = baseline();
  delete b.firewall.aksFqdnTag;
  delete b.firewall.dnsProxy;
  b.firewall.policy = firewallPolicy({ name: 'afwp-hub', dnsProxy: true });
  const res = await runRuleResult(ID, b.arch);
  expect(res.findings).toEqual([]);
  expect((res.unverified ?? []).map((u) => [u.factPath, u.fact])).toEqual([
    ['network.firewalls[0].policy', 'network rules (rule collections of the firewall or its policy)'],
  ]);
});

it(`${ID}: a base policy whose rule collections are not stated: asked for, not judged`, async () => {
  const b = baseline();
  delete b.firewall.aksFqdnTag;
  delete b.firewall.dnsProxy;
  const base = firewallPolicy({ name: 'afwp-base' });
  b.firewall.policy = firewallPolicy({
    name: 'afwp-hub',
    dnsProxy: true,
    basePolicy: base,
    ruleCollections: [
      {
        type: 'application',
        name: 'aks',
        priority: 200,
        action: 'Allow',
        rules: [{ name: 'aks', sourceAddresses: ['*'], protocols: [{ type: 'Https', port: 443 }], fqdnTags: ['AzureKubernetesService'] }],
      },
    ],
  });
  const res = await runRuleResult(ID, b.arch);
  expect(res.findings).toEqual([]);
  expect((res.unverified ?? []).map((u) => [u.factPath, u.fact])).toEqual([
    ['network.firewalls[0].policy', 'rule collections of base policy afwp-base'],
  ]);
});
