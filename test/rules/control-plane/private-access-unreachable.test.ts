import { bastion, hybridConnection, jumpBox, onPremises, peering, subnet, vnet, vnetGateway } from '../../../dsl/index.js';
import { describe, expect, it } from 'vitest';
import { baseline } from '../../helpers/fixture.js';
import { runRuleResult } from '../../helpers/run-rule.js';
import { testRule } from '../../helpers/rule-tester.js';
import { agents } from './_fixtures.js';
import { mutable } from '../../helpers/mutable.js';

type Via = 'jumpBox' | 'bastion' | 'self-hosted' | 'microsoft-hosted' | 'vpn';

/** Administrators or pipelines reaching the cluster from a management VNet (peered with the hub or not). */
function fromMgmt(peered: boolean, via: Via = 'jumpBox', apiMode: 'private' | 'public' = 'private') {
  return () => {
    const b = baseline();
    const s = subnet({ name: via === 'bastion' ? 'AzureBastionSubnet' : via === 'vpn' ? 'GatewaySubnet' : 'snet-jump', cidr: '10.9.0.0/26' });
    const mgmt = vnet({ name: 'vnet-mgmt', region: 'westeurope', addressSpace: ['10.9.0.0/16'], subnets: [s] });
    mutable(b.arch.network.vnets).push(mgmt);
    if (peered) mutable(b.arch.network.peerings!).push(peering({ from: b.hub, to: mgmt }));
    if (via === 'jumpBox') {
      const jb = jumpBox({ name: 'vm-jump', subnet: s });
      b.arch.network.jumpBoxes = [jb];
      b.aks.controlPlaneAccess = [{ kind: 'admins', via: jb }];
    } else if (via === 'bastion') {
      const bas = bastion({ name: 'bas-mgmt', subnet: s, sku: 'Standard' });
      b.arch.network.bastions = [bas];
      b.aks.controlPlaneAccess = [{ kind: 'admins', via: bas }];
    } else if (via === 'vpn') {
      const gw = vnetGateway({ name: 'vpngw-mgmt', type: 'vpn', subnet: s, sku: 'VpnGw2AZ' });
      const dc = onPremises({ name: 'dc', addressSpace: ['192.168.100.0/24'] });
      const hc = hybridConnection({ name: 'vpn-dc', gateway: gw, remote: dc });
      b.arch.network.gateways = [gw];
      b.arch.network.onPremises = [dc];
      b.arch.network.hybridConnections = [hc];
      b.aks.controlPlaneAccess = [{ kind: 'admins', via: hc }];
    } else {
      const a = agents(via, undefined, via === 'self-hosted' ? s : undefined);
      b.arch.network.buildAgents = [a];
      b.aks.controlPlaneAccess = [{ kind: 'cicd', via: a }];
    }
    if (apiMode === 'public') b.aks.apiServer = { mode: 'public', authorizedIpRanges: ['203.0.113.0/28'] };
    return b.arch;
  };
}

/**
 * Administrators through a Bastion in the management VNet (peered with the hub or not) opening a session to a jump box
 * in the hub, the spoke, or a VNet of its own connected to nothing.
 */
function bastionSession(peered: boolean, vm: 'hub' | 'spoke' | 'mgmt') {
  return () => {
    const b = fromMgmt(peered, 'bastion')();
    const net = b.network;
    const bas = net.bastions![0]!;
    const s = subnet({ name: 'snet-ops', cidr: vm === 'hub' ? '10.0.2.0/26' : vm === 'spoke' ? '10.1.9.0/26' : '10.8.0.0/26' });
    if (vm === 'mgmt') mutable(net.vnets).push(vnet({ name: 'vnet-ops', region: 'westeurope', addressSpace: ['10.8.0.0/16'], subnets: [s] }));
    else mutable(net.vnets.find((v) => v.name === (vm === 'hub' ? 'vnet-hub' : 'vnet-spoke'))!.subnets).push(s);
    const jb = jumpBox({ name: 'vm-ops', subnet: s });
    net.jumpBoxes = [jb];
    b.clusters[0]!.controlPlaneAccess = [{ kind: 'admins', via: bas, jumpBox: jb }];
    return b;
  };
}

const unreachable = (from: string, access: string) => ({
  messageId: 'unreachable',
  path: 'clusters[0].controlPlaneAccess[0]',
  severity: 'error' as const,
  message: `${from} (${access}) sits in VNet vnet-mgmt, which is not connected to vnet-spoke where the private API server of aks-test lives`,
  evidence: { from, vnet: 'vnet-mgmt', apiServerVnet: 'vnet-spoke' },
});

testRule('control-plane/private-access-unreachable', {
  valid: [
    { name: 'a jump box in a VNet peered with the hub', arch: fromMgmt(true) },
    // kubectl runs on the VM a Bastion session opens: its VNet decides, not Bastion's.
    { name: 'a Bastion in an unconnected VNet opening a jump box in the spoke', arch: bastionSession(false, 'spoke') },
    { name: 'a Bastion in a VNet peered with the hub opening a jump box in the hub', arch: bastionSession(true, 'hub') },
    { name: 'self-hosted agents in a VNet peered with the hub', arch: fromMgmt(true, 'self-hosted') },
    { name: 'a VPN gateway in a VNet peered with the hub', arch: fromMgmt(true, 'vpn') },
    { name: 'Microsoft-hosted agents have no VNet (another rule)', arch: fromMgmt(false, 'microsoft-hosted') },
    { name: 'a public API server is not checked', arch: fromMgmt(false, 'jumpBox', 'public') },
  ],
  invalid: [
    { name: 'a jump box in an unconnected VNet', arch: fromMgmt(false), findings: [unreachable('vm-jump', 'admins')] },
    {
      name: 'a Bastion in the hub opening a jump box in an unconnected VNet',
      arch: bastionSession(true, 'mgmt'),
      findings: [{ ...unreachable('vm-ops', 'admins'), evidence: { from: 'vm-ops', vnet: 'vnet-ops', apiServerVnet: 'vnet-spoke' }, message: /^vm-ops \(admins\) sits in VNet vnet-ops, which is not connected to vnet-spoke/ }],
    },
    { name: 'self-hosted agents in an unconnected VNet', arch: fromMgmt(false, 'self-hosted'), findings: [unreachable('ci-agents', 'cicd')] },
    { name: 'a VPN gateway in an unconnected VNet', arch: fromMgmt(false, 'vpn'), findings: [unreachable('vpn-dc', 'admins')] },
  ],
});

describe('control-plane/private-access-unreachable: facts not stated', () => {
  it.each([true, false])('a Bastion path without the VM it opens names the VM to state (Bastion VNet peered: %s)', async (peered) => {
    const r = await runRuleResult('control-plane/private-access-unreachable', fromMgmt(peered, 'bastion')());
    expect(r.findings).toEqual([]);
    expect(r.unverified?.map((u) => u.factPath)).toEqual(['clusters[0].controlPlaneAccess[0].jumpBox']);
  });
});
