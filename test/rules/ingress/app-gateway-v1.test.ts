import { baseline } from '../../helpers/fixture.js';
import { addDays, testRule } from '../../helpers/rule-tester.js';

const RETIRES = '2026-04-28';
const PATH = 'ingress[0].hops[0].via.sku';

function withSku(sku: 'WAF' | 'Standard') {
  return () => {
    const b = baseline();
    b.appGw.sku = sku;
    if (sku === 'Standard') b.appGw.waf = undefined;
    return b.arch;
  };
}

testRule('ingress/app-gateway-v1', {
  valid: [
    { name: 'WAF_v2', arch: () => baseline().arch },
    {
      name: 'Standard_v2',
      arch: () => {
        const b = baseline();
        b.appGw.sku = 'Standard_v2';
        b.appGw.waf = undefined;
        return b.arch;
      },
    },
  ],
  invalid: [
    {
      name: 'WAF v1 the day before the retirement is a warning',
      arch: withSku('WAF'),
      asOf: addDays(RETIRES, -1),
      findings: [
        {
          messageId: 'v1Sku',
          path: PATH,
          severity: 'warning',
          message:
            'Application Gateway agw-test uses the v1 SKU WAF: Application Gateway v1 retires 2026-04-28 (in 1 day as of 2026-04-27) ' +
            'and gets no support after it; migrate to WAF_v2',
        },
      ],
    },
    {
      name: 'on the retirement day it is still a warning',
      arch: withSku('WAF'),
      asOf: RETIRES,
      findings: [{ messageId: 'v1Sku', path: PATH, severity: 'warning', message: /today, 2026-04-28/ }],
    },
    {
      name: 'Standard v1 the day after the retirement is an error naming Standard_v2',
      arch: withSku('Standard'),
      asOf: addDays(RETIRES, 1),
      findings: [
        {
          messageId: 'v1Sku',
          path: PATH,
          severity: 'error',
          message: /v1 SKU Standard: Application Gateway v1 retired 2026-04-28 \(1 day ago as of 2026-04-29\).*migrate to Standard_v2$/,
          evidence: { sku: 'Standard', date: RETIRES, asOf: '2026-04-29' },
        },
      ],
    },
  ],
});
