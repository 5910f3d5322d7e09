import { describe, expect, it } from 'vitest';
import { runRuleResult } from '../../helpers/run-rule.js';
import { privateDnsZone } from '../../../dsl/index.js';
import { baseline } from '../../helpers/fixture.js';
import { testRule } from '../../helpers/rule-tester.js';
import { vnetIntegrated } from './_fixtures.js';

const PATH = 'network.privateDnsZones[0].name';

/** A Private Link cluster (or, with `vnet`, a private VNet-integrated one) using a custom zone `name`. */
function withZone(name: string, opts: { vnet?: boolean; region?: string } = {}) {
  return () => {
    const b = opts.vnet ? vnetIntegrated(true) : baseline();
    const zone = privateDnsZone({ name, links: [b.hub, b.spoke] });
    b.arch.network.privateDnsZones = [zone];
    if (opts.region) b.aks.region = opts.region;
    b.aks.apiServer = opts.vnet
      ? { mode: 'vnet-integration', subnet: (b as ReturnType<typeof vnetIntegrated>).apiSubnet, private: true, privateDnsZone: zone }
      : { mode: 'private', privateDnsZone: zone, publicFqdn: false };
    return b.arch;
  };
}

const sub32 = 'a'.repeat(32);
const sub33 = 'a'.repeat(33);

testRule('control-plane/private-dns-zone-name', {
  valid: [
    { name: 'the regional Private Link zone', arch: withZone('privatelink.westeurope.azmk8s.io') },
    { name: 'a subzone of it', arch: withZone('payments.privatelink.westeurope.azmk8s.io') },
    { name: 'a trailing dot', arch: withZone('privatelink.westeurope.azmk8s.io.') },
    { name: 'a 32-character subzone (the limit)', arch: withZone(`${sub32}.privatelink.westeurope.azmk8s.io`) },
    { name: 'VNet integration with private.<region>', arch: withZone('private.westeurope.azmk8s.io', { vnet: true }) },
    { name: 'VNet integration with a subzone of private.<region>', arch: withZone('team.private.westeurope.azmk8s.io', { vnet: true }) },
    { name: 'VNet integration with privatelink.<region>', arch: withZone('privatelink.westeurope.azmk8s.io', { vnet: true }) },
    {
      name: 'a sovereign-cloud region: the suffix is not judged',
      arch: withZone('privatelink.usgovvirginia.cx.aks.containerservice.azure.us', { region: 'usgovvirginia' }),
    },
  ],
  invalid: [
    {
      name: 'a name of its own',
      arch: withZone('aks.contoso.internal'),
      findings: [
        {
          messageId: 'wrongName',
          path: PATH,
          severity: 'error',
          message:
            'private DNS zone aks.contoso.internal of aks-test must be named privatelink.westeurope.azmk8s.io or ' +
            '<subzone>.privatelink.westeurope.azmk8s.io',
        },
      ],
    },
    {
      name: 'two labels in front of privatelink (only one subzone label is allowed)',
      arch: withZone('team.payments.privatelink.westeurope.azmk8s.io'),
      findings: [{ messageId: 'wrongName', path: PATH, severity: 'error' }],
    },
    {
      name: 'a public-cloud region with another suffix',
      arch: withZone('privatelink.westeurope.contoso.net'),
      findings: [{ messageId: 'wrongName', path: PATH, severity: 'error' }],
    },
    {
      name: 'a zone for another region',
      arch: withZone('privatelink.northeurope.azmk8s.io'),
      findings: [
        {
          messageId: 'wrongRegion',
          path: PATH,
          severity: 'error',
          message:
            'private DNS zone privatelink.northeurope.azmk8s.io of aks-test is for region northeurope, but the cluster ' +
            'is in westeurope; expected privatelink.westeurope.azmk8s.io',
        },
      ],
    },
    {
      name: 'private.<region> on a Private Link cluster',
      arch: withZone('private.westeurope.azmk8s.io'),
      findings: [{ messageId: 'privateNeedsVnetIntegration', path: PATH, severity: 'error', message: /needs privatelink\.westeurope\.azmk8s\.io$/ }],
    },
    {
      name: 'a 33-character subzone',
      arch: withZone(`${sub33}.privatelink.westeurope.azmk8s.io`),
      findings: [
        {
          messageId: 'subzoneTooLong',
          path: PATH,
          severity: 'error',
          message: /has a 33-character subzone a{33}; AKS allows at most 32 characters$/,
        },
      ],
    },
    {
      name: 'a sovereign-cloud region still needs the privatelink.<region> labels',
      arch: withZone('aks.usgovvirginia.example', { region: 'usgovvirginia' }),
      findings: [{ messageId: 'wrongName', path: PATH, severity: 'error', message: /privatelink\.usgovvirginia\.<cloud suffix>/ }],
    },
  ],
});

describe("reads: the cluster's region a zone's name is judged against", () => {
  const set = (o: object, key: string, v: unknown) => ((o as Record<string, unknown>)[key] = v);
  it("an invalid region of the cluster (an empty one stands in) holds back the zone's verdict", async () => {
    const arch = withZone('privatelink.westeurope.azmk8s.io')();
    set(arch.clusters[0]!, 'region', 42);
    const r = await runRuleResult('control-plane/private-dns-zone-name', arch);
    expect(r.findings.map((f) => f.messageId)).toEqual([]);
    expect((r.unverified ?? []).map((u) => u.factPath)).toEqual(['clusters[0].region']);
  });
  it('an invalid field of the cluster it does not read (the tier) leaves the verdict standing', async () => {
    const arch = withZone('privatelink.northeurope.azmk8s.io')();
    set(arch.clusters[0]!, 'tier', 'premium');
    const r = await runRuleResult('control-plane/private-dns-zone-name', arch);
    expect(r.findings.map((f) => f.messageId)).toEqual(['wrongRegion']);
    expect(r.unverified ?? []).toEqual([]);
  });
});
