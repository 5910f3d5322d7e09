/**
 * Whether an Azure Firewall's rules let one outbound flow through: the single matcher the egress rules share, so
 * the required-FQDN, destination allow-list, network-rule and DNS-proxy checks cannot disagree about what the rules
 * do. A rule matches a flow when its protocol and port, its destination (FQDN, FQDN tag, `*`, address or service tag)
 * and its sources all match.
 *
 * The rules are processed in Azure's order (https://learn.microsoft.com/azure/firewall/rule-processing, "Configure
 * Azure Firewall rules"): every network rule before any application rule, whatever the priorities; within a type,
 * a base (parent) policy's rules before the child policy's, then rule collection groups by priority, then
 * collections by priority, lower numbers first. Rules are terminating: the first rule that matches decides, whether
 * its collection allows or denies, and a flow no rule matches is denied. Application rules only see HTTP, HTTPS
 * (and MSSQL) flows that no network rule matched. Threat intelligence in Deny mode and the built-in infrastructure
 * rule collection (Azure platform names only) are not modelled here.
 *
 * What the design leaves open is not guessed: a rule whose sources are not stated (it may use IP groups) that could
 * match before the deciding rule, an Allow and a Deny collection at the same priority in the same group, a Deny
 * network rule to addresses or a service tag the name may resolve into, and a base policy whose rules are not
 * stated all make the verdict unknown, naming what to state — unless every way it could go ends the same.
 */
import { cidr, isPrivateRange } from './cidr.js';
import { egressAppliance, subnetEgress } from './egress.js';
import { ENCRYPTED_PROTOCOLS } from './kinds.js';
import type { ModelQuery } from './query.js';
import type {
  ClusterResource,
  EgressDestinationResource,
  FirewallApplicationRuleModel,
  FirewallNetworkRuleModel,
  FirewallResource,
  FirewallRuleOrderModel,
  Protocol,
} from './types.js';

/** Whether an FQDN allow entry (`*`, `*.example.com`, `api.example.com`) matches an FQDN (which may itself be a wildcard). */
export function fqdnAllowed(rule: string, fqdn: string): boolean {
  const r = rule.trim().toLowerCase().replace(/\.$/, '');
  const f = fqdn.trim().toLowerCase().replace(/\.$/, '');
  if (!r || !f) return false;
  if (r === '*' || r === f) return true;
  if (r.startsWith('*.')) return f.endsWith(r.slice(1));
  return false;
}

/** Whether a destination port entry (`*`, `443`, `1000-2000`) includes a port. */
export function portIncluded(entry: string, port: number): boolean {
  if (entry === '*') return true;
  const range = /^(\d+)-(\d+)$/.exec(entry);
  if (range) return Number(range[1]) <= port && port <= Number(range[2]);
  return Number(entry) === port;
}

/** One outbound flow of a cluster through a firewall. */
export interface FirewallFlow {
  fqdn: string;
  protocol: Protocol;
  port: number;
  /** FQDN tags whose list holds the name (`AzureKubernetesService` for the names AKS needs). */
  tags: readonly string[];
  /**
   * CIDRs the flow leaves from: every address is judged by the first rule that matches it, so the flow is allowed
   * only when each address is; empty when the design shows none reaching the firewall (then only destination,
   * protocol and port are matched, and a rule with stated sources is taken to cover the flow).
   */
  sources: readonly string[];
}

export type FlowVerdict =
  /** The design states no rules and no shorthand: nothing can be said. */
  | { verdict: 'unknown-rules' }
  | { verdict: 'allowed' }
  /**
   * The rules cannot settle it. `rules`: rules without stated sources that could match first; `facts`: the other
   * open questions (ties, destinations by address, unstated base policy rules). See `unknownFact`.
   */
  | { verdict: 'unknown'; rules: string[]; facts: string[] }
  /**
   * `near`: the allow rules that name the destination, described (they miss its protocol, port or sources, or come
   * after the rule that blocks it); `blockedBy`: the Deny rules that match first, described (empty when the flow is
   * denied because no rule matches it).
   */
  | { verdict: 'denied'; near: string[]; blockedBy: string[] };

