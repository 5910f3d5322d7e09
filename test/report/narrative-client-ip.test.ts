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
import { normalize } from '../../src/normalize/normalize.js';
import type { Hop } from '../../dsl/index.js';
import { baseline } from '../helpers/fixture.js';

const examples = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'examples');

describe('narrative: the client IP along a path', () => {
  it("example f: the firewall passes the client IP to the gateway; behind the gateway the ILB (not stated) may pass the gateway's", async () => {
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
    // Hop 3, the internal load balancer, does not say whether it keeps the source it gets (the gateway's).
    const ilb = text('ilb-');
    expect(ilb.text).toContain(
      "The client's source IP is already replaced at agw-erp-gwc, so contour-internal does not see it: it sees the address of " +
        'agw-erp-gwc if this hop passes on the address it receives, which is not stated (preservesClientIp): a LoadBalancer ' +
        'Service keeps it only with externalTrafficPolicy: Local; the default, Cluster, replaces it with a node IP.',
    );
    expect(ilb.tags.map((t) => t.label)).toEqual(expect.arrayContaining(['client IP replaced earlier']));
    expect(ilb.tags.map((t) => t.label)).not.toContain('client IP kept');
    expect(JSON.stringify(n)).not.toMatch(/still sees the client|Contour-internal|Agw-erp-gwc/);
  });

  for (const [file, pathName] of [['b-front-door-private-link.ts', 'storefront'], ['g-two-region-stamps.ts', 'bookings-weu']] as const) {
    it(`${file}: behind Front Door and the Private Link service the controller sees the PLS's NAT IP`, async () => {
      const { model } = await loadArchitecture(join(examples, file));
      const q = new ModelQuery(model);
      const path = model.ingressPaths.find((p) => p.name === pathName)!;
      const pls = q.getAs(path.hops.find((h) => h.resourceKind === 'privateLinkService')!.resource, 'privateLinkService')!;
      const ilb = ingressNarrative(path, q).steps.find((s) => s.title.startsWith('Internal load balancer'))!;
      expect(ilb.text).toContain(
        `sees a NAT IP of ${pls.name} (from its NAT subnet ${q.name(pls.subnet)}) if this hop passes on the address it receives, which is not stated (preservesClientIp)`,
      );
      expect(ilb.text).not.toMatch(/sees the address of afd-/);
    });
  }

  describe('a load balancer hop: the client IP only as far as the design states it', () => {
    /** The baseline's internal load balancer as the only hop (to the web pods), with `preservesClientIp` as given. */
    function lbOnly(preserves: boolean | undefined, then?: Hop) {
      const b = baseline();
      b.path.hops = [
        { via: b.ilb, protocol: 'https', port: 443, tls: 'passthrough', ...(preserves === undefined ? {} : { preservesClientIp: preserves }) },
        ...(then ? [then] : []),
      ];
      const { model } = normalize(b.arch);
      const q = new ModelQuery(model);
      return ingressNarrative(model.ingressPaths[0]!, q);
    }
    const step = (n: ReturnType<typeof lbOnly>, name: string) => n.steps.find((s) => s.title.includes(name))!;
    const labels = (n: ReturnType<typeof lbOnly>, name: string) => step(n, name).tags.map((t) => t.label);

    it('unstated: neither kept nor replaced, and the notes say it depends on the load balancer', () => {
      const n = lbOnly(undefined);
      expect(step(n, 'ilb-ingress').text).toContain(
        "Whether it passes the client's source IP on to the web pods is not stated (preservesClientIp): a LoadBalancer Service " +
          'keeps it only with externalTrafficPolicy: Local; the default, Cluster, replaces it with a node IP.',
      );
      expect(labels(n, 'ilb-ingress')).toContain('client IP not stated');
      expect(JSON.stringify(n)).not.toMatch(/client IP kept|It passes the client's source IP|survives to the pods\./);
      expect(n.notes).toContain('Whether the client IP survives to the pods is not stated: it depends on ilb-ingress (preservesClientIp).');
    });

    it('stated true: kept, and the client IP survives to the pods', () => {
      const n = lbOnly(true);
      expect(step(n, 'ilb-ingress').text).toContain("It passes the client's source IP on to the web pods.");
      expect(labels(n, 'ilb-ingress')).toContain('client IP kept');
      expect(n.notes).toContain('The client IP survives to the pods.');
    });

    it('stated false: replaced (SNAT)', () => {
      const n = lbOnly(false);
      expect(step(n, 'ilb-ingress').text).toContain('The source IP is replaced (SNAT); the client IP does not reach the next hop.');
      expect(labels(n, 'ilb-ingress')).toContain('client IP replaced');
      expect(n.notes).toContain('The client IP is replaced at ilb-ingress; backends must rely on X-Forwarded-For (or PROXY protocol) for the original address.');
    });

    it('a hop that keeps what it receives, behind an unstated load balancer: whether it is the client\'s is not stated', () => {
      const b = baseline();
      const n = lbOnly(undefined, { via: b.ic, protocol: 'tcp', port: 443, tls: 'passthrough', preservesClientIp: true });
      expect(step(n, 'nginx').text).toContain(
        "It passes on the source address it receives; whether that is still the client's is not stated (preservesClientIp of ilb-ingress).",
      );
      expect(labels(n, 'nginx')).toContain('client IP not stated');
      expect(labels(n, 'nginx')).not.toContain('client IP kept');
    });

    it('a firewall hop without DNAT that does not say: not stated, with what decides it', () => {
      const b = baseline();
      b.path.hops = [{ via: b.firewall, protocol: 'https', port: 443, tls: 'passthrough' }];
      const { model } = normalize(b.arch);
      const n = ingressNarrative(model.ingressPaths[0]!, new ModelQuery(model));
      expect(step(n, 'afw-hub').text).toContain(
        "Whether it passes the client's source IP on to the web pods is not stated (preservesClientIp): network rules to private ranges keep it, application rules replace it.",
      );
      expect(labels(n, 'afw-hub')).toEqual(expect.arrayContaining(['client IP not stated']));
    });

    it('the other components are unchanged: the App Gateway of the baseline replaces it, X-Forwarded-For', () => {
      const { model } = normalize(baseline().arch);
      const n = ingressNarrative(model.ingressPaths[0]!, new ModelQuery(model));
      expect(step(n, 'agw-test').text).toContain('the client IP survives only in the X-Forwarded-For header.');
      expect(labels(n, 'agw-test')).toContain('client IP replaced');
      expect(n.notes).toContain('The client IP is replaced at agw-test; backends must rely on X-Forwarded-For (or PROXY protocol) for the original address.');
    });
  });
});
