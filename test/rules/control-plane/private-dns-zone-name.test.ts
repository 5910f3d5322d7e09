import { describe, expect, it } from 'vitest';
import { privateDnsZone } from '../../../dsl/index.js';
import { baseline } from '../../helpers/fixture.js';
import { runRule } from '../../helpers/run-rule.js';

const ID = 'control-plane/private-dns-zone-name';

function withZone(name: string) {
  const b = baseline();
  const zone = privateDnsZone({ name, links: [b.hub, b.spoke] });
  b.arch.network.privateDnsZones = [zone];
  b.aks.apiServer = { mode: 'private', privateDnsZone: zone, publicFqdn: false };
  return b;
}

describe(ID, () => {
  it('reports a zone with the wrong name', async () => {
    const f = await runRule(ID, withZone('aks.contoso.internal').arch);
    expect(f).toHaveLength(1);
    expect(f[0]!.message).toBe('private DNS zone aks.contoso.internal of aks-test must be named privatelink.westeurope.azmk8s.io or <subzone>.privatelink.westeurope.azmk8s.io');
    expect(f[0]!.path).toBe('network.privateDnsZones[0].name');
  });

  it('reports a zone for another region', async () => {
    const f = await runRule(ID, withZone('privatelink.northeurope.azmk8s.io').arch);
    expect(f[0]!.message).toBe('private DNS zone privatelink.northeurope.azmk8s.io of aks-test is for region northeurope, but the cluster is in westeurope; expected privatelink.westeurope.azmk8s.io');
  });

  it('passes the regional zone and a subzone', async () => {
    expect(await runRule(ID, withZone('privatelink.westeurope.azmk8s.io').arch)).toEqual([]);
    expect(await runRule(ID, withZone('payments.privatelink.westeurope.azmk8s.io').arch)).toEqual([]);
  });
});
