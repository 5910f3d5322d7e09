/**
 * A mesh whose mTLS mode the design leaves unknown: the leg behind the ingress controller is neither mTLS nor
 * plaintext. The model, the narrative, the ingress diagram and the overview all say "not stated", none of them
 * "plaintext" or "encrypted".
 */
import { describe, expect, it } from 'vitest';
import { overview, tlsWords } from '../../src/diagram/overview.js';
import { deriveView } from '../../src/diagram/views.js';
import { normalize } from '../../src/normalize/normalize.js';
import { ModelQuery } from '../../src/model/query.js';
import { pathSegments, undecidedBy } from '../../src/model/tls.js';
import { ingressNarrative } from '../../src/report/narrative.js';
import { baseline } from '../helpers/fixture.js';
import { mutable } from '../helpers/mutable.js';

type Mesh = NonNullable<ReturnType<typeof baseline>['aks']['serviceMesh']>;

function design(mesh: Mesh | undefined, istioRevision?: string) {
  const b = baseline();
  mutable(b.path.hops)[2] = { ...b.path.hops[2]!, tls: 'terminate' };
  b.path.to = { ...b.path.to!, protocol: 'http', port: 8080 };
  if (mesh) b.aks.serviceMesh = mesh;
  if (istioRevision) b.aks.addons = { istioRevision };
  const { model } = normalize(b.arch);
  const p = model.ingressPaths[0]!;
  return { model, p, q: new ModelQuery(model), last: pathSegments(model, p).at(-1)! };
}

describe('the leg into the pods behind an ingress controller', () => {
  it.each([
    ['an Istio add-on without mtls', { kind: 'istio-addon' } as Mesh, undefined],
    ['the add-on inferred from addons.istioRevision', undefined, 'asm-1-27'],
  ])('%s has no TLS state, and the fact that would decide it is named', (_, mesh, rev) => {
    const { model, p, last } = design(mesh, rev);
    expect(last.tls).toBeUndefined();
    expect(undecidedBy(model, p, last)).toEqual({ element: 'cluster:aks-test', property: 'serviceMesh.mtls', name: 'aks-test' });
  });

  it.each([
    ['STRICT', 'mtls'],
    ['PERMISSIVE', 'plaintext'],
    ['DISABLE', 'plaintext'],
  ] as const)('mTLS %s keeps its verdict (%s)', (mtls, tls) => {
    const { model, p, last } = design({ kind: 'istio-addon', mtls });
    expect(last.tls).toBe(tls);
    expect(undecidedBy(model, p, last)).toBeUndefined();
  });

  it('the narrative calls it neither plaintext nor encrypted', () => {
    const { p, q } = design({ kind: 'istio-addon' });
    const n = ingressNarrative(p, q);
    const gateway = n.steps.at(-2)!;
    const pods = n.steps.at(-1)!;
    expect(gateway.text).not.toContain('unencrypted');
    expect(gateway.text).toContain('does not state (serviceMesh.mtls of cluster aks-test)');
    expect(gateway.tags[0]).toEqual({ label: 'mesh mTLS not stated', tone: 'neutral' });
    expect(pods.tags[0]).toEqual({ label: 'mesh mTLS not stated', tone: 'neutral' });
    expect(pods.text).toMatch(/not known: the design does not state its mTLS mode/);
    expect(JSON.stringify(n)).not.toMatch(/plaintext to the pod|mTLS to the pod|Traffic is encrypted on every segment/);
    expect(n.notes).toContain('Encryption not stated (mesh mTLS mode unknown): nginx → the web pods. Every other segment from the client to the pods is encrypted.');
  });

  it('the ingress view and the overview draw it without a TLS state and say "encryption not stated"', () => {
    const { model, last } = design({ kind: 'istio-addon' });
    const drawn = deriveView(model, 'ingress')!.edges.find((e) => e.id === last.edge.id);
    expect(drawn).toBeDefined();
    expect(drawn!.tls).toBeUndefined();
    const g = overview(model)!;
    const step = (g.steps ?? []).find((s) => s.edges.includes(last.edge.id));
    expect(step?.text).toContain(`· ${tlsWords(undefined)}`);
    expect(step?.text).not.toMatch(/plaintext|mutual TLS/);
  });
});
