import { testRule } from '../../helpers/rule-tester.js';
import { vnetIntegrated } from './_fixtures.js';
import { mutable } from '../../helpers/mutable.js';

testRule('control-plane/apiserver-subnet-vnet', {
  valid: [{ name: 'the same VNet', arch: () => vnetIntegrated().arch }],
  invalid: [
    {
      name: 'an API server subnet in the hub while nodes are in the spoke',
      arch: () => {
        const b = vnetIntegrated();
        mutable(b.spoke.subnets).pop();
        b.apiSubnet.cidr = '10.0.1.0/28';
        mutable(b.hub.subnets).push(b.apiSubnet);
        return b.arch;
      },
      findings: [
        {
          messageId: 'otherVnet',
          path: 'clusters[0].apiServer.subnet',
          severity: 'error',
          message: 'API server subnet snet-apiserver of aks-test is in VNet vnet-hub, but its node subnets are in vnet-spoke',
          evidence: { apiServerVnet: 'vnet-hub', nodeVnets: 'vnet-spoke' },
        },
      ],
    },
  ],
});
