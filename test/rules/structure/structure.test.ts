import { describe, expect, it } from 'vitest';
import { buildAgents, nodePool, onPremises, peering, subnet, vnet } from '../../../dsl/index.js';
import { baseline } from '../../helpers/fixture.js';
import { testRule } from '../../helpers/rule-tester.js';
import { mutable } from '../../helpers/mutable.js';
import { runRuleResult } from '../../helpers/run-rule.js';

const base = { name: 'the baseline', arch: () => baseline().arch };

/** Every kind of CIDR the rule reads, all well formed; bare IPs stand for /32. */
function everyCidrKind() {
  const b = baseline();
  b.hub.addressSpace = ['10.0.0.0/22', '10.2.0.0/24'];
  mutable(b.rt.routes).push({ name: 'dc', prefix: '192.168.50.0/24', nextHop: b.firewall });
  b.aks.apiServer = { mode: 'public', authorizedIpRanges: ['203.0.113.0/24', '198.51.100.7'] };
  b.aks.egressDestinations = [{ name: 'partner', cidr: '198.51.100.0/28', port: 443, protocol: 'https' }];
  b.arch.network.onPremises = [onPremises({ name: 'dc', addressSpace: ['172.20.0.0/16', '172.21.0.0/16'] })];
  b.arch.network.buildAgents = [
    buildAgents({ name: 'ci', hosting: 'microsoft-hosted', egressIps: ['20.1.2.3', '20.1.3.0/24'] }),
  ];
  return b;
}

testRule('structure/cidr-malformed', {
  valid: [
    base,
    { name: 'every kind of CIDR, bare IPs as /32, a route with a prefix', arch: () => everyCidrKind().arch },
    {
      name: 'a private cluster (no authorized ranges to read) on flat Azure CNI (no pod CIDR)',
      arch: () => {
        const b = baseline();
        b.aks.network = { cni: 'azure-nodesubnet', serviceCidr: '172.16.0.0/16', dnsServiceIP: '172.16.0.10' };
        return b.arch;
      },
    },
  ],
  invalid: [
    {
      name: 'a malformed CIDR in each place, at the second index where a list holds it',
      arch: () => {
        const b = everyCidrKind();
        mutable(b.hub.addressSpace)[1] = '10.2.0.0/';
        b.rt.routes[1]!.prefix = '192.168.50.0/33';
        b.aks.network.serviceCidr = '172.16.0.1/16';
        b.aks.network = { ...b.aks.network, cni: 'azure-overlay', podCidr: '192.168.0.0' };
        b.aks.apiServer = { mode: 'public', authorizedIpRanges: ['203.0.113.0/24', '198.51.100.300'] };
        b.aks.egressDestinations![0]!.cidr = '198.51.100.1/28';
        mutable(b.arch.network.onPremises![0]!.addressSpace)[1] = '172.21.0.0/8';
        mutable(b.arch.network.buildAgents![0]!.egressIps!)[1] = '20.1.3.0/33';
        return b.arch;
      },
      findings: [
        {
          messageId: 'malformed',
          path: 'network.onPremises[0].addressSpace[1]',
          severity: 'error',
          message: 'address space of dc: "172.21.0.0/8" has host bits set; the network address for /8 is 172.0.0.0/8',
        },
        {
          messageId: 'malformed',
          path: 'network.vnets[0].addressSpace[1]',
          severity: 'error',
          message: 'address space of vnet-hub: "10.2.0.0/" has an invalid prefix length',
        },
        {
          messageId: 'malformed',
          path: 'clusters[0].apiServer.authorizedIpRanges[1]',
          severity: 'error',
          message: 'authorized IP range of aks-test: "198.51.100.300/32" is not an IPv4 CIDR',
        },
        {
          messageId: 'malformed',
          path: 'network.buildAgents[0].egressIps[1]',
          severity: 'error',
          message: 'egress IP of ci: "20.1.3.0/33" has an invalid prefix length',
        },
        {
          messageId: 'malformed',
          path: 'clusters[0].egressDestinations[0].cidr',
          severity: 'error',
          message:
            'egress destination partner: "198.51.100.1/28" has host bits set; ' +
            'the network address for /28 is 198.51.100.0/28',
        },
        {
          messageId: 'malformed',
          path: 'clusters[0].network.podCidr',
          severity: 'error',
          message: 'pod CIDR of aks-test: "192.168.0.0" has no prefix length (expected a.b.c.d/n)',
        },
        {
          messageId: 'malformed',
          path: 'network.vnets[1].subnets[0].routeTable.routes[1].prefix',
          severity: 'error',
          message: 'route dc in rt-egress: "192.168.50.0/33" has an invalid prefix length',
        },
        {
          messageId: 'malformed',
          path: 'clusters[0].network.serviceCidr',
          severity: 'error',
          message:
            'service CIDR of aks-test: "172.16.0.1/16" has host bits set; ' +
            'the network address for /16 is 172.16.0.0/16',
        },
      ],
    },
    {
      name: 'host bits and an invalid prefix length',
      arch: () => {
        const b = baseline();
        b.nodes.cidr = '10.1.0.1/22';
        b.hub.addressSpace = ['10.0.0.0/33'];
        return b.arch;
      },
      findings: [
        {
          messageId: 'malformed',
          path: 'network.vnets[0].addressSpace[0]',
          severity: 'error',
          message: 'address space of vnet-hub: "10.0.0.0/33" has an invalid prefix length',
        },
        {
          messageId: 'malformed',
          path: 'network.vnets[1].subnets[0].cidr',
          severity: 'error',
          message: 'subnet snet-nodes: "10.1.0.1/22" has host bits set; the network address for /22 is 10.1.0.0/22',
        },
      ],
    },
  ],
});

