import { describe, expect, it } from 'vitest';
import { bastion, hybridConnection, jumpBox, onPremises, peering, privateDnsZone, subnet, vnet, vnetGateway } from '../../../dsl/index.js';
import { baseline } from '../../helpers/fixture.js';
import { testRule } from '../../helpers/rule-tester.js';
import { runRuleResult } from '../../helpers/run-rule.js';
import { agents } from './_fixtures.js';
import { mutable } from '../../helpers/mutable.js';

const ID = 'control-plane/access-path-dns';

type Where = 'hub' | 'spoke' | 'mgmt-peered' | 'mgmt-unpeered';

/**
 * The baseline's private cluster (AKS-created zone, no public FQDN) with administrators on a jump box, or pipelines on
 * self-hosted agents, in the hub, the spoke or a management VNet; `change` adjusts the design after.
 */
function access(where: Where, kind: 'jumpBox' | 'agents' = 'jumpBox', change?: (b: ReturnType<typeof baseline>) => void) {
  return () => {
    const b = baseline();
    const s = subnet({ name: 'snet-ops', cidr: where === 'hub' ? '10.0.1.0/26' : where === 'spoke' ? '10.1.9.0/26' : '10.9.0.0/26' });
    if (where === 'hub') mutable(b.hub.subnets).push(s);
    else if (where === 'spoke') mutable(b.spoke.subnets).push(s);
    else {
      const mgmt = vnet({ name: 'vnet-mgmt', region: 'westeurope', addressSpace: ['10.9.0.0/16'], subnets: [s] });
      mutable(b.arch.network.vnets).push(mgmt);
      if (where === 'mgmt-peered') mutable(b.arch.network.peerings!).push(peering({ from: b.hub, to: mgmt }));
    }
    if (kind === 'jumpBox') {
      const jb = jumpBox({ name: 'vm-ops', subnet: s });
      b.arch.network.jumpBoxes = [jb];
      b.aks.controlPlaneAccess = [{ kind: 'admins', via: jb }];
    } else {
      const a = agents('self-hosted', undefined, s);
      b.arch.network.buildAgents = [a];
      b.aks.controlPlaneAccess = [{ kind: 'cicd', via: a }];
    }
    change?.(b);
    return b.arch;
  };
}

const SYSTEM_ZONE = 'clusters[0].apiServer.privateDnsZone';

/** Administrators on premises over a VPN into the hub; `forwarder`: where the site forwards Azure private zones. */
function overVpn(forwarder?: string) {
  return () => {
    const b = baseline();
    const s = subnet({ name: 'GatewaySubnet', cidr: '10.0.2.0/27' });
    mutable(b.hub.subnets).push(s);
    const gw = vnetGateway({ name: 'vpngw', type: 'vpn', subnet: s, sku: 'VpnGw2AZ' });
    const dc = onPremises({ name: 'dc', addressSpace: ['192.168.100.0/24'], ...(forwarder ? { dnsForwarder: forwarder } : {}) });
    const hc = hybridConnection({ name: 'vpn-dc', gateway: gw, remote: dc });
    b.arch.network.gateways = [gw];
    b.arch.network.onPremises = [dc];
    b.arch.network.hybridConnections = [hc];
    b.aks.controlPlaneAccess = [{ kind: 'admins', via: hc }];
    return b.arch;
  };
}

/** A zone of its own for the baseline cluster, linked to the named VNets. */
function ownZone(links: Array<'hub' | 'spoke'>) {
  return (b: ReturnType<typeof baseline>) => {
    const vnets = { hub: b.hub, spoke: b.spoke };
    const zone = privateDnsZone({ name: 'privatelink.westeurope.azmk8s.io', links: links.map((v) => vnets[v]) });
    b.arch.network.privateDnsZones = [zone];
    b.aks.apiServer = { mode: 'private', privateDnsZone: zone, publicFqdn: false };
  };
}

/** The cluster's API server made private and VNet-integrated (a delegated subnet in the spoke). */
function vnetIntegrated(b: ReturnType<typeof baseline>) {
  const api = subnet({ name: 'snet-apiserver', cidr: '10.1.10.0/28', purpose: 'aks-apiserver', delegation: 'Microsoft.ContainerService/managedClusters' });
  mutable(b.spoke.subnets).push(api);
  b.aks.apiServer = { mode: 'vnet-integration', subnet: api, private: true, privateDnsZone: 'system' };
}

