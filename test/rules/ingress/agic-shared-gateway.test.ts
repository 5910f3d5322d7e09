import { cluster } from '../../../dsl/index.js';
import { baseline } from '../../helpers/fixture.js';
import { testRule } from '../../helpers/rule-tester.js';
import { mutable } from '../../helpers/mutable.js';

function twoClusters(management: 'agic-addon' | 'standalone') {
  return () => {
    const b = baseline();
    b.appGw.management = management;
    const second = cluster({ ...b.aks, name: 'aks-second', nodePools: b.aks.nodePools.map((p) => ({ ...p })) });
    mutable(b.arch.clusters).push(second);
    mutable(b.arch.ingress!).push({ ...b.path, name: 'web-2', hops: [b.path.hops[0]!], to: { ...b.path.to!, cluster: second } });
    return b.arch;
  };
}

testRule('ingress/agic-shared-gateway', {
  valid: [
    { name: 'a standalone gateway shared by two clusters', arch: twoClusters('standalone') },
    {
      name: 'an AGIC gateway serving one cluster',
      arch: () => {
        const b = baseline();
        b.appGw.management = 'agic-addon';
        return b.arch;
      },
    },
  ],
  invalid: [
    {
      name: 'an AGIC gateway shared by two clusters',
      arch: twoClusters('agic-addon'),
      findings: [
        {
          messageId: 'shared',
          path: 'ingress[0].hops[0].via.management',
          severity: 'warning',
          message:
            'Application Gateway agw-test is managed by AGIC (agic-addon) and serves 2 clusters (aks-second, aks-test); each AGIC rewrites the whole gateway',
          evidence: { gateway: 'agw-test', clusters: 2 },
        },
      ],
    },
  ],
});
