/**
 * The firewall matcher in Azure's rule processing order (https://learn.microsoft.com/azure/firewall/rule-processing):
 * network rules before application rules whatever the priorities; a base policy's rules before the child's; rule
 * collection groups, then collections, by priority (lower first); the first matching rule decides, Allow or Deny;
 * what no rule matches is denied. What the design leaves open makes the verdict unknown, naming the fact.
 *
 * The matcher that read Allow collections only answered "allowed" to every case here: each case whose answer is not
 * "allowed" fails on it (the others guard against over-blocking).
 */
import { describe, expect, it } from 'vitest';
import { firewallPolicy, type FirewallRuleCollection, type FirewallPolicy } from '../../dsl/index.js';
import { normalize } from '../../src/normalize/normalize.js';
import { firewallAllows, networkAllows, unknownFact, type FirewallFlow, type FlowVerdict } from '../../src/model/firewall.js';
import type { FirewallResource } from '../../src/model/types.js';
import { baseline } from '../helpers/fixture.js';

type AppRule = Extract<FirewallRuleCollection, { type: 'application' }>['rules'][number];
type NetRule = Extract<FirewallRuleCollection, { type: 'network' }>['rules'][number];

const NODES = '10.1.0.0/22';

/** The AKS tag over Https 443 (an application rule). */
const tagRule = (name: string, sourceAddresses: string[] | null = ['*']): AppRule => ({
  name,
  ...(sourceAddresses ? { sourceAddresses } : {}), // null: not stated
  protocols: [{ type: 'Https', port: 443 }],
  fqdnTags: ['AzureKubernetesService'],
});
const mcrRule = (name: string, sourceAddresses: string[] | null = ['*']): AppRule => ({
  name,
  ...(sourceAddresses ? { sourceAddresses } : {}), // null: not stated
  protocols: [{ type: 'Https', port: 443 }],
  targetFqdns: ['mcr.microsoft.com'],
});
const app = (name: string, priority: number, action: 'Allow' | 'Deny', rules: AppRule[], groupPriority?: number): FirewallRuleCollection => ({
  type: 'application',
  name,
  priority,
  action,
  rules,
  ...(groupPriority !== undefined ? { groupPriority } : {}),
});
const net = (name: string, priority: number, action: 'Allow' | 'Deny', rules: NetRule[], groupPriority?: number): FirewallRuleCollection => ({
  type: 'network',
  name,
  priority,
  action,
  rules,
  ...(groupPriority !== undefined ? { groupPriority } : {}),
});
const tcp443 = (name: string, destinationAddresses: string[], sourceAddresses: string[] | null = ['*']): NetRule => ({
  name,
  ...(sourceAddresses ? { sourceAddresses } : {}), // null: not stated
  protocols: ['TCP'],
  destinationPorts: [443],
  destinationAddresses,
});

/** The normalized baseline firewall with the given rules, as classic rules or in a policy (with its base). */
function firewall(o: { classic?: FirewallRuleCollection[]; policy?: FirewallPolicy; shorthand?: string[] }): FirewallResource {
  const b = baseline();
  delete b.firewall.aksFqdnTag;
  if (o.classic) b.firewall.classicRules = o.classic;
  if (o.policy) b.firewall.policy = o.policy;
  if (o.shorthand) b.firewall.fqdnAllowRules = o.shorthand;
  const { model, issues } = normalize(b.arch);
  expect(issues).toEqual([]);
  return model.resources.find((r): r is FirewallResource => r.kind === 'azureFirewall')!;
}

const mcr: FirewallFlow = { fqdn: 'mcr.microsoft.com', protocol: 'https', port: 443, tags: ['AzureKubernetesService'], sources: [NODES] };
const verdict = (fw: FirewallResource, flow: FirewallFlow = mcr): FlowVerdict => firewallAllows(fw, flow);
const blocked = (...by: string[]) => ({ verdict: 'denied', blockedBy: by });

