import { describe, expect, it } from 'vitest';
import { nva, routeTable } from '../../../dsl/index.js';
import { baseline } from '../../helpers/fixture.js';
import { runRule } from '../../helpers/run-rule.js';

const ID = 'egress/udr-default-route';

describe(ID, () => {
  it('passes when every node subnet routes 0.0.0.0/0 to the firewall', async () => {
    expect(await runRule(ID, baseline().arch)).toEqual([]);
  });

  it('reports a node subnet without a route table', async () => {
    const b = baseline();
    delete b.nodes.routeTable;
    const f = await runRule(ID, b.arch);
    expect(f).toHaveLength(1);
    expect(f[0]!.severity).toBe('error');
    expect(f[0]!.message).toContain('node subnet snet-nodes (10.1.0.0/22) of cluster aks-test has no route table');
    expect(f[0]!.path).toBe('network.vnets[1].subnets[0].routeTable');
  });

  it('reports a default route to Internet', async () => {
    const b = baseline();
    b.rt.routes = [{ name: 'default', prefix: '0.0.0.0/0', nextHop: { type: 'Internet' } }];
    const f = await runRule(ID, b.arch);
    expect(f).toHaveLength(1);
    expect(f[0]!.message).toContain('route default (0.0.0.0/0) in rt-egress on node subnet snet-nodes of cluster aks-test goes to next hop Internet');
    expect(f[0]!.path).toBe('network.vnets[1].subnets[0].routeTable.routes[0].nextHop');
  });

  it('reports a route table with no default route, and a default route to another appliance', async () => {
    const b = baseline();
    b.rt.routes = [{ name: 'onprem', prefix: '192.168.0.0/16', nextHop: { type: 'VirtualNetworkGateway' } }];
    let f = await runRule(ID, b.arch);
    expect(f[0]!.message).toContain('route table rt-egress on node subnet snet-nodes of cluster aks-test has no 0.0.0.0/0 route (1 route)');
    expect(f[0]!.path).toBe('network.vnets[1].subnets[0].routeTable.routes');

    const c = baseline();
    const other = nva({ name: 'nva-other', subnet: c.fwSubnet, privateIp: '10.0.0.10' });
    c.nodes.routeTable = routeTable({ name: 'rt-other', routes: [{ name: 'default', prefix: '0.0.0.0/0', nextHop: other }] });
    f = await runRule(ID, c.arch);
    expect(f).toHaveLength(1);
    expect(f[0]!.message).toContain('goes to nva-other, but cluster aks-test declares its egress through afw-hub (10.0.0.4)');
  });
});