/** The fact an unknown verdict asks the design to state, in one phrase. */
export function unknownFact(rules: readonly string[], facts: readonly string[]): string {
  return [...(rules.length ? [`source addresses of ${[...rules].sort().join(' and ')}`] : []), ...[...facts].sort()].join('; ');
}

/**
 * The application-rule protocol a flow speaks: TLS-carried protocols are matched by an Https rule (SNI), plain
 * HTTP ones by an Http rule; raw TCP and UDP only by network rules.
 */
function appProtocol(p: Protocol): 'Http' | 'Https' | undefined {
  if (ENCRYPTED_PROTOCOLS.includes(p)) return 'Https';
  return p === 'http' || p === 'http2' || p === 'grpc' ? 'Http' : undefined;
}

/** An entry of a rule's sourceAddresses as a range (`*` is everything); undefined when it is not an address. */
function sourceRange(entry: string): { first: number; last: number } | undefined {
  const e = entry.trim();
  if (e === '*') return { first: 0, last: 0xffffffff };
  return cidr(e.includes('/') ? e : `${e}/32`);
}

/** Whether a rule matches a flow on everything but its sources: `maybe` when the design cannot tell. */
type Match = 'yes' | 'maybe' | 'no';

/** A rule reduced to what the matcher needs. */
interface Candidate {
  label: string;
  action: 'Allow' | 'Deny';
  /** Its place in the processing order: rule type, base level (higher first), group priority, priority. */
  key: readonly number[];
  /** Undefined: the rule states no sources. */
  sources?: readonly string[];
  /** Whether the destination is named by the rule (whatever its protocol and port). */
  names: boolean;
  matches: Match;
  /** What a `maybe` match leaves open, as a fact to state. */
  maybe?: string;
  terms: string;
  /** "Deny collection block-mcr (priority 100, network rule deny-mcr)". */
  deny: string;
}

/** " of base policy afwp-base", when inherited. */
function baseText(r: FirewallRuleOrderModel): string {
  return r.inheritedFrom ? ` of base policy ${r.inheritedFrom}` : '';
}

function orderOf(r: FirewallRuleOrderModel, kind: 'network' | 'application') {
  return {
    label: `${kind} rule ${r.name} (${r.collection}${baseText(r)})`,
    action: r.action,
    key: [kind === 'network' ? 0 : 1, -r.level, r.groupPriority ?? 0, r.priority],
    deny:
      `Deny collection ${r.collection}${baseText(r)} (` +
      `${r.groupPriority !== undefined ? `group priority ${r.groupPriority}, ` : ''}priority ${r.priority}, ${kind} rule ${r.name})`,
  };
}

function appCandidate(r: FirewallApplicationRuleModel, flow: FirewallFlow): Candidate {
  const names =
    r.targetFqdns.some((t) => fqdnAllowed(t, flow.fqdn)) ||
    r.fqdnTags.some((t) => flow.tags.some((x) => x.toLowerCase() === t.toLowerCase()));
  const type = appProtocol(flow.protocol);
  return {
    ...orderOf(r, 'application'),
    ...(r.sourceAddresses ? { sources: r.sourceAddresses } : {}),
    names,
    matches: names && r.protocols.some((p) => p.type === type && p.port === flow.port) ? 'yes' : 'no',
    terms: r.protocols.map((p) => `${p.type}:${p.port}`).join(', '),
  };
}

/** Whether a destination address entry of a network rule (address, CIDR or service tag) can hold a public name's addresses. */
function addressMayHold(entry: string): boolean {
  const r = cidr(entry.includes('/') ? entry : `${entry}/32`);
  // A name reached through the firewall without a private endpoint resolves to public addresses.
  return r === undefined || !isPrivateRange(r);
}

