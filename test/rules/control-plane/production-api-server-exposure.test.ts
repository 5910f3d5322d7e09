import type { ApiServer } from '../../../dsl/index.js';
import { describe, expect, it } from 'vitest';
import { baseline } from '../../helpers/fixture.js';
import { runAll, runRuleResult } from '../../helpers/run-rule.js';
import { testRule } from '../../helpers/rule-tester.js';
import { vnetIntegrated } from './_fixtures.js';

function design(apiServer: ApiServer | undefined, environment: string | undefined) {
  return () => {
    const b = baseline();
    b.aks.apiServer = apiServer;
    if (environment === undefined) delete b.arch.metadata.environment;
    else b.arch.metadata.environment = environment;
    return b.arch;
  };
}

const TWO_RANGES = ['203.0.113.0/24', '198.51.100.0/24'];

testRule('control-plane/production-api-server-exposure', {
  valid: [
    { name: 'private in production', arch: design({ mode: 'private', privateDnsZone: 'system', publicFqdn: false }, 'production') },
    { name: 'public with ranges in dev', arch: design({ mode: 'public', authorizedIpRanges: TWO_RANGES }, 'dev') },
    { name: 'public with ranges and no environment stated', arch: design({ mode: 'public', authorizedIpRanges: TWO_RANGES }, undefined) },
    // An endpoint open to the internet is control-plane/public-without-authorized-ranges' warning: one fact, one finding.
    { name: 'public without ranges in production (the warning says it)', arch: design({ mode: 'public' }, 'production') },
    { name: 'public by default in prod (the warning says it)', arch: design(undefined, 'prod') },
    {
      name: '0.0.0.0/0 among the ranges in production (the warning says it)',
      arch: design({ mode: 'public', authorizedIpRanges: ['203.0.113.0/24', '0.0.0.0/0'] }, 'production'),
    },
  ],
  invalid: [
    {
      name: 'public with two authorized ranges in production',
      arch: design({ mode: 'public', authorizedIpRanges: TWO_RANGES }, 'production'),
      findings: [
        {
          messageId: 'publicEndpoint',
          path: 'clusters[0].apiServer',
          severity: 'info',
          message:
            'cluster aks-test in a production design keeps a public API server endpoint (public mode, limited to 2 ' +
            'authorized ranges); the ranges narrow who can connect, but a private cluster or private VNet integration ' +
            'removes the internet endpoint',
          evidence: { mode: 'public', authorizedRanges: 2 },
        },
      ],
    },
    {
      name: 'VNet integration with public access and one range in prod',
      arch: () => {
        const b = vnetIntegrated(false);
        b.aks.apiServer = { ...b.aks.apiServer!, authorizedIpRanges: ['203.0.113.0/28'] } as ApiServer;
        b.arch.metadata.environment = 'prod';
        return b.arch;
      },
      findings: [
        {
          messageId: 'publicEndpoint',
          path: 'clusters[0].apiServer',
          severity: 'info',
          message: /\(VNet integration with public access, limited to 1 authorized range\)/,
        },
      ],
    },
  ],
});

const WARNING = 'control-plane/public-without-authorized-ranges';
const INFO = 'control-plane/production-api-server-exposure';

describe('the public API server endpoint of a production cluster is reported once', () => {
  async function endpointFindings(apiServer: ApiServer | undefined) {
    const findings = await runAll(design(apiServer, 'production')());
    return findings.filter((f) => f.ruleId === WARNING || f.ruleId === INFO).map((f) => `${f.ruleId} ${f.severity}`);
  }

  it('open to the internet: the warning alone', async () => {
    expect(await endpointFindings({ mode: 'public' })).toEqual([`${WARNING} warning`]);
    expect(await endpointFindings(undefined)).toEqual([`${WARNING} warning`]);
  });

  it('restricted by authorized ranges: the info alone', async () => {
    expect(await endpointFindings({ mode: 'public', authorizedIpRanges: TWO_RANGES })).toEqual([`${INFO} info`]);
  });
});

describe('control-plane/production-api-server-exposure: an environment the design does not state', () => {
  const result = (environment: string | undefined) =>
    runRuleResult('control-plane/production-api-server-exposure', design({ mode: 'public', authorizedIpRanges: TWO_RANGES }, environment)());

  it('is unknown, not "not production": the check stays open and names metadata.environment', async () => {
    const r = await result(undefined);
    expect(r.findings).toEqual([]);
    expect(r.unverified?.map((u) => [u.factPath, u.message])).toEqual([
      [
        'metadata.environment',
        'could not check that cluster aks-test, whose API server keeps a public endpoint (public mode, limited to 2 authorized ' +
          'ranges), is not a production cluster: state the environment the design is for (production or not) (environment)',
      ],
    ]);
  });

  it('a stated environment is judged: dev passes, production is the note, neither asks for it', async () => {
    const dev = await result('dev');
    expect([dev.findings, dev.unverified ?? []]).toEqual([[], []]);
    const prod = await result('production');
    expect(prod.findings.map((f) => f.messageId)).toEqual(['publicEndpoint']);
    expect(prod.unverified ?? []).toEqual([]);
  });
});
