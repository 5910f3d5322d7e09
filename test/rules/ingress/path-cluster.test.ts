import { cluster, ingressController, loadBalancer } from '../../../dsl/index.js';
import { baseline } from '../../helpers/fixture.js';
import { testRule } from '../../helpers/rule-tester.js';
import { mutable } from '../../helpers/mutable.js';

/** The baseline with a second cluster; `move` puts the path's load balancer and/or controller into it. */
function withSecond(move: { lb?: boolean; ic?: boolean; to?: boolean }) {
  return () => {
    const b = baseline();
    const second = cluster({ ...b.aks, name: 'aks-second', nodePools: b.aks.nodePools.map((p) => ({ ...p })) });
    mutable(b.arch.clusters).push(second);
    const hops = mutable(b.path.hops);
    if (move.lb) {
      const ilb2 = loadBalancer({ name: 'ilb-second', visibility: 'internal', subnet: b.nodes, cluster: second });
      hops[1] = { ...hops[1]!, via: ilb2 };
    }
    if (move.ic) {
      const ic2 = ingressController({ name: 'nginx-second', type: 'nginx', cluster: second, replicas: 2 });
      hops[2] = { ...hops[2]!, via: ic2 };
    }
    if (move.to) b.path.to = { ...b.path.to!, cluster: second };
    return b.arch;
  };
}

testRule('ingress/path-cluster', {
  valid: [
    { name: 'every in-cluster hop in the target cluster', arch: () => baseline().arch },
    { name: 'a second cluster the path does not use', arch: withSecond({}) },
    { name: 'load balancer, controller and target all in the second cluster', arch: withSecond({ lb: true, ic: true, to: true }) },
  ],
  invalid: [
    {
      name: "the controller of another cluster than the target's",
      arch: withSecond({ ic: true }),
      findings: [
        {
          messageId: 'otherCluster',
          path: 'ingress[0].hops[2]',
          severity: 'error',
          message:
            'ingress path web: hop 3, ingress controller nginx-second, runs in cluster aks-second, but the path ends in cluster aks-test; it cannot forward to another cluster',
        },
      ],
    },
    {
      name: "load balancer and controller of one cluster, target in the other",
      arch: withSecond({ to: true }),
      findings: [
        {
          messageId: 'otherCluster',
          path: 'ingress[0].hops[1]',
          severity: 'error',
          message: /hop 2, load balancer ilb-ingress, runs in cluster aks-test, but the path ends in cluster aks-second/,
        },
        { messageId: 'otherCluster', path: 'ingress[0].hops[2]', severity: 'error', message: /hop 3, ingress controller nginx, runs in cluster aks-test/ },
      ],
    },
  ],
});
