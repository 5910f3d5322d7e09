/**
 * Whether an Azure Firewall's allow rules let one outbound flow through: the single matcher the egress rules share, so
 * the required-FQDN, destination allow-list and DNS-proxy checks cannot disagree about what a rule allows. A rule
 * allows a flow when its protocol and port, its destination (FQDN, FQDN tag, or `*`) and its sources all match.
 * Collection priority and Deny collections are not evaluated: Azure Firewall denies what no rule allows, so the
 * question asked is only whether some Allow rule covers the flow.
 */
import { cidr } from './cidr.js';
import { subnetEgress } from './egress.js';
import { ENCRYPTED_PROTOCOLS } from './kinds.js';
import type { ModelQuery } from './query.js';
import type {
  ClusterResource,
  FirewallApplicationRuleModel,
  FirewallNetworkRuleModel,
  FirewallResource,
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
   * CIDRs the flow leaves from, each of which some rule must cover; empty when the design shows none reaching the
   * firewall (then only destination, protocol and port are matched).
   */
  sources: readonly string[];
}

export type FlowVerdict =
  /** The design states no rules and no shorthand: nothing can be said. */
  | { verdict: 'unknown-rules' }
  | { verdict: 'allowed' }
  /** Only rules that state no sourceAddresses would allow it (for the sources no other rule covers). */
  | { verdict: 'unknown-sources'; rules: string[] }
  /** `near`: the rules that name the destination but miss its protocol, port or sources, described. */
  | { verdict: 'denied'; near: string[] };

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

/** Whether the source entries of the given rules together hold every address of a source range. */
function sourcesCover(entries: readonly string[], source: string): boolean {
  const want = cidr(source);
  if (!want) return false;
  const ranges = entries
    .map(sourceRange)
    .filter((r): r is { first: number; last: number } => r !== undefined)
    .sort((a, b) => a.first - b.first);
  // Each node or pod takes one address of the range: the entries may split it between them.
  let next = want.first;
  for (const r of ranges) {
    if (r.first > next) break;
    if (r.last >= next) next = r.last + 1;
    if (next > want.last) return true;
  }
  return false;
}

/** A rule reduced to what the matcher needs. */
interface Candidate {
  label: string;
  /** Undefined: the rule states no sources. */
  sources?: readonly string[];
  /** Whether the destination is named by the rule (whatever its protocol and port). */
  names: boolean;
  /** Whether it also matches the protocol and port. */
  matches: boolean;
  terms: string;
}

function appCandidate(r: FirewallApplicationRuleModel, flow: FirewallFlow): Candidate {
  const names =
    r.targetFqdns.some((t) => fqdnAllowed(t, flow.fqdn)) ||
    r.fqdnTags.some((t) => flow.tags.some((x) => x.toLowerCase() === t.toLowerCase()));
  const type = appProtocol(flow.protocol);
  return {
    label: `application rule ${r.name} (${r.collection})`,
    ...(r.sourceAddresses ? { sources: r.sourceAddresses } : {}),
    names,
    matches: names && r.protocols.some((p) => p.type === type && p.port === flow.port),
    terms: r.protocols.map((p) => `${p.type}:${p.port}`).join(', '),
  };
}

function networkCandidate(r: FirewallNetworkRuleModel, flow: FirewallFlow): Candidate {
  // A network rule to `*` lets any name through; FQDNs in network rules are exact names.
  const names = r.destinationFqdns.some((d) => fqdnAllowed(d, flow.fqdn)) || r.destinationAddresses.some((a) => a.trim() === '*');
  const transport = flow.protocol === 'udp' ? 'UDP' : 'TCP';
  return {
    label: `network rule ${r.name} (${r.collection})`,
    ...(r.sourceAddresses ? { sources: r.sourceAddresses } : {}),
    names,
    matches:
      names &&
      r.protocols.some((p) => p === transport || p === 'Any') &&
      r.destinationPorts.some((p) => portIncluded(p, flow.port)),
    terms: `${r.protocols.join('/')} ${r.destinationPorts.join(', ')}`,
  };
}

function sourcesText(s: readonly string[] | undefined): string {
  if (s === undefined) return 'no stated sources';
  return s.some((x) => x.trim() === '*') ? 'any source' : s.join(', ');
}

/** Whether the firewall's allow rules (and the shorthand) let the flow through. */
export function firewallAllows(fw: FirewallResource, flow: FirewallFlow): FlowVerdict {
  const short = fw.allowShorthand;
  if (!short && fw.applicationRules === undefined && fw.networkRules === undefined) return { verdict: 'unknown-rules' };
  // The shorthand names what is allowed without protocol, port or source: it is taken at its word.
  if (short?.aksFqdnTag && flow.tags.includes('AzureKubernetesService')) return { verdict: 'allowed' };
  if (short?.fqdns.some((r) => fqdnAllowed(r, flow.fqdn))) return { verdict: 'allowed' };
  const candidates = [
    ...(fw.applicationRules ?? []).map((r) => appCandidate(r, flow)),
    ...(fw.networkRules ?? []).map((r) => networkCandidate(r, flow)),
  ].filter((c) => c.names);
  const matching = candidates.filter((c) => c.matches);
  const sources = flow.sources.length ? flow.sources : undefined;
  const unknownBy = new Set<string>();
  let denied = false;
  for (const s of sources ?? ['*']) {
    const stated = matching.flatMap((c) => c.sources ?? []);
    if (sources ? sourcesCover(stated, s) : matching.some((c) => c.sources !== undefined)) continue;
    const unknown = matching.filter((c) => c.sources === undefined);
    if (unknown.length === 0) denied = true;
    else for (const c of unknown) unknownBy.add(c.label);
  }
  if (denied) {
    const near = candidates.map((c) => `${c.label} allows ${c.terms} from ${sourcesText(c.sources)}`);
    return { verdict: 'denied', near };
  }
  return unknownBy.size ? { verdict: 'unknown-sources', rules: [...unknownBy].sort() } : { verdict: 'allowed' };
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
