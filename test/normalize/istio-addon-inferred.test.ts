/**
 * An Istio add-on revision (addons.istioRevision) only exists on a cluster with the Istio-based service mesh add-on
 * enabled: without a serviceMesh the model infers the add-on (mTLS mode unknown) instead of "no mesh", and a stated
 * mesh of another kind contradicts the revision.
 */
import { describe, expect, it } from 'vitest';
import { normalize } from '../../src/normalize/normalize.js';
import type { ClusterResource } from '../../src/model/types.js';
import { baseline } from '../helpers/fixture.js';

const clusterOf = (m: ReturnType<typeof normalize>['model']) => m.resources.find((r): r is ClusterResource => r.kind === 'cluster')!;

describe('a cluster with addons.istioRevision', () => {
  it('without serviceMesh has the Istio add-on (inferred) and an unknown mTLS mode', () => {
    const b = baseline();
    b.aks.addons = { istioRevision: 'asm-1-27' };
    const { model, issues } = normalize(b.arch);
    expect(issues).toEqual([]);
    expect(clusterOf(model).serviceMesh).toEqual({ kind: 'istio-addon' });
    expect(model.defaults.filter((d) => d.path.startsWith('clusters[0].serviceMesh'))).toEqual([
      expect.objectContaining({ path: 'clusters[0].serviceMesh.kind', value: 'istio-addon', inferred: true }),
    ]);
    expect(model.unknown.filter((u) => u.path.startsWith('clusters[0].serviceMesh')).map((u) => u.path)).toEqual(['clusters[0].serviceMesh.mtls']);
  });

  it('without serviceMesh and without a revision still has no mesh (platform default)', () => {
    const { model } = normalize(baseline().arch);
    expect(clusterOf(model).serviceMesh).toEqual({ kind: 'none' });
    expect(model.defaults.find((d) => d.path === 'clusters[0].serviceMesh.kind')).toMatchObject({ value: 'none', source: expect.stringContaining('istio-about') });
  });

  it.each([
    ['none', { kind: 'none' as const }],
    ['self-managed', { kind: 'self-managed' as const, product: 'linkerd', mtls: 'STRICT' as const }],
  ])('with a stated serviceMesh of kind %s is a schema issue', (kind, mesh) => {
    const b = baseline();
    b.aks.addons = { istioRevision: 'asm-1-27' };
    b.aks.serviceMesh = mesh;
    const { issues } = normalize(b.arch);
    expect(issues).toEqual([
      expect.objectContaining({
        ruleId: 'structure/schema',
        path: 'clusters[0].addons.istioRevision',
        message: expect.stringMatching(new RegExp(`asm-1-27 .*Istio-based service mesh add-on.*serviceMesh\\.kind is "${kind}"`)),
      }),
    ]);
  });

  it('with a stated istio-addon mesh agrees (no issue)', () => {
    const b = baseline();
    b.aks.addons = { istioRevision: 'asm-1-27' };
    b.aks.serviceMesh = { kind: 'istio-addon', mtls: 'STRICT' };
    const { model, issues } = normalize(b.arch);
    expect(issues).toEqual([]);
    expect(clusterOf(model).serviceMesh).toEqual({ kind: 'istio-addon', mtls: 'STRICT' });
  });
});
