import { describe, expect, it } from 'vitest';
import { subnet, vnetGateway } from '../../../dsl/index.js';
import { isZoneSku } from '../../../src/rules/reliability/gateway-zone-sku.js';
import { baseline } from '../../helpers/fixture.js';
import { runRuleResult } from '../../helpers/run-rule.js';
import { testRule } from '../../helpers/rule-tester.js';
import { mutable } from '../../helpers/mutable.js';

const ID = 'reliability/gateway-zone-sku';

function gateway(type: 'vpn' | 'expressRoute', sku: string | undefined, region = 'westeurope') {
  return () => {
    const b = baseline();
    b.hub.region = region;
    const gwSubnet = subnet({ name: 'GatewaySubnet', cidr: '10.0.1.0/27', purpose: 'gateway' });
    mutable(b.hub.subnets).push(gwSubnet);
    b.arch.network.gateways = [vnetGateway({ name: 'gw-hub', type, subnet: gwSubnet, ...(sku ? { sku } : {}) })];
    return b.arch;
  };
}

const PATH = 'network.gateways[0].sku';

testRule(ID, {
  valid: [
    { name: 'VpnGw2AZ', arch: gateway('vpn', 'VpnGw2AZ') },
    { name: 'ErGw1AZ', arch: gateway('expressRoute', 'ErGw1AZ') },
    { name: 'ErGwScale', arch: gateway('expressRoute', 'ErGwScale') },
    { name: 'a non-AZ SKU in a region without zones', arch: gateway('vpn', 'VpnGw2', 'northcentralus') },
  ],
  invalid: [
    {
      name: 'VpnGw2 in a zonal region',
      arch: gateway('vpn', 'VpnGw2'),
      findings: [
        {
          messageId: 'nonZoneSku',
          path: PATH,
          severity: 'warning',
          message:
            'VPN gateway gw-hub in westeurope uses SKU VpnGw2, which is not zone-redundant; use the AZ SKU (for example VpnGw2AZ)',
        },
      ],
    },
    {
      name: 'the legacy ExpressRoute Standard SKU',
      arch: gateway('expressRoute', 'Standard'),
      findings: [
        {
          messageId: 'nonZoneSku',
          path: PATH,
          severity: 'warning',
          message: /ExpressRoute gateway gw-hub .* \(for example ErGw1AZ\)$/,
        },
      ],
    },
  ],
});

describe(ID, () => {
  it('an unstated SKU in a zonal region is one unverified check', async () => {
    const r = await runRuleResult(ID, gateway('vpn', undefined)());
    expect(r.findings).toEqual([]);
    expect(r.unverified?.map((u) => u.factPath)).toEqual([PATH]);
  });
  it('recognises the AZ SKUs case-insensitively', () => {
    expect(['VpnGw1AZ', 'vpngw5az', 'ErGw3AZ', 'ErGwScale'].every(isZoneSku)).toBe(true);
    expect(['VpnGw1', 'Standard', 'HighPerformance', 'UltraPerformance', 'Basic'].some(isZoneSku)).toBe(false);
  });
});
