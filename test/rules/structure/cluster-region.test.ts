import { baseline } from '../../helpers/fixture.js';
import { testRule } from '../../helpers/rule-tester.js';

testRule('structure/cluster-region', {
  valid: [
    { name: 'cluster and spoke in westeurope', arch: () => baseline().arch },
    {
      name: 'the same region spelt as a display name',
      arch: () => {
        const b = baseline();
        b.aks.region = 'West Europe';
        return b.arch;
      },
    },
    {
      name: 'the hub in another region does not matter: no node subnet is there',
      arch: () => {
        const b = baseline();
        b.hub.region = 'northeurope';
        return b.arch;
      },
    },
  ],
  invalid: [
    {
      name: 'the cluster in northeurope, its node subnet in a westeurope VNet',
      arch: () => {
        const b = baseline();
        b.aks.region = 'northeurope';
        return b.arch;
      },
      findings: [
        {
          messageId: 'otherRegion',
          path: 'clusters[0].region',
          severity: 'error',
          message:
            'cluster aks-test is in northeurope, but its node subnet snet-nodes is in VNet vnet-spoke in westeurope; a ' +
            'VNet’s subnets can only hold resources of its own region',
          evidence: { clusterRegion: 'northeurope', vnet: 'vnet-spoke', vnetRegion: 'westeurope' },
        },
      ],
    },
  ],
});
