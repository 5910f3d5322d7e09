import { upgradeAdvice } from '../../../src/rules/lifecycle/kubernetes-version.js';
import { describe, expect, it } from 'vitest';
import { runRuleResult } from '../../helpers/run-rule.js';
import type { ClusterTier } from '../../../dsl/index.js';
import { baseline } from '../../helpers/fixture.js';
import { testRule, type RuleTests } from '../../helpers/rule-tester.js';

const PATH = 'clusters[0].kubernetesVersion';

function withVersion(version: string | undefined, tier: ClusterTier = 'Standard') {
  return () => {
    const b = baseline();
    b.aks.kubernetesVersion = version;
    b.aks.tier = tier;
    return b.arch;
  };
}

/** Control plane `cp` (undefined = not stated) and the apps pool (the second pool) on `pool`. */
function withPool(cp: string | undefined, pool: string, tier: ClusterTier = 'Standard') {
  return () => {
    const b = baseline();
    b.aks.kubernetesVersion = cp;
    b.aks.tier = tier;
    b.aks.nodePools[1]!.orchestratorVersion = pool;
    return b.arch;
  };
}
const POOL = 'clusters[0].nodePools[1].orchestratorVersion';

const poolCases: RuleTests = {
  valid: [
    { name: 'a pool on the control plane minor', arch: withPool('1.35', '1.35'), asOf: '2026-11-23' },
    { name: 'a pool on the control plane patch', arch: withPool('1.35.2', '1.35.2'), asOf: '2026-11-23' },
    { name: 'a pool on an older patch of the same minor', arch: withPool('1.35.3', '1.35.1'), asOf: '2026-11-23' },
  ],
  invalid: [
    {
      name: 'a pool one minor behind: info',
      arch: withPool('1.36', '1.35'),
      asOf: '2026-11-23',
      findings: [
        {
          messageId: 'poolBehind',
          path: POOL,
          severity: 'info',
          message:
            'node pool apps runs Kubernetes 1.35, 1 minor behind the control plane of cluster aks-test (1.36): allowed ' +
            'during a rolling upgrade, but pools should match the control plane',
          evidence: { minorsBehind: 1 },
        },
      ],
    },
    {
      name: 'a pool two minors behind (the limit): info',
      arch: withPool('1.37', '1.35'),
      asOf: '2026-11-23',
      findings: [{ messageId: 'poolBehind', path: POOL, severity: 'info', message: /1\.35, 2 minors behind .*\(1\.37\)/ }],
    },
    {
      name: 'a pool three minors behind: error, and its own minor out of support',
      arch: withPool('1.37', '1.34'),
      asOf: '2026-12-01',
      findings: [
        {
          messageId: 'outOfSupport',
          path: POOL,
          severity: 'error',
          message: /^node pool apps of cluster aks-test runs Kubernetes 1\.34, whose AKS support ended 2026-11-30/,
        },
        {
          messageId: 'poolTooOld',
          path: POOL,
          severity: 'error',
          message:
            'node pool apps runs Kubernetes 1.34, 3 minors behind the control plane of cluster aks-test (1.37): AKS ' +
            'allows node pools at most 2 minors behind, on the same major; upgrade the pool',
        },
      ],
    },
    {
      name: 'a pool one minor ahead of the control plane: error',
      arch: withPool('1.35', '1.36'),
      asOf: '2026-11-23',
      findings: [{ messageId: 'poolAhead', path: POOL, severity: 'error', message: /1\.36, newer than the control plane .*\(1\.35\)/ }],
    },
    {
      name: 'a pool one patch ahead on the same minor: error',
      arch: withPool('1.35.2', '1.35.3'),
      asOf: '2026-11-23',
      findings: [{ messageId: 'poolAhead', path: POOL, severity: 'error' }],
    },
    {
      name: 'a pool on another major: error',
      arch: withPool('1.35', '2.35'),
      asOf: '2026-11-23',
      findings: [
        { messageId: 'poolTooOld', path: POOL, severity: 'error', message: /2\.35, on another major than the control plane/ },
        { messageId: 'unknownVersion', path: POOL, severity: 'info' },
      ],
    },
    {
      name: 'a pool version that is not a version',
      arch: withPool('1.35', 'latest'),
      asOf: '2026-11-23',
      findings: [
        {
          messageId: 'unparsable',
          path: POOL,
          severity: 'error',
          message: "node pool apps of cluster aks-test has orchestratorVersion 'latest', which is not a version like 1.33 or 1.33.4",
        },
      ],
    },
    {
      name: 'the pool minor past support, judged on the pool only when it differs from the control plane',
      arch: withPool('1.34', '1.34'),
      asOf: '2026-12-01',
      findings: [{ messageId: 'outOfSupport', path: PATH, severity: 'error' }],
    },
  ],
};