describe('first match decides, Allow or Deny', () => {
  it('a Deny collection of higher precedence blocks what a later collection allows', () => {
    const fw = firewall({ classic: [app('allow-aks', 200, 'Allow', [tagRule('aks')]), app('block-mcr', 100, 'Deny', [mcrRule('no-mcr')])] });
    expect(verdict(fw)).toMatchObject(blocked('Deny collection block-mcr (priority 100, application rule no-mcr)'));
    // The allow rule that comes too late is still named, for the message.
    expect(verdict(fw)).toMatchObject({ near: ['application rule aks (allow-aks) allows Https:443 from any source'] });
  });

  it('a Deny collection after the allowing one changes nothing', () => {
    const fw = firewall({ classic: [app('allow-aks', 200, 'Allow', [tagRule('aks')]), app('block-mcr', 300, 'Deny', [mcrRule('no-mcr')])] });
    expect(verdict(fw)).toEqual({ verdict: 'allowed' });
  });

  it('priorities one apart on either side of the allowing collection, and equal', () => {
    const at = (p: number) => firewall({ classic: [app('allow-aks', 200, 'Allow', [tagRule('aks')]), app('block', p, 'Deny', [mcrRule('no-mcr')])] });
    expect(verdict(at(199))).toMatchObject(blocked('Deny collection block (priority 199, application rule no-mcr)'));
    expect(verdict(at(201))).toEqual({ verdict: 'allowed' });
    // The same priority: which runs first is not stated, so neither answer is given.
    expect(verdict(at(200))).toEqual({
      verdict: 'unknown',
      rules: [],
      facts: ['which of collections allow-aks and block Azure processes first (the same priority)'],
    });
  });

  it('two Deny collections: the first that matches is named', () => {
    const fw = firewall({
      classic: [
        app('allow-aks', 500, 'Allow', [tagRule('aks')]),
        app('late-deny', 400, 'Deny', [mcrRule('b')]),
        app('early-deny', 300, 'Deny', [mcrRule('a')]),
      ],
    });
    expect(verdict(fw)).toMatchObject(blocked('Deny collection early-deny (priority 300, application rule a)'));
  });

  it('no rule matching is a denial by default, with no Deny collection to name', () => {
    const fw = firewall({ classic: [app('block-other', 100, 'Deny', [mcrRule('x')].map((r) => ({ ...r, targetFqdns: ['example.com'] })))] });
    expect(verdict(fw)).toEqual({ verdict: 'denied', near: [], blockedBy: [] });
  });
});

describe('network rules before application rules, whatever the priorities', () => {
  it('a Deny network collection with a higher priority number still blocks an allowing application rule', () => {
    const fw = firewall({ classic: [app('allow-aks', 100, 'Allow', [tagRule('aks')]), net('deny-web', 65000, 'Deny', [tcp443('all-443', ['*'])])] });
    expect(verdict(fw)).toMatchObject(blocked('Deny collection deny-web (priority 65000, network rule all-443)'));
  });

  it('an Allow network rule lets HTTPS through before a Deny application collection (the docs example)', () => {
    const fw = firewall({ classic: [app('deny-mcr', 100, 'Deny', [mcrRule('no-mcr')]), net('allow-web', 65000, 'Allow', [tcp443('web', ['*'])])] });
    expect(verdict(fw)).toEqual({ verdict: 'allowed' });
  });

  it('a Deny network rule to a service tag the name may resolve into leaves the verdict open', () => {
    const fw = firewall({ classic: [app('allow-aks', 100, 'Allow', [tagRule('aks')]), net('deny-cloud', 200, 'Deny', [tcp443('cloud', ['AzureCloud'])])] });
    const v = verdict(fw);
    expect(v).toEqual({
      verdict: 'unknown',
      rules: [],
      facts: ['whether mcr.microsoft.com resolves into AzureCloud (network rule cloud (deny-cloud))'],
    });
  });

  it('a Deny network rule to private addresses cannot hold a public name', () => {
    const fw = firewall({ classic: [app('allow-aks', 100, 'Allow', [tagRule('aks')]), net('deny-rfc1918', 200, 'Deny', [tcp443('private', ['10.0.0.0/8'])])] });
    expect(verdict(fw)).toEqual({ verdict: 'allowed' });
  });

  it('a plain TCP flow is not seen by application rules: only the network Deny applies', () => {
    const fw = firewall({ classic: [app('deny-mcr', 100, 'Deny', [mcrRule('no-mcr')]), net('allow', 200, 'Allow', [{ ...tcp443('n', []), destinationFqdns: ['mcr.microsoft.com'] }])] });
    expect(verdict(fw, { ...mcr, protocol: 'tcp' })).toEqual({ verdict: 'allowed' });
  });
});

