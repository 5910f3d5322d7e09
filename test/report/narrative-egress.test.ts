/**
 * The egress narrative describes the device the traffic leaves through as it is: a Basic load balancer has no
 * outbound rules (a Standard-only feature) and SNATs implicitly, so no Standard outbound-rule defaults are printed;
 * a StandardV2 NAT gateway is zone-redundant by design, not "without availability zones".
 */
import { describe, expect, it } from 'vitest';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadArchitecture } from '../../src/load/load-architecture.js';
import { ModelQuery } from '../../src/model/query.js';
import { egressNarrative } from '../../src/report/narrative.js';

const examples = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'examples');

async function egress(file: string) {
  const { model } = await loadArchitecture(join(examples, file));
  const q = new ModelQuery(model);
  return model.egressPaths.map((e) => egressNarrative(e, q));
}

describe('egress narrative', () => {
  it('example d (Basic load balancer): default SNAT, no outbound rules, no Standard defaults', async () => {
    const [n] = await egress('d-legacy-agic-kubenet.ts');
    const text = JSON.stringify(n);
    expect(text).not.toMatch(/outbound rules on|Outbound rules (use|SNAT)|idle timeout 30|standard load balancer/i);
    expect(n!.summary).toContain('default SNAT of the AKS-managed Basic load balancer, which has no outbound rules');
    const lb = n!.steps.find((s) => s.title.startsWith('Public load balancer'))!;
    expect(lb.text).toContain('a Basic load balancer has no outbound rules');
  });

  it('a Standard load balancer keeps its outbound rules', async () => {
    const { model } = await loadArchitecture(join(examples, 'd-legacy-agic-kubenet.ts'));
    const c = model.resources.find((r) => r.kind === 'cluster')!;
    if (c.kind === 'cluster') c.network.loadBalancerSku = 'standard';
    const [n] = model.egressPaths.map((e) => egressNarrative(e, new ModelQuery(model)));
    expect(n!.summary).toContain('outbound rules on the AKS-managed standard load balancer');
    expect(n!.steps[0]!.text).toContain('Outbound rules use 1 IP, idle timeout 30 minutes.');
  });

  it('example c (Azure CNI pod subnet): pods send from pod subnet snet-aks-pods, which also carries the NAT gateway', async () => {
    const [n] = await egress('c-agc-gateway-api.ts');
    expect(n!.steps[0]!.text).toBe(
      "Node pools system, api in snet-aks-nodes originate the traffic; pods send from their own addresses in pod subnet snet-aks-pods, not their node's.",
    );
    expect(n!.summary).toContain('outbound type user-assigned NAT gateway on the node and pod subnets.');
  });

  it('example b (overlay): the node subnet alone originates the traffic and holds the NAT gateway', async () => {
    const [n] = await egress('b-front-door-private-link.ts');
    expect(n!.steps[0]!.text).toMatch(/^Node pools [^;]* originate the traffic\.$/);
    expect(n!.summary).toContain('outbound type user-assigned NAT gateway on the node subnet.');
  });

  for (const file of ['b-front-door-private-link.ts', 'c-agc-gateway-api.ts', 'e-istio-mesh.ts', 'g-two-region-stamps.ts']) {
    it(`${file}: a StandardV2 NAT gateway is zone-redundant, and no "no zone" default is recorded for it`, async () => {
      const { model } = await loadArchitecture(join(examples, file));
      const q = new ModelQuery(model);
      const v2 = q.all('natGateway').filter((g) => g.sku === 'StandardV2');
      expect(v2.length).toBeGreaterThan(0);
      const steps = model.egressPaths.flatMap((e) => egressNarrative(e, q).steps).filter((s) => v2.some((g) => s.title === `NAT gateway ${g.name}`));
      expect(steps.length).toBeGreaterThan(0);
      for (const s of steps) {
        expect(s.text).toContain('zone-redundant (StandardV2)');
        expect(s.text).not.toContain('no availability zones');
      }
      const paths = new Set(v2.map((g) => `${g.source.path}.zones`));
      expect(model.defaults.filter((d) => paths.has(d.path))).toEqual([]);
    });
  }
});
