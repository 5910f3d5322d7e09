import { baseline } from '../../helpers/fixture.js';
import { addDays, testRule } from '../../helpers/rule-tester.js';

const ENDS = '2025-08-31';
const PATH = 'ingress[0].hops[0].via.minTlsVersion';

function withTls(v: '1.0' | '1.1' | '1.2' | '1.3') {
  return () => {
    const b = baseline();
    b.appGw.minTlsVersion = v;
    return b.arch;
  };
}

testRule('ingress/app-gateway-tls-version', {
  valid: [
    { name: 'no TLS version stated (the v2 default policy is TLS 1.2)', arch: () => baseline().arch },
    { name: 'TLS 1.2', arch: withTls('1.2') },
    { name: 'TLS 1.3', arch: withTls('1.3') },
  ],
  invalid: [
    {
      name: 'TLS 1.1 the day before support ends is a warning',
      arch: withTls('1.1'),
      asOf: addDays(ENDS, -1),
      findings: [
        {
          messageId: 'oldTls',
          path: PATH,
          severity: 'warning',
          message:
            'Application Gateway agw-test accepts TLS 1.1: TLS 1.0 and 1.1 support ends 2025-08-31 (in 1 day as of ' +
            '2025-08-30); use AppGwSslPolicy20220101 or 20220101S (minimum TLS 1.2)',
        },
      ],
    },
    { name: 'TLS 1.0 on the day', arch: withTls('1.0'), asOf: ENDS, findings: [{ messageId: 'oldTls', path: PATH, severity: 'warning' }] },
    {
      name: 'TLS 1.0 the day after is an error',
      arch: withTls('1.0'),
      asOf: addDays(ENDS, 1),
      findings: [{ messageId: 'oldTls', path: PATH, severity: 'error', message: /TLS 1\.0: TLS 1\.0 and 1\.1 support ended 2025-08-31 \(1 day ago/ }],
    },
  ],
});