/**
 * Administrators through a Bastion in the hub or the spoke, opening a session to a jump box in the hub or the spoke,
 * or (`vm` undefined) to a VM the design does not name.
 */
function viaBastion(at: 'hub' | 'spoke', vm?: 'hub' | 'spoke') {
  return () => {
    const b = baseline();
    const basSubnet = subnet({ name: 'AzureBastionSubnet', cidr: at === 'hub' ? '10.0.1.0/26' : '10.1.8.0/26', purpose: 'bastion' });
    mutable((at === 'hub' ? b.hub : b.spoke).subnets).push(basSubnet);
    const bas = bastion({ name: 'bas-ops', subnet: basSubnet, sku: 'Standard' });
    b.arch.network.bastions = [bas];
    if (vm) {
      const s = subnet({ name: 'snet-ops', cidr: vm === 'hub' ? '10.0.2.0/26' : '10.1.9.0/26' });
      mutable((vm === 'hub' ? b.hub : b.spoke).subnets).push(s);
      const jb = jumpBox({ name: 'vm-ops', subnet: s });
      b.arch.network.jumpBoxes = [jb];
      b.aks.controlPlaneAccess = [{ kind: 'admins', via: bas, jumpBox: jb }];
    } else {
      b.aks.controlPlaneAccess = [{ kind: 'admins', via: bas }];
    }
    return b.arch;
  };
}

testRule(ID, {
  valid: [
    { name: 'a jump box in the cluster VNet, which the AKS-created zone is linked to', arch: access('spoke') },
    {
      name: 'a jump box in the hub, with the public FQDN kept',
      arch: access('hub', 'jumpBox', (b) => (b.aks.apiServer = { mode: 'private', privateDnsZone: 'system', publicFqdn: true })),
    },
    {
      name: 'a jump box in the hub, with a zone of its own linked to the hub and the spoke',
      arch: access('hub', 'jumpBox', (b) => {
        const zone = privateDnsZone({ name: 'privatelink.westeurope.azmk8s.io', links: [b.hub, b.spoke] });
        b.arch.network.privateDnsZones = [zone];
        b.aks.apiServer = { mode: 'private', privateDnsZone: zone, publicFqdn: false };
      }),
    },
    {
      name: 'a jump box in a management VNet that uses a DNS server in the spoke',
      arch: access('mgmt-peered', 'jumpBox', (b) => {
        const mgmt = b.arch.network.vnets.find((v) => v.name === 'vnet-mgmt')!;
        mgmt.dnsServers = ['10.1.9.10'];
      }),
    },
    // AKS links a zone you bring to the cluster VNet itself, even when its declared links leave it out.
    { name: 'a jump box in the spoke, with a zone of its own linked to the hub only', arch: access('spoke', 'jumpBox', ownZone(['hub'])) },
    { name: 'a jump box in the spoke, with a zone of its own with no links', arch: access('spoke', 'jumpBox', ownZone([])) },
    { name: 'a jump box in the hub, with a zone of its own linked to the hub only', arch: access('hub', 'jumpBox', ownZone(['hub'])) },
    // kubectl runs on the VM a Bastion session opens, not in Bastion's VNet.
    { name: 'Bastion in the hub opening a jump box in the spoke', arch: viaBastion('hub', 'spoke') },
    { name: 'a private VNet-integrated API server, jump box in the spoke', arch: access('spoke', 'jumpBox', vnetIntegrated) },
    // Not connected at all: control-plane/private-access-unreachable says so.
    { name: 'a jump box in an unpeered VNet', arch: access('mgmt-unpeered') },
    // The site forwards the zone to a resolver in the spoke (the cluster VNet, linked to the AKS-created zone).
    { name: 'administrators over a VPN whose site forwards to a resolver in the cluster VNet', arch: overVpn('10.1.9.4') },
    // Left out: a question, not a verdict (checked below).
    { name: 'administrators over a VPN, the site forwarder not stated', arch: overVpn() },
  ],
  invalid: [
    {
      name: 'administrators over a VPN whose site forwards to a resolver in the hub, not linked to the AKS-created zone',
      arch: overVpn('10.0.3.4'),
      findings: [{ messageId: 'unresolvable', path: SYSTEM_ZONE, severity: 'error', message: /^vpn-dc \(admins\) resolves names in VNet vnet-hub, but /, evidence: { from: 'vpn-dc', resolver: 'vnet-hub' } }],
    },
    {
      name: 'a jump box in the hub with the AKS-created zone and no public FQDN',
      arch: access('hub'),
      findings: [
        {
          messageId: 'unresolvable',
          path: SYSTEM_ZONE,
          severity: 'error',
          message:
            'vm-ops (admins) resolves names in VNet vnet-hub, but the AKS-created private DNS zone of private cluster aks-test ' +
            'is linked only to vnet-spoke and the cluster has no public FQDN: kubectl from vm-ops cannot resolve the API server',
        },
      ],
    },
    {
      name: 'self-hosted agents in a management VNet peered with the hub',
      arch: access('mgmt-peered', 'agents'),
      findings: [{ messageId: 'unresolvable', path: SYSTEM_ZONE, severity: 'error', evidence: { resolver: 'vnet-mgmt' } }],
    },
    {
      name: 'Bastion in the spoke opening a jump box in the hub',
      arch: viaBastion('spoke', 'hub'),
      findings: [{ messageId: 'unresolvable', path: SYSTEM_ZONE, severity: 'error', message: /^vm-ops \(admins\) resolves names in VNet vnet-hub,/ }],
    },
    {
      name: 'a zone of its own linked to the spoke only',
      arch: access('hub', 'jumpBox', (b) => {
        const zone = privateDnsZone({ name: 'privatelink.westeurope.azmk8s.io', links: [b.spoke] });
        b.arch.network.privateDnsZones = [zone];
        b.aks.apiServer = { mode: 'private', privateDnsZone: zone, publicFqdn: false };
      }),
      findings: [
        {
          messageId: 'unresolvable',
          path: 'network.privateDnsZones[0].links',
          severity: 'error',
          message: /^vm-ops \(admins\) resolves names in VNet vnet-hub, but private DNS zone privatelink\.westeurope\.azmk8s\.io of private cluster aks-test is linked only to vnet-spoke/,
        },
      ],
    },
  ],
});

