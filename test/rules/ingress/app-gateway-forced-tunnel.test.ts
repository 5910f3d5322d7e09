import { describe, expect, it } from 'vitest';
import { routeTable } from '../../../dsl/index.js';
import { baseline } from '../../helpers/fixture.js';
import { runRule } from '../../helpers/run-rule.js';

const ID = 'ingress/app-gateway-forced-tunnel';

describe(ID, () => {
  it('passes without a default route on the gateway subnet, or with only specific routes', async () => {
    expect(await runRule(ID, baseline().arch)).toEqual([]);
    const b = baseline();
    b.appGwSubnet.routeTable = routeTable({ name: 'rt-appgw', routes: [{ name: 'nodes', prefix: '10.1.0.0/22', nextHop: b.firewall }] });
    expect(await runRule(ID, b.arch)).toEqual([]);
  });

  it('reports the spoke egress route table on the gateway subnet', async () => {
    const b = baseline();
    b.spoke.subnets.reverse(); // declare the gateway subnet first so the route table's path runs through it
    b.appGwSubnet.routeTable = b.rt;
    const f = await runRule(ID, b.arch);
    expect(f).toHaveLength(1);
    expect(f[0]!.severity).toBe('warning');
    expect(f[0]!.message).toBe(
      'subnet snet-appgw of Application Gateway agw-test (WAF_v2) routes 0.0.0.0/0 to afw-hub (route default in rt-egress); v2 gateways need direct internet access unless deployed with network isolation',
    );
    expect(f[0]!.path).toBe('network.vnets[1].subnets[0].routeTable.routes[0].nextHop');
  });
});