testRule('lifecycle/kubernetes-version', {
  valid: [
    ...poolCases.valid,
    { name: 'no version stated is not judged here', arch: withVersion(undefined) },
    { name: '1.34 on its last day of support (2026-11-30)', arch: withVersion('1.34'), asOf: '2026-11-30' },
    { name: 'a patch version 1.35.2 inside the window', arch: withVersion('1.35.2'), asOf: '2026-11-23' },
    { name: '1.37 on the first day of its GA month', arch: withVersion('1.37'), asOf: '2026-10-01' },
  ],
  invalid: [
    ...poolCases.invalid,
    {
      name: '1.34 the day after its end of support, Standard tier',
      arch: withVersion('1.34'),
      asOf: '2026-12-01',
      findings: [
        {
          messageId: 'outOfSupport',
          path: PATH,
          severity: 'error',
          message:
            'cluster aks-test runs Kubernetes 1.34, whose AKS support ended 2026-11-30 (as of 2026-12-01) (long-term ' +
            'support on the Premium tier would cover it until 2027-11-30); upgrade to 1.35, the oldest supported minor, then one ' +
            'minor at a time (1.35 → 1.36 → 1.37)',
          evidence: { endOfSupport: '2026-11-30', tier: 'Standard' },
        },
      ],
    },
    {
      name: 'a patch version 1.33.4 is judged by its minor',
      arch: withVersion('1.33.4', 'Free'),
      asOf: '2026-11-23',
      findings: [{ messageId: 'outOfSupport', path: PATH, severity: 'error', message: /Kubernetes 1\.33\.4, whose AKS support ended 2026-07-31/ }],
    },
    {
      name: 'Premium tier past community support relies on LTS (info)',
      arch: withVersion('1.33', 'Premium'),
      asOf: '2026-08-01',
      findings: [
        {
          messageId: 'ltsOnly',
          path: PATH,
          severity: 'info',
          message:
            'cluster aks-test runs Kubernetes 1.33, past community support (2026-07-31): on the Premium tier it is ' +
            'supported only with the AKSLongTermSupport plan, until 2027-07-31',
        },
      ],
    },
    {
      name: 'Premium tier the day after LTS ends is an error',
      arch: withVersion('1.29', 'Premium'),
      asOf: '2026-05-01',
      findings: [{ messageId: 'outOfSupport', path: PATH, severity: 'error', message: /ended 2025-03-31 .*, and its long-term support ended 2026-04-30;/ }],
    },
    {
      name: 'Premium tier on the last LTS day is still LTS',
      arch: withVersion('1.29', 'Premium'),
      asOf: '2026-04-30',
      findings: [{ messageId: 'ltsOnly', path: PATH, severity: 'info' }],
    },
    {
      name: 'older than the calendar',
      arch: withVersion('1.27.9'),
      findings: [
        {
          messageId: 'olderThanTable',
          path: PATH,
          severity: 'error',
          message:
            'cluster aks-test runs Kubernetes 1.27.9, older than 1.29 (the oldest minor in the AKS calendar): out of ' +
            'support as of 2026-11-23; upgrade to 1.34, the oldest supported minor, then one minor at a time ' +
            '(1.34 → 1.35 → 1.36 → 1.37); a jump of 7 minors has no SLA',
        },
      ],
    },
    {
      name: '1.37 the day before its GA month is a preview',
      arch: withVersion('1.37'),
      asOf: '2026-09-30',
      findings: [{ messageId: 'preview', path: PATH, severity: 'warning', message: /not generally available on AKS until 2026-10-01/ }],
    },
    {
      name: 'a minor newer than the calendar is unknown, not wrong',
      arch: withVersion('1.38'),
      findings: [{ messageId: 'unknownVersion', path: PATH, severity: 'info', message: /newer than the newest minor in aksnet's calendar \(1\.37\)/ }],
    },
    {
      name: 'not a version',
      arch: withVersion('latest'),
      findings: [{ messageId: 'unparsable', path: PATH, severity: 'error' }],
    },
  ],
});

it('lifecycle/kubernetes-version: a pool version with no control-plane version is an unverified check of the control-plane version', async () => {
  const res = await runRuleResult('lifecycle/kubernetes-version', withPool(undefined, '1.35')(), { asOf: '2026-11-23' });
  expect(res.findings).toEqual([]);
  // The support window and the pool's skew wait for the same fact: one check names it.
  expect((res.unverified ?? []).map((u) => [u.factPath, u.message])).toEqual([
    ['clusters[0].kubernetesVersion', expect.stringContaining('state the control plane Kubernetes version (kubernetesVersion)')],
  ]);
});

it('lifecycle/kubernetes-version: an unstated control-plane version is not judged, and not passed: one unverified check', async () => {
  const b = baseline();
  delete b.aks.kubernetesVersion;
  const res = await runRuleResult('lifecycle/kubernetes-version', b.arch, { asOf: '2026-11-23' });
  expect(res.findings).toEqual([]);
  expect((res.unverified ?? []).map((u) => [u.factPath, u.message])).toEqual([
    [
      'clusters[0].kubernetesVersion',
      'could not check that cluster aks-test runs a Kubernetes version inside the AKS support window: state the control plane Kubernetes version (kubernetesVersion)',
    ],
  ]);
});

/**
 * The support window reads the version and the tier; a pool's verdicts read the pool's version and, of its cluster,
 * the control plane version (and the tier for the pool's own support window). An invalid field elsewhere leaves them
 * standing; an invalid field they read holds them back, naming it.
 */
describe('lifecycle/kubernetes-version with an invalid field', () => {
  const set = (o: object, key: string, v: unknown) => ((o as Record<string, unknown>)[key] = v);
  const run = (b: ReturnType<typeof baseline>) => runRuleResult('lifecycle/kubernetes-version', b.arch, { asOf: '2026-11-23' });
  const verdicts = (r: Awaited<ReturnType<typeof run>>) => r.findings.map((f) => `${f.messageId} ${f.path}`);
  const held = (r: Awaited<ReturnType<typeof run>>) => (r.unverified ?? []).map((u) => u.factPath);

  it('an invalid CNI or outbound type of the cluster does not hold back its version verdict', async () => {
    for (const change of [(b: ReturnType<typeof baseline>) => set(b.aks.network, 'cni', 'azure'), (b: ReturnType<typeof baseline>) => set(b.aks.outbound!, 'type', 'udr')]) {
      const b = baseline();
      change(b);
      const r = await run(b);
      expect(verdicts(r)).toEqual([`outOfSupport ${PATH}`]);
      expect(held(r)).toEqual([]);
    }
  });

  it('an invalid tier (Free stands in) holds back the support window, which reads it', async () => {
    const b = baseline();
    set(b.aks, 'tier', 'premium');
    const r = await run(b);
    expect(verdicts(r)).toEqual([]);
    expect(held(r)).toEqual(['clusters[0].tier']);
  });

  it('a version that is not a string holds back the check, naming the field, and asks no other fact', async () => {
    const b = baseline();
    set(b.aks, 'kubernetesVersion', 1.33);
    const r = await run(b);
    expect(verdicts(r)).toEqual([]);
    expect((r.unverified ?? []).map((u) => [u.factPath, u.fact])).toEqual([['clusters[0].kubernetesVersion', 'a valid kubernetesVersion']]);
  });

  it("a pool's invalid zones do not hold back its skew and support verdicts", async () => {
    const b = baseline();
    b.aks.kubernetesVersion = '1.35';
    b.aks.nodePools[1]!.orchestratorVersion = '1.33';
    set(b.aks.nodePools[1]!, 'zones', [1, 2, 4]);
    const r = await run(b);
    expect(verdicts(r)).toEqual([`outOfSupport ${POOL}`, `poolBehind ${POOL}`]);
    expect(held(r)).toEqual([]);
  });

  it("the cluster's invalid tier holds back the pool's support window but not its skew; an invalid outbound type neither", async () => {
    const pool = (change: (b: ReturnType<typeof baseline>) => void) => {
      const b = baseline();
      b.aks.kubernetesVersion = '1.35';
      b.aks.nodePools[1]!.orchestratorVersion = '1.33';
      change(b);
      return run(b);
    };
    const tier = await pool((b) => set(b.aks, 'tier', 'premium'));
    expect(verdicts(tier)).toEqual([`poolBehind ${POOL}`]);
    expect(held(tier)).toEqual(['clusters[0].tier']);
    const outbound = await pool((b) => set(b.aks.outbound!, 'type', 'udr'));
    expect(verdicts(outbound)).toEqual([`outOfSupport ${POOL}`, `poolBehind ${POOL}`]);
    expect(held(outbound)).toEqual([]);
  });
});

describe('upgradeAdvice: out of an unsupported minor', () => {
  const supported = ['1.37', '1.36', '1.35'];
  it('names the oldest supported minor, then the one-minor steps', () => {
    expect(upgradeAdvice('1.34', supported)).toBe('upgrade to 1.35, the oldest supported minor, then one minor at a time (1.35 → 1.36 → 1.37)');
  });
  it('warns of a jump of two minors or more, not of one', () => {
    expect(upgradeAdvice('1.34.7', supported)).not.toMatch(/jump/);
    expect(upgradeAdvice('1.33', supported)).toMatch(/; a jump of 2 minors has no SLA$/);
    expect(upgradeAdvice('1.29', supported)).toMatch(/a jump of 6 minors/);
  });
  it('has no steps after a single supported minor, and no target without one', () => {
    expect(upgradeAdvice('1.34', ['1.35'])).toBe('upgrade to 1.35');
    expect(upgradeAdvice('1.34', [])).toBe('upgrade to a supported minor');
  });
});
