import { baseline } from '../../helpers/fixture.js';
import { testRule } from '../../helpers/rule-tester.js';

type Tier = 'Free' | 'Standard' | 'Premium' | undefined;

/** The baseline with a tier (undefined = not stated) and an environment (undefined = not stated). */
function design(tier: Tier, environment: string | undefined) {
  const b = baseline();
  if (tier === undefined) delete b.aks.tier;
  else b.aks.tier = tier;
  if (environment === undefined) delete b.arch.metadata.environment;
  else b.arch.metadata.environment = environment;
  return b.arch;
}

testRule('reliability/sla-tier', {
  valid: [
    { name: 'Standard in production', arch: () => design('Standard', 'production') },
    { name: 'Premium in production', arch: () => design('Premium', 'prod') },
    { name: 'Standard with no environment stated', arch: () => design('Standard', undefined) },
    { name: 'Free in dev', arch: () => design('Free', 'dev') },
    { name: 'Free in a non-prod environment', arch: () => design('Free', 'non-prod') },
    { name: 'Free in pre-production-like "staging"', arch: () => design('Free', 'staging') },
  ],
  invalid: [
    {
      name: 'Free stated in production',
      arch: () => design('Free', 'production'),
      findings: [
        {
          messageId: 'freeInProduction',
          path: 'clusters[0].tier',
          severity: 'warning',
          message:
            "cluster aks-test uses the Free tier (no API server uptime SLA) in a production design; use tier: 'Standard' or 'Premium'",
          evidence: { tierDefaulted: false },
        },
      ],
    },
    {
      name: 'Free by default in prod',
      arch: () => design(undefined, 'prod'),
      findings: [
        {
          messageId: 'freeInProduction',
          path: 'clusters[0].tier',
          severity: 'warning',
          message: /Free tier \(no API server uptime SLA\), the default when tier is not stated, in a prod design/,
          evidence: { tierDefaulted: true },
        },
      ],
    },
    {
      name: 'Free with no environment stated: an info note, not a warning',
      arch: () => design('Free', undefined),
      findings: [
        {
          messageId: 'freeEnvironmentUnknown',
          path: 'clusters[0].tier',
          severity: 'info',
          message:
            'cluster aks-test uses the Free tier (no API server uptime SLA) and the design does not state its ' +
            'environment (metadata.environment): fine for development, not for production',
        },
      ],
    },
    {
      name: 'Free with a blank environment counts as not stated',
      arch: () => design('Free', '  '),
      findings: [{ messageId: 'freeEnvironmentUnknown', path: 'clusters[0].tier', severity: 'info' }],
    },
  ],
});
