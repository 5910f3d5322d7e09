/**
 * A field stated with a value of the wrong shape reaches the model as a stand-in (the first allowed value, or the
 * platform default). No rule may judge that stand-in: its verdicts on the element become checks that could not run,
 * naming the invalid field, beside the structure/schema error. The same rules still judge a design that states the
 * value the stand-in would have been, so a test here fails both when verdicts leak and when they are lost.
 */
import { describe, expect, it } from 'vitest';
import { normalize } from '../../src/normalize/normalize.js';
import { validateModel } from '../../src/validate/validate.js';
import { baseline } from '../helpers/fixture.js';

type Base = ReturnType<typeof baseline>;

async function run(change: (b: Base) => void) {
  const b = baseline();
  change(b);
  const { model, issues } = normalize(b.arch);
  return validateModel(model, issues, { file: 'd.ts', asOf: '2026-12-03' });
}

interface Case {
  name: string;
  /** The design with the invalid value. */
  invalid: (b: Base) => void;
  /** The same design stating the stand-in value itself: the rule then judges it. */
  standIn: (b: Base) => void;
  element: (b: Base) => string;
  rule: string;
  field: string;
  factPath: string;
}

/**
 * Rules whose verdicts on the element read none of the fields these cases state wrongly (`reads`), so they still
 * judge it: the support window of the cluster's version reads only the version and the tier.
 */
const STANDING = ['lifecycle/kubernetes-version'];

const set = (o: object, key: string, v: unknown): void => {
  (o as Record<string, unknown>)[key] = v;
};

const cases: Case[] = [
  {
    name: 'a CNI typo (kubenet stands in)',
    invalid: (b) => set(b.aks.network, 'cni', 'azure'),
    standIn: (b) => set(b.aks.network, 'cni', 'kubenet'),
    element: (b) => b.aks.name,
    rule: 'lifecycle/kubenet',
    field: 'network.cni',
    factPath: 'clusters[0].network.cni',
  },
  {
    name: 'a missing CNI',
    invalid: (b) => set(b.aks.network, 'cni', undefined),
    standIn: (b) => set(b.aks.network, 'cni', 'kubenet'),
    element: (b) => b.aks.name,
    rule: 'cni/cilium-dataplane-cni',
    field: 'network.cni',
    factPath: 'clusters[0].network.cni',
  },
  {
    name: 'a WAF mode in the wrong case (Detection stands in)',
    invalid: (b) => set(b.appGw.waf!, 'mode', 'prevention'),
    standIn: (b) => set(b.appGw.waf!, 'mode', 'Detection'),
    element: (b) => b.appGw.name,
    rule: 'ingress/waf-detection-mode',
    field: 'waf.mode',
    factPath: 'ingress[0].hops[0].via.waf.mode',
  },
  {
    name: 'an API server mode in the wrong case (public stands in)',
    invalid: (b) => set(b.aks.apiServer!, 'mode', 'Private'),
    standIn: (b) => set(b.aks.apiServer!, 'mode', 'public'),
    element: (b) => b.aks.name,
    rule: 'control-plane/public-without-authorized-ranges',
    field: 'apiServer.mode',
    factPath: 'clusters[0].apiServer.mode',
  },
];

