/**
 * Cases of egress/firewall-aks-required-fqdns, network-rule side: the tunnel ports of a public cluster without the
 * konnectivity agent (UDP 1194, TCP 9000) and UDP 53 to custom DNS servers behind the firewall
 * (https://learn.microsoft.com/azure/aks/outbound-rules-control-egress, "Azure Global required network rules").
 */
import type { FirewallNetworkRule } from '../../../dsl/index.js';
import { subnet } from '../../../dsl/index.js';
import { baseline } from '../../helpers/fixture.js';
import type { InvalidCase, ValidCase } from '../../helpers/rule-tester.js';
import { mutable } from '../../helpers/mutable.js';

const RULES_PATH = 'network.firewalls[0].classicRules';

interface Opts {
  /** The API server: public with konnectivity true/false/unstated, private, or VNet-integrated (public). */
  api?: 'konnectivity' | 'no-konnectivity' | 'public-unstated' | 'private' | 'vnet-integration';
  /** Network rules of the firewall's Allow collection; undefined: no rule collections at all (shorthand only). */
  network?: FirewallNetworkRule[];
  /** Custom DNS servers of the spoke, with a route to 10.2.0.0/16 through the firewall. */
  dns?: string[];
  /** Rules of a Deny network collection `deny-net` at `denyPriority` (100 unless said: before the Allow collections). */
  deny?: FirewallNetworkRule[];
  denyPriority?: number;
}

/** The baseline with classic rules: the AKS FQDN tag in an application collection plus the given network rules. */
export function design(o: Opts) {
  return () => {
    const b = baseline();
    if (o.network !== undefined) {
      delete b.firewall.aksFqdnTag;
      b.firewall.classicRules = [
        {
          type: 'application',
          name: 'aks',
          priority: 200,
          action: 'Allow',
          rules: [{ name: 'aks', sourceAddresses: ['10.1.0.0/16'], protocols: [{ type: 'Https', port: 443 }], fqdnTags: ['AzureKubernetesService'] }],
        },
        ...(o.network.length
          ? [{ type: 'network' as const, name: 'aks-net', priority: 300, action: 'Allow' as const, rules: o.network }]
          : []),
        ...(o.deny?.length
          ? [{ type: 'network' as const, name: 'deny-net', priority: o.denyPriority ?? 100, action: 'Deny' as const, rules: o.deny }]
          : []),
      ];
    }
    const api = o.api ?? 'private';
    if (api === 'konnectivity' || api === 'no-konnectivity' || api === 'public-unstated') {
      b.aks.apiServer = {
        mode: 'public',
        authorizedIpRanges: ['203.0.113.0/24'],
        ...(api === 'public-unstated' ? {} : { konnectivity: api === 'konnectivity' }),
      };
    }
    if (api === 'vnet-integration') {
      const s = subnet({
        name: 'snet-api',
        cidr: '10.1.5.0/28',
        purpose: 'aks-apiserver',
        delegation: 'Microsoft.ContainerService/managedClusters',
      });
      mutable(b.spoke.subnets).push(s);
      b.aks.apiServer = { mode: 'vnet-integration', subnet: s, private: false, authorizedIpRanges: ['203.0.113.0/24'] };
    }
    if (o.dns) {
      b.spoke.dnsServers = o.dns;
      mutable(b.rt.routes).push({ name: 'shared-services', prefix: '10.2.0.0/16', nextHop: b.firewall });
    }
    return b.arch;
  };
}

const rule = (
  name: string,
  protocols: FirewallNetworkRule['protocols'],
  destinationPorts: FirewallNetworkRule['destinationPorts'],
  destinationAddresses: string[],
): FirewallNetworkRule => ({
  name,
  protocols,
  destinationPorts,
  destinationAddresses,
  sourceAddresses: ['10.1.0.0/16'],
});

export const UDP1194 = rule('apiudp', ['UDP'], [1194], ['AzureCloud.westeurope']);
export const TCP9000 = rule('apitcp', ['TCP'], [9000], ['AzureCloud.westeurope']);

