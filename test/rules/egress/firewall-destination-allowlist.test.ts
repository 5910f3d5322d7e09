import { describe, expect, it } from 'vitest';
import { subnet, type EgressDestination, type FirewallRuleCollection } from '../../../dsl/index.js';
import { baseline } from '../../helpers/fixture.js';
import { mutable } from '../../helpers/mutable.js';
import { runRuleResult } from '../../helpers/run-rule.js';
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

// Each allow rule keeps its protocols, ports and sources: a name is allowed only for what the rule matches
// (https://learn.microsoft.com/azure/firewall/rule-processing).

type AppRule = Extract<FirewallRuleCollection, { type: 'application' }>['rules'][number];
type NetRule = Extract<FirewallRuleCollection, { type: 'network' }>['rules'][number];

const NODES = '10.1.0.0/22';

/** The baseline firewall with classic rules only (no shorthand), and Stripe over https 443 as a destination. */
function withRules(o: {
  app?: AppRule[];
  net?: NetRule[];
  /** Rules of a Deny application collection `deny` at `denyPriority` (100 unless said: before the allow collections). */
  deny?: AppRule[];
  denyPriority?: number;
  /** Rules of a Deny network collection `deny-net` at priority 65000 (after every application collection by number). */
  denyNet?: NetRule[];
  pods?: 'routed' | 'unrouted';
  dest?: Partial<EgressDestination>;
}) {
  return () => {
    const b = baseline();
    delete b.firewall.aksFqdnTag;
    delete b.firewall.fqdnAllowRules;
    b.firewall.classicRules = [
      ...(o.app ? [{ type: 'application' as const, name: 'apps', priority: 200, action: 'Allow' as const, rules: o.app }] : []),
      ...(o.net ? [{ type: 'network' as const, name: 'nets', priority: 300, action: 'Allow' as const, rules: o.net }] : []),
      ...(o.denyNet ? [{ type: 'network' as const, name: 'deny-net', priority: 65000, action: 'Deny' as const, rules: o.denyNet }] : []),
      ...(o.deny ? [{ type: 'application' as const, name: 'deny', priority: o.denyPriority ?? 100, action: 'Deny' as const, rules: o.deny }] : []),
    ];
    b.aks.egressDestinations = [
      { name: 'Stripe API', fqdn: 'api.stripe.com', port: 443, protocol: 'https', category: 'saas', ...o.dest },
    ];
    if (o.pods) {
      // Azure CNI pod subnet: pods leave with addresses of 10.1.8.0/22, routed by the pod subnet's own table.
      const pods = subnet({
        name: 'snet-pods',
        cidr: '10.1.8.0/22',
        purpose: 'aks-pods',
        defaultOutboundAccess: false,
        ...(o.pods === 'routed' ? { routeTable: b.rt } : {}),
      });
      mutable(b.spoke.subnets).push(pods);
      b.aks.network = { cni: 'azure-podsubnet-dynamic', dataplane: 'cilium', networkPolicy: 'cilium', defaultDeny: true, serviceCidr: '172.16.0.0/16', dnsServiceIP: '172.16.0.10' };
      b.aks.nodePools = b.aks.nodePools.map((p) => ({ ...p, podSubnet: pods }));
    }
    return b.arch;
  };
}

const https443 = (name: string, sourceAddresses: string[] | undefined, targetFqdns = ['api.stripe.com']): AppRule => ({
  name,
  ...(sourceAddresses ? { sourceAddresses } : {}),
  protocols: [{ type: 'Https', port: 443 }],
  targetFqdns,
});

const notMatched = (near: string, sources = ` from ${NODES}`, dest = 'https:443') => ({
  messageId: 'notMatched',
  path: 'clusters[0].egressDestinations[0].fqdn',
  severity: 'error' as const,
  message:
    `egress destination Stripe API (api.stripe.com, ${dest}${sources}) of cluster aks-test is named by Azure Firewall ` +
    `afw-hub, but no allow rule matches its protocol, port and source, so it will be denied: ${near}`,
});