function networkCandidate(r: FirewallNetworkRuleModel, flow: FirewallFlow): Candidate {
  // A network rule to `*` matches any name; FQDNs in network rules are exact names.
  const names = r.destinationFqdns.some((d) => fqdnAllowed(d, flow.fqdn)) || r.destinationAddresses.some((a) => a.trim() === '*');
  const transport = flow.protocol === 'udp' ? 'UDP' : 'TCP';
  const protocolPort =
    r.protocols.some((p) => p === transport || p === 'Any') && r.destinationPorts.some((p) => portIncluded(p, flow.port));
  // A Deny rule to addresses or a service tag may hold the addresses the name resolves to: the design cannot say.
  // (An Allow rule to addresses is not taken to allow a name, as before: that would need the same knowledge.)
  const held = r.destinationAddresses.filter((a) => a.trim() !== '*' && addressMayHold(a.trim()));
  const maybe = r.action === 'Deny' && !names && protocolPort && held.length > 0;
  return {
    ...orderOf(r, 'network'),
    ...(r.sourceAddresses ? { sources: r.sourceAddresses } : {}),
    names,
    matches: names && protocolPort ? 'yes' : maybe ? 'maybe' : 'no',
    ...(maybe ? { maybe: `whether ${flow.fqdn} resolves into ${held.join(', ')} (${orderOf(r, 'network').label})` } : {}),
    terms: `${r.protocols.join('/')} ${r.destinationPorts.join(', ')}`,
  };
}

function sourcesText(s: readonly string[] | undefined): string {
  if (s === undefined) return 'no stated sources';
  return s.some((x) => x.trim() === '*') ? 'any source' : s.join(', ');
}

type Range = { first: number; last: number };
type Outcome =
  | { kind: 'Allow' | 'Deny'; by?: Candidate }
  | { kind: 'unknown'; rules: ReadonlySet<string>; facts: ReadonlySet<string>; deny: boolean };
type Segment = Range & { o: Outcome };

/** The ranges a rule's source entries cover. */
function rangesOf(entries: readonly string[]): Range[] {
  return entries.map(sourceRange).filter((r): r is Range => r !== undefined);
}

/** Cuts the segments at the edges of the ranges, so each segment is inside or outside each range. */
function split(segs: Segment[], ranges: readonly Range[]): Segment[] {
  const cuts = new Set<number>();
  for (const r of ranges) {
    cuts.add(r.first);
    if (r.last < 0xffffffff) cuts.add(r.last + 1);
  }
  const out: Segment[] = [];
  for (const s of segs) {
    let first = s.first;
    for (const c of [...cuts].filter((x) => x > s.first && x <= s.last).sort((a, b) => a - b)) {
      out.push({ first, last: c - 1, o: s.o });
      first = c;
    }
    out.push({ first, last: s.last, o: s.o });
  }
  return out;
}

const inside = (s: Range, ranges: readonly Range[]) => ranges.some((r) => r.first <= s.first && s.last <= r.last);

/** The outcome when a rule with `action` may or may not decide before `o`: unchanged when both end alike. */
function merge(action: 'Allow' | 'Deny', o: Outcome, rule?: string, fact?: string): Outcome {
  if (o.kind === action) return o;
  const prev = o.kind === 'unknown' ? o : { rules: new Set<string>(), facts: new Set<string>(), deny: o.kind === 'Deny' && o.by !== undefined };
  return {
    kind: 'unknown',
    rules: rule ? new Set([...prev.rules, rule]) : prev.rules,
    facts: fact ? new Set([...prev.facts, fact]) : prev.facts,
    deny: prev.deny || action === 'Deny',
  };
}

/**
 * The first-match verdict over candidates, for the addresses of `sources` (each address is one node or pod; with
 * none, a rule with stated sources is taken to cover the flow). Works from the last rule to the first, so each
 * address ends with the outcome of the first rule that matches it.
 */
