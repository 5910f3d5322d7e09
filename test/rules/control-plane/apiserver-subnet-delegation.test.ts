import { testRule } from '../../helpers/rule-tester.js';
import { vnetIntegrated } from './_fixtures.js';

function withDelegation(delegation: string | undefined) {
  return () => {
    const b = vnetIntegrated();
    b.apiSubnet.delegation = delegation;
    return b.arch;
  };
}

const PATH = 'network.vnets[1].subnets[2].delegation';

testRule('control-plane/apiserver-subnet-delegation', {
  valid: [{ name: 'the delegated subnet', arch: withDelegation('Microsoft.ContainerService/managedClusters') }],
  invalid: [
    {
      name: 'an undelegated API server subnet',
      arch: withDelegation(undefined),
      findings: [
        {
          messageId: 'wrongDelegation',
          path: PATH,
          severity: 'error',
          message:
            'API server subnet snet-apiserver (10.1.8.0/28) of aks-test is not delegated; it must be delegated to Microsoft.ContainerService/managedClusters',
          evidence: { subnet: 'snet-apiserver', delegation: 'none' },
        },
      ],
    },
    {
      name: 'a subnet delegated to another service',
      arch: withDelegation('Microsoft.Network/applicationGateways'),
      findings: [
        {
          messageId: 'wrongDelegation',
          path: PATH,
          severity: 'error',
          message:
            'API server subnet snet-apiserver (10.1.8.0/28) of aks-test is delegated to Microsoft.Network/applicationGateways; it must be delegated to Microsoft.ContainerService/managedClusters',
          evidence: { delegation: 'Microsoft.Network/applicationGateways' },
        },
      ],
    },
  ],
});
