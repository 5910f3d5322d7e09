import { loadBalancer } from '../../../dsl/index.js';
import { baseline } from '../../helpers/fixture.js';
import { testRule } from '../../helpers/rule-tester.js';
import { withFrontDoor } from './_fixtures.js';
import { mutable } from '../../helpers/mutable.js';

const entry = (why: string) => ({
  messageId: 'unreachableEntry',
  path: 'ingress[0].hops[0]',
  severity: 'error' as const,
  message: `internet-facing ingress path web starts at ${why}; internet clients cannot reach hop 1`,
});

function privateAppGw(sourceRanges: string[]) {
  return () => {
    const b = baseline();
    b.appGw.frontend = 'private';
    b.path.from = { kind: 'partner', sourceRanges, label: 'Partner' };
    return b.arch;
  };
}

testRule('ingress/hop-order', {
  valid: [
    {
      name: 'an internet path that starts at a public load balancer (public-lb-direct judges that)',
      arch: () => {
        const b = baseline();
        const plb = loadBalancer({ name: 'plb-web', visibility: 'public', cluster: b.aks });
        b.path.hops = [{ via: plb, protocol: 'https', port: 443, tls: 'passthrough' }, b.path.hops[2]!];
        return b.arch;
      },
    },
    { name: 'App Gateway → ILB → controller and Front Door → PLS → its ILB', arch: () => withFrontDoor().arch },
    { name: 'partners from private ranges reach a private-frontend App Gateway', arch: privateAppGw(['172.20.0.0/16']) },
  ],
  invalid: [
    {
      name: 'a Private Link service followed by something other than its load balancer',
      arch: () => {
        const b = withFrontDoor();
        mutable(b.arch.ingress![1]!.hops).splice(2, 1); // drop the PLS's own ILB
        return b.arch;
      },
      findings: [
        {
          messageId: 'plsWrongNext',
          path: 'ingress[1].hops[2]',
          severity: 'error',
          message:
            'ingress path global: Private Link service pls-ingress (hop 2) is followed by nginx (hop 3), but it can only forward to its load balancer ilb-pls',
          evidence: { path: 'global', hop: 2, privateLinkService: 'pls-ingress', loadBalancer: 'ilb-pls' },
        },
      ],
    },
    {
      name: 'a Private Link service as the last hop',
      arch: () => {
        const b = withFrontDoor();
        mutable(b.arch.ingress![1]!.hops).splice(2, 2);
        return b.arch;
      },
      findings: [
        {
          messageId: 'plsLast',
          path: 'ingress[1].hops[1]',
          severity: 'error',
          message:
            'ingress path global: Private Link service pls-ingress is the last hop (hop 2); it can only forward to its load balancer ilb-pls, which must follow it',
        },
      ],
    },
    {
      name: 'an internet path that starts at an internal load balancer',
      arch: () => {
        const b = baseline();
        mutable(b.path.hops).shift();
        return b.arch;
      },
      findings: [{ ...entry('internal load balancer ilb-ingress'), evidence: { path: 'web', hop: 1, resource: 'ilb-ingress' } }],
    },
    {
      name: 'partners from a public range cannot reach a private-frontend App Gateway',
      arch: privateAppGw(['198.51.100.0/24']),
      findings: [entry('Application Gateway agw-test, which has only a private frontend')],
    },
    {
      name: 'an internet path that starts at a Private Link service',
      arch: () => {
        const b = withFrontDoor();
        mutable(b.arch.ingress![1]!.hops).shift();
        b.arch.ingress = [b.arch.ingress![1]!];
        return b.arch;
      },
      findings: [
        {
          messageId: 'unreachableEntry',
          path: 'ingress[0].hops[0]',
          severity: 'error',
          message:
            'internet-facing ingress path global starts at Private Link service pls-ingress, which is reachable only through private endpoints; internet clients cannot reach hop 1',
        },
      ],
    },
  ],
});