const tunnel = (missing: string) => ({
  messageId: 'missingTunnelPorts',
  path: RULES_PATH,
  severity: 'error' as const,
  message:
    'Azure Firewall afw-hub is the egress path of aks-test (public API server without the konnectivity agent) but ' +
    `no network rule allows ${missing} to AzureCloud.westeurope; nodes cannot reach the control plane tunnel`,
  evidence: { missing },
});

const dnsFinding = (servers: string) => ({
  messageId: 'missingDnsRule',
  path: RULES_PATH,
  severity: 'error' as const,
  message:
    `Azure Firewall afw-hub sits between the nodes of aks-test and their custom DNS server ${servers}, but no ` +
    'network rule allows UDP 53 to it; nodes cannot resolve names',
});

const blockedNetwork = (needs: string, deny: string, effect: string) => ({
  messageId: 'blockedNetwork',
  path: RULES_PATH,
  severity: 'error' as const,
  message: `Azure Firewall afw-hub blocks ${needs} for aks-test with ${deny}, the first rule that matches; ${effect}`,
  evidence: { blocked: needs, blockedBy: deny },
});

export const NETWORK_VALID: ValidCase[] = [
  {
    name: 'konnectivity agent: no tunnel ports needed (and no NTP rule: not needed since March 2021)',
    arch: design({ api: 'konnectivity', network: [] }),
  },
  {
    name: 'without konnectivity: UDP 1194 and TCP 9000 to AzureCloud.westeurope',
    arch: design({ api: 'no-konnectivity', network: [UDP1194, TCP9000] }),
  },
  {
    name: 'without konnectivity: one rule, Any protocol, ports 1194-9000, to the AzureCloud tag',
    arch: design({ api: 'no-konnectivity', network: [rule('api', ['Any'], ['1194-9000'], ['AzureCloud'])] }),
  },
  {
    name: 'without konnectivity: the service tag written with another case and a public CIDR',
    arch: design({
      api: 'no-konnectivity',
      network: [rule('u', ['UDP'], [1194], ['azurecloud.WestEurope']), rule('t', ['TCP'], [9000], ['20.50.0.0/16'])],
    }),
  },
  {
    name: 'without konnectivity: * ports and * destination',
    arch: design({ api: 'no-konnectivity', network: [rule('all', ['TCP', 'UDP'], ['*'], ['*'])] }),
  },
  { name: 'a private cluster needs no tunnel ports', arch: design({ api: 'private', network: [] }) },
  { name: 'API Server VNet Integration needs no tunnel ports', arch: design({ api: 'vnet-integration', network: [] }) },
  {
    name: 'custom DNS behind the firewall with UDP 53 to its /24',
    arch: design({ dns: ['10.2.0.4'], network: [rule('dns', ['UDP'], [53], ['10.2.0.0/24'])] }),
  },
  {
    name: 'custom DNS behind the firewall with port range 53-53',
    arch: design({ dns: ['10.2.0.4'], network: [rule('dns', ['Any'], ['53-53'], ['10.2.0.4'])] }),
  },
  {
    name: 'without konnectivity: a Deny collection for UDP 1194 after the allowing one (priority 301 vs 300)',
    arch: design({ api: 'no-konnectivity', network: [UDP1194, TCP9000], deny: [rule('no-vpn', ['UDP'], [1194], ['*'])], denyPriority: 301 }),
  },
  {
    name: 'custom DNS behind the firewall: a Deny collection for UDP 53 to another range comes first',
    arch: design({ dns: ['10.2.0.4'], network: [rule('dns', ['UDP'], [53], ['10.2.0.0/24'])], deny: [rule('no-dns', ['UDP'], [53], ['10.3.0.0/16'])] }),
  },
  {
    name: 'the firewall itself as DNS server (DNS proxy) is not routed through it',
    arch: design({ dns: ['10.0.0.4'], network: [] }),
  },
  {
    name: 'a DNS server in the peered hub is reached over the peering, not the firewall',
    arch: design({ dns: ['10.0.0.10'], network: [] }),
  },
];