describe('verdicts on an element with an invalid field are held back', () => {
  for (const c of cases) {
    it(`${c.name}: a schema error and a held check, no verdict on the stand-in`, async () => {
      const r = await run(c.invalid);
      const b = baseline();
      const id = (f: { element?: string; elementName?: string }) => f.elementName ?? f.element;
      expect(r.findings.some((f) => f.ruleId === 'structure/schema')).toBe(true);
      // Nothing but the schema problems themselves is said about the element, by any rule that reads the field.
      expect(r.findings.filter((f) => id(f) === c.element(b) && !f.ruleId.startsWith('structure/') && !STANDING.includes(f.ruleId)).map((f) => f.ruleId)).toEqual([]);
      const held = r.unverified!.find((u) => u.ruleId === c.rule);
      expect(held).toMatchObject({ elementName: c.element(b), factPath: c.factPath, fact: `a valid ${c.field}` });
      expect(held!.message).toContain(`${c.field} is invalid`);
    });

    it(`${c.name}: the rule does judge the stand-in when the design states it`, async () => {
      const r = await run(c.standIn);
      expect(r.findings.some((f) => f.ruleId === 'structure/schema')).toBe(false);
      expect(r.findings.map((f) => f.ruleId)).toContain(c.rule);
    });
  }

  it('a number given as a string: the firewall SNAT check waits for it, other elements are still judged', async () => {
    const r = await run((b) => {
      set(b.firewall, 'publicIps', '20');
      set(b.arch.metadata, 'environment', 'production');
      b.aks.network.cni = 'kubenet';
      b.aks.network.dataplane = 'azure';
      b.aks.network.networkPolicy = 'calico';
    });
    const held = r.unverified!.filter((u) => u.elementName === 'afw-hub' && u.factPath === 'network.firewalls[0].publicIps');
    expect(held.map((u) => u.ruleId)).toContain('egress/firewall-snat-capacity');
    expect(r.findings.some((f) => f.elementName === 'afw-hub' && !f.ruleId.startsWith('structure/'))).toBe(false);
    // The cluster's own field is valid: its kubenet verdict stands.
    expect(r.findings.map((f) => f.ruleId)).toContain('lifecycle/kubenet');
  });

  it("a pool's invalid maxSurge holds back the capacity verdict on its subnet, which counts the pool's surge", async () => {
    // Flat Azure CNI, one node with 13 pods in a /27 (27 usable) beside an internal LB frontend: no surge needs
    // 14 + 1 addresses, one surge node 28 + 1. The 10 % stand-in for an invalid maxSurge is one surge node.
    const flat = (surge: unknown) => (b: Base) => {
      b.aks.network = { cni: 'azure-nodesubnet', dataplane: 'cilium', networkPolicy: 'cilium', defaultDeny: true, serviceCidr: '172.16.0.0/16', dnsServiceIP: '172.16.0.10' };
      b.nodes.cidr = '10.1.0.0/27';
      const system = b.aks.nodePools[0]!;
      b.aks.nodePools = [system];
      for (const k of ['minCount', 'maxCount'] as const) delete system[k];
      set(system, 'count', 1);
      set(system, 'maxPods', 13);
      set(system, 'maxSurge', surge);
    };
    const capacity = (r: Awaited<ReturnType<typeof run>>) => r.findings.filter((f) => f.ruleId === 'address/node-subnet-capacity');
    const invalid = await run(flat('0'));
    expect(capacity(invalid)).toEqual([]);
    const held = invalid.unverified!.find((u) => u.ruleId === 'address/node-subnet-capacity');
    expect(held).toMatchObject({ elementName: 'system', factPath: 'clusters[0].nodePools[0].maxSurge', fact: 'a valid maxSurge' });
    expect(capacity(await run(flat(0)))).toEqual([]);
    expect(capacity(await run(flat('10%'))).map((f) => f.message)).toEqual([expect.stringContaining('need 30')]);
  });

  it('an invalid field holds back only the verdicts that read it: an idle timeout leaves the SNAT and filtering verdicts standing', async () => {
    // Load balancer egress, 1 IP × 64,000 ÷ 8,000 ports = 8 nodes for 15 + 2 surge, unfiltered, in production.
    const lbEgress = (outbound: Record<string, unknown>) => (b: Base) => {
      delete b.nodes.routeTable;
      set(b.arch.metadata, 'environment', 'production');
      b.aks.network.fqdnFiltering = false;
      set(b.aks, 'outbound', { type: 'loadBalancer', outboundIps: 1, allocatedOutboundPorts: 8000, ...outbound });
    };
    const verdicts = (r: Awaited<ReturnType<typeof run>>) =>
      r.findings.filter((f) => f.ruleId === 'egress/lb-snat-capacity' || f.ruleId === 'egress/no-egress-control').map((f) => f.ruleId);
    const held = (r: Awaited<ReturnType<typeof run>>) =>
      r.unverified!.filter((u) => u.ruleId === 'egress/lb-snat-capacity' || u.ruleId === 'egress/no-egress-control').map((u) => `${u.ruleId} ${u.factPath}`);
    const valid = await run(lbEgress({ idleTimeoutMinutes: 30 }));
    expect(verdicts(valid)).toEqual(['egress/lb-snat-capacity', 'egress/no-egress-control']);
    const idle = await run(lbEgress({ idleTimeoutMinutes: 200 }));
    expect(idle.findings.some((f) => f.ruleId === 'structure/schema' && f.path === 'clusters[0].outbound.idleTimeoutMinutes')).toBe(true);
    expect(verdicts(idle)).toEqual(verdicts(valid));
    expect(held(idle)).toEqual([]);
    // An invalid type is read by both.
    const type = await run(lbEgress({ type: 'loadbalancer' }));
    expect(verdicts(type)).toEqual([]);
    expect(held(type)).toEqual(['egress/lb-snat-capacity clusters[0].outbound.type', 'egress/no-egress-control clusters[0].outbound.type']);
  });

  it("a field of an egress destination stated wrongly, or an unknown key in it, is the destination's, not the cluster's", () => {
    const b = baseline();
    set(b.aks, 'egressDestinations', [{ name: 'partner', fqdn: 'api.partner.example', port: '443', portt: 443 }]);
    const { issues } = normalize(b.arch);
    const held = issues.filter((i) => i.standIn && i.path.startsWith('clusters[0].egressDestinations[0]'));
    expect(held.map((i) => [i.path, i.element])).toEqual([
      ['clusters[0].egressDestinations[0].port', 'egressDestination:aks-test/partner'],
      ['clusters[0].egressDestinations[0].portt', 'egressDestination:aks-test/partner'],
    ]);
  });

  it('the schema message names a value that differs only in case', async () => {
    const r = await run((b) => set(b.aks.apiServer!, 'mode', 'Private'));
    const schema = r.findings.find((f) => f.ruleId === 'structure/schema');
    expect(schema!.message).toMatch(/got "Private" \(did you mean "private"\?\)$/);
  });
});