testRule('structure/subnet-outside-vnet', {
  valid: [
    base,
    {
      name: 'a subnet at the very end of the address space',
      arch: () => {
        const b = baseline();
        b.appGwSubnet.cidr = '10.1.255.0/24';
        return b.arch;
      },
    },
  ],
  invalid: [
    {
      name: 'a subnet outside its VNet',
      arch: () => {
        const b = baseline();
        b.appGwSubnet.cidr = '10.9.4.0/24';
        return b.arch;
      },
      findings: [
        {
          messageId: 'outside',
          path: 'network.vnets[1].subnets[1].cidr',
          severity: 'error',
          message: 'subnet snet-appgw (10.9.4.0/24) is outside the address space of vnet-spoke (10.1.0.0/16)',
        },
      ],
    },
    {
      name: 'a subnet wider than its VNet',
      arch: () => {
        const b = baseline();
        b.appGwSubnet.cidr = '10.0.0.0/15';
        return b.arch;
      },
      findings: [
        {
          messageId: 'outside',
          path: 'network.vnets[1].subnets[1].cidr',
          severity: 'error',
          message: 'subnet snet-appgw (10.0.0.0/15) is outside the address space of vnet-spoke (10.1.0.0/16)',
        },
      ],
    },
  ],
});

testRule('structure/subnet-overlap', {
  valid: [
    base,
    {
      name: 'adjacent subnets',
      arch: () => {
        const b = baseline();
        b.appGwSubnet.cidr = '10.1.4.0/24';
        return b.arch;
      },
    },
  ],
  invalid: [
    {
      name: 'a subnet inside another',
      arch: () => {
        const b = baseline();
        b.appGwSubnet.cidr = '10.1.2.0/24';
        return b.arch;
      },
      findings: [
        {
          messageId: 'overlap',
          path: 'network.vnets[1].subnets[1].cidr',
          severity: 'error',
          message: 'subnet snet-appgw (10.1.2.0/24) overlaps subnet snet-nodes (10.1.0.0/22) in vnet-spoke',
        },
      ],
    },
    {
      name: 'the last /24 of the node subnet',
      arch: () => {
        const b = baseline();
        b.appGwSubnet.cidr = '10.1.3.0/24';
        return b.arch;
      },
      findings: [
        {
          messageId: 'overlap',
          path: 'network.vnets[1].subnets[1].cidr',
          severity: 'error',
          message: 'subnet snet-appgw (10.1.3.0/24) overlaps subnet snet-nodes (10.1.0.0/22) in vnet-spoke',
        },
      ],
    },
  ],
});

