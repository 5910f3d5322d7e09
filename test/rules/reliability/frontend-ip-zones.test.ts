import { describe, expect, it } from 'vitest';
import { publicIp } from '../../../dsl/index.js';
import { baseline } from '../../helpers/fixture.js';
import { runRuleResult } from '../../helpers/run-rule.js';
import { testRule } from '../../helpers/rule-tester.js';

const ID = 'reliability/frontend-ip-zones';
const ILB = 'ingress[0].hops[1].via.zones';
const PIP = 'ingress[0].hops[0].via.publicIp.zones';

type Zones = Array<1 | 2 | 3> | undefined;

function ilb(zones: Zones, region?: string) {
  return () => {
    const b = baseline();
    if (zones) b.ilb.zones = zones;
    else delete b.ilb.zones;
    if (region) b.spoke.region = region;
    return b.arch;
  };
}

function gatewayIp(zones: Zones) {
  return () => {
    const b = baseline();
    b.appGw.publicIp = publicIp({ name: 'pip-agw', sku: 'Standard', ...(zones ? { zones } : {}) });
    return b.arch;
  };
}

testRule(ID, {
  valid: [
    { name: 'an internal load balancer in 3 zones', arch: ilb([1, 2, 3]) },
    { name: 'two zones (the threshold)', arch: ilb([1, 2]) },
    { name: 'no zones in a region without zones', arch: ilb([], 'northcentralus') },
    { name: 'a zone-redundant gateway public IP', arch: gatewayIp([1, 2, 3]) },
  ],
  invalid: [
    {
      name: 'an internal load balancer in one zone',
      arch: ilb([1]),
      findings: [
        {
          messageId: 'notZoneRedundant',
          path: ILB,
          severity: 'warning',
          message:
            'Internal load balancer ilb-ingress (cluster aks-test) in westeurope has zone 1, so it is zonal and goes down ' +
            'with zone 1; create it with zones [1, 2, 3]',
        },
      ],
    },
    {
      name: 'an internal load balancer stated without zones',
      arch: ilb([]),
      findings: [{ messageId: 'notZoneRedundant', path: ILB, severity: 'warning', message: /has no zones, so it is non-zonal/ }],
    },
    {
      name: 'a gateway public IP in one zone',
      arch: gatewayIp([2]),
      findings: [
        {
          messageId: 'notZoneRedundant',
          path: PIP,
          severity: 'warning',
          message: /^Public IP pip-agw \(frontend of Application Gateway agw-test\) in westeurope has zone 2, so it is zonal/,
        },
      ],
    },
    {
      name: 'a region the table does not know',
      arch: ilb([], 'usgovtexas'),
      findings: [{ messageId: 'unknownRegion', path: ILB, severity: 'info' }],
    },
  ],
});

describe(`${ID}: unstated facts`, () => {
  it('does not judge unstated zones: one unverified check per frontend', async () => {
    const b = baseline();
    delete b.ilb.zones;
    b.appGw.publicIp = publicIp({ name: 'pip-agw', sku: 'Standard' });
    const r = await runRuleResult(ID, b.arch);
    expect(r.findings).toEqual([]);
    expect(r.unverified?.map((u) => u.factPath).sort()).toEqual([PIP, ILB].sort());
  });
});

describe(`${ID}: the outbound load balancer AKS creates`, () => {
  it('is neither judged nor asked about: the design cannot state the zones AKS gives it', async () => {
    const b = baseline();
    b.aks.outbound = { type: 'loadBalancer', outboundIps: 2 };
    const r = await runRuleResult(ID, b.arch);
    expect(r.findings).toEqual([]);
    expect(r.unverified ?? []).toEqual([]);
    // A load balancer the design declares is still judged beside it.
    b.ilb.zones = [1];
    const declared = await runRuleResult(ID, b.arch);
    expect(declared.findings.map((f) => f.message)).toEqual([expect.stringMatching(/^Internal load balancer ilb-ingress /)]);
  });
});
