import { frontDoor } from '../../../dsl/index.js';
import { baseline } from '../../helpers/fixture.js';
import { testRule } from '../../helpers/rule-tester.js';
import { mutable } from '../../helpers/mutable.js';

testRule('ingress/chained-l7-proxies', {
  valid: [{ name: 'two layer-7 hops (App Gateway → NGINX)', arch: () => baseline().arch }],
  invalid: [
    {
      name: 'three: Front Door → App Gateway → NGINX',
      arch: () => {
        const b = baseline();
        const fd = frontDoor({ name: 'afd-web', sku: 'Premium', waf: { mode: 'Prevention' } });
        mutable(b.path.hops).unshift({ via: fd, protocol: 'https', port: 443, tls: 'reencrypt' });
        return b.arch;
      },
      findings: [
        {
          messageId: 'chained',
          path: 'ingress[0].hops',
          severity: 'info',
          message:
            'ingress path web goes through 3 layer-7 proxies (afd-web → agw-test → nginx); each adds latency, TLS work and configuration to keep in step',
          evidence: { path: 'web', layer7Hops: 3 },
        },
      ],
    },
  ],
});
