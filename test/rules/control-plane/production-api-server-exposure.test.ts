import type { ApiServer } from '../../../dsl/index.js';
import { baseline } from '../../helpers/fixture.js';
import { testRule } from '../../helpers/rule-tester.js';

function design(apiServer: ApiServer | undefined, environment: string | undefined) {
  return () => {
    const b = baseline();
    b.aks.apiServer = apiServer;
    if (environment === undefined) delete b.arch.metadata.environment;
    else b.arch.metadata.environment = environment;
    return b.arch;
  };
}

testRule('control-plane/production-api-server-exposure', {
  valid: [
    { name: 'private in production', arch: design({ mode: 'private', privateDnsZone: 'system', publicFqdn: false }, 'production') },
    { name: 'public in dev', arch: design({ mode: 'public' }, 'dev') },
    { name: 'public with no environment stated', arch: design({ mode: 'public' }, undefined) },
  ],
  invalid: [
    {
      name: 'public with two authorized ranges in production',
      arch: design({ mode: 'public', authorizedIpRanges: ['203.0.113.0/24', '198.51.100.0/24'] }, 'production'),
      findings: [
        {
          messageId: 'publicEndpoint',
          path: 'clusters[0].apiServer',
          severity: 'info',
          message:
            'cluster aks-test in a production design exposes a public API server endpoint (public mode, 2 authorized ' +
            'ranges); consider a private cluster or private VNet integration',
        },
      ],
    },
    {
      name: 'public by default in prod',
      arch: design(undefined, 'prod'),
      findings: [{ messageId: 'publicEndpoint', path: 'clusters[0].apiServer', severity: 'info', message: /\(public mode, no authorized ranges\)/ }],
    },
  ],
});
