import { describe, expect, it } from 'vitest';
import { baseline } from '../../helpers/fixture.js';
import { runRuleResult } from '../../helpers/run-rule.js';
import { aroundDate, inOrder, testRule } from '../../helpers/rule-tester.js';

const ID = 'lifecycle/nsg-flow-logs';
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

testRule(ID, {
  valid: [
    { name: 'flow logging not stated', arch: flowLogs(undefined), asOf: '2028-01-01' },
    { name: 'the NSG is logged by the VNet flow logs of its VNet', arch: flowLogs(true, true), asOf: '2028-01-01' },
    { name: 'no flow logs at all', arch: flowLogs(false, false), asOf: '2028-01-01' },
  ],
  invalid: aroundDate(
    DATE,
    'NSG flow logs (the VNet has no VNet flow logs)',
    flowLogs(true, false),
    (asOf, severity) => [
      {
        messageId: 'nsgFlowLogs',
        path: PATH,
        severity,
        message: inOrder(
          'NSG nsg-nodes is flow-logged while vnet-spoke has no VNet flow logs, so these are NSG flow logs, which ',
          severity === 'error' ? 'retired' : 'retires',
          ' 2027-09-30 (',
          asOf,
          ') and cannot be created since 2025-06-30; enable VNet flow logs on vnet-spoke and turn the NSG flow logs off',
        ),
        evidence: { date: DATE, vnetsWithoutFlowLogs: 1 },
      },
    ],
  ),
});

describe(`${ID}: unstated facts`, () => {
  it('a logged NSG in a VNet that does not say which flow logs it has: one unverified check on the VNet', async () => {
    const r = await runRuleResult(ID, flowLogs(true)());
    expect(r.findings).toEqual([]);
    expect(r.unverified?.map((u) => u.factPath)).toEqual(['network.vnets[1].flowLogs']);
  });
});