function firstMatch(all: readonly Candidate[], sources: readonly string[]): FlowVerdict {
  const cmp = (a: Candidate, b: Candidate) => a.key.reduce((d, k, i) => d || k - (b.key[i] ?? 0), 0);
  const universe = sources.length ? rangesOf(sources.map((x) => (x.includes('/') ? x : `${x}/32`))) : [{ first: 0, last: 0 }];
  const cover = (c: Candidate): Range[] | undefined =>
    c.sources === undefined ? undefined : sources.length ? rangesOf(c.sources) : universe;
  let segs: Segment[] = universe.map((r) => ({ ...r, o: { kind: 'Deny' } }));
  const live = all.filter((c) => c.matches !== 'no').sort(cmp);
  for (let end = live.length; end > 0; ) {
    let start = end - 1;
    while (start > 0 && cmp(live[start - 1]!, live[end - 1]!) === 0) start--;
    const layer = live.slice(start, end);
    end = start;
    const sure = layer.filter((c) => c.matches === 'yes' && c.sources !== undefined);
    segs = split(segs, sure.flatMap((c) => cover(c) ?? []));
    segs = segs.map((s) => {
      const by = sure.filter((c) => inside(s, cover(c) ?? []));
      if (by.length === 0) return s;
      const actions = new Set(by.map((c) => c.action));
      if (actions.size === 1) return { ...s, o: { kind: by[0]!.action, by: by[0]! } };
      // An Allow and a Deny collection at the same place in the order: which Azure runs first is not stated.
      const names = [...new Set(by.map((c) => c.label.replace(/^\S+ rule \S+ \((.*)\)$/, '$1')))].sort();
      const fact = `which of collections ${names.join(' and ')} Azure processes first (the same priority)`;
      return { ...s, o: { kind: 'unknown', rules: new Set(), facts: new Set([fact]), deny: true } };
    });
    for (const c of layer.filter((x) => !sure.includes(x))) {
      const ranges = cover(c);
      if (ranges) segs = split(segs, ranges);
      segs = segs.map((s) =>
        ranges && !inside(s, ranges)
          ? s
          : { ...s, o: merge(c.action, s.o, c.sources === undefined ? c.label : undefined, c.maybe) },
      );
    }
  }
  const near = all
    .filter((c) => c.action === 'Allow' && c.names)
    .map((c) => `${c.label} allows ${c.terms} from ${sourcesText(c.sources)}`);
  const outcomes = segs.map((s) => s.o);
  if (outcomes.some((o) => o.kind === 'Deny')) {
    const blockedBy = outcomes.flatMap((o) => (o.kind === 'Deny' && o.by ? [o.by.deny] : []));
    return { verdict: 'denied', near, blockedBy: [...new Set(blockedBy)] };
  }
  const unknown = outcomes.filter((o): o is Extract<Outcome, { kind: 'unknown' }> => o.kind === 'unknown');
  if (unknown.length) {
    return {
      verdict: 'unknown',
      rules: [...new Set(unknown.flatMap((o) => [...o.rules]))].sort(),
      facts: [...new Set(unknown.flatMap((o) => [...o.facts]))].sort(),
    };
  }
  return { verdict: 'allowed' };
}

/** Whether a verdict could only turn out Deny through a Deny rule (so an allow that has no place in the order cannot settle it). */
function denyInvolved(v: FlowVerdict, all: readonly Candidate[]): boolean {
  if (v.verdict === 'denied') return v.blockedBy.length > 0;
  return v.verdict === 'unknown' && all.some((c) => c.action === 'Deny' && c.matches !== 'no');
}

