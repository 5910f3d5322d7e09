import { baseline } from '../../helpers/fixture.js';
import { testRule } from '../../helpers/rule-tester.js';
import { mutable } from '../../helpers/mutable.js';

testRule('ingress/plaintext-internet-entry', {
  valid: [
    { name: 'an HTTPS entry', arch: () => baseline().arch },
    {
      name: 'plain HTTP on a path from a private partner range',
      arch: () => {
        const b = baseline();
        b.appGw.frontend = 'private';
        b.path.from = { kind: 'partner', sourceRanges: ['172.20.0.0/16'], label: 'Partner' };
        mutable(b.path.hops)[0] = { via: b.appGw, protocol: 'http', port: 80, tls: 'plain' };
        return b.arch;
      },
    },
  ],
  invalid: [
    {
      name: 'a plain HTTP listener on an internet path',
      arch: () => {
        const b = baseline();
        mutable(b.path.hops)[0] = { via: b.appGw, protocol: 'http', port: 80, tls: 'plain' };
        return b.arch;
      },
      findings: [
        {
          messageId: 'plaintextEntry',
          path: 'ingress[0].hops[0].protocol',
          severity: 'warning',
          message: 'internet-facing ingress path web accepts plaintext http:80 from Internet users at agw-test (hop 1); serve HTTPS and redirect HTTP',
          evidence: { path: 'web', protocol: 'http', port: 80 },
        },
      ],
    },
  ],
});
