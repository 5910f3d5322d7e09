import { describe, expect, it } from 'vitest';
import { privateDnsZone } from '../../../dsl/index.js';
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

testRule(ID, {
  valid: [
    { name: 'AKS-created zone, spoke with Azure DNS', arch: design([], 'system') },
    { name: 'own zone linked to the spoke, spoke with Azure DNS', arch: design([], ['spoke']) },
    { name: 'own zone linked to the hub, spoke uses the hub DNS proxy 10.0.0.4', arch: design(['10.0.0.4'], ['hub']) },
    { name: 'own zone, links not stated (unverified)', arch: design(['10.0.0.4'], 'unstated') },
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
    {
      name: 'own zone linked to the hub only; spoke with Azure DNS',
      arch: design([], ['hub']),
      findings: [
        { messageId: 'zoneNotLinked', path: `${ZONE}.links`, severity: 'error', evidence: { resolver: 'vnet-spoke' } },
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
});
