/**
 * The traffic-flow narrative says which hop sees the client's address: a hop that keeps its source address behind
 * a hop that replaced it passes on that hop's address, not the client's (as ingress/client-ip-claim judges it).
 * Resource names keep their own case in its sentences.
 */
import { describe, expect, it } from 'vitest';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadArchitecture } from '../../src/load/load-architecture.js';
import { ModelQuery } from '../../src/model/query.js';
import { ingressNarrative } from '../../src/report/narrative.js';

const examples = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'examples');

describe('narrative: the client IP along a path', () => {
  it("example f: the firewall passes the client IP to the gateway; behind the gateway the ILB passes the gateway's", async () => {
    const { model } = await loadArchitecture(join(examples, 'f-internal-only.ts'));
    const q = new ModelQuery(model);
    const path = model.ingressPaths.find((p) => p.name === 'erp-portal')!;
    const n = ingressNarrative(path, q);
    const text = (name: string) => n.steps.find((s) => s.title.includes(name))!;
    // Hop 1, the firewall (preservesClientIp: true, nothing replaced yet).
    expect(text('afw-hub-gwc').text).toContain("It passes the client's source IP on to agw-erp-gwc.");
    expect(text('afw-hub-gwc').tags.map((t) => t.label)).toContain('client IP kept');
    // Hop 2, the Application Gateway, replaces it.
    expect(text('agw-erp-gwc').tags.map((t) => t.label)).toContain('client IP replaced');
    // Hop 3, the internal load balancer, keeps the source it gets: the gateway's.
    const ilb = text('ilb-');
    expect(ilb.text).toMatch(/It passes on the source address it receives, so contour-internal sees the address of agw-erp-gwc, not the client's\./);
    expect(ilb.tags.map((t) => t.label)).toEqual(expect.arrayContaining(['client IP replaced earlier']));
    expect(JSON.stringify(n)).not.toMatch(/still sees the client|Contour-internal|Agw-erp-gwc/);
  });

  for (const [file, pathName] of [['b-front-door-private-link.ts', 'storefront'], ['g-two-region-stamps.ts', 'bookings-weu']] as const) {
    it(`${file}: behind Front Door and the Private Link service the controller sees the PLS's NAT IP`, async () => {
      const { model } = await loadArchitecture(join(examples, file));
      const q = new ModelQuery(model);
      const path = model.ingressPaths.find((p) => p.name === pathName)!;
      const pls = q.getAs(path.hops.find((h) => h.resourceKind === 'privateLinkService')!.resource, 'privateLinkService')!;
      const ilb = ingressNarrative(path, q).steps.find((s) => s.title.startsWith('Internal load balancer'))!;
      expect(ilb.text).toContain(`sees a NAT IP of ${pls.name} (from its NAT subnet ${q.name(pls.subnet)}), not the client's.`);
      expect(ilb.text).not.toMatch(/sees the address of afd-/);
    });
  }
});
