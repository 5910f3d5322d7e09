import { loadBalancer } from '../../../dsl/index.js';
import type { Protocol } from '../../../dsl/index.js';
import { baseline } from '../../helpers/fixture.js';
import { testRule } from '../../helpers/rule-tester.js';

type B = ReturnType<typeof baseline>;

/** The baseline path entered straight through a public load balancer speaking `protocol`. */
function direct(protocol: Protocol, change: (b: B) => void = () => {}) {
  return () => {
    const b = baseline();
    const plb = loadBalancer({ name: 'plb-web', visibility: 'public', cluster: b.aks });
    b.path.hops = [{ via: plb, protocol, port: 443, tls: protocol === 'https' ? 'terminate' : 'passthrough' }, b.path.hops[2]!];
    change(b);
    return b.arch;
  };
}

/** A load balancer declared on its own (network.loadBalancers). */
function standalone(visibility: 'public' | 'internal', withCluster = true) {
  return () => {
    const b = baseline();
    const cluster = withCluster ? { cluster: b.aks } : {};
    const at = visibility === 'internal' ? { subnet: b.nodes } : {};
    b.arch.network.loadBalancers = [loadBalancer({ name: 'svc-admin', visibility, ...cluster, ...at })];
    return b.arch;
  };
}

testRule('ingress/public-lb-direct', {
  valid: [
    { name: 'the internet enters through the App Gateway', arch: () => baseline().arch },
    { name: 'an internal load balancer declared on its own', arch: standalone('internal') },
    { name: 'a public load balancer declared on its own for no cluster', arch: standalone('public', false) },
    {
      name: 'a path from a private partner range through a public load balancer is not internet-facing',
      arch: direct('https', (b) => (b.path.from = { kind: 'partner', sourceRanges: ['10.50.0.0/16'] })),
    },
    {
      name: 'a path entering through an internal load balancer',
      arch: () => {
        const b = baseline();
        b.path.hops = [b.path.hops[1]!, b.path.hops[2]!];
        return b.arch;
      },
    },
  ],
  invalid: [
    {
      name: 'an HTTPS path through a public load balancer',
      arch: direct('https'),
      findings: [
        {
          messageId: 'webPath',
          path: 'ingress[0].hops[0]',
          severity: 'warning',
          message:
            'internet-facing ingress path web enters directly through public load balancer plb-web (https:443) with no ' +
            'WAF or layer-7 gateway in front',
          evidence: { path: 'web', loadBalancer: 'plb-web', port: 443 },
        },
      ],
    },
    {
      name: 'a TCP path through a public load balancer is a note',
      arch: direct('tcp'),
      findings: [
        {
          messageId: 'layer4Path',
          path: 'ingress[0].hops[0]',
          severity: 'info',
          message:
            'internet-facing ingress path web enters directly through public load balancer plb-web (tcp:443); a WAF ' +
            'does not apply to tcp, so restrict the source ranges and protect the public IP with DDoS Protection',
        },
      ],
    },
    {
      name: 'a public LoadBalancer Service declared on its own (network.loadBalancers)',
      arch: () => {
        const b = baseline();
        b.arch.network.loadBalancers = [loadBalancer({ name: 'svc-admin', visibility: 'public', cluster: b.aks })];
        return b.arch;
      },
      findings: [
        {
          messageId: 'standalone',
          path: 'network.loadBalancers[0]',
          severity: 'warning',
          message: 'public load balancer svc-admin exposes a Service of cluster aks-test directly to the internet with no WAF or layer-7 gateway in front',
          evidence: { loadBalancer: 'svc-admin' },
        },
      ],
    },
  ],
});