testRule('structure/peered-vnet-overlap', {
  valid: [
    base,
    {
      name: 'a second VNet peered without overlap',
      arch: () => {
        const b = baseline();
        const other = vnet({ name: 'vnet-other', region: 'westeurope', addressSpace: ['10.2.0.0/16'], subnets: [] });
        mutable(b.arch.network.vnets).push(other);
        mutable(b.arch.network.peerings!).push(peering({ from: b.hub, to: other }));
        return b.arch;
      },
    },
  ],
  invalid: [
    {
      name: 'peered VNets that overlap',
      arch: () => {
        const b = baseline();
        b.hub.addressSpace = ['10.1.0.0/22'];
        b.fwSubnet.cidr = '10.1.0.0/26';
        return b.arch;
      },
      findings: [
        {
          messageId: 'overlap',
          path: 'network.peerings[0]',
          severity: 'error',
          message: 'peered VNets vnet-hub (10.1.0.0/22) and vnet-spoke (10.1.0.0/16) overlap',
        },
      ],
    },
  ],
});

testRule('structure/unknown-reference', {
  valid: [base],
  invalid: [
    {
      name: 'a subnet that is in no VNet, and a string reference',
      arch: () => {
        const b = baseline();
        const stray = subnet({ name: 'snet-stray', cidr: '10.1.8.0/24' });
        mutable(b.aks.nodePools).push(nodePool({ name: 'extra', mode: 'user', vmSize: 'Standard_D4ds_v5', subnet: stray }));
        (b.aks.nodePools[0] as unknown as { podSubnet: unknown }).podSubnet = 'snet-pods';
        return b.arch;
      },
      findings: [
        {
          messageId: 'issue',
          path: 'clusters[0].nodePools[0].podSubnet',
          severity: 'error',
          message: 'expected a subnet object, got "snet-pods" (references are objects: pass the variable holding the subnet, not its name)',
        },
        {
          messageId: 'issue',
          path: 'clusters[0].nodePools[2].subnet',
          severity: 'error',
          message: 'subnet "snet-stray" is referenced but is not in the subnets of any VNet in network.vnets',
        },
      ],
    },
  ],
});

testRule('structure/duplicate-name', {
  valid: [base],
  invalid: [
    {
      name: 'two subnets named alike in one VNet',
      arch: () => {
        const b = baseline();
        mutable(b.spoke.subnets).push(subnet({ name: 'snet-nodes', cidr: '10.1.8.0/24' }));
        return b.arch;
      },
      findings: [
        {
          messageId: 'issue',
          path: 'network.vnets[1].subnets[2].name',
          severity: 'error',
          message: 'two different subnet parts are both named "snet-nodes" in vnet-spoke (this one is at network.vnets[1].subnets[2], the first at network.vnets[1].subnets[0])',
        },
      ],
    },
  ],
});

testRule('structure/schema', {
  valid: [base],
  invalid: [
    {
      name: 'wrong types and enum values in an untyped file',
      arch: () => {
        const b = baseline();
        const arch = b.arch as unknown as { clusters: Array<{ tier: string; nodePools: Array<{ maxPods: unknown }> }> };
        arch.clusters[0]!.tier = 'Gold';
        arch.clusters[0]!.nodePools[0]!.maxPods = 'lots';
        return b.arch;
      },
      findings: [
        { messageId: 'issue', path: 'clusters[0].nodePools[0].maxPods', severity: 'error', message: '"maxPods" must be a number, got "lots"' },
        { messageId: 'issue', path: 'clusters[0].tier', severity: 'error', message: '"tier" must be one of "Free", "Standard", "Premium", got "Gold"' },
      ],
    },
  ],
});