testRule('egress/firewall-destination-allowlist', {
  valid: [
    { name: 'the FQDN is allowed', arch: withDest(['api.stripe.com']) },
    { name: 'a wildcard covers it', arch: withDest(['*.stripe.com']) },
    { name: 'allow rules and FQDN tag not stated: unverified, not a finding', arch: withDest(undefined) },
    { name: 'Https:443 from any source', arch: withRules({ app: [https443('s', ['*'])] }) },
    { name: 'Https:443 from exactly the node subnet', arch: withRules({ app: [https443('s', [NODES])] }) },
    { name: 'Https:443 from the VNet range holding the node subnet', arch: withRules({ app: [https443('s', ['10.1.0.0/16'])] }) },
    {
      name: 'two rules whose sources together cover the node subnet halves',
      arch: withRules({ app: [https443('a', ['10.1.0.0/23']), https443('b', ['10.1.2.0/23'])] }),
    },
    {
      name: 'a TCP 443 network rule naming the FQDN',
      arch: withRules({ net: [{ name: 'n', sourceAddresses: [NODES], protocols: ['TCP'], destinationPorts: [443], destinationFqdns: ['api.stripe.com'] }] }),
    },
    {
      name: 'a network rule to * on any protocol and ports 400-500',
      arch: withRules({ net: [{ name: 'n', sourceAddresses: ['*'], protocols: ['Any'], destinationPorts: ['400-500'], destinationAddresses: ['*'] }] }),
    },
    {
      name: 'a UDP destination allowed by a UDP 123 FQDN network rule',
      arch: withRules({
        net: [{ name: 'ntp', sourceAddresses: ['*'], protocols: ['UDP'], destinationPorts: [123], destinationFqdns: ['api.stripe.com'] }],
        dest: { protocol: 'udp', port: 123 },
      }),
    },
    {
      name: 'pods leave from a routed pod subnet and the rule covers nodes and pods',
      arch: withRules({ app: [https443('s', [NODES, '10.1.8.0/22'])], pods: 'routed' }),
    },
    {
      name: "a pod subnet that does not route to the firewall is not the firewall's source",
      arch: withRules({ app: [https443('s', [NODES])], pods: 'unrouted' }),
    },
    {
      name: 'rule sources not stated: unverified, not a finding',
      arch: withRules({ app: [https443('s', undefined)] }),
    },
    // Azure processes collections by priority and the first match decides (rule-processing).
    {
      name: 'a Deny collection after the allowing one (priority 201 vs 200) changes nothing',
      arch: withRules({ app: [https443('s', ['*'])], deny: [https443('no-stripe', ['*'])], denyPriority: 201 }),
    },
    {
      name: 'a Deny collection before the allowing one, but for another subnet',
      arch: withRules({ app: [https443('s', ['*'])], deny: [https443('no-stripe', ['10.99.0.0/24'])] }),
    },
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
    {
      name: 'the FQDN allowed for Http:80 only (d1b pattern)',
      arch: withRules({ app: [{ name: 'web', sourceAddresses: ['*'], protocols: [{ type: 'Http', port: 80 }], targetFqdns: ['api.stripe.com'] }] }),
      findings: [notMatched('application rule web (apps) allows Http:80 from any source')],
    },
    {
      name: 'Https on 444, one port off',
      arch: withRules({ app: [{ name: 'p', sourceAddresses: ['*'], protocols: [{ type: 'Https', port: 444 }], targetFqdns: ['api.stripe.com'] }] }),
      findings: [notMatched('application rule p (apps) allows Https:444 from any source')],
    },
    {
      name: 'an application rule whose sources exclude the node subnet (d1b pattern)',
      arch: withRules({ app: [https443('stripe', ['10.99.0.0/24'])] }),
      findings: [notMatched('application rule stripe (apps) allows Https:443 from 10.99.0.0/24')],
    },
    {
      name: 'sources covering only half of the node subnet',
      arch: withRules({ app: [https443('half', ['10.1.0.0/23'])] }),
      findings: [notMatched('application rule half (apps) allows Https:443 from 10.1.0.0/23')],
    },
    {
      name: 'a UDP 123 network-rule FQDN does not allow HTTPS to that name',
      arch: withRules({ net: [{ name: 'time', sourceAddresses: ['*'], protocols: ['UDP'], destinationPorts: [123], destinationFqdns: ['api.stripe.com'] }] }),
      findings: [notMatched('network rule time (nets) allows UDP 123 from any source')],
    },
    {
      name: 'an application rule cannot carry a raw TCP destination',
      arch: withRules({ app: [https443('s', ['*'])], dest: { protocol: 'tcp' } }),
      findings: [notMatched('application rule s (apps) allows Https:443 from any source', ` from ${NODES}`, 'tcp:443')],
    },
    {
      name: 'a Deny collection one priority before the allowing one (199 vs 200) blocks it',
      arch: withRules({ app: [https443('s', ['*'])], deny: [https443('no-stripe', ['*'])], denyPriority: 199 }),
      findings: [
        {
          messageId: 'blockedByDeny',
          path: 'clusters[0].egressDestinations[0].fqdn',
          severity: 'error',
          message:
            `egress destination Stripe API (api.stripe.com, https:443 from ${NODES}) of cluster aks-test is blocked by ` +
            'Deny collection deny (priority 199, application rule no-stripe) of Azure Firewall afw-hub, the first rule ' +
            'that matches it; allow rules that come after it: application rule s (apps) allows Https:443 from any source',
          evidence: { blockedBy: 'Deny collection deny (priority 199, application rule no-stripe)' },
        },
      ],
    },
    {
      name: 'a Deny network collection blocks HTTPS before any application rule, whatever its priority number',
      arch: withRules({
        app: [https443('s', ['*'])],
        denyNet: [{ name: 'no-443', sourceAddresses: ['*'], protocols: ['TCP'], destinationPorts: [443], destinationAddresses: ['*'] }],
      }),
      findings: [
        {
          messageId: 'blockedByDeny',
          path: 'clusters[0].egressDestinations[0].fqdn',
          severity: 'error',
          message:
            `egress destination Stripe API (api.stripe.com, https:443 from ${NODES}) of cluster aks-test is blocked by ` +
            'Deny collection deny-net (priority 65000, network rule no-443) of Azure Firewall afw-hub, the first rule ' +
            'that matches it; allow rules that come after it: application rule s (apps) allows Https:443 from any source',
          evidence: { blockedBy: 'Deny collection deny-net (priority 65000, network rule no-443)' },
        },
      ],
    },
    {
      name: 'pods leave from a routed pod subnet the rule does not cover',
      arch: withRules({ app: [https443('s', [NODES])], pods: 'routed' }),
      findings: [notMatched('application rule s (apps) allows Https:443 from 10.1.0.0/22', ` from ${NODES}, 10.1.8.0/22`)],
    },
  ],
});

