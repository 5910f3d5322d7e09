import { describe, expect, it } from 'vitest';
import { applicationGateway, ingressPath, nodePool, privateEndpoint } from '../../../dsl/index.js';
import { baseline } from '../../helpers/fixture.js';
import { testRule } from '../../helpers/rule-tester.js';
import { mutable } from '../../helpers/mutable.js';
import { set, verdicts } from './_held.js';

const PATH = 'network.vnets[1].subnets[1]';

testRule('address/appgw-subnet-dedicated', {
  valid: [
    { name: 'the gateway alone in its subnet', arch: () => baseline().arch },
    {
      name: 'two v1 gateways sharing one subnet',
      arch: () => {
        const b = baseline();
        b.appGw.sku = 'WAF';
        const second = applicationGateway({ name: 'agw-second', sku: 'Standard', subnet: b.appGwSubnet, frontend: 'public', management: 'standalone' });
        mutable(b.arch.ingress!).push(ingressPath({ ...b.path, name: 'web-2', hops: [{ ...b.path.hops[0]!, via: second }, ...b.path.hops.slice(1)] }));
        return b.arch;
      },
    },
    {
      name: 'two Application Gateways sharing one subnet',
      arch: () => {
        const b = baseline();
        const second = applicationGateway({ name: 'agw-second', sku: 'WAF_v2', subnet: b.appGwSubnet, frontend: 'public', management: 'standalone' });
        mutable(b.arch.ingress!).push(ingressPath({ ...b.path, name: 'web-2', hops: [{ ...b.path.hops[0]!, via: second }, ...b.path.hops.slice(1)] }));
        return b.arch;
      },
    },
    {
      name: 'a subnet declared for an Application Gateway but holding none: nothing is deployed there to conflict',
      arch: () => {
        const b = baseline();
        b.appGw.frontend = 'private';
        mutable(b.path.hops).shift();
        b.arch.network.privateEndpoints = [
          privateEndpoint({ name: 'pe-kv', subnet: b.appGwSubnet, target: { kind: 'paas', name: 'kv', service: 'keyVault' } }),
        ];
        return b.arch;
      },
    },
  ],
  invalid: [
    {
      name: 'a v1 and a v2 gateway in one subnet',
      arch: () => {
        const b = baseline();
        const v1 = applicationGateway({ name: 'agw-legacy', sku: 'WAF', subnet: b.appGwSubnet, frontend: 'public', management: 'standalone' });
        mutable(b.arch.ingress!).push(ingressPath({ ...b.path, name: 'web-2', hops: [{ ...b.path.hops[0]!, via: v1 }, ...b.path.hops.slice(1)] }));
        return b.arch;
      },
      findings: [
        {
          messageId: 'mixedTiers',
          path: PATH,
          severity: 'error',
          message:
            'Application Gateway subnet snet-appgw holds v1 gateways (agw-legacy (WAF)) and v2 gateways (agw-test (WAF_v2)); ' +
            'v1 and v2 gateways cannot share a subnet',
        },
      ],
    },
    {
      name: 'a node pool in the Application Gateway subnet',
      arch: () => {
        const b = baseline();
        mutable(b.aks.nodePools)[1] = nodePool({ name: 'apps', mode: 'user', vmSize: 'Standard_D8ds_v5', count: 3, subnet: b.appGwSubnet });
        return b.arch;
      },
      findings: [
        {
          messageId: 'shared',
          path: PATH,
          severity: 'error',
          message:
            'Application Gateway subnet snet-appgw (10.1.4.0/24) of agw-test also holds node pool aks-test/apps; no other ' +
            'resource can be deployed in an Application Gateway subnet',
          evidence: { gateways: 1, otherUses: 1 },
        },
      ],
    },
    {
      name: 'an internal load balancer and a private endpoint in it: one finding naming both',
      arch: () => {
        const b = baseline();
        b.ilb.subnet = b.appGwSubnet;
        b.arch.network.privateEndpoints = [
          privateEndpoint({ name: 'pe-kv', subnet: b.appGwSubnet, target: { kind: 'paas', name: 'kv', service: 'keyVault' } }),
        ];
        return b.arch;
      },
      findings: [
        {
          messageId: 'shared',
          path: PATH,
          severity: 'error',
          message: /also holds (load balancer ilb-ingress, private endpoint pe-kv|private endpoint pe-kv, load balancer ilb-ingress);/u,
          evidence: { otherUses: 2 },
        },
      ],
    },
  ],
});

describe('address/appgw-subnet-dedicated with an invalid field', () => {
  const mixed = (change: (b: ReturnType<typeof baseline>) => void) => {
    const b = baseline();
    const v1 = applicationGateway({ name: 'agw-legacy', sku: 'WAF', subnet: b.appGwSubnet, frontend: 'public', management: 'standalone' });
    mutable(b.arch.ingress!).push(ingressPath({ ...b.path, name: 'web-2', hops: [{ ...b.path.hops[0]!, via: v1 }, ...b.path.hops.slice(1)] }));
    change(b);
    return verdicts('address/appgw-subnet-dedicated', b.arch);
  };

  it("a gateway's invalid SKU (Standard_v2 stands in) holds the tiers verdict back; its invalid TLS version does not", async () => {
    const r = await mixed((b) => set(b.appGw, 'sku', 'waf_v2'));
    expect(r.findings).toEqual([]);
    expect(r.held).toHaveLength(1);
    expect(r.held[0]).toMatch(/\.sku$/);
    expect(await mixed((b) => set(b.appGw, 'minTlsVersion', 'TLS1_2'))).toEqual({ findings: [`mixedTiers ${PATH}`], held: [] });
  });
});
