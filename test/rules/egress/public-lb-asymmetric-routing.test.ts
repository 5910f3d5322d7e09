import { loadBalancer } from '../../../dsl/index.js';
import { baseline } from '../../helpers/fixture.js';
import { testRule } from '../../helpers/rule-tester.js';
import { mutable } from '../../helpers/mutable.js';

const hopMessage =
  'ingress path web enters through public load balancer ilb-ingress (hop 2), but cluster aks-test routes 0.0.0.0/0 to afw-hub: replies leave through that appliance and are dropped';

function publicHop(outbound?: 'loadBalancer') {
  return () => {
    const b = baseline();
    b.ilb.visibility = 'public';
    delete b.ilb.subnet;
    if (outbound) b.aks.outbound = { type: outbound };
    return b.arch;
  };
}

testRule('egress/public-lb-asymmetric-routing', {
  valid: [
    { name: 'an internal load balancer behind App Gateway', arch: () => baseline().arch },
    {
      name: 'a public load balancer when egress is not routed to a firewall',
      arch: () => {
        const b = baseline();
        b.ilb.visibility = 'public';
        delete b.nodes.routeTable;
        b.aks.outbound = { type: 'loadBalancer' };
        return b.arch;
      },
    },
    {
      name: 'an internal LoadBalancer Service declared on its own',
      arch: () => {
        const b = baseline();
        b.arch.network.loadBalancers = [loadBalancer({ name: 'svc-internal', visibility: 'internal', subnet: b.nodes, cluster: b.aks })];
        return b.arch;
      },
    },
  ],
  invalid: [
    {
      name: 'a public load balancer hop on a UDR cluster',
      arch: publicHop(),
      findings: [
        {
          messageId: 'pathThroughPublicLb',
          path: 'ingress[0].hops[1]',
          severity: 'error',
          message: hopMessage,
          evidence: { path: 'web', loadBalancer: 'ilb-ingress', cluster: 'aks-test', appliance: 'afw-hub' },
        },
      ],
    },
    {
      name: 'a loadBalancer-outbound cluster whose node subnet routes 0.0.0.0/0 to the firewall (the effective route decides)',
      arch: publicHop('loadBalancer'),
      findings: [{ messageId: 'pathThroughPublicLb', path: 'ingress[0].hops[1]', severity: 'error', message: hopMessage }],
    },
    {
      name: 'a second path entering through another public load balancer of the UDR cluster',
      arch: () => {
        const b = baseline();
        const plb = loadBalancer({ name: 'plb-legacy', visibility: 'public', cluster: b.aks });
        mutable(b.arch.ingress!).push({ ...b.path, name: 'legacy', hops: [{ via: plb, protocol: 'tcp', port: 443, tls: 'passthrough' }] });
        return b.arch;
      },
      findings: [
        {
          messageId: 'pathThroughPublicLb',
          path: 'ingress[1].hops[0]',
          severity: 'error',
          message:
            'ingress path legacy enters through public load balancer plb-legacy (hop 1), but cluster aks-test routes 0.0.0.0/0 to afw-hub: replies leave through that appliance and are dropped',
        },
      ],
    },
    {
      name: 'a public LoadBalancer Service declared on its own (network.loadBalancers) on a UDR cluster',
      arch: () => {
        const b = baseline();
        b.arch.network.loadBalancers = [loadBalancer({ name: 'svc-legacy-api', visibility: 'public', cluster: b.aks })];
        return b.arch;
      },
      findings: [
        {
          messageId: 'servicePublicLb',
          path: 'network.loadBalancers[0]',
          severity: 'error',
          message:
            'public load balancer svc-legacy-api of cluster aks-test receives internet traffic, but the cluster routes 0.0.0.0/0 to afw-hub: replies leave through that appliance and are dropped',
          evidence: { loadBalancer: 'svc-legacy-api', cluster: 'aks-test', appliance: 'afw-hub' },
        },
      ],
    },
  ],
});
