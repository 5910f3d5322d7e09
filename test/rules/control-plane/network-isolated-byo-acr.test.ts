import { describe, expect, it } from 'vitest';
import { paas, privateDnsZone, privateEndpoint, subnet, type PaasService } from '../../../dsl/index.js';
import { baseline } from '../../helpers/fixture.js';
import { runRule, runRuleResult } from '../../helpers/run-rule.js';
import { testRule } from '../../helpers/rule-tester.js';
import { mutable } from '../../helpers/mutable.js';

const ID = 'control-plane/network-isolated-byo-acr';
const MCR_RULE = { name: 'aks-managed-mcr', sourceRepo: 'mcr.microsoft.com/*', targetRepo: 'aks-managed-repository/*' };

interface Opts {
  registry?: Partial<PaasService>;
  /** Where the private endpoint goes: the cluster's spoke, the hub, or nowhere. */
  endpoint?: 'spoke' | 'hub' | 'none';
  zoneName?: string;
  /** VNets the zone links to; undefined: links not stated. */
  links?: Array<'hub' | 'spoke'> | 'unstated';
  /** Whether the endpoint names its zone. */
  dnsZone?: boolean;
  isolated?: boolean;
  byo?: boolean;
}

/** The baseline cluster made network-isolated (outbound none), bootstrapping from a BYO registry. */
function design(o: Opts = {}) {
  return () => {
    const b = baseline();
    b.aks.networkIsolated = o.isolated ?? true;
    b.aks.outbound = { type: 'none' };
    const acr = paas({
      name: 'acrisolated',
      service: 'containerRegistry',
      sku: 'Premium',
      publicNetworkAccess: false,
      cacheRules: [MCR_RULE],
      ...o.registry,
    });
    if (o.byo ?? true) b.aks.bootstrapRegistry = acr;
    const zone = privateDnsZone({
      name: o.zoneName ?? 'privatelink.azurecr.io',
      ...(o.links === 'unstated'
        ? {}
        : { links: (o.links ?? ['spoke']).map((l) => (l === 'hub' ? b.hub : b.spoke)) }),
    });
    const where = o.endpoint ?? 'spoke';
    if (where !== 'none') {
      const peSubnet =
        where === 'spoke'
          ? subnet({ name: 'snet-pe', cidr: '10.1.6.0/24', purpose: 'private-endpoints' })
          : subnet({ name: 'snet-pe-hub', cidr: '10.0.1.0/24', purpose: 'private-endpoints' });
      mutable((where === 'spoke' ? b.spoke : b.hub).subnets).push(peSubnet);
      b.arch.network.privateDnsZones = [zone];
      b.arch.network.privateEndpoints = [
        privateEndpoint({ name: 'pe-acr', subnet: peSubnet, target: acr, ...(o.dnsZone === false ? {} : { dnsZone: zone }) }),
      ];
    }
    return b.arch;
  };
}

const ACR_PATH = 'network.privateEndpoints[0].target';

