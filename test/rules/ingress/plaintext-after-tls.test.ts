import { baseline } from '../../helpers/fixture.js';
import { testRule } from '../../helpers/rule-tester.js';
import { mutable } from '../../helpers/mutable.js';

testRule('ingress/plaintext-after-tls', {
  valid: [
    { name: 'every hop re-encrypts or passes TLS through', arch: () => baseline().arch },
    {
      name: 'a path from private partner ranges is not internet-facing (not judged)',
      arch: () => {
        const b = baseline();
        b.path.from = { kind: 'partner', sourceRanges: ['10.50.0.0/16'] };
        b.path.hops = [
          { via: b.appGw, protocol: 'https', port: 443, tls: 'terminate' },
          { via: b.ilb, protocol: 'http', port: 80, tls: 'plain' },
          { via: b.ic, protocol: 'http', port: 80, tls: 'plain' },
        ];
        b.path.to = { ...b.path.to!, protocol: 'http', port: 8080 };
        return b.arch;
      },
    },
    {
      name: 'the mesh enforces mTLS on the last leg',
      arch: () => {
        const b = baseline();
        mutable(b.path.hops)[2] = { ...b.path.hops[2]!, tls: 'terminate' };
        b.path.to = { ...b.path.to!, protocol: 'http', port: 8080 };
        b.aks.serviceMesh = { kind: 'istio-addon', mtls: 'STRICT' };
        return b.arch;
      },
    },
    {
      name: 'a plaintext entry is another rule (nothing was encrypted yet)',
      arch: () => {
        const b = baseline();
        b.path.hops = [
          { via: b.appGw, protocol: 'http', port: 80, tls: 'plain' },
          { via: b.ilb, protocol: 'http', port: 80, tls: 'plain' },
          { via: b.ic, protocol: 'http', port: 80, tls: 'plain' },
        ];
        b.path.to = { ...b.path.to!, protocol: 'http', port: 8080 };
        return b.arch;
      },
    },
  ],
  invalid: [
    {
      name: 'TLS terminated at the App Gateway and plaintext behind it (reported once, at the first plaintext leg)',
      arch: () => {
        const b = baseline();
        b.path.hops = [
          { via: b.appGw, protocol: 'https', port: 443, tls: 'terminate' },
          { via: b.ilb, protocol: 'http', port: 80, tls: 'plain' },
          { via: b.ic, protocol: 'http', port: 80, tls: 'plain' },
        ];
        b.path.to = { ...b.path.to!, protocol: 'http', port: 8080 };
        return b.arch;
      },
      findings: [
        {
          messageId: 'plaintextBehindTls',
          path: 'ingress[0].hops[0].tls',
          severity: 'warning',
          message: 'ingress path web arrives encrypted but agw-test (hop 1, tls terminate) forwards plaintext http:80 to ilb-ingress',
          evidence: { path: 'web', hop: 1, from: 'agw-test', to: 'ilb-ingress', protocol: 'http', port: 80 },
        },
      ],
    },
  ],
});