testRule('structure/cluster-node-pools', {
  valid: [
    base,
    {
      name: 'a Windows user pool beside the Linux system pool',
      arch: () => {
        const b = baseline();
        mutable(b.aks.nodePools).push(nodePool({ name: 'win', mode: 'user', os: 'Windows', vmSize: 'Standard_D4ds_v5', count: 3, subnet: b.nodes }));
        return b.arch;
      },
    },
  ],
  invalid: [
    {
      name: 'no node pools',
      arch: () => {
        const b = baseline();
        b.aks.nodePools = [];
        return b.arch;
      },
      findings: [
        {
          messageId: 'noPools',
          path: 'clusters[0].nodePools',
          severity: 'error',
          message: 'cluster aks-test has no node pools; AKS needs at least one system node pool',
        },
      ],
    },
    {
      name: 'only user pools',
      arch: () => {
        const b = baseline();
        b.aks.nodePools[0]!.mode = 'user';
        return b.arch;
      },
      findings: [
        {
          messageId: 'noSystemPool',
          path: 'clusters[0].nodePools',
          severity: 'error',
          message: 'cluster aks-test has only user node pools (system, apps); AKS needs at least one system node pool',
        },
      ],
    },
    {
      name: 'a Windows system pool next to a Linux one',
      arch: () => {
        const b = baseline();
        mutable(b.aks.nodePools).push(nodePool({ name: 'wsys', mode: 'system', os: 'Windows', vmSize: 'Standard_D4ds_v5', count: 3, subnet: b.nodes }));
        return b.arch;
      },
      findings: [
        {
          messageId: 'windowsSystemPool',
          path: 'clusters[0].nodePools[2].os',
          severity: 'error',
          message: "node pool wsys of aks-test is a Windows pool in system mode; AKS accepts only Linux system pools: make it mode 'user'",
        },
      ],
    },
    {
      name: 'the only system pool runs Windows (the design 6 case)',
      arch: () => {
        const b = baseline();
        b.aks.nodePools[0]!.os = 'Windows';
        return b.arch;
      },
      findings: [
        {
          messageId: 'noLinuxSystemPool',
          path: 'clusters[0].nodePools',
          severity: 'error',
          message: 'cluster aks-test has no Linux system pool (its system pools, system, run Windows); AKS needs at least one',
        },
        { messageId: 'windowsSystemPool', path: 'clusters[0].nodePools[0].os', severity: 'error' },
      ],
    },
  ],
});

testRule('structure/empty-address-space', {
  valid: [
    base,
    {
      name: 'an empty VNet without subnets',
      arch: () => {
        const b = baseline();
        mutable(b.arch.network.vnets).push(vnet({ name: 'vnet-empty', region: 'westeurope', addressSpace: [], subnets: [] }));
        return b.arch;
      },
    },
  ],
  invalid: [
    {
      name: 'two subnets, no address space',
      arch: () => {
        const b = baseline();
        b.spoke.addressSpace = [];
        return b.arch;
      },
      findings: [
        {
          messageId: 'empty',
          path: 'network.vnets[1].addressSpace',
          severity: 'error',
          message: 'VNet vnet-spoke has 2 subnets but an empty address space',
        },
      ],
    },
    {
      name: 'one subnet (singular)',
      arch: () => {
        const b = baseline();
        b.hub.addressSpace = [];
        return b.arch;
      },
      findings: [
        { messageId: 'empty', path: 'network.vnets[0].addressSpace', severity: 'error', message: 'VNet vnet-hub has 1 subnet but an empty address space' },
      ],
    },
  ],
});

testRule('structure/ingress-path-hops', {
  valid: [base],
  invalid: [
    {
      name: 'a path without hops',
      arch: () => {
        const b = baseline();
        b.path.hops = [];
        return b.arch;
      },
      findings: [{ messageId: 'noHops', path: 'ingress[0].hops', severity: 'error', message: 'ingress path web has no hops' }],
    },
  ],
});