describe('rule collection groups and base policies', () => {
  it('group priority comes before collection priority', () => {
    const policy = firewallPolicy({
      name: 'afwp',
      ruleCollections: [app('allow-aks', 500, 'Allow', [tagRule('aks')], 200), app('block-mcr', 100, 'Deny', [mcrRule('no-mcr')], 300)],
    });
    expect(verdict(firewall({ policy }))).toEqual({ verdict: 'allowed' });
    const swapped = firewallPolicy({
      name: 'afwp',
      ruleCollections: [app('allow-aks', 100, 'Allow', [tagRule('aks')], 300), app('block-mcr', 500, 'Deny', [mcrRule('no-mcr')], 200)],
    });
    expect(verdict(firewall({ policy: swapped }))).toMatchObject(
      blocked('Deny collection block-mcr (group priority 200, priority 500, application rule no-mcr)'),
    );
  });

  it("a base policy's Deny comes before the child's Allow, whatever the priorities", () => {
    const base = firewallPolicy({ name: 'afwp-base', ruleCollections: [app('corp-deny', 65000, 'Deny', [mcrRule('no-mcr')])] });
    const policy = firewallPolicy({ name: 'afwp-child', basePolicy: base, ruleCollections: [app('allow-aks', 100, 'Allow', [tagRule('aks')])] });
    const fw = firewall({ policy });
    expect(fw.applicationRules?.map((r) => [r.collection, r.level, r.inheritedFrom])).toEqual([
      ['corp-deny', 1, 'afwp-base'],
      ['allow-aks', 0, undefined],
    ]);
    expect(verdict(fw)).toMatchObject(blocked('Deny collection corp-deny of base policy afwp-base (priority 65000, application rule no-mcr)'));
  });

  it("a base policy's Allow comes before the child's Deny", () => {
    const base = firewallPolicy({ name: 'afwp-base', ruleCollections: [app('corp-aks', 65000, 'Allow', [tagRule('aks')])] });
    const policy = firewallPolicy({ name: 'afwp-child', basePolicy: base, ruleCollections: [app('block-mcr', 100, 'Deny', [mcrRule('no-mcr')])] });
    const fw = firewall({ policy });
    expect(fw.aksFqdnTag).toBe(true);
    expect(verdict(fw)).toEqual({ verdict: 'allowed' });
  });

  it('a base policy whose rules are not stated leaves every flow open', () => {
    const base = firewallPolicy({ name: 'afwp-base' });
    const policy = firewallPolicy({ name: 'afwp-child', basePolicy: base, ruleCollections: [app('allow-aks', 100, 'Allow', [tagRule('aks')])] });
    expect(verdict(firewall({ policy }))).toEqual({
      verdict: 'unknown',
      rules: [],
      facts: ["rule collections of base policy afwp-base (processed before the policy's own)"],
    });
  });
});