/** The verdict when base policies' rules are not stated: they come first and could decide anything. */
function withBases(fw: FirewallResource, v: FlowVerdict): FlowVerdict {
  const bases = fw.unknownBaseRules ?? [];
  if (!bases.length) return v;
  const fact = `rule collections of base ${bases.length === 1 ? 'policy' : 'policies'} ${bases.join(', ')} (processed before the policy's own)`;
  return { verdict: 'unknown', rules: v.verdict === 'unknown' ? v.rules : [], facts: [...(v.verdict === 'unknown' ? v.facts : []), fact] };
}

/**
 * The shorthand fields a design leaves out beside the other one, when it states no rule collections: what they would
 * allow is unknown (facts to state, for the flows they could decide). With collections stated, the shorthand only adds
 * to them, and a field left out adds nothing.
 */
export function unstatedShorthand(fw: FirewallResource): { fqdns: boolean; aksFqdnTag: boolean } {
  const short = fw.allowShorthand;
  const open = short !== undefined && fw.applicationRules === undefined && fw.networkRules === undefined;
  return { fqdns: open && short.fqdns === undefined, aksFqdnTag: open && short.aksFqdnTag === undefined };
}

/** Whether the firewall's rules (and the shorthand) let the flow through, in Azure's processing order. */
export function firewallAllows(fw: FirewallResource, flow: FirewallFlow): FlowVerdict {
  const short = fw.allowShorthand;
  if (!short && fw.applicationRules === undefined && fw.networkRules === undefined) return { verdict: 'unknown-rules' };
  const all = [
    ...(fw.networkRules ?? []).map((r) => networkCandidate(r, flow)),
    ...(fw.applicationRules ?? []).map((r) => appCandidate(r, flow)),
  ];
  const v = firstMatch(all, flow.sources);
  // The shorthand names what is allowed without protocol, port, source or place in the order: it is taken at its
  // word, unless a stated Deny rule could come first (then where its allow rule sits is the open question).
  const shortAllows =
    (short?.aksFqdnTag === true && flow.tags.includes('AzureKubernetesService')) ||
    (short?.fqdns?.some((r) => fqdnAllowed(r, flow.fqdn)) ?? false);
  if (shortAllows) {
    if (v.verdict === 'allowed' || !denyInvolved(v, all)) return { verdict: 'allowed' };
    const deny = v.verdict === 'denied' ? v.blockedBy : all.filter((c) => c.action === 'Deny' && c.matches !== 'no').map((c) => c.deny);
    return {
      verdict: 'unknown',
      rules: v.verdict === 'unknown' ? v.rules : [],
      facts: [
        ...(v.verdict === 'unknown' ? v.facts : []),
        `whether the allow rule behind fqdnAllowRules/aksFqdnTag comes before ${[...new Set(deny)].join(' and ')}`,
      ],
    };
  }
  // Nothing stated lets it through, and the half of the shorthand left out could have.
  const open = unstatedShorthand(fw);
  const facts = [
    ...(open.fqdns ? ['the FQDNs the firewall allows besides the AKS FQDN tag'] : []),
    ...(open.aksFqdnTag && flow.tags.includes('AzureKubernetesService') ? ['whether the firewall allows the AzureKubernetesService FQDN tag'] : []),
  ];
  if (v.verdict === 'denied' && v.blockedBy.length === 0 && facts.length) return withBases(fw, { verdict: 'unknown', rules: [], facts });
  return withBases(fw, v);
}

/** One protocol, port and destination address a cluster needs a firewall's network rules to allow. */
export interface NetworkNeed {
  protocol: 'TCP' | 'UDP';
  port: number;
  /**
   * Whether a destination entry of a rule (CIDR, address or service tag; `*` is handled here) is the destination:
   * `maybe` when the design cannot tell (read as a match for an Allow rule, as an open question for a Deny rule).
   */
  covers: (destination: string) => Match;
  /** What the destination is, for the open question: "the region", "DNS server 10.2.0.4". */
  what: string;
  /** CIDRs the traffic leaves from, as in `FirewallFlow`. */
  sources: readonly string[];
}

