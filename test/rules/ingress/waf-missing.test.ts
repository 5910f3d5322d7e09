import { describe, expect, it } from 'vitest';
import { hybridConnection, onPremises, subnet, vnetGateway } from '../../../dsl/index.js';
import { baseline } from '../../helpers/fixture.js';
import { runRule } from '../../helpers/run-rule.js';

const ID = 'ingress/waf-missing';

describe(ID, () => {
  it('passes when the App Gateway runs a WAF', async () => {
    expect(await runRule(ID, baseline().arch)).toEqual([]);
  });

  it('passes for a corporate path without WAF', async () => {
    const b = baseline();
    delete b.appGw.waf;
    const gwSubnet = subnet({ name: 'GatewaySubnet', cidr: '10.0.1.0/27', purpose: 'gateway' });
    b.hub.subnets.push(gwSubnet);
    const gw = vnetGateway({ name: 'vpngw', type: 'vpn', subnet: gwSubnet });
    const site = onPremises({ name: 'dc', addressSpace: ['192.168.0.0/16'] });
    b.path.from = { kind: 'corporate', via: hybridConnection({ name: 'vpn-dc', gateway: gw, remote: site }) };
    expect(await runRule(ID, b.arch)).toEqual([]);
  });

  it('reports an internet-facing path with no WAF hop', async () => {
    const b = baseline();
    delete b.appGw.waf;
    const f = await runRule(ID, b.arch);
    expect(f).toHaveLength(1);
    expect(f[0]!.severity).toBe('warning');
    expect(f[0]!.message).toBe('internet-facing ingress path web (agw-test → ilb-ingress → nginx) has no WAF on any of its 3 hops');
    expect(f[0]!.path).toBe('ingress[0].hops');
  });
});