describe('unknown sources', () => {
  it('a Deny rule without stated sources before the allowing rule: unknown, naming the rule', () => {
    const fw = firewall({ classic: [app('allow-aks', 200, 'Allow', [tagRule('aks')]), app('block-mcr', 100, 'Deny', [mcrRule('no-mcr', null)])] });
    const v = verdict(fw);
    expect(v).toEqual({ verdict: 'unknown', rules: ['application rule no-mcr (block-mcr)'], facts: [] });
    expect(v.verdict === 'unknown' && unknownFact(v.rules, v.facts)).toBe('source addresses of application rule no-mcr (block-mcr)');
  });

  it('the same Deny rule after the allowing rule cannot change the answer', () => {
    const fw = firewall({ classic: [app('allow-aks', 200, 'Allow', [tagRule('aks')]), app('block-mcr', 300, 'Deny', [mcrRule('no-mcr', null)])] });
    expect(verdict(fw)).toEqual({ verdict: 'allowed' });
  });

  it('an Allow rule without sources before a Deny rule that covers the nodes: unknown', () => {
    const fw = firewall({ classic: [app('allow-aks', 100, 'Allow', [tagRule('aks', null)]), app('block-mcr', 200, 'Deny', [mcrRule('no-mcr', [NODES])])] });
    expect(verdict(fw)).toEqual({ verdict: 'unknown', rules: ['application rule aks (allow-aks)'], facts: [] });
  });

  it('a Deny rule without sources where the flow would be denied anyway: denied', () => {
    const fw = firewall({ classic: [app('block-mcr', 100, 'Deny', [mcrRule('no-mcr', null)])] });
    expect(verdict(fw)).toEqual({ verdict: 'denied', near: [], blockedBy: [] });
  });
});

describe('source ranges', () => {
  it('a Deny rule covering half of the node subnet blocks those nodes', () => {
    const fw = firewall({ classic: [app('allow-aks', 200, 'Allow', [tagRule('aks')]), app('block-half', 100, 'Deny', [mcrRule('half', ['10.1.0.0/23'])])] });
    expect(verdict(fw)).toMatchObject(blocked('Deny collection block-half (priority 100, application rule half)'));
  });

  it('a Deny rule for another subnet does not touch the nodes', () => {
    const fw = firewall({ classic: [app('allow-aks', 200, 'Allow', [tagRule('aks')]), app('block-other', 100, 'Deny', [mcrRule('other', ['10.99.0.0/24'])])] });
    expect(verdict(fw)).toEqual({ verdict: 'allowed' });
  });
});

