import { jumpBox } from '../../../dsl/index.js';
import { baseline } from '../../helpers/fixture.js';
import { testRule } from '../../helpers/rule-tester.js';

testRule('control-plane/private-cluster-internet-admins', {
  valid: [
    {
      name: 'internet admins on a public cluster',
      arch: () => {
        const b = baseline();
        b.aks.apiServer = { mode: 'public', authorizedIpRanges: ['203.0.113.0/28'] };
        b.aks.controlPlaneAccess = [{ kind: 'admins', via: 'internet' }];
        return b.arch;
      },
    },
    {
      name: 'admins through a jump box on a private cluster',
      arch: () => {
        const b = baseline();
        const jb = jumpBox({ name: 'vm-jump', subnet: b.nodes });
        b.arch.network.jumpBoxes = [jb];
        b.aks.controlPlaneAccess = [{ kind: 'admins', via: jb }];
        return b.arch;
      },
    },
    {
      name: 'command invoke on a private cluster',
      arch: () => {
        const b = baseline();
        b.aks.controlPlaneAccess = [{ kind: 'command-invoke' }];
        return b.arch;
      },
    },
  ],
  invalid: [
    {
      name: 'admins coming from the internet to a private cluster',
      arch: () => {
        const b = baseline();
        b.aks.controlPlaneAccess = [{ kind: 'admins', via: 'internet' }];
        return b.arch;
      },
      findings: [
        {
          messageId: 'internetAdmins',
          path: 'clusters[0].controlPlaneAccess[0].via',
          severity: 'error',
          message: 'administrators of private cluster aks-test are declared to come from the internet, but its API server has no public endpoint',
          evidence: { access: 'admins' },
        },
      ],
    },
  ],
});
