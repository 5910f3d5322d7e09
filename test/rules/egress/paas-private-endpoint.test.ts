import { describe, expect, it } from 'vitest';
import { paas, privateDnsZone, privateEndpoint, subnet } from '../../../dsl/index.js';
import { baseline } from '../../helpers/fixture.js';
import { testRule } from '../../helpers/rule-tester.js';
import { runRuleResult } from '../../helpers/run-rule.js';
import { mutable } from '../../helpers/mutable.js';

const ID = 'egress/paas-private-endpoint';

interface Options {
  /** Public network access of the vault; 'unstated' leaves it out (Azure's default: on); 'unknown' writes it so. */
  publicAccess?: boolean | 'unstated' | 'unknown';
  /** Which VNets the zone links: names, or undefined for "not stated". */
  links?: Array<'hub' | 'spoke'>;
  /** Custom DNS servers of the spoke (empty: Azure-provided DNS). */
  spokeDns?: string[];
  /** Whether the endpoint names its zone. */
  zone?: boolean;
  /** The VNet of the endpoint's subnet (default the spoke, where the nodes are). */
  peIn?: 'hub' | 'spoke';
  /** Whether the cluster's egress destination goes through the endpoint (default true). */
  usedByCluster?: boolean;
}

/** The baseline plus a Key Vault reached by the cluster through a private endpoint in the spoke. */
function design(o: Options, unstatedLinks = false) {
  const { publicAccess = false, links = ['hub', 'spoke'], spokeDns = [], zone = true } = o;
  const { peIn = 'spoke', usedByCluster = true } = o;
  return () => {
    const b = baseline();
    const cidr = peIn === 'spoke' ? '10.1.6.0/27' : '10.0.1.0/27';
    const peSubnet = subnet({ name: 'snet-pe', cidr, purpose: 'private-endpoints' });
    mutable((peIn === 'spoke' ? b.spoke : b.hub).subnets).push(peSubnet);
    if (spokeDns.length > 0) b.spoke.dnsServers = spokeDns;
    const vnets = { hub: b.hub, spoke: b.spoke };
    const kvZone = privateDnsZone({
      name: 'privatelink.vaultcore.azure.net',
      ...(unstatedLinks ? {} : { links: links.map((l) => vnets[l]) }),
    });
    const kv = paas({
      name: 'kv-app',
      service: 'keyVault',
      ...(publicAccess === 'unstated' ? {} : { publicNetworkAccess: publicAccess }),
    });
    const pe = privateEndpoint({ name: 'pe-kv', subnet: peSubnet, target: kv, ...(zone ? { dnsZone: kvZone } : {}) });
    b.arch.network.privateEndpoints = [pe];
    b.aks.egressDestinations = [
      { name: 'key-vault', fqdn: 'kv-app.vault.azure.net', port: 443, protocol: 'https', privateEndpoint: pe },
    ];
    if (!usedByCluster) delete b.aks.egressDestinations[0]!.privateEndpoint;
    return b.arch;
  };
}

const ZONE = 'network.privateEndpoints[0].dnsZone';

