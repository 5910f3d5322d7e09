import { baseline } from '../../helpers/fixture.js';
import { testRule } from '../../helpers/rule-tester.js';
import { mutable } from '../../helpers/mutable.js';

testRule('ingress/client-ip-claim', {
  valid: [
    { name: 'the component defaults', arch: () => baseline().arch },
    {
      name: 'a layer-4 path that claims the client IP',
      arch: () => {
        const b = baseline();
        b.path.hops = [{ via: b.ilb, protocol: 'tcp', port: 443, tls: 'passthrough', preservesClientIp: true }];
        return b.arch;
      },
    },
    {
      name: 'a terminating controller after a preserving load balancer',
      arch: () => {
        const b = baseline();
        b.path.hops = [
          { via: b.ilb, protocol: 'tcp', port: 443, tls: 'passthrough', preservesClientIp: true },
          { via: b.ic, protocol: 'https', port: 443, tls: 'reencrypt', preservesClientIp: true },
        ];
        return b.arch;
      },
    },
  ],
  invalid: [
    {
      name: 'an App Gateway that claims to preserve the client IP',
      arch: () => {
        const b = baseline();
        mutable(b.path.hops)[0] = { ...b.path.hops[0]!, preservesClientIp: true };
        return b.arch;
      },
      findings: [
        {
          messageId: 'layer7Proxy',
          path: 'ingress[0].hops[0].preservesClientIp',
          severity: 'warning',
          message:
            'ingress path web, hop 1 (agw-test) claims the client IP reaches the next hop, but agw-test is a layer-7 proxy that opens a new connection; the next hop sees its address and the client IP is only in X-Forwarded-For',
          evidence: { path: 'web', hop: 1, resource: 'agw-test' },
        },
      ],
    },
    {
      name: 'a TLS-passthrough controller and a claim after an earlier proxy',
      arch: () => {
        const b = baseline();
        mutable(b.path.hops)[1] = { ...b.path.hops[1]!, preservesClientIp: true };
        mutable(b.path.hops)[2] = { ...b.path.hops[2]!, tls: 'passthrough', preservesClientIp: true };
        return b.arch;
      },
      findings: [
        {
          messageId: 'lostEarlier',
          path: 'ingress[0].hops[1].preservesClientIp',
          severity: 'warning',
          message:
            'ingress path web, hop 2 (ilb-ingress) claims the client IP reaches the next hop, but hop 1 (agw-test) already replaced the client address',
        },
        {
          messageId: 'tlsPassthrough',
          path: 'ingress[0].hops[2].preservesClientIp',
          severity: 'warning',
          message:
            'ingress path web, hop 3 (nginx) claims the client IP reaches the next hop, but nginx passes TLS through, so it can neither add X-Forwarded-For nor keep the client address on its new connection',
        },
      ],
    },
  ],
});