testRule(ID, {
  valid: [
    { name: 'Premium, MCR cache rule, endpoint in the cluster VNet, zone linked to it', arch: design() },
    { name: 'the SKU written in lower case', arch: design({ registry: { sku: 'premium' } }) },
    { name: 'authentication-as-ARM stated on', arch: design({ registry: { authenticationAsArm: true } }) },
    { name: 'AKS-managed registry (no bootstrapRegistry): nothing to check', arch: design({ byo: false, registry: { sku: 'Basic' } }) },
    {
      name: 'a cluster that is not network-isolated is not judged by this rule',
      arch: design({ isolated: false, registry: { sku: 'Standard', cacheRules: [] }, endpoint: 'none' }),
    },
    { name: 'zone linked to hub and spoke', arch: design({ links: ['hub', 'spoke'] }) },
  ],
  invalid: [
    {
      name: 'Standard SKU',
      arch: design({ registry: { sku: 'Standard' } }),
      findings: [
        {
          messageId: 'notPremium',
          path: `${ACR_PATH}.sku`,
          severity: 'error',
          message:
            'container registry acrisolated, which network-isolated cluster aks-test bootstraps from, is Standard; ' +
            'a bring-your-own bootstrap registry must be Premium',
        },
      ],
    },
    {
      name: 'authentication-as-ARM disabled',
      arch: design({ registry: { authenticationAsArm: false } }),
      findings: [{ messageId: 'authAsArmDisabled', path: `${ACR_PATH}.authenticationAsArm`, severity: 'error' }],
    },
    {
      name: 'no cache rules',
      arch: design({ registry: { cacheRules: [] } }),
      findings: [{ messageId: 'noCacheRule', path: `${ACR_PATH}.cacheRules`, severity: 'error', evidence: { rules: 0 } }],
    },
    {
      name: 'the cache rule with a target repository that is not the one AKS pulls from',
      arch: design({ registry: { cacheRules: [{ ...MCR_RULE, targetRepo: 'mcr/*' }] } }),
      findings: [{ messageId: 'noCacheRule', path: `${ACR_PATH}.cacheRules`, severity: 'error', evidence: { rules: 1 } }],
    },
    {
      name: 'no private endpoint',
      arch: design({ endpoint: 'none' }),
      findings: [{ messageId: 'noPrivateEndpoint', path: 'clusters[0].bootstrapRegistry', severity: 'error' }],
    },
    {
      name: 'the endpoint in the hub only (zone linked to both): a warning',
      arch: design({ endpoint: 'hub', links: ['hub', 'spoke'] }),
      findings: [
        {
          messageId: 'privateEndpointElsewhere',
          path: 'network.privateEndpoints[0].subnet',
          severity: 'warning',
          message:
            'the private endpoints of container registry acrisolated (pe-acr) are outside the VNet of ' +
            'network-isolated cluster aks-test (vnet-spoke); the setup guide puts the endpoint in the cluster’s VNet',
        },
      ],
    },
    {
      name: 'the endpoint registers in another zone',
      arch: design({ zoneName: 'privatelink.blob.core.windows.net' }),
      findings: [{ messageId: 'wrongZone', path: 'network.privateEndpoints[0].dnsZone', severity: 'error' }],
    },
    {
      name: 'the zone linked to the hub only, while the spoke uses Azure DNS',
      arch: design({ links: ['hub'] }),
      findings: [
        {
          messageId: 'zoneNotLinked',
          path: 'network.privateDnsZones[0].links',
          severity: 'error',
          evidence: { vnet: 'vnet-spoke', cluster: 'aks-test' },
        },
      ],
    },
    {
      name: 'a key vault given as bootstrap registry',
      arch: design({ registry: { service: 'keyVault' } }),
      findings: [{ messageId: 'notRegistry', path: 'clusters[0].bootstrapRegistry', severity: 'error' }],
    },
  ],
});

describe(`${ID}: facts not stated`, () => {
  it('an unstated SKU and unstated cache rules are unverified, not errors', async () => {
    const arch = design({ registry: { sku: undefined, cacheRules: undefined } })();
    const acr = arch.clusters[0]!.bootstrapRegistry!;
    delete acr.sku;
    delete acr.cacheRules;
    const r = await runRuleResult(ID, arch);
    expect(r.findings).toEqual([]);
    expect(r.unverified?.map((u) => u.factPath).sort()).toEqual([`${ACR_PATH}.cacheRules`, `${ACR_PATH}.sku`]);
  });

  it('an endpoint without its zone, and a zone without its links, are unverified', async () => {
    const noZone = await runRuleResult(ID, design({ dnsZone: false })());
    expect(noZone.findings).toEqual([]);
    expect(noZone.unverified?.map((u) => u.factPath)).toEqual(['network.privateEndpoints[0].dnsZone']);
    const noLinks = await runRuleResult(ID, design({ links: 'unstated' })());
    expect(noLinks.findings).toEqual([]);
    expect(noLinks.unverified?.map((u) => u.factPath)).toEqual(['network.privateDnsZones[0].links']);
  });

  it('egress/paas-private-endpoint leaves the DNS of a bootstrap registry to this rule (no duplicate)', async () => {
    expect(await runRule('egress/paas-private-endpoint', design({ links: ['hub'] })())).toEqual([]);
    // The same endpoint for a cluster that is not network-isolated is still checked there.
    const other = await runRule('egress/paas-private-endpoint', design({ links: ['hub'], isolated: false })());
    expect(other.map((f) => f.messageId)).toEqual(['zoneNotLinkedPublicOff']);
  });
});
