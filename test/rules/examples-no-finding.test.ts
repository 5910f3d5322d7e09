/**
 * A rule's `meta.example` shows the fix, so placed into a well-formed design it must not raise that
 * rule. Examples that are one complete builder call (no elided fields, no declarations around it) are
 * evaluated with the DSL builders and put in place of the baseline part of the same kind (the part keeps
 * its identity, so every reference to it now sees the example); a subnet or VNet the baseline has no
 * counterpart for is added in its own VNet. The other examples (properties, hops, partial calls,
 * several statements, or names the baseline cannot bind such as a pod subnet) are only type-checked
 * (examples.test.ts); `NOT_PLACED` is computed from those criteria, plus the rules the baseline itself
 * breaks elsewhere (`BASELINE_BREAKS`, each with its reason).
 */
import { describe, expect, it } from 'vitest';
import * as dsl from '../../dsl/index.js';
import { loadRules } from '../../src/validate/registry.js';
import type { RuleMeta } from '../../src/validate/rule.js';
import { baseline } from '../helpers/fixture.js';
import { runRule } from '../helpers/run-rule.js';

type Baseline = ReturnType<typeof baseline>;
type Part = Record<string, unknown> & { kind?: string };

const metas: RuleMeta[] = (await loadRules()).map((r) => r.meta);
const BUILDERS = Object.entries(dsl).filter(([, v]) => typeof v === 'function') as Array<
  [string, (...a: unknown[]) => unknown]
>;

