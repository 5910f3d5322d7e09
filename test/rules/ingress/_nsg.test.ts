/** The NSG evaluator the ingress and CNI rules share: rule matching, priority, Azure's default rules, port probing. */
import { describe, expect, it } from 'vitest';
import { cidr } from '../../../src/model/cidr.js';
import type { NormalizedNsgRule } from '../../../src/model/types.js';
import {
  firstDenied,
  verdictAt,
  verdictRuleName,
  verdictText,
  type Flow,
  type FlowEnd,
} from '../../../src/rules/ingress/_nsg.js';

function rule(over: Partial<NormalizedNsgRule> & Pick<NormalizedNsgRule, 'name' | 'priority'>): NormalizedNsgRule {
  return {
    direction: 'inbound',
    access: 'allow',
    protocol: '*',
    source: '*',
    destination: '*',
    ports: [[0, 65535]],
    ...over,
  };
}

const internet: FlowEnd = { tags: ['internet'], inVnet: false };
const gatewaySubnet: FlowEnd = { tags: [], range: cidr('10.1.4.0/24')!, subnet: 'subnet:app', inVnet: true };
const nodeSubnet: FlowEnd = { tags: [], range: cidr('10.1.0.0/22')!, subnet: 'subnet:nodes', inVnet: true };
const loadBalancer: FlowEnd = { tags: ['azureloadbalancer'], inVnet: false };

const inbound = (source: FlowEnd, destination: FlowEnd = gatewaySubnet, protocol: 'tcp' | 'udp' = 'tcp'): Flow => ({
  direction: 'inbound',
  protocol,
  source,
  destination,
});
const outbound = (destination: FlowEnd, source: FlowEnd = gatewaySubnet): Flow => ({
  direction: 'outbound',
  protocol: 'tcp',
  source,
  destination,
});

/** The name of the rule that decides `flow` on `port`. */
const decider = (rules: NormalizedNsgRule[], flow: Flow, port = 443) => verdictRuleName(verdictAt(rules, flow, port));

describe("Azure's default rules", () => {
  it('inbound: VNet to VNet allowed, the load balancer probe allowed, everything else denied', () => {
    expect(verdictAt([], inbound(nodeSubnet), 443)).toEqual({ access: 'allow', defaultRule: 'AllowVNetInBound' });
    expect(verdictAt([], inbound(loadBalancer), 443)).toEqual({
      access: 'allow',
      defaultRule: 'AllowAzureLoadBalancerInBound',
    });
    expect(verdictAt([], inbound(internet), 443)).toEqual({ access: 'deny', defaultRule: 'DenyAllInBound' });
    expect(verdictAt([], inbound(internet, nodeSubnet), 443)).toEqual({
      access: 'deny',
      defaultRule: 'DenyAllInBound',
    });
  });
  it('outbound: VNet to VNet allowed, to the internet allowed, anything else denied', () => {
    expect(verdictAt([], outbound(nodeSubnet), 443)).toEqual({ access: 'allow', defaultRule: 'AllowVnetOutBound' });
    expect(verdictAt([], outbound(internet), 443)).toEqual({ access: 'allow', defaultRule: 'AllowInternetOutBound' });
    expect(verdictAt([], outbound(nodeSubnet, internet), 443)).toEqual({
      access: 'deny',
      defaultRule: 'DenyAllOutBound',
    });
    const storage: FlowEnd = { tags: ['storage'], inVnet: false };
    expect(verdictAt([], outbound(storage), 443)).toEqual({ access: 'deny', defaultRule: 'DenyAllOutBound' });
  });
});

