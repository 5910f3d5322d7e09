import { describe, expect, it } from 'vitest';
import { routeTable } from '../../../dsl/index.js';
import { baseline } from '../../helpers/fixture.js';
import { runRule } from '../../helpers/run-rule.js';

const ID = 'egress/asymmetric-return-route';

describe(ID, () => {
  it('passes the baseline: only 0.0.0.0/0 goes to the firewall, the App Gateway subnet stays VnetLocal', async () => {
    expect(await runRule(ID, baseline().arch)).toEqual([]);
  });

  it('passes a route that covers the gateway subnet but loses to the more specific VNet route', async () => {
    const b = baseline();
    b.rt.routes.push({ name: 'private-via-fw', prefix: '10.0.0.0/8', nextHop: b.firewall });
    expect(await runRule(ID, b.arch)).toEqual([]);
  });

  it('reports replies to the App Gateway subnet routed through the firewall while requests come directly', async () => {
    const b = baseline();
    b.rt.routes.push({ name: 'appgw-via-fw', prefix: '10.1.4.0/24', nextHop: b.firewall });
    const f = await runRule(ID, b.arch);
    expect(f).toHaveLength(1);
    expect(f[0]!.message).toBe(
      'node subnet snet-nodes sends replies to agw-test (snet-appgw 10.1.4.0/24) through VirtualAppliance afw-hub ' +
        '(route appgw-via-fw in rt-egress), but agw-test reaches the nodes by VnetLocal: the appliance sees only the ' +
        'replies and drops them (asymmetric routing on ingress path web)',
    );
    expect(f[0]!.path).toBe('network.vnets[1].subnets[0].routeTable.routes[1]');
  });

  it('passes when both directions go through the same firewall', async () => {
    const b = baseline();
    b.rt.routes.push({ name: 'appgw-via-fw', prefix: '10.1.4.0/24', nextHop: b.firewall });
    b.appGwSubnet.routeTable = routeTable({ name: 'rt-appgw', routes: [{ name: 'nodes-via-fw', prefix: '10.1.0.0/22', nextHop: b.firewall }] });
    expect(await runRule(ID, b.arch)).toEqual([]);
  });

  it('reports a None route that drops the replies', async () => {
    const b = baseline();
    b.rt.routes.push({ name: 'blackhole', prefix: '10.1.4.0/24', nextHop: { type: 'None' } });
    const f = await runRule(ID, b.arch);
    expect(f.map((x) => x.message)).toEqual([
      'node subnet snet-nodes drops replies to agw-test in snet-appgw 10.1.4.0/24: its effective route for that range is None (route blackhole in rt-egress)',
    ]);
  });
});