/** Whether the firewall's network rules, in Azure's order, let a protocol and port to an address through. */
export function networkAllows(fw: FirewallResource, need: NetworkNeed): FlowVerdict {
  if (fw.networkRules === undefined) return { verdict: 'unknown-rules' };
  const all = fw.networkRules.map((r): Candidate => {
    const protocolPort =
      r.protocols.some((p) => p === need.protocol || p === 'Any') && r.destinationPorts.some((p) => portIncluded(p, need.port));
    const hits = r.destinationAddresses.map((a) => (a.trim() === '*' ? 'yes' : need.covers(a.trim())));
    const m: Match = !protocolPort ? 'no' : hits.includes('yes') ? 'yes' : hits.includes('maybe') ? (r.action === 'Allow' ? 'yes' : 'maybe') : 'no';
    const o = orderOf(r, 'network');
    return {
      ...o,
      ...(r.sourceAddresses ? { sources: r.sourceAddresses } : {}),
      names: m !== 'no',
      matches: m,
      ...(m === 'maybe' ? { maybe: `whether ${need.what} is in ${r.destinationAddresses.join(', ')} (${o.label})` } : {}),
      terms: `${r.protocols.join('/')} ${r.destinationPorts.join(', ')}`,
    };
  });
  return withBases(fw, firstMatch(all, need.sources));
}

/**
 * The address ranges of a cluster's traffic that reaches an appliance: its node subnets, and its pod subnets when
 * pods have addresses of their own (Azure CNI pod subnet) — each only when its effective 0.0.0.0/0 route leads to
 * that appliance. `roles` narrows to node traffic (what the nodes themselves fetch).
 */
export function egressSourcesVia(
  q: ModelQuery,
  c: ClusterResource,
  applianceId: string,
  roles: ReadonlyArray<'nodes' | 'pods'> = ['nodes', 'pods'],
): string[] {
  const path = q.egressPathOf(c.id);
  if (!path) return [];
  return subnetEgress(path)
    .filter((e) => e.via === 'appliance' && e.nextHop === applianceId && roles.includes(e.role))
    .map((e) => q.getAs(e.subnet, 'subnet')?.cidr)
    .filter((x): x is string => x !== undefined && cidr(x) !== undefined);
}

/**
 * Whether the Azure Firewall a cluster egresses through lets one of its egress destinations (by FQDN, not through a
 * private endpoint) through: the verdict the destination allow-list rule reports and the egress narrative tells.
 * Undefined when the destination does not go through an Azure Firewall.
 */
export function destinationVerdict(q: ModelQuery, d: EgressDestinationResource): { firewall: FirewallResource; verdict: FlowVerdict } | undefined {
  if (d.privateEndpoint || !d.fqdn) return undefined;
  const c = q.getAs(d.cluster, 'cluster');
  const fw = c ? q.getAs(egressAppliance(q, c.id), 'azureFirewall') : undefined;
  if (!c || !fw) return undefined;
  const verdict = firewallAllows(fw, {
    fqdn: d.fqdn,
    protocol: d.protocol,
    port: d.port,
    tags: d.category === 'aks-required' ? ['AzureKubernetesService'] : [],
    sources: egressSourcesVia(q, c, fw.id),
  });
  return { firewall: fw, verdict };
}

/**
 * Where a firewall's rules are written, for a check that asks for them: its policy reference, its classic rule
 * collections, or (no collections) the shorthand field left out: `aksFqdnTag` for the names AKS needs when the tag is
 * not stated, else `fqdnAllowRules`.
 */
export function rulesProperty(fw: FirewallResource, aksNames = false): 'policy' | 'classicRules' | 'fqdnAllowRules' | 'aksFqdnTag' {
  if (fw.ruleModel === 'policy') return 'policy';
  if (fw.ruleModel === 'classic') return 'classicRules';
  return aksNames && unstatedShorthand(fw).aksFqdnTag ? 'aksFqdnTag' : 'fqdnAllowRules';
}