describe('stated rules', () => {
  const denyAll = rule({ name: 'deny-all', priority: 4000, access: 'deny' });

  it('the lowest priority number wins, whatever the order; on a tie the first listed', () => {
    const allow = rule({ name: 'allow-443', priority: 100, ports: [[443, 443]] });
    expect(verdictAt([denyAll, allow], inbound(internet), 443)).toMatchObject({ access: 'allow', index: 1 });
    expect(verdictAt([allow, denyAll], inbound(internet), 443)).toMatchObject({ access: 'allow', index: 0 });
    const twin = rule({ name: 'deny-443', priority: 100, access: 'deny', ports: [[443, 443]] });
    expect(decider([allow, twin], inbound(internet))).toBe('allow-443');
    expect(decider([twin, allow], inbound(internet))).toBe('deny-443');
  });
  it('direction, protocol and port must all match', () => {
    const out = rule({ name: 'out', priority: 100, direction: 'outbound', access: 'deny' });
    expect(decider([out], inbound(nodeSubnet))).toBe('AllowVNetInBound');
    const udp = rule({ name: 'udp', priority: 100, protocol: 'udp', access: 'deny' });
    expect(decider([udp], inbound(nodeSubnet))).toBe('AllowVNetInBound');
    expect(decider([udp], inbound(nodeSubnet, gatewaySubnet, 'udp'))).toBe('udp');
    const tcp = rule({ name: 'tcp', priority: 100, protocol: 'tcp', access: 'deny' });
    expect(decider([tcp], inbound(nodeSubnet))).toBe('tcp');
    const ports = rule({
      name: 'ports',
      priority: 100,
      access: 'deny',
      ports: [
        [80, 80],
        [8000, 8080],
      ],
    });
    expect(decider([ports], inbound(nodeSubnet), 80)).toBe('ports');
    expect(decider([ports], inbound(nodeSubnet), 8080)).toBe('ports');
    expect(decider([ports], inbound(nodeSubnet), 8081)).toBe('AllowVNetInBound');
    expect(decider([ports], inbound(nodeSubnet), 443)).toBe('AllowVNetInBound');
  });
  it('an end matches by `*` or Any, the VirtualNetwork tag, another service tag, an address range or a subnet', () => {
    const deny = (over: Partial<NormalizedNsgRule>) => [rule({ name: 'r', priority: 100, access: 'deny', ...over })];
    expect(decider(deny({ source: 'Any' }), inbound(nodeSubnet))).toBe('r');
    expect(decider(deny({ source: 'VirtualNetwork' }), inbound(nodeSubnet))).toBe('r');
    expect(decider(deny({ source: 'VirtualNetwork' }), inbound(internet))).toBe('DenyAllInBound');
    expect(decider(deny({ source: 'Internet' }), inbound(internet))).toBe('r');
    expect(decider(deny({ source: 'Internet' }), inbound(nodeSubnet))).toBe('AllowVNetInBound');
    expect(decider(deny({ source: '10.1.2.0/24' }), inbound(nodeSubnet))).toBe('r');
    expect(decider(deny({ source: '10.1.2.7' }), inbound(nodeSubnet))).toBe('r');
    expect(decider(deny({ source: '10.1.4.7' }), inbound(nodeSubnet))).toBe('AllowVNetInBound');
    expect(decider(deny({ source: '10.1.2.0/24' }), inbound(loadBalancer))).toBe('AllowAzureLoadBalancerInBound');
    expect(decider(deny({ source: 'not-an-address' }), inbound(nodeSubnet))).toBe('AllowVNetInBound');
    expect(decider(deny({ destination: '10.1.4.0/25' }), inbound(nodeSubnet))).toBe('r');
    expect(decider(deny({ destination: '10.1.5.0/24' }), inbound(nodeSubnet))).toBe('AllowVNetInBound');
  });
  it('a subnet reference matches that subnet only, not another subnet with an overlapping range', () => {
    const bySubnet = rule({
      name: 'r',
      priority: 100,
      access: 'deny',
      source: '10.1.0.0/22',
      sourceSubnet: 'subnet:nodes',
    });
    expect(decider([bySubnet], inbound(nodeSubnet))).toBe('r');
    const sameRange: FlowEnd = { ...nodeSubnet, subnet: 'subnet:other' };
    expect(decider([bySubnet], inbound(sameRange))).toBe('AllowVNetInBound');
  });
});

describe('firstDenied', () => {
  const denyLow = rule({ name: 'deny-low', priority: 100, access: 'deny', ports: [[100, 199]] });
  const allowAll = rule({ name: 'allow-all', priority: 200 });

  it('finds the first denied port at a rule boundary inside the range, or none', () => {
    expect(firstDenied([denyLow, allowAll], inbound(internet), [50, 300])?.port).toBe(100);
    expect(firstDenied([denyLow, allowAll], inbound(internet), [150, 300])?.port).toBe(150);
    expect(firstDenied([denyLow, allowAll], inbound(internet), [200, 300])).toBeUndefined();
    expect(firstDenied([denyLow, allowAll], inbound(internet), [1, 99])).toBeUndefined();
  });
  it('probes the port just past an allowed range', () => {
    const allowLow = rule({ name: 'allow-low', priority: 100, ports: [[100, 199]] });
    const hit = firstDenied([allowLow], inbound(internet), [100, 300]);
    expect(hit?.port).toBe(200);
    expect(verdictText(hit!.verdict)).toBe('the default rule DenyAllInBound');
    expect(firstDenied([allowLow], inbound(internet), [1, 199])?.port).toBe(1);
    const allowHigh = rule({ name: 'allow-high', priority: 100, ports: [[200, 300]] });
    expect(firstDenied([allowHigh], inbound(internet), [150, 300])?.port).toBe(150);
    expect(firstDenied([allowHigh], inbound(internet), [200, 300])).toBeUndefined();
    const middle = rule({
      name: 'allow-middle',
      priority: 100,
      ports: [
        [100, 150],
        [152, 300],
      ],
    });
    expect(firstDenied([middle], inbound(internet), [100, 300])?.port).toBe(151);
  });
  it('finds a denial that starts at the last port of the range', () => {
    const allowLow = rule({ name: 'allow-low', priority: 100, ports: [[100, 199]] });
    const denyHigh = rule({ name: 'deny-high', priority: 100, access: 'deny', ports: [[200, 300]] });
    expect(firstDenied([allowLow, denyHigh], inbound(internet), [100, 200])?.port).toBe(200);
    expect(firstDenied([allowLow, denyHigh], inbound(internet), [100, 199])).toBeUndefined();
  });
  it('reports the lowest denied port whatever the order of the rules', () => {
    const denyHigh = rule({ name: 'deny-high', priority: 100, access: 'deny', ports: [[250, 260]] });
    const denyMid = rule({ name: 'deny-mid', priority: 100, access: 'deny', ports: [[150, 160]] });
    const hit = firstDenied([denyHigh, denyMid, allowAll], inbound(internet), [100, 300]);
    expect(hit?.port).toBe(150);
    expect(verdictRuleName(hit!.verdict)).toBe('deny-mid');
  });
  it('names the deciding stated rule', () => {
    const hit = firstDenied([denyLow, allowAll], inbound(internet), [50, 300])!;
    expect(verdictRuleName(hit.verdict)).toBe('deny-low');
    expect(verdictText(hit.verdict)).toBe('rule deny-low (priority 100)');
  });
});
