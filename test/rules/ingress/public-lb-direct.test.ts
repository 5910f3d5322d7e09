import { loadBalancer } from '../../../dsl/index.js';
import type { Protocol } from '../../../dsl/index.js';
import { baseline } from '../../helpers/fixture.js';
import { testRule } from '../../helpers/rule-tester.js';

/** The baseline path entered straight through a public load balancer speaking `protocol`. */
function direct(protocol: Protocol) {
  return () => {
    const b = baseline();
    const plb = loadBalancer({ name: 'plb-web', visibility: 'public', cluster: b.aks });
    b.path.hops = [{ via: plb, protocol, port: 443, tls: protocol === 'https' ? 'terminate' : 'passthrough' }, b.path.hops[2]!];
    return b.arch;
  };
}

testRule('ingress/public-lb-direct', {
  valid: [{ name: 'the internet enters through the App Gateway', arch: () => baseline().arch }],
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
        },
      ],
    },
  ],
});