/** One complete builder call, e.g. `subnet({ … }); // comment`, as an expression; else undefined. */
function singleCall(example: string): string | undefined {
  const code = example
    .replace(/\/\/.*$/gm, '')
    .trim()
    .replace(/;$/, '');
  if (code.includes('/*') || /^(const|let)\b/.test(code) || code.includes(';')) return undefined;
  return /^[a-zA-Z]+\(/.test(code) && code.endsWith(')') ? code : undefined;
}

/** Cluster properties an example may show (`network: { cni: … }`, `apiServer: { … }`), as an object expression. */
function clusterProperties(example: string): string | undefined {
  const code = example
    .replace(/\/\/.*$/gm, '')
    .trim()
    .replace(/,$/, '');
  if (code.includes('/*') || !/^(network|apiServer|nodePools|controlPlaneAccess)\s*:/.test(code)) return undefined;
  // An architecture's `network: { peerings: … }` is not the cluster's network.
  if (/^network\s*:\s*\{\s*(peerings|vnets|firewalls)\b/.test(code)) return undefined;
  return `{ ${code} }`;
}

/** Evaluates the call with the builders and the baseline's parts bound to the names examples use. */
function evaluate(code: string, b: Baseline): Part {
  const scope: Record<string, unknown> = {
    ...Object.fromEntries(BUILDERS),
    appGwSubnet: b.appGwSubnet,
    ingressSubnet: b.nodes,
    nodes: b.nodes,
    fwSubnet: b.fwSubnet,
    aks: b.aks,
    firewall: b.firewall,
    hub: b.hub,
    spoke: b.spoke,
    appGw: b.appGw,
    ilb: b.ilb,
    agcSubnet: dsl.subnet({
      name: 'snet-agc',
      cidr: '10.1.8.0/24',
      purpose: 'agc',
      delegation: 'Microsoft.ServiceNetworking/trafficControllers',
    }),
    rtToFirewall: b.rt,
  };
  const names = Object.keys(scope);
  // eslint-disable-next-line @typescript-eslint/no-implied-eval -- the example is the repository's own DSL text
  return new Function(...names, `return (${code});`)(...names.map((n) => scope[n])) as Part;
}

/** Replaces `target`'s contents with `part`'s, keeping its identity (references to it follow). */
function replace(target: object, part: Part): void {
  for (const k of Object.keys(target)) delete (target as Record<string, unknown>)[k];
  Object.assign(target, part);
}

/** Puts the part into the baseline; false when the baseline has no place for its kind. */
function place(b: Baseline, part: Part): boolean {
  const arch = b.arch as unknown as { network: { vnets: Part[] } };
  switch (part.kind) {
    case 'applicationGateway':
      replace(b.appGw, part);
      return true;
    case 'loadBalancer':
      replace(b.ilb, part);
      return true;
    case 'ingressController':
      replace(b.ic, part);
      return true;
    case 'azureFirewall':
      replace(b.firewall, part);
      return true;
    case 'routeTable':
      replace(b.rt, part);
      return true;
    case 'nodePool': {
      const pools = (b.aks as unknown as { nodePools: Part[] }).nodePools;
      replace(pools[part.mode === 'system' ? 0 : 1]!, part);
      return true;
    }
    case 'subnet': {
      const same = { 'application-gateway': b.appGwSubnet, 'aks-nodes': b.nodes, firewall: b.fwSubnet }[
        String(part.purpose)
      ];
      if (same) replace(same, part);
      else
        arch.network.vnets.push(
          dsl.vnet({
            name: 'vnet-example',
            region: 'westeurope',
            addressSpace: [String(part.cidr)],
            subnets: [part as never],
          }) as never,
        );
      return true;
    }
    case 'vnet':
      arch.network.vnets.push(part);
      return true;
    default:
      return false;
  }
}

const BASELINE_BREAKS = ['address/subnet-nsg-missing', 'ingress/internal-lb-subnet'];

/** Examples that are only type-checked: not one complete call, naming an unbound part, or of a kind with no place. */
const NOT_PLACED = new Set([
  ...metas.filter((m) => m.example && !placeable(m)).map((m) => m.id),
  // The baseline itself breaks these rules elsewhere (subnets without NSGs; its only subnet for an
  // internal load balancer is the node subnet), so placing the example cannot show a clean result.
  ...BASELINE_BREAKS,
]);

/** Puts the example into a fresh baseline; false when it has no place there. */
function put(example: string, b: Baseline): boolean {
  const call = singleCall(example);
  if (call) return place(b, evaluate(call, b));
  const props = clusterProperties(example);
  if (!props) return false;
  // The cluster's properties the example shows replace the baseline's (the rest of the cluster stays).
  Object.assign(b.aks, evaluate(props, b));
  return true;
}

function placeable(m: RuleMeta): boolean {
  if (!m.example) return false;
  const b = baseline();
  try {
    return put(m.example, b);
  } catch (e) {
    if (e instanceof ReferenceError) return false; // a part the baseline has no binding for
    throw e;
  }
}

describe('meta.example placed into the baseline raises no finding of its own rule', () => {
  const placed = metas.filter((m) => m.example && !NOT_PLACED.has(m.id));
  it('places most single-call examples', () => {
    expect(placed.length).toBeGreaterThanOrEqual(60);
    // For the report of what is covered: the ids only type-checked.
    console.info(`examples only type-checked (${NOT_PLACED.size}): ${[...NOT_PLACED].join(', ')}`);
  });
  for (const m of placed) {
    it(m.id, async () => {
      const b = baseline();
      expect(put(m.example!, b)).toBe(true);
      const findings = await runRule(m.id, b.arch);
      expect(findings.map((f) => `${f.severity} ${f.message}`)).toEqual([]);
    });
  }
});

describe('the placement is not vacuous', () => {
  it('an example that does not fix the problem raises its rule', async () => {
    const cases: Array<[string, string]> = [
      [
        'ingress/waf-missing',
        "applicationGateway({ name: 'agw', sku: 'Standard_v2', subnet: appGwSubnet, frontend: 'public', management: 'standalone' })",
      ],
      [
        'address/bastion-subnet-size',
        "subnet({ name: 'AzureBastionSubnet', cidr: '10.200.0.128/27', purpose: 'bastion' })",
      ],
      [
        'reliability/node-pool-zones',
        "nodePool({ name: 'apps', mode: 'user', vmSize: 'Standard_D8ds_v5', minCount: 3, maxCount: 12, subnet: nodes, zones: [] })",
      ],
      [
        'cni/network-policy-missing',
        "network: { cni: 'azure-overlay', podCidr: '192.168.0.0/16', networkPolicy: 'none' }",
      ],
    ];
    for (const [id, example] of cases) {
      const b = baseline();
      expect(put(example, b)).toBe(true);
      expect((await runRule(id, b.arch)).length, id).toBeGreaterThan(0);
    }
  });
});
