import { describe, expect, it } from 'vitest';
import { privateDnsZone, subnet } from '../../../dsl/index.js';
import { mutable } from '../../helpers/mutable.js';
import { baseline } from '../../helpers/fixture.js';
import { testRule } from '../../helpers/rule-tester.js';
import { runRuleResult } from '../../helpers/run-rule.js';

const ID = 'control-plane/private-dns-zone-links';
const ZONE = 'clusters[0].apiServer.privateDnsZone';

/**
 * The baseline private cluster with the spoke's DNS servers (empty: Azure DNS) and its API server zone:
 * 'system', or a BYO zone linked to the named VNets ('unstated': links not given).
 */
function design(spokeDns: string[], zone: 'system' | 'unstated' | Array<'hub' | 'spoke'>) {
  return () => {
    const b = baseline();
    if (spokeDns.length > 0) b.spoke.dnsServers = spokeDns;
    if (zone !== 'system') {
      const vnets = { hub: b.hub, spoke: b.spoke };
      const z = privateDnsZone({
        name: 'privatelink.westeurope.azmk8s.io',
        ...(zone === 'unstated' ? {} : { links: zone.map((v) => vnets[v]) }),
      });
      b.aks.apiServer = { mode: 'private', privateDnsZone: z, publicFqdn: false };
    }
    return b.arch;
  };
}

/** As `design`, with a private VNet-integrated API server in a delegated subnet of the spoke. */
function vnetIntegration(spokeDns: string[], zone: 'system' | Array<'hub' | 'spoke'>) {
  return () => {
    const b = baseline();
    if (spokeDns.length > 0) b.spoke.dnsServers = spokeDns;
    const api = subnet({ name: 'snet-apiserver', cidr: '10.1.9.0/28', purpose: 'aks-apiserver', delegation: 'Microsoft.ContainerService/managedClusters' });
    mutable(b.spoke.subnets).push(api);
    const vnets = { hub: b.hub, spoke: b.spoke };
    const z = zone === 'system' ? 'system' : privateDnsZone({ name: 'private.westeurope.azmk8s.io', links: zone.map((v) => vnets[v]) });
    b.aks.apiServer = { mode: 'vnet-integration', subnet: api, private: true, privateDnsZone: z };
    return b.arch;
  };
}

testRule(ID, {
  valid: [
    { name: 'AKS-created zone, spoke with Azure DNS', arch: design([], 'system') },
    { name: 'own zone linked to the spoke, spoke with Azure DNS', arch: design([], ['spoke']) },
    { name: 'own zone linked to the hub, spoke uses the hub DNS proxy 10.0.0.4', arch: design(['10.0.0.4'], ['hub']) },
    { name: 'own zone, links not stated (unverified)', arch: design(['10.0.0.4'], 'unstated') },
    // AKS links a zone you bring to the cluster VNet itself, whatever its declared links say.
    { name: 'own zone linked to the hub only; spoke with Azure DNS (AKS links the spoke)', arch: design([], ['hub']) },
    { name: 'own zone linked to the spoke and the hub, spoke resolves through the hub DNS proxy 10.0.0.4', arch: design(['10.0.0.4'], ['hub', 'spoke']) },
    { name: 'own zone with no links; spoke with Azure DNS (AKS links the spoke)', arch: design([], []) },
    // VNet-integrated nodes call the API server's internal IP without DNS.
    { name: 'VNet integration, AKS-created zone, spoke resolves through the hub', arch: vnetIntegration(['10.0.0.4'], 'system') },
    { name: 'VNet integration, own zone linked to the spoke only, spoke resolves through the hub', arch: vnetIntegration(['10.0.0.4'], ['spoke']) },
    { name: 'DNS server 10.0.4.0, just outside the hub (unverified)', arch: design(['10.0.4.0'], 'system') },
    {
      name: 'a public API server needs no zone',
      arch: () => {
        const b = baseline();
        b.spoke.dnsServers = ['10.0.0.4'];
        b.aks.apiServer = { mode: 'public' };
        return b.arch;
      },
    },
  ],
  invalid: [
    {
      name: 'AKS-created zone while the spoke resolves through the hub',
      arch: design(['10.0.0.4'], 'system'),
      findings: [
        {
          messageId: 'systemZoneCustomDns',
          path: ZONE,
          severity: 'error',
          message:
            'Private cluster aks-test uses the AKS-created private DNS zone, which is linked only to VNet vnet-spoke, ' +
            'but vnet-spoke resolves through DNS servers in VNet vnet-hub; the nodes cannot resolve the API server',
        },
      ],
    },
    {
      name: 'own zone linked to the spoke only; DNS server at the last hub address 10.0.3.255',
      arch: design(['10.0.3.255'], ['spoke']),
      findings: [
        {
          messageId: 'zoneNotLinked',
          path: `${ZONE}.links`,
          severity: 'error',
          message:
            'Private DNS zone privatelink.westeurope.azmk8s.io of private cluster aks-test is not linked to VNet ' +
            'vnet-hub, which resolves names for the nodes in vnet-spoke; the nodes cannot resolve the API server',
        },
      ],
    },
  ],
});

describe(`${ID}: unstated facts`, () => {
  it('names the zone links and the foreign DNS servers instead of judging', async () => {
    const links = await runRuleResult(ID, design(['10.0.0.4'], 'unstated')());
    expect(links.unverified!.map((u) => u.factPath)).toEqual([`${ZONE}.links`]);
    const dns = await runRuleResult(ID, design(['10.0.4.0'], 'system')());
    expect(dns.unverified!.map((u) => u.factPath)).toEqual(['network.vnets[1].dnsServers']);
  });

  it('does not ask for the links of a zone you bring while the nodes resolve in the cluster VNet, which AKS links', async () => {
    const r = await runRuleResult(ID, design([], 'unstated')());
    expect(r.findings).toEqual([]);
    expect(r.unverified ?? []).toEqual([]);
  });

  it('does not ask how the DNS servers of a VNet-integrated cluster resolve the zone: its nodes use no DNS for it', async () => {
    const r = await runRuleResult(ID, vnetIntegration(['10.0.4.0'], 'system')());
    expect(r.unverified ?? []).toEqual([]);
  });
});

describe(`${ID}: reads`, () => {
  const set = (o: object, key: string, v: unknown) => ((o as Record<string, unknown>)[key] = v);
  it("the node VNet's invalid DNS server holds back the zone's verdict, which reads the VNet's DNS servers", async () => {
    const arch = design(['10.0.0.4'], ['spoke'])();
    set(arch.network.vnets[1]!, 'dnsServers', ['10.0.0.4', 42]);
    const r = await runRuleResult(ID, arch);
    expect(r.findings.map((f) => f.messageId)).toEqual([]);
    expect((r.unverified ?? []).map((u) => u.factPath)).toEqual([expect.stringMatching(/^network\.vnets\[1\]\.dnsServers/)]);
  });
  it('an invalid field the verdict does not read (the cluster’s tier, the spoke’s flow logs) leaves it standing', async () => {
    const arch = design(['10.0.0.4'], ['spoke'])();
    set(arch.clusters[0]!, 'tier', 'premium');
    set(arch.network.vnets[1]!, 'flowLogs', 'yes');
    const r = await runRuleResult(ID, arch);
    expect(r.findings.map((f) => f.messageId)).toEqual(['zoneNotLinked']);
    expect(r.unverified ?? []).toEqual([]);
  });
});