describe(`${ID}: facts not stated`, () => {
  it('a Bastion path without the VM it opens names the VM to state, not the Bastion\'s VNet', async () => {
    const r = await runRuleResult(ID, viaBastion('hub')());
    expect(r.findings).toEqual([]);
    expect(r.unverified?.map((u) => u.factPath)).toEqual(['clusters[0].controlPlaneAccess[0].jumpBox']);
    expect(r.unverified?.[0]?.message).toMatch(/state which VM administrators open through Bastion bas-ops and run kubectl on \(jumpBox\)/);
  });

  it('a private VNet-integrated API server: a jump box in an unlinked hub depends on a public FQDN the DSL cannot state', async () => {
    const r = await runRuleResult(ID, access('hub', 'jumpBox', vnetIntegrated)());
    expect(r.findings).toEqual([]);
    expect(r.unverified?.map((u) => u.factPath)).toEqual(['clusters[0].apiServer']);
    expect(r.unverified?.[0]?.fact).toMatch(/^whether the private VNet-integrated API server also has a public FQDN/);
  });

  it('DNS servers outside every declared VNet are unverified', async () => {
    const arch = access('hub', 'jumpBox', (b) => (b.hub.dnsServers = ['192.168.100.53']))();
    const r = await runRuleResult(ID, arch);
    expect(r.findings).toEqual([]);
    expect(r.unverified?.map((u) => u.factPath)).toEqual(['network.vnets[0].dnsServers']);
  });
});

describe(`${ID}: administrators on premises`, () => {
  it("asks where the site forwards the zone when it is not stated, and how an address outside every VNet resolves it", async () => {
    const unstated = await runRuleResult(ID, overVpn()());
    expect(unstated.findings).toEqual([]);
    expect(unstated.unverified!.map((u) => u.factPath)).toEqual(['network.onPremises[0].dnsForwarder']);
    const outside = await runRuleResult(ID, overVpn('172.31.0.4')());
    expect(outside.findings).toEqual([]);
    expect(outside.unverified!.map((u) => `${u.factPath}: ${u.fact}`)).toEqual([
      "network.onPremises[0].dnsForwarder: how 172.31.0.4 (outside every declared VNet), where dc forwards the cluster's private DNS zone, resolves it",
    ]);
  });
});
