/**
 * Evaluating a flow against a subnet NSG's stated rules, in priority order, with Azure's default rules
 * below them (AllowVNetInBound / AllowAzureLoadBalancerInBound / DenyAllInBound; AllowVnetOutBound /
 * AllowInternetOutBound / DenyAllOutBound).
 * https://learn.microsoft.com/azure/virtual-network/network-security-groups-overview
 */
import { cidr, isIpv4, overlaps, type CidrRange } from '../../model/cidr.js';
import type { Id, NormalizedNsgRule } from '../../model/types.js';

/** One side of a flow: the service tags that name it, and/or the addresses and subnet it is. */
export interface FlowEnd {
  /** Service tags (lower case) a rule may name for this end, e.g. `gatewaymanager`, `internet`. */
  tags: string[];
  range?: CidrRange;
  subnet?: Id;
  /** Whether the end lies inside the VNet (the VirtualNetwork tag). */
  inVnet: boolean;
}

export interface Flow {
  direction: 'inbound' | 'outbound';
  protocol: 'tcp' | 'udp';
  source: FlowEnd;
  destination: FlowEnd;
}

/** The verdict for one port: the first stated rule that matches, or the default rule that applies. */
export type Verdict =
  | { access: 'allow' | 'deny'; rule: NormalizedNsgRule; index: number }
  | { access: 'allow' | 'deny'; rule?: undefined; defaultRule: string };

function rangeOf(text: string): CidrRange | undefined {
  return cidr(text) ?? (isIpv4(text) ? cidr(`${text}/32`) : undefined);
}

function endMatches(text: string, ref: Id | undefined, end: FlowEnd): boolean {
  if (ref) return ref === end.subnet;
  const t = text.toLowerCase();
  if (t === '*' || t === 'any') return true;
  if (t === 'virtualnetwork') return end.inVnet;
  if (end.tags.includes(t)) return true;
  const r = rangeOf(text);
  return r !== undefined && end.range !== undefined && overlaps(r, end.range);
}

function ruleMatches(r: NormalizedNsgRule, flow: Flow, port: number): boolean {
  return (
    r.direction === flow.direction &&
    (r.protocol === '*' || r.protocol === flow.protocol) &&
    r.ports.some(([from, to]) => port >= from && port <= to) &&
    endMatches(r.source, r.sourceSubnet, flow.source) &&
    endMatches(r.destination, r.destinationSubnet, flow.destination)
  );
}

function defaultVerdict(flow: Flow): Verdict {
  if (flow.direction === 'inbound') {
    if (flow.source.inVnet && flow.destination.inVnet) return { access: 'allow', defaultRule: 'AllowVNetInBound' };
    if (flow.source.tags.includes('azureloadbalancer'))
      return { access: 'allow', defaultRule: 'AllowAzureLoadBalancerInBound' };
    return { access: 'deny', defaultRule: 'DenyAllInBound' };
  }
  if (flow.source.inVnet && flow.destination.inVnet) return { access: 'allow', defaultRule: 'AllowVnetOutBound' };
  if (flow.destination.tags.includes('internet')) return { access: 'allow', defaultRule: 'AllowInternetOutBound' };
  return { access: 'deny', defaultRule: 'DenyAllOutBound' };
}

/** What the NSG does with the flow on one port. */
export function verdictAt(rules: readonly NormalizedNsgRule[], flow: Flow, port: number): Verdict {
  let best: { rule: NormalizedNsgRule; index: number } | undefined;
  rules.forEach((rule, index) => {
    if (ruleMatches(rule, flow, port) && (!best || rule.priority < best.rule.priority)) best = { rule, index };
  });
  return best ? { access: best.rule.access, ...best } : defaultVerdict(flow);
}

/**
 * The first port of `[from, to]` the NSG denies, with its verdict; undefined when every port is
 * allowed. The verdict changes only where a rule's port range starts (`a`) or just after it ends
 * (`b + 1`), so a denied stretch starts at `from` or at one of those: they are the ports probed.
 */
export function firstDenied(
  rules: readonly NormalizedNsgRule[],
  flow: Flow,
  [from, to]: [number, number],
): { port: number; verdict: Verdict } | undefined {
  const probes = new Set<number>([from]);
  for (const r of rules) {
    for (const [a, b] of r.ports) for (const p of [a, b + 1]) if (p >= from && p <= to) probes.add(p);
  }
  for (const port of [...probes].sort((x, y) => x - y)) {
    const verdict = verdictAt(rules, flow, port);
    if (verdict.access === 'deny') return { port, verdict };
  }
  return undefined;
}

/**
 * The ports of `[from, to]` the NSG denies for a flow, as maximal ranges in port order. The verdict can only change
 * at a rule's range boundary, so one probe per boundary decides each stretch between two boundaries.
 */
export function deniedPorts(rules: readonly NormalizedNsgRule[], flow: Flow, [from, to]: [number, number]): Array<[number, number]> {
  const probes = new Set<number>([from]);
  for (const r of rules) {
    for (const [a, b] of r.ports) for (const p of [a, b + 1]) if (p >= from && p <= to) probes.add(p);
  }
  const starts = [...probes].sort((x, y) => x - y);
  const out: Array<[number, number]> = [];
  starts.forEach((start, i) => {
    if (verdictAt(rules, flow, start).access !== 'deny') return;
    const end = i + 1 < starts.length ? starts[i + 1]! - 1 : to;
    const last = out.at(-1);
    if (last && last[1] + 1 === start) last[1] = end;
    else out.push([start, end]);
  });
  return out;
}

/** "all ports", "port 22", "ports 1-442, 444-65535" for ranges of `[1, 65535]` (three ranges named at most). */
export function portsText(ranges: ReadonlyArray<readonly [number, number]>): string {
  if (ranges.length === 1 && ranges[0]![0] <= 1 && ranges[0]![1] >= 65535) return 'all ports';
  const one = (r: readonly [number, number]) => (r[0] === r[1] ? `${r[0]}` : `${r[0]}-${r[1]}`);
  const shown = ranges.slice(0, 3).map(one).join(', ');
  const more = ranges.length > 3 ? ` and ${ranges.length - 3} more ranges` : '';
  return ranges.length === 1 && ranges[0]![0] === ranges[0]![1] ? `port ${shown}` : `ports ${shown}${more}`;
}

/** The deciding rule's name, stated or default. */
export function verdictRuleName(v: Verdict): string {
  return v.rule ? v.rule.name : v.defaultRule;
}

/** "rule deny-all (priority 4000)" or "the default rule DenyAllInBound". */
export function verdictText(v: Verdict): string {
  return v.rule ? `rule ${v.rule.name} (priority ${v.rule.priority})` : `the default rule ${v.defaultRule}`;
}
