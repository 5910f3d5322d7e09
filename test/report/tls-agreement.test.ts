/**
 * The traffic-flow narrative and the ingress diagram agree on encryption: both read the per-segment TLS state
 * of src/model/tls.ts. An Istio STRICT mTLS last hop is never "plaintext to the pod".
 */
import { describe, expect, it } from 'vitest';
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadArchitecture } from '../../src/load/load-architecture.js';
import { deriveView } from '../../src/diagram/views.js';
import { ModelQuery } from '../../src/model/query.js';
import { isEncrypted, pathSegments } from '../../src/model/tls.js';
import { ingressNarrative } from '../../src/report/narrative.js';

const examples = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'examples');

describe('TLS state per segment', () => {
  it('is mTLS on the last segment of the Istio STRICT example, in the narrative and in the diagram', async () => {
    const { model } = await loadArchitecture(join(examples, 'e-istio-mesh.ts'));
    const q = new ModelQuery(model);
    const meshPaths = model.ingressPaths.filter((p) => pathSegments(model, p).at(-1)?.tls === 'mtls');
    expect(meshPaths.length).toBeGreaterThan(0);
    const view = deriveView(model, 'ingress')!;
    for (const p of meshPaths) {
      const n = ingressNarrative(p, q);
      const pod = n.steps.at(-1)!;
      expect(pod.tags.map((t) => t.label)).toContain('mTLS to the pod (mesh)');
      expect(JSON.stringify(n)).not.toContain('plaintext to the pod');
      const last = pathSegments(model, p).at(-1)!;
      expect(view.edges.find((e) => e.id === last.edge.id)?.tls).toBe('mtls');
    }
  });

  it('example e: the Istio gateway step says the mesh re-encrypts, as the next step and the diagram do', async () => {
    const { model } = await loadArchitecture(join(examples, 'e-istio-mesh.ts'));
    const q = new ModelQuery(model);
    const meshPaths = model.ingressPaths.filter((p) => pathSegments(model, p).at(-1)?.tls === 'mtls');
    expect(meshPaths.length).toBeGreaterThan(0);
    for (const p of meshPaths) {
      const n = ingressNarrative(p, q);
      const gateway = n.steps.at(-2)!;
      expect(gateway.title).toMatch(/^Istio ingress gateway/);
      expect(gateway.text).not.toContain('unencrypted');
      expect(gateway.text).toContain('the service mesh (mTLS STRICT) re-encrypts the next segment');
      expect(gateway.tags[0]).toEqual({ label: 'TLS terminated · mTLS onward', tone: 'good' });
    }
  });

  it('gives the same answer to the narrative and the diagram on every ingress path of the seven examples', async () => {
    let checked = 0;
    for (const f of readdirSync(examples).filter((x) => x.endsWith('.ts'))) {
      const { model } = await loadArchitecture(join(examples, f));
      const q = new ModelQuery(model);
      const view = deriveView(model, 'ingress');
      for (const p of model.ingressPaths) {
        const segs = pathSegments(model, p);
        const n = ingressNarrative(p, q);
        // Every segment the narrative calls unencrypted is unencrypted in the model the diagram draws, and back.
        const plain = segs.slice(1).filter((s) => !isEncrypted(s.tls)).length;
        const note = n.notes.find((x) => x.startsWith('Unencrypted segments:') || x.startsWith('Traffic is encrypted'))!;
        if (plain === 0 && isEncrypted(segs[0]?.tls)) expect(note, `${f} ${p.id}`).toMatch(/^Traffic is encrypted/);
        else expect(note, `${f} ${p.id}`).toMatch(/^Unencrypted segments:/);
        if (p.target) {
          const pod = n.steps.at(-1)!.tags[0]!.label;
          expect(pod.startsWith('plaintext'), `${f} ${p.id}`).toBe(!isEncrypted(segs.at(-1)?.tls));
        }
        // A hop's own sentence never calls an encrypted onward segment unencrypted.
        n.steps.slice(1, 1 + p.hops.length).forEach((step, i) => {
          if (isEncrypted(segs[i + 1]?.tls)) expect(step.text, `${f} ${p.id} hop ${i + 1}`).not.toContain('unencrypted');
        });
        for (const s of segs) {
          const drawn = view?.edges.find((e) => e.id === s.edge.id);
          if (drawn) expect(drawn.tls, `${f} ${s.edge.id}`).toBe(s.tls);
        }
        checked++;
      }
    }
    expect(checked).toBeGreaterThanOrEqual(7);
  });
});