testRule('structure/invalid-date', {
  valid: [
    base,
    {
      name: 'the last day of February',
      arch: () => {
        const b = baseline();
        b.arch.metadata.date = '2026-02-28';
        return b.arch;
      },
    },
    {
      name: 'a leap day',
      arch: () => {
        const b = baseline();
        b.arch.metadata.date = '2028-02-29';
        return b.arch;
      },
    },
  ],
  invalid: [
    {
      name: 'February 30 as the design date',
      arch: () => {
        const b = baseline();
        b.arch.metadata.date = '2026-02-30';
        return b.arch;
      },
      findings: [
        { messageId: 'notCalendarDate', path: 'metadata.date', severity: 'error', message: 'the design date "2026-02-30" is not a calendar date' },
      ],
    },
    {
      name: 'February 29 outside a leap year',
      arch: () => {
        const b = baseline();
        b.arch.metadata.date = '2026-02-29';
        return b.arch;
      },
      findings: [
        { messageId: 'notCalendarDate', path: 'metadata.date', severity: 'error', message: 'the design date "2026-02-29" is not a calendar date' },
      ],
    },
    {
      name: 'month 13 as the review date and April 31 as an expiry',
      arch: () => {
        const b = baseline();
        b.arch.review = {
          asOf: '2026-13-01',
          acceptedRisks: [{ rule: 'ingress/waf-missing', justification: 'x', owner: 'o', expires: '2027-04-31' }],
        };
        return b.arch;
      },
      findings: [
        {
          messageId: 'notCalendarDate',
          path: 'review.acceptedRisks[0].expires',
          severity: 'error',
          message: 'the expiry of the accepted risk for ingress/waf-missing "2027-04-31" is not a calendar date',
        },
        {
          messageId: 'notCalendarDate',
          path: 'review.asOf',
          severity: 'error',
          message: 'the review date (asOf) "2026-13-01" is not a calendar date',
        },
      ],
    },
  ],
});

testRule('structure/ip-malformed', {
  valid: [base],
  invalid: [
    {
      name: 'an octet above 255',
      arch: () => {
        const b = baseline();
        b.firewall.privateIp = '10.0.0.256';
        return b.arch;
      },
      findings: [
        {
          messageId: 'malformed',
          path: 'network.firewalls[0].privateIp',
          severity: 'error',
          message: 'private IP "10.0.0.256" of afw-hub is not a valid IPv4 address',
        },
      ],
    },
    {
      name: 'an IPv6 address',
      arch: () => {
        const b = baseline();
        b.ilb.privateIp = 'fd00::4';
        return b.arch;
      },
      findings: [
        {
          messageId: 'malformed',
          path: 'ingress[0].hops[1].via.privateIp',
          severity: 'error',
          message: 'private IP "fd00::4" of ilb-ingress is an IPv6 address (aksnet models IPv4 networks)',
        },
      ],
    },
  ],
});

testRule('structure/max-surge-range', {
  valid: [
    base,
    {
      name: '100 % (the whole pool)',
      arch: () => {
        const b = baseline();
        b.aks.nodePools[1]!.maxSurge = '100%';
        return b.arch;
      },
    },
  ],
  invalid: [
    {
      name: '101 %',
      arch: () => {
        const b = baseline();
        b.aks.nodePools[1]!.maxSurge = '101%';
        return b.arch;
      },
      findings: [
        {
          messageId: 'overHundredPercent',
          path: 'clusters[0].nodePools[1].maxSurge',
          severity: 'warning',
          message: 'node pool apps has maxSurge "101%", more than the whole pool (11 surge nodes)',
        },
      ],
    },
  ],
});

/**
 * structure/subnet-outside-vnet reads the subnet's CIDR and its VNet's address space (dependsOn): an invalid entry of
 * the address space holds the verdict back, naming it (the entries left could be judged short of the one meant); an
 * invalid field of the VNet it does not read (its DNS servers) leaves it standing.
 */
describe('structure/subnet-outside-vnet with an invalid field of the VNet', () => {
  const run = async (change: (v: Record<string, unknown>) => void) => {
    const b = baseline();
    b.appGwSubnet.cidr = '10.9.4.0/24';
    change(b.spoke as unknown as Record<string, unknown>);
    const r = await runRuleResult('structure/subnet-outside-vnet', b.arch);
    return { verdicts: r.findings.map((f) => f.messageId), held: (r.unverified ?? []).map((u) => u.factPath) };
  };
  it('an invalid address space entry holds it back', async () => {
    expect(await run((v) => (v.addressSpace = ['10.1.0.0/16', 9]))).toEqual({ verdicts: [], held: ['network.vnets[1].addressSpace[1]'] });
  });
  it('invalid DNS servers leave it standing', async () => {
    expect(await run((v) => (v.dnsServers = 7))).toEqual({ verdicts: ['outside'], held: [] });
  });
});
