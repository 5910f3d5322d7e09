import { baseline } from '../../helpers/fixture.js';
import { testRule } from '../../helpers/rule-tester.js';

const PATH = 'ingress[0].hops[0].via.minCapacity';

function withMin(min: number | undefined) {
  return () => {
    const b = baseline();
    if (min === undefined) delete b.appGw.minCapacity;
    else b.appGw.minCapacity = min;
    return b.arch;
  };
}

testRule('reliability/app-gateway-min-capacity', {
  valid: [
    { name: 'minCapacity 2 (the threshold)', arch: withMin(2) },
    { name: 'minCapacity 3', arch: withMin(3) },
  ],
  invalid: [
    {
      name: 'minCapacity 1',
      arch: withMin(1),
      findings: [
        {
          messageId: 'lowMinimum',
          path: PATH,
          severity: 'warning',
          message:
            'Application Gateway agw-test has a minimum capacity of 1 instance; keep at least 2 so traffic does not ' +
            'wait minutes for a new instance after a failure or spike',
        },
      ],
    },
    {
      name: 'the default minimum of 0',
      arch: withMin(undefined),
      findings: [{ messageId: 'lowMinimum', path: PATH, severity: 'warning', message: /minimum capacity of 0 instances;/ }],
    },
  ],
});
