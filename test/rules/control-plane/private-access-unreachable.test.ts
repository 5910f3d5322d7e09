import { jumpBox, peering, subnet, vnet } from '../../../dsl/index.js';
import { baseline } from '../../helpers/fixture.js';
import { testRule } from '../../helpers/rule-tester.js';

function withJumpBox(peered: boolean, apiMode: 'private' | 'public' = 'private') {
  return () => {
    const b = baseline();
    const s = subnet({ name: 'snet-jump', cidr: '10.9.0.0/24', purpose: 'jumpbox' });
    const mgmt = vnet({ name: 'vnet-mgmt', region: 'westeurope', addressSpace: ['10.9.0.0/16'], subnets: [s] });
    b.arch.network.vnets.push(mgmt);
    if (peered) b.arch.network.peerings!.push(peering({ from: b.hub, to: mgmt }));
    const jb = jumpBox({ name: 'vm-jump', subnet: s });
    b.arch.network.jumpBoxes = [jb];
    b.aks.controlPlaneAccess = [{ kind: 'admins', via: jb }];
    if (apiMode === 'public') b.aks.apiServer = { mode: 'public', authorizedIpRanges: ['203.0.113.0/28'] };
    return b.arch;
  };
}

testRule('control-plane/private-access-unreachable', {
  valid: [
    { name: 'a jump box in a VNet peered with the hub', arch: withJumpBox(true) },
    { name: 'a public API server is not checked', arch: withJumpBox(false, 'public') },
  ],
  invalid: [
    {
      name: 'a jump box in an unconnected VNet',
      arch: withJumpBox(false),
      findings: [
        {
          messageId: 'unreachable',
          path: 'clusters[0].controlPlaneAccess[0]',
          severity: 'error',
          message: 'vm-jump (admins) sits in VNet vnet-mgmt, which is not connected to vnet-spoke where the private API server of aks-test lives',
          evidence: { from: 'vm-jump', vnet: 'vnet-mgmt', apiServerVnet: 'vnet-spoke' },
        },
      ],
    },
  ],
});
