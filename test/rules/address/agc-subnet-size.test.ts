import { appGatewayForContainers, ingressPath } from '../../../dsl/index.js';
import { testRule } from '../../helpers/rule-tester.js';
import { withAgc } from './_fixtures.js';
import { mutable } from '../../helpers/mutable.js';

const DELEGATED = 'Microsoft.ServiceNetworking/trafficControllers';

/** The AGC fixture with a second AGC association in the same subnet (on a second ingress path). */
function twoAssociations(cidr: string) {
  return () => {
    const b = withAgc(cidr, DELEGATED);
    const s = b.spoke.subnets[2]!;
    const agc2 = appGatewayForContainers({ name: 'agc-api', deployment: 'managed', api: 'gateway-api', subnet: s, frontend: 'public' });
    mutable(b.arch.ingress!).push(
      ingressPath({
        name: 'api',
        from: { kind: 'internet' },
        hops: [{ via: agc2, protocol: 'https', port: 443, tls: 'reencrypt' }],
        to: { cluster: b.aks, namespace: 'api', service: 'api', protocol: 'https', port: 8443 },
      }),
    );
    return b.arch;
  };
}

testRule('address/agc-subnet-size', {
  valid: [
    { name: 'one association in a /24 (exactly 256)', arch: () => withAgc('10.1.8.0/24', DELEGATED).arch },
    { name: 'one association in a /23', arch: () => withAgc('10.1.8.0/23', DELEGATED).arch },
    { name: 'two associations in a /23 (exactly 512)', arch: twoAssociations('10.1.8.0/23') },
  ],
  invalid: [
    {
      name: 'one association in a /25 (128 < 256)',
      arch: () => withAgc('10.1.8.0/25', DELEGATED).arch,
      findings: [
        {
          messageId: 'tooSmall',
          path: 'network.vnets[1].subnets[2].cidr',
          severity: 'error',
          message: 'AGC association subnet snet-agc 10.1.8.0/25 has 128 addresses; agc-web needs 256 (a /24)',
          evidence: { size: 128, needed: 256 },
        },
      ],
    },
    {
      name: 'two associations in a /24 (256 < 512)',
      arch: twoAssociations('10.1.8.0/24'),
      findings: [
        {
          messageId: 'tooSmall',
          path: 'network.vnets[1].subnets[2].cidr',
          severity: 'error',
          message: 'AGC association subnet snet-agc 10.1.8.0/24 has 256 addresses; 2 associations need 512 (a /23)',
          evidence: { size: 256, needed: 512 },
        },
      ],
    },
  ],
});
