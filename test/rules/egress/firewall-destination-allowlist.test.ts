import { baseline } from '../../helpers/fixture.js';
import { testRule } from '../../helpers/rule-tester.js';

function withDest(rules: string[] | undefined, aksFqdnTag = true) {
  return () => {
    const b = baseline();
    if (rules) {
      b.firewall.fqdnAllowRules = rules;
      b.firewall.aksFqdnTag = aksFqdnTag;
    } else delete b.firewall.aksFqdnTag;
    b.aks.egressDestinations = [
      { name: 'Stripe API', fqdn: 'api.stripe.com', port: 443, protocol: 'https', category: 'saas' },
      { name: 'AKS', fqdn: 'mcr.microsoft.com', category: 'aks-required' },
    ];
    return b.arch;
  };
}

const stripe = (rules: number, plural: string) => ({
  messageId: 'notAllowed',
  path: 'clusters[0].egressDestinations[0].fqdn',
  severity: 'error' as const,
  message: `egress destination Stripe API (api.stripe.com:443) of cluster aks-test is not in the ${rules} FQDN allow rule${plural} of Azure Firewall afw-hub, so it will be denied`,
  evidence: { destination: 'Stripe API', fqdn: 'api.stripe.com', firewall: 'afw-hub', allowRules: rules },
});

testRule('egress/firewall-destination-allowlist', {
  valid: [
    { name: 'the FQDN is allowed', arch: withDest(['api.stripe.com']) },
    { name: 'a wildcard covers it', arch: withDest(['*.stripe.com']) },
    { name: 'allow rules and FQDN tag not stated: unverified, not a finding', arch: withDest(undefined) },
  ],
  invalid: [
    { name: 'a destination the firewall will deny (one rule)', arch: withDest(['api.github.com']), findings: [stripe(1, '')] },
    { name: 'two rules, neither matching', arch: withDest(['api.github.com', '*.example.com']), findings: [stripe(2, 's')] },
    {
      name: 'AKS-required FQDNs count without the AzureKubernetesService tag',
      arch: withDest(['api.stripe.com'], false),
      findings: [
        {
          messageId: 'notAllowed',
          path: 'clusters[0].egressDestinations[1].fqdn',
          severity: 'error',
          message: /^egress destination AKS \(mcr\.microsoft\.com:\d+\) of cluster aks-test is not in the 1 FQDN allow rule of/,
        },
      ],
    },
  ],
});
