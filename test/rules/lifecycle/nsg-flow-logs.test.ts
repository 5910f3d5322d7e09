import { baseline } from '../../helpers/fixture.js';
import { aroundDate, inOrder, testRule } from '../../helpers/rule-tester.js';

const DATE = '2027-09-30';
const PATH = 'network.vnets[1].subnets[0].nsg.flowLogs';

function flowLogs(nsg: boolean | undefined, vnet?: boolean) {
  return () => {
    const b = baseline();
    if (nsg === undefined) delete b.nodeNsg.flowLogs;
    else b.nodeNsg.flowLogs = nsg;
    if (vnet !== undefined) b.spoke.flowLogs = vnet;
    return b.arch;
  };
}

testRule('lifecycle/nsg-flow-logs', {
  valid: [
    { name: 'NSG flow logs not stated', arch: flowLogs(undefined), asOf: '2028-01-01' },
    { name: 'NSG flow logs off, VNet flow logs on', arch: flowLogs(false, true), asOf: '2028-01-01' },
  ],
  invalid: [
    ...aroundDate(DATE, 'NSG flow logs on a VNet without VNet flow logs', flowLogs(true), (asOf, severity) => [
      {
        messageId: 'nsgFlowLogs',
        path: PATH,
        severity,
        message: inOrder(
          'NSG nsg-nodes has NSG flow logs, which ',
          severity === 'error' ? 'retired' : 'retires',
          ' 2027-09-30 (',
          asOf,
          ') and cannot be created since 2025-06-30; enable VNet flow logs on vnet-spoke and turn the NSG flow logs off',
        ),
        evidence: { date: DATE, vnetsWithoutFlowLogs: 1 },
      },
    ]),
    {
      name: 'NSG flow logs next to VNet flow logs: log once',
      arch: flowLogs(true, true),
      findings: [
        {
          messageId: 'nsgFlowLogs',
          path: PATH,
          severity: 'warning',
          message: /; vnet-spoke already has VNet flow logs: turn the NSG flow logs off to stop logging twice$/,
        },
      ],
    },
  ],
});
