import { appGatewayForContainers, subnet } from '../../../dsl/index.js';
import { baseline } from '../../helpers/fixture.js';
import { testRule } from '../../helpers/rule-tester.js';
import { mutable } from '../../helpers/mutable.js';

function withAgc(frontend: 'public' | 'private') {
  return () => {
    const b = baseline();
    const agcSubnet = subnet({ name: 'snet-agc', cidr: '10.1.6.0/24', purpose: 'agc' });
    mutable(b.spoke.subnets).push(agcSubnet);
    const agc = appGatewayForContainers({ name: 'agc-web', deployment: 'byo', api: 'gateway-api', subnet: agcSubnet, frontend });
    b.path.hops = [{ via: agc, protocol: 'https', port: 443, tls: 'reencrypt' }];
    return b.arch;
  };
}

testRule('ingress/agc-private-frontend', {
  valid: [{ name: 'a public frontend', arch: withAgc('public') }],
  invalid: [
    {
      name: 'a private frontend',
      arch: withAgc('private'),
      findings: [
        {
          messageId: 'privateFrontend',
          path: 'ingress[0].hops[0].via.frontend',
          severity: 'error',
          message: 'App Gateway for Containers agc-web declares a private frontend; AGC supports only public frontends',
          evidence: { agc: 'agc-web', frontend: 'private' },
        },
      ],
    },
  ],
});