export const NETWORK_INVALID: InvalidCase[] = [
  {
    name: 'without konnectivity: a Deny collection for UDP 1194 one priority before the allowing one (299 vs 300)',
    arch: design({ api: 'no-konnectivity', network: [UDP1194, TCP9000], deny: [rule('no-vpn', ['UDP'], [1194], ['*'])], denyPriority: 299 }),
    findings: [
      blockedNetwork(
        'UDP 1194 to AzureCloud.westeurope',
        'Deny collection deny-net (priority 299, network rule no-vpn)',
        'nodes cannot reach the control plane tunnel',
      ),
    ],
  },
  {
    name: 'custom DNS behind the firewall: a Deny collection for UDP 53 to its range comes first',
    arch: design({ dns: ['10.2.0.4'], network: [rule('dns', ['UDP'], [53], ['10.2.0.0/24'])], deny: [rule('no-dns', ['UDP'], [53], ['10.2.0.0/16'])] }),
    findings: [
      blockedNetwork('UDP 53 to DNS server 10.2.0.4', 'Deny collection deny-net (priority 100, network rule no-dns)', 'nodes cannot resolve names'),
    ],
  },
  {
    name: 'without konnectivity and without network rules: both ports',
    arch: design({ api: 'no-konnectivity', network: [] }),
    findings: [tunnel('UDP 1194 and TCP 9000')],
  },
  {
    name: 'without konnectivity, UDP 1194 only',
    arch: design({ api: 'no-konnectivity', network: [UDP1194] }),
    findings: [tunnel('TCP 9000')],
  },
  {
    name: 'without konnectivity, 1194 over TCP and 9000 over UDP (wrong protocols)',
    arch: design({
      api: 'no-konnectivity',
      network: [
        rule('a', ['TCP'], [1194], ['AzureCloud.westeurope']),
        rule('b', ['UDP'], [9000], ['AzureCloud.westeurope']),
      ],
    }),
    findings: [tunnel('UDP 1194 and TCP 9000')],
  },
  {
    name: 'without konnectivity, ports 1195-9000 (one past 1194)',
    arch: design({ api: 'no-konnectivity', network: [rule('r', ['Any'], ['1195-9000'], ['*'])] }),
    findings: [tunnel('UDP 1194')],
  },
  {
    name: 'without konnectivity, ports 1194-8999 (one short of 9000)',
    arch: design({ api: 'no-konnectivity', network: [rule('r', ['Any'], ['1194-8999'], ['*'])] }),
    findings: [tunnel('TCP 9000')],
  },
  {
    name: "without konnectivity, to another region's service tag",
    arch: design({
      api: 'no-konnectivity',
      network: [
        rule('u', ['UDP'], [1194], ['AzureCloud.northeurope']),
        rule('t', ['TCP'], [9000], ['AzureCloud.northeurope']),
      ],
    }),
    findings: [tunnel('UDP 1194 and TCP 9000')],
  },
  {
    name: 'without konnectivity, to a private range (cannot be the control plane)',
    arch: design({ api: 'no-konnectivity', network: [rule('p', ['Any'], ['*'], ['10.0.0.0/8'])] }),
    findings: [tunnel('UDP 1194 and TCP 9000')],
  },
  {
    name: 'custom DNS behind the firewall, no UDP 53',
    arch: design({ dns: ['10.2.0.4'], network: [] }),
    findings: [dnsFinding('10.2.0.4')],
  },
  {
    name: 'custom DNS behind the firewall, UDP 53 to the neighbouring address only',
    arch: design({ dns: ['10.2.0.4'], network: [rule('dns', ['UDP'], [53], ['10.2.0.5'])] }),
    findings: [dnsFinding('10.2.0.4')],
  },
  {
    name: 'custom DNS behind the firewall, TCP 53 only',
    arch: design({ dns: ['10.2.0.4', '10.2.0.5'], network: [rule('dns', ['TCP'], [53], ['10.2.0.0/24'])] }),
    findings: [dnsFinding('10.2.0.4, 10.2.0.5')],
  },
];