describe('egress/firewall-destination-allowlist: unstated rule sources', () => {
  it('a matching rule without sourceAddresses leaves the check unverified, naming the rule', async () => {
    const r = await runRuleResult('egress/firewall-destination-allowlist', withRules({ app: [https443('s', undefined)] })());
    expect(r.findings).toEqual([]);
    expect(r.unverified?.map((u) => [u.factPath, u.fact])).toEqual([
      ['network.firewalls[0].classicRules', 'source addresses of application rule s (apps)'],
    ]);
  });

  it('a rule with stated sources that cover the nodes settles it, whatever another rule leaves unstated', async () => {
    const r = await runRuleResult(
      'egress/firewall-destination-allowlist',
      withRules({ app: [https443('s', undefined), https443('t', ['*'])] })(),
    );
    expect(r.findings).toEqual([]);
    expect(r.unverified ?? []).toEqual([]);
  });
});

describe('egress/firewall-destination-allowlist: Deny rules whose sources are not stated', () => {
  it('a Deny rule without sourceAddresses before the allowing rule: unverified, naming the rule, never allowed or denied', async () => {
    const r = await runRuleResult(
      'egress/firewall-destination-allowlist',
      withRules({ app: [https443('s', ['*'])], deny: [https443('no-stripe', undefined)] })(),
    );
    expect(r.findings).toEqual([]);
    expect(r.unverified?.map((u) => [u.factPath, u.fact])).toEqual([
      ['network.firewalls[0].classicRules', 'source addresses of application rule no-stripe (deny)'],
    ]);
  });

  it('the same rule after the allowing rule cannot change the answer: nothing to state', async () => {
    const r = await runRuleResult(
      'egress/firewall-destination-allowlist',
      withRules({ app: [https443('s', ['*'])], deny: [https443('no-stripe', undefined)], denyPriority: 300 })(),
    );
    expect(r.findings).toEqual([]);
    expect(r.unverified ?? []).toEqual([]);
  });
});

/**
 * A destination's verdict reads its FQDN, protocol and port, the firewall's rules and the egress path to it: an invalid
 * protocol of the destination or an invalid allow list of the firewall holds it back, naming the field; an invalid
 * field neither reads (the firewall's zones) leaves it standing.
 */
describe('egress/firewall-destination-allowlist with an invalid field it reads besides the FQDN', () => {
  const run = async (change: (b: ReturnType<typeof baseline>) => void) => {
    const b = baseline();
    b.firewall.fqdnAllowRules = ['*.microsoft.com'];
    b.aks.egressDestinations = [{ name: 'Stripe API', fqdn: 'api.stripe.com', port: 443, protocol: 'https', category: 'saas' }];
    change(b);
    const r = await runRuleResult('egress/firewall-destination-allowlist', b.arch);
    return { verdicts: r.findings.map((f) => f.messageId), held: (r.unverified ?? []).map((u) => u.factPath) };
  };
  const set = (o: object, key: string, v: unknown) => ((o as Record<string, unknown>)[key] = v);
  it('an invalid protocol of the destination holds it back', async () => {
    expect(await run((b) => set(b.aks.egressDestinations![0]!, 'protocol', 'h2'))).toEqual({
      verdicts: [],
      held: ['clusters[0].egressDestinations[0].protocol'],
    });
  });
  it("an invalid entry of the firewall's allow list holds it back", async () => {
    expect(await run((b) => set(b.firewall, 'fqdnAllowRules', ['*.microsoft.com', 7]))).toEqual({
      verdicts: [],
      held: ['network.firewalls[0].fqdnAllowRules[1]'],
    });
  });
  it("an invalid zone of the firewall leaves it standing", async () => {
    expect(await run((b) => set(b.firewall, 'zones', [1, 2, 4]))).toEqual({ verdicts: ['notAllowed'], held: [] });
  });
});