describe('the shorthand', () => {
  /** The baseline firewall with only the shorthand fields given (undefined: left out), and no rule collections. */
  const shorthandOnly = (fqdns: string[] | undefined, tag: boolean | undefined) => {
    const b = baseline();
    delete b.firewall.aksFqdnTag;
    delete b.firewall.fqdnAllowRules;
    if (fqdns) b.firewall.fqdnAllowRules = fqdns;
    if (tag !== undefined) b.firewall.aksFqdnTag = tag;
    const { model } = normalize(b.arch);
    return { fw: model.resources.find((r): r is FirewallResource => r.kind === 'azureFirewall')!, unknown: model.unknown.map((u) => u.path) };
  };
  const partner: FirewallFlow = { fqdn: 'api.partner.example', protocol: 'https', port: 443, tags: [], sources: [NODES] };
  const TAG = 'whether the firewall allows the AzureKubernetesService FQDN tag';
  const FQDNS = 'the FQDNs the firewall allows besides the AKS FQDN tag';

  it('the AKS tag stated alone: the AKS names are allowed, another name is unknown (not "denied by 0 rules")', () => {
    const { fw, unknown } = shorthandOnly(undefined, true);
    expect(verdict(fw)).toEqual({ verdict: 'allowed' });
    expect(verdict(fw, partner)).toEqual({ verdict: 'unknown', rules: [], facts: [FQDNS] });
    expect(unknown).toContain('network.firewalls[0].fqdnAllowRules');
  });

  it('the AKS tag stated false alone: the AKS names are unknown too (the list may hold them)', () => {
    const { fw } = shorthandOnly(undefined, false);
    expect(verdict(fw)).toEqual({ verdict: 'unknown', rules: [], facts: [FQDNS] });
  });

  it('the FQDN list stated alone: a listed name is allowed, an AKS name not listed waits for the tag, another name is denied', () => {
    const { fw, unknown } = shorthandOnly(['api.partner.example'], undefined);
    expect(verdict(fw, partner)).toEqual({ verdict: 'allowed' });
    expect(verdict(fw)).toEqual({ verdict: 'unknown', rules: [], facts: [TAG] });
    expect(verdict(fw, { ...partner, fqdn: 'other.example' })).toMatchObject({ verdict: 'denied', blockedBy: [] });
    expect(unknown).toContain('network.firewalls[0].aksFqdnTag');
  });

  it('both stated: what neither allows is denied', () => {
    const { fw, unknown } = shorthandOnly(['api.partner.example'], false);
    expect(verdict(fw)).toMatchObject({ verdict: 'denied', blockedBy: [] });
    expect(unknown.filter((p) => p.startsWith('network.firewalls[0]'))).toEqual([]);
  });

  it('with rule collections stated, a shorthand field left out adds nothing: no unknown', () => {
    const fw = firewall({ classic: [app('allow-aks', 200, 'Allow', [tagRule('aks')])], shorthand: ['x.example'] });
    expect(verdict(fw, partner)).toMatchObject({ verdict: 'denied', blockedBy: [] });
    expect(verdict(fw)).toEqual({ verdict: 'allowed' });
  });

  it('names an allow without a place in the order: a matching Deny rule leaves it open', () => {
    const fw = firewall({ shorthand: ['mcr.microsoft.com'], classic: [app('block-mcr', 100, 'Deny', [mcrRule('no-mcr')])] });
    expect(verdict(fw)).toEqual({
      verdict: 'unknown',
      rules: [],
      facts: [
        'whether the allow rule behind fqdnAllowRules/aksFqdnTag comes before Deny collection block-mcr (priority 100, application rule no-mcr)',
      ],
    });
  });

  it('is taken at its word when no Deny rule matches', () => {
    const fw = firewall({ shorthand: ['mcr.microsoft.com'], classic: [app('block-other', 100, 'Deny', [{ ...mcrRule('x'), targetFqdns: ['example.com'] }])] });
    expect(verdict(fw)).toEqual({ verdict: 'allowed' });
  });
});

describe('network needs (tunnel ports, DNS) in the same order', () => {
  const udp1194 = (covers: 'yes' | 'maybe') => ({
    protocol: 'UDP' as const,
    port: 1194,
    covers: (d: string) => (d === 'AzureCloud.westeurope' ? 'yes' : d.startsWith('20.') ? covers : 'no') as 'yes' | 'maybe' | 'no',
    what: 'the control plane',
    sources: [NODES],
  });
  const udpRule = (name: string, destinationAddresses: string[]): NetRule => ({
    name,
    sourceAddresses: ['*'],
    protocols: ['UDP'],
    destinationPorts: [1194],
    destinationAddresses,
  });

  it('a Deny before the allowing rule blocks; after it, it does not', () => {
    const before = firewall({ classic: [net('tunnel', 200, 'Allow', [udpRule('t', ['AzureCloud.westeurope'])]), net('deny', 100, 'Deny', [udpRule('d', ['*'])])] });
    expect(networkAllows(before, udp1194('maybe'))).toMatchObject(blocked('Deny collection deny (priority 100, network rule d)'));
    const after = firewall({ classic: [net('tunnel', 200, 'Allow', [udpRule('t', ['AzureCloud.westeurope'])]), net('deny', 300, 'Deny', [udpRule('d', ['*'])])] });
    expect(networkAllows(after, udp1194('maybe'))).toEqual({ verdict: 'allowed' });
  });

  it('a Deny to a public range that may be the destination leaves it open', () => {
    const fw = firewall({ classic: [net('tunnel', 200, 'Allow', [udpRule('t', ['AzureCloud.westeurope'])]), net('deny', 100, 'Deny', [udpRule('d', ['20.50.0.0/16'])])] });
    expect(networkAllows(fw, udp1194('maybe'))).toEqual({
      verdict: 'unknown',
      rules: [],
      facts: ['whether the control plane is in 20.50.0.0/16 (network rule d (deny))'],
    });
  });
});
