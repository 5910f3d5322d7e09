import { appGatewayForContainers, frontDoor, loadBalancer } from '../../../dsl/index.js';
import { baseline } from '../../helpers/fixture.js';
import { testRule } from '../../helpers/rule-tester.js';
import { mutable } from '../../helpers/mutable.js';

testRule('ingress/waf-detection-mode', {
  valid: [{ name: 'Prevention mode', arch: () => baseline().arch }],
  invalid: [
    {
      name: 'Front Door in Detection mode; another path that does not pass it is not counted',
      arch: () => {
        const b = baseline();
        const afd = frontDoor({ name: 'afd-web', sku: 'Premium', waf: { name: 'wafp-afd', mode: 'Detection' } });
        const plb = loadBalancer({ name: 'plb-api', visibility: 'public', cluster: b.aks });
        const direct = { via: plb, protocol: 'tcp', port: 443, tls: 'passthrough' } as const;
        mutable(b.arch.ingress!).push({ ...b.path, name: 'api', hops: [direct] });
        mutable(b.path.hops).unshift({ via: afd, protocol: 'https', port: 443, tls: 'reencrypt' });
        return b.arch;
      },
      findings: [
        {
          messageId: 'detection',
          path: 'ingress[0].hops[0].via.waf.mode',
          severity: 'warning',
          message:
            'Front Door afd-web runs its WAF policy wafp-afd in Detection mode, which only logs attacks on 1 ingress ' +
            'path (web)',
        },
      ],
    },
    {
      name: 'App Gateway for Containers in Detection mode',
      arch: () => {
        const b = baseline();
        const front = { deployment: 'managed', api: 'gateway-api', subnet: b.appGwSubnet, frontend: 'public' } as const;
        const agc = appGatewayForContainers({ name: 'agc-web', ...front, waf: { mode: 'Detection' } });
        b.path.hops[0]!.via = agc;
        return b.arch;
      },
      findings: [
        {
          messageId: 'detection',
          path: 'ingress[0].hops[0].via.waf.mode',
          severity: 'warning',
          message: /^App Gateway for Containers agc-web runs its WAF in Detection mode/,
        },
      ],
    },
    {
      name: 'a named WAF policy in Detection mode on one path',
      arch: () => {
        const b = baseline();
        b.appGw.waf = { name: 'waf-web', mode: 'Detection' };
        return b.arch;
      },
      findings: [
        {
          messageId: 'detection',
          path: 'ingress[0].hops[0].via.waf.mode',
          severity: 'warning',
          message: 'Application Gateway agw-test runs its WAF policy waf-web in Detection mode, which only logs attacks on 1 ingress path (web)',
          evidence: { resource: 'agw-test', mode: 'Detection', paths: 1 },
        },
      ],
    },
    {
      name: 'an unnamed WAF in Detection mode on two paths',
      arch: () => {
        const b = baseline();
        b.appGw.waf = { mode: 'Detection' };
        mutable(b.arch.ingress!).push({ ...b.path, name: 'api' });
        return b.arch;
      },
      findings: [
        {
          messageId: 'detection',
          path: 'ingress[0].hops[0].via.waf.mode',
          severity: 'warning',
          message: 'Application Gateway agw-test runs its WAF in Detection mode, which only logs attacks on 2 ingress paths (web, api)',
        },
      ],
    },
  ],
});
