import { expect, it } from 'vitest';
import { baseline } from '../../helpers/fixture.js';
import { runRuleResult } from '../../helpers/run-rule.js';
import { addDays, testRule } from '../../helpers/rule-tester.js';

const ID = 'lifecycle/istio-addon-revision';
/** asm-1-30: end of life ~Dec 2026 (expected) in the add-on calendar (version of 2026-06-24). */
const EOL = '2026-12-31';

function viaMesh(revision?: string) {
  const b = baseline();
  b.aks.serviceMesh = revision ? { kind: 'istio-addon', revision } : { kind: 'istio-addon' };
  return b.arch;
}
function viaAddons(revision: string) {
  const b = baseline();
  b.aks.addons = { istioRevision: revision };
  return b.arch;
}

testRule(ID, {
  valid: [
    { name: 'no mesh', arch: () => baseline().arch },
    { name: 'a self-managed mesh', arch: () => { const b = baseline(); b.aks.serviceMesh = { kind: 'self-managed', product: 'linkerd' }; return b.arch; } },
    { name: 'asm-1-30 91 days before its end of life (outside the notice window)', arch: () => viaMesh('asm-1-30'), asOf: addDays(EOL, -91) },
    { name: 'asm-1-25 well before its end of life', arch: () => viaMesh('asm-1-25'), asOf: '2025-06-01' },
  ],
  invalid: [
    {
      name: 'asm-1-30 90 days before its end of life: a warning',
      arch: () => viaMesh('asm-1-30'),
      asOf: addDays(EOL, -90),
      findings: [{ messageId: 'endOfLife', path: 'clusters[0].serviceMesh.revision', severity: 'warning' }],
    },
    {
      name: 'asm-1-30 the day before its end of life: a warning',
      arch: () => viaMesh('asm-1-30'),
      asOf: addDays(EOL, -1),
      findings: [{ messageId: 'endOfLife', path: 'clusters[0].serviceMesh.revision', severity: 'warning' }],
    },
    {
      name: 'asm-1-30 on its end of life: a warning',
      arch: () => viaMesh('asm-1-30'),
      asOf: EOL,
      findings: [
        {
          messageId: 'endOfLife',
          path: 'clusters[0].serviceMesh.revision',
          severity: 'warning',
          message:
            'cluster aks-test runs Istio add-on revision asm-1-30, whose support ends 2026-12-31 (expected date) ' +
            '(today, 2026-12-31); upgrade to a supported revision',
        },
      ],
    },
    {
      name: 'asm-1-30 the day after its end of life: an error',
      arch: () => viaMesh('asm-1-30'),
      asOf: addDays(EOL, 1),
      findings: [
        {
          messageId: 'endOfLife',
          path: 'clusters[0].serviceMesh.revision',
          severity: 'error',
          message: /whose support ended 2026-12-31 \(expected date\) \(1 day ago as of 2027-01-01\)/,
          evidence: { endOfLife: EOL, expected: true },
        },
      ],
    },
    {
      // The calendar moved asm-1-26's end from ~Feb 2026 to Apr 2026: in March it is not yet out of support.
      name: 'asm-1-26 in March 2026 (its end moved to April): a warning, not an error',
      arch: () => viaMesh('asm-1-26'),
      asOf: '2026-03-15',
      findings: [
        {
          messageId: 'endOfLife',
          path: 'clusters[0].serviceMesh.revision',
          severity: 'warning',
          message: /revision asm-1-26, whose support ends 2026-04-30 \(in 1 month as of 2026-03-15\)/,
          evidence: { endOfLife: '2026-04-30', expected: false },
        },
      ],
    },
    {
      name: 'asm-1-27 (a firm date now) the day after its end of life: an error without "expected"',
      arch: () => viaMesh('asm-1-27'),
      asOf: '2026-06-01',
      findings: [
        {
          messageId: 'endOfLife',
          path: 'clusters[0].serviceMesh.revision',
          severity: 'error',
          message: /revision asm-1-27, whose support ended 2026-05-31 \(1 day ago as of 2026-06-01\); upgrade/,
          evidence: { endOfLife: '2026-05-31', expected: false },
        },
      ],
    },
    {
      name: 'asm-1-24 (a firm date) stated in addons, after its end of life',
      arch: () => viaAddons('asm-1-24'),
      asOf: '2025-10-01',
      findings: [
        {
          messageId: 'endOfLife',
          path: 'clusters[0].addons.istioRevision',
          severity: 'error',
          message: /revision asm-1-24, whose support ended 2025-09-30 \(1 day ago/,
          evidence: { expected: false },
        },
      ],
    },
    {
      name: 'a revision newer than the calendar: info',
      arch: () => viaMesh('asm-1-31'),
      findings: [
        {
          messageId: 'newerThanTable',
          path: 'clusters[0].serviceMesh.revision',
          severity: 'info',
          message:
            "cluster aks-test runs Istio add-on revision asm-1-31, newer than the newest in aksnet's calendar (asm-1-30); " +
            'check its end of life in the add-on release calendar',
        },
      ],
    },
    {
      name: 'a revision older than the calendar: error',
      arch: () => viaMesh('asm-1-16'),
      findings: [{ messageId: 'olderThanTable', path: 'clusters[0].serviceMesh.revision', severity: 'error', message: /older than asm-1-17/ }],
    },
  ],
});

it(`${ID}: the add-on without a revision is an unverified check, not a finding`, async () => {
  const res = await runRuleResult(ID, viaMesh());
  expect(res.findings).toEqual([]);
  expect((res.unverified ?? []).map((u) => [u.ruleId, u.factPath])).toEqual([[ID, 'clusters[0].serviceMesh.revision']]);
});