testRule(ID, {
  valid: [
    { name: 'public access off, zone linked to the spoke with Azure DNS', arch: design({ links: ['spoke'] }) },
    {
      name: 'spoke uses a DNS proxy in the hub (10.0.0.4); zone linked to the hub',
      arch: design({ links: ['hub'], spokeDns: ['10.0.0.4'] }),
    },
    {
      name: 'DNS server at the last hub address (10.0.3.255) counts as the hub',
      arch: design({ links: ['hub'], spokeDns: ['10.0.3.255'] }),
    },
    { name: 'zone links not stated (unverified)', arch: design({}, true) },
    { name: "public network access written 'unknown' (unverified)", arch: design({ publicAccess: 'unknown' }) },
    { name: 'endpoint without a zone (unverified)', arch: design({ zone: false }) },
    {
      name: "an endpoint in the hub used by the cluster, zone linked to the spoke: the hub's own VNet is no consumer",
      arch: design({ links: ['spoke'], peIn: 'hub' }),
    },
    {
      name: 'an endpoint in the hub that no cluster uses, zone linked to the hub',
      arch: design({ links: ['hub'], peIn: 'hub', usedByCluster: false }),
    },
    {
      name: 'DNS server outside every declared VNet (10.0.4.0, unverified)',
      arch: design({ links: ['hub'], spokeDns: ['10.0.4.0'] }),
    },
  ],
  invalid: [
    {
      name: 'an endpoint in the hub used by the cluster: the node VNet (spoke) must resolve it, not the hub',
      arch: design({ links: ['hub'], peIn: 'hub' }),
      findings: [
        {
          messageId: 'zoneNotLinkedPublicOff',
          path: `${ZONE}.links`,
          severity: 'error',
          message: /not linked to VNet vnet-spoke, which resolves names for its own workloads;/,
          evidence: { zone: 'privatelink.vaultcore.azure.net', vnet: 'vnet-spoke' },
        },
      ],
    },
    {
      name: 'an endpoint in the hub used by no cluster: its own VNet must resolve it',
      arch: design({ links: ['spoke'], peIn: 'hub', usedByCluster: false }),
      findings: [
        {
          messageId: 'zoneNotLinkedPublicOff',
          path: `${ZONE}.links`,
          severity: 'error',
          message: /not linked to VNet vnet-hub, which resolves names for its own workloads;/,
        },
      ],
    },
    {
      name: 'public network access not stated: Azure leaves it on',
      arch: design({ publicAccess: 'unstated' }),
      findings: [
        {
          messageId: 'publicAccess',
          path: 'network.privateEndpoints[0].target.publicNetworkAccess',
          severity: 'warning',
          message:
            'keyVault kv-app is reached through private endpoint pe-kv but keeps public network access on (the ' +
            'default); close it so the service is reachable only privately',
          evidence: { paas: 'kv-app', endpoint: 'pe-kv' },
        },
      ],
    },
    {
      name: 'public network access stated on',
      arch: design({ publicAccess: true }),
      findings: [
        {
          messageId: 'publicAccess',
          path: 'network.privateEndpoints[0].target.publicNetworkAccess',
          severity: 'warning',
          message: /keeps public network access on; close it/,
        },
      ],
    },
    {
      name: 'spoke uses Azure DNS but the zone is linked to the hub only',
      arch: design({ links: ['hub'] }),
      findings: [
        {
          messageId: 'zoneNotLinkedPublicOff',
          path: `${ZONE}.links`,
          severity: 'error',
          message:
            'Private DNS zone privatelink.vaultcore.azure.net of private endpoint pe-kv is not linked to VNet vnet-spoke, ' +
            'which resolves names for its own workloads; kv-app resolves to its public address there, where its public ' +
            'network access is disabled, so those clients cannot reach it: link the zone to vnet-spoke',
        },
      ],
    },
    {
      name: 'the zone linked to the hub only, public access on: the clients take the public address (a warning beside the public access one)',
      arch: design({ links: ['hub'], publicAccess: true }),
      findings: [
        {
          messageId: 'zoneNotLinked',
          path: `${ZONE}.links`,
          severity: 'warning',
          message:
            'Private DNS zone privatelink.vaultcore.azure.net of private endpoint pe-kv is not linked to VNet vnet-spoke, ' +
            'which resolves names for its own workloads; kv-app resolves to its public address there',
        },
        { messageId: 'publicAccess', path: 'network.privateEndpoints[0].target.publicNetworkAccess', severity: 'warning' },
      ],
    },
    {
      name: 'spoke uses the hub DNS proxy but the zone is linked to the spoke only',
      arch: design({ links: ['spoke'], spokeDns: ['10.0.0.4'] }),
      findings: [
        {
          messageId: 'zoneNotLinkedPublicOff',
          path: `${ZONE}.links`,
          severity: 'error',
          message: /not linked to VNet vnet-hub, which resolves names for VNet vnet-spoke;/,
        },
      ],
    },
  ],
});

describe(`${ID}: unstated facts`, () => {
  it('names the zone links, the zone and the foreign DNS servers instead of judging', async () => {
    const links = await runRuleResult(ID, design({}, true)());
    expect(links.unverified!.map((u) => u.factPath)).toEqual([`${ZONE}.links`]);
    expect(links.unverified![0]!.check).toBe(
      'private DNS zone privatelink.vaultcore.azure.net is linked to the VNets that resolve for private endpoint pe-kv',
    );
    const zone = await runRuleResult(ID, design({ zone: false })());
    expect(zone.unverified!.map((u) => u.factPath)).toEqual(['network.privateEndpoints[0].dnsZone']);
    expect(zone.unverified![0]!.check).toBe('clients of private endpoint pe-kv resolve kv-app to its private address');
    expect(zone.unverified![0]!.fact).toBe('the private DNS zone that resolves the service name (dnsZone)');
    const dns = await runRuleResult(ID, design({ links: ['hub'], spokeDns: ['10.0.4.0', '10.0.4.1'] })());
    expect(dns.unverified!.map((u) => u.factPath)).toEqual(['network.vnets[1].dnsServers']);
    expect(dns.unverified![0]!.check).toBe(
      'the DNS servers of VNet vnet-spoke resolve privatelink.vaultcore.azure.net ' +
        '(they are outside every declared VNet)',
    );
    expect(dns.unverified![0]!.fact).toBe('how DNS servers 10.0.4.0, 10.0.4.1 resolve private DNS zones');
  });

  it("public network access written 'unknown' (an import without the service's JSON) is an unverified check, not the default", async () => {
    const r = await runRuleResult(ID, design({ publicAccess: 'unknown' })());
    expect(r.findings).toEqual([]);
    expect(r.unverified!.map((u) => `${u.factPath}|${u.check}|${u.fact}`)).toEqual([
      'network.privateEndpoints[0].target.publicNetworkAccess|keyVault kv-app behind private endpoint pe-kv has public ' +
        'network access closed|whether public network access to the service is enabled',
    ]);
    expect(r.unverified![0]!.message).toMatch(/: state whether public network access to the service is enabled \(publicNetworkAccess\)$/);
  });
});
