import { describe, expect, it } from 'vitest';
import { normalize } from '../../../src/normalize/normalize.js';
import { baseline } from '../../helpers/fixture.js';
import { runRule } from '../../helpers/run-rule.js';

const ID = 'egress/destination-route';

function withDestination(cidr: string) {
  const b = baseline();
  b.aks.egressDestinations = [{ name: 'partner-api', cidr, port: 443, protocol: 'https', category: 'partner' }];
  return b;
}

describe(ID, () => {
  it('passes a public destination that follows 0.0.0.0/0 through the firewall', async () => {
    expect(await runRule(ID, withDestination('203.0.113.0/24').arch)).toEqual([]);
  });

  it('passes a destination inside a peered VNet (system VNetPeering route)', async () => {
    const b = withDestination('10.0.1.0/24');
    expect(await runRule(ID, b.arch)).toEqual([]);
    const path = normalize(b.arch).model.egressPaths[0]!;
    expect(path.destinationRoutes).toEqual([
      { destination: 'egressDestination:aks-test/partner-api', subnet: 'subnet:vnet-spoke/snet-nodes', nextHopType: 'VNetPeering', source: 'Default', nextHopResource: 'vnet:vnet-hub' },
    ]);
  });

  it('reports a private destination outside every VNet that the reserved None route drops', async () => {
    const f = await runRule(ID, withDestination('192.168.50.0/24').arch);
    expect(f).toHaveLength(1);
    expect(f[0]!.severity).toBe('error');
    expect(f[0]!.message).toBe(
      'egress destination partner-api (192.168.50.0/24) of cluster aks-test is dropped: the effective route of node subnet snet-nodes for it is None (the system None route)',
    );
  });

  it('reports a more specific user route to the Internet that bypasses the firewall', async () => {
    const b = withDestination('203.0.113.0/24');
    b.rt.routes.push({ name: 'partner-direct', prefix: '203.0.113.0/24', nextHop: { type: 'Internet' } });
    const f = await runRule(ID, b.arch);
    expect(f.map((x) => x.message)).toEqual([
      'egress destination partner-api (203.0.113.0/24) of cluster aks-test bypasses afw-hub: route partner-direct in rt-egress sends it straight to the Internet from node subnet snet-nodes, while the cluster\'s other egress goes through the appliance',
    ]);
    // The egress edge to it leaves the cluster directly instead of following the path through the firewall.
    const edge = normalize(b.arch).model.edges.find((e) => e.id === 'egress:aks-test->egressDestination:aks-test/partner-api');
    expect(edge).toMatchObject({ from: 'cluster:aks-test', label: 'https:443 Internet' });
  });

  it('a user route for the range to the firewall fixes the None drop', async () => {
    const b = withDestination('192.168.50.0/24');
    b.rt.routes.push({ name: 'onprem-via-fw', prefix: '192.168.0.0/16', nextHop: b.firewall });
    expect(await runRule(ID, b.arch)).toEqual([]);
  });
});
