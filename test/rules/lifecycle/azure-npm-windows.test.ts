import { baseline } from '../../helpers/fixture.js';
import { addDays, testRule } from '../../helpers/rule-tester.js';
import { mutable } from '../../helpers/mutable.js';

const DATE = '2026-09-30';
const PATH = 'clusters[0].network.networkPolicy';

function npmWithWindows() {
  const b = baseline();
  b.aks.network = { cni: 'azure-overlay', networkPolicy: 'azure' };
  mutable(b.aks.nodePools).push({ ...b.aks.nodePools[1]!, name: 'win', os: 'Windows' });
  return b.arch;
}

testRule('lifecycle/azure-npm-windows', {
  valid: [
    {
      name: 'Azure NPM on Linux pools only',
      arch: () => {
        const b = baseline();
        b.aks.network = { cni: 'azure-overlay', networkPolicy: 'azure' };
        return b.arch;
      },
    },
    {
      name: 'Windows pools with Calico',
      arch: () => {
        const b = baseline();
        b.aks.network = { cni: 'azure-overlay', networkPolicy: 'calico' };
        mutable(b.aks.nodePools).push({ ...b.aks.nodePools[1]!, name: 'win', os: 'Windows' });
        return b.arch;
      },
    },
  ],
  invalid: [
    {
      name: 'before the date it is already an error: subscriptions not onboarded cannot adopt it',
      arch: npmWithWindows,
      asOf: addDays(DATE, -1),
      findings: [
        {
          messageId: 'npmWindows',
          path: PATH,
          severity: 'error',
          message:
            'cluster aks-test uses Azure NPM with 1 Windows node pool (win): NPM for Windows is closed to subscriptions ' +
            'not already onboarded and retires 2026-09-30 (in 1 day as of 2026-09-29); use Calico or node-level NSGs',
        },
      ],
    },
    {
      name: 'on the date',
      arch: npmWithWindows,
      asOf: DATE,
      findings: [{ messageId: 'npmWindows', path: PATH, severity: 'error', message: /retires 2026-09-30 \(today, 2026-09-30\)/ }],
    },
    {
      name: 'after the date it is retired',
      arch: npmWithWindows,
      asOf: addDays(DATE, 1),
      findings: [
        {
          messageId: 'npmWindows',
          path: PATH,
          severity: 'error',
          message: /NPM for Windows retired 2026-09-30 \(1 day ago as of 2026-10-01\); use Calico or node-level NSGs$/,
          evidence: { windowsPools: 1, date: DATE },
        },
      ],
    },
  ],
});
