import { subnet } from '../../../dsl/index.js';
import { baseline } from '../../helpers/fixture.js';
import { testRule } from '../../helpers/rule-tester.js';
import { withAgc } from './_fixtures.js';
import { mutable } from '../../helpers/mutable.js';

const PATH = 'network.vnets[1].subnets[2].delegation';

testRule('address/agc-subnet-delegation', {
  valid: [
    { name: 'delegated to trafficControllers', arch: () => withAgc('10.1.8.0/24', 'Microsoft.ServiceNetworking/trafficControllers').arch },
    {
      name: 'an undelegated AGC-purpose subnet no AGC uses',
      arch: () => {
        const b = baseline();
        mutable(b.spoke.subnets).push(subnet({ name: 'snet-agc', cidr: '10.1.8.0/24', purpose: 'agc' }));
        return b.arch;
      },
    },
  ],
  invalid: [
    {
      name: 'not delegated',
      arch: () => withAgc('10.1.8.0/24').arch,
      findings: [
        {
          messageId: 'wrongDelegation',
          path: PATH,
          severity: 'error',
          message:
            'AGC agc-web uses subnet snet-agc (10.1.8.0/24), which is not delegated; it must be delegated to Microsoft.ServiceNetworking/trafficControllers',
          evidence: { agc: 'agc-web', subnet: 'snet-agc', delegation: 'none' },
        },
      ],
    },
    {
      name: 'delegated to another service',
      arch: () => withAgc('10.1.8.0/24', 'Microsoft.Network/applicationGateways').arch,
      findings: [
        {
          messageId: 'wrongDelegation',
          path: PATH,
          severity: 'error',
          message:
            'AGC agc-web uses subnet snet-agc (10.1.8.0/24), which is delegated to Microsoft.Network/applicationGateways; it must be delegated to Microsoft.ServiceNetworking/trafficControllers',
        },
      ],
    },
  ],
});
