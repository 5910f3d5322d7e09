/**
 * How nodes and in-cluster agents reach the API server, per API server mode, said the same way by the model, the
 * control-plane diagram and the narrative: with a public endpoint they call it over the internet from the cluster's
 * egress IPs; kubelet reaches a private endpoint or a VNet-integrated internal IP itself, while the konnectivity
 * tunnel carries only the API server's calls back to the nodes (and there is none with VNet Integration).
 */
import { describe, expect, it } from 'vitest';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadArchitecture } from '../../src/load/load-architecture.js';
import { deriveView } from '../../src/diagram/views.js';
import { controlPlaneNarrative } from '../../src/report/narrative.js';
import { ModelQuery } from '../../src/model/query.js';
import type { Model } from '../../src/model/types.js';

const examples = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'examples');

async function load(file: string): Promise<{ model: Model; q: ModelQuery }> {
  const { model } = await loadArchitecture(join(examples, file));
  return { model, q: new ModelQuery(model) };
}

function narratives(model: Model, q: ModelQuery) {
  return q.all('cluster').map((c) => controlPlaneNarrative(c, model.controlPlaneAccess.filter((a) => a.cluster === c.id), q));
}

/** Labels of the control-plane view's edges into an API server, by the access path's kind. */
function apiEdgeLabels(model: Model, kind: 'nodes' | 'gitops'): string[] {
  const g = deriveView(model, 'control-plane')!;
  const ids = new Set(model.controlPlaneAccess.filter((a) => a.kind === kind).map((a) => a.id));
  const edges = g.edges.filter((e) => [...ids].some((id) => e.id === `access:${id}` || model.edges.some((m) => m.id === e.id && m.path === id)));
  return edges.map((e) => e.label ?? '');
}

describe('control-plane paths of nodes and in-cluster agents', () => {
  for (const file of ['c-agc-gateway-api.ts', 'd-legacy-agic-kubenet.ts']) {
    it(`public API server (${file}): nodes and GitOps reach it over the internet`, async () => {
      const { model, q } = await load(file);
      for (const a of model.controlPlaneAccess.filter((x) => x.kind === 'nodes' || x.kind === 'gitops')) expect(a.overInternet).toBe(true);
      for (const n of narratives(model, q)) {
        const nodes = n.steps.find((s) => s.title === 'Nodes (kubelet)')!;
        expect(nodes.tags.map((t) => t.label)).toEqual(['over the internet']);
        expect(nodes.text).toContain('over the internet to its public endpoint');
        expect(nodes.text).toContain("from the cluster's egress IPs");
        expect(nodes.text).not.toContain('private networking');
        const gitops = n.steps.find((s) => s.title === 'GitOps agent');
        if (gitops) expect(gitops.tags.map((t) => t.label)).toEqual(['over the internet']);
        const note = n.notes.find((x) => x.startsWith('Access over the internet:'))!;
        expect(note).toContain('Nodes (kubelet)');
        if (gitops) expect(note).toContain('GitOps agent');
      }
      const labels = apiEdgeLabels(model, 'nodes');
      expect(labels.length).toBeGreaterThan(0);
      for (const l of labels) expect(l).toBe('kubelet :443 · internet');
      for (const l of apiEdgeLabels(model, 'gitops')) expect(l).toBe('https:443 · internet');
    });
  }

  it('c states a GitOps agent: its edge is drawn through the internet', async () => {
    const { model } = await load('c-agc-gateway-api.ts');
    expect(apiEdgeLabels(model, 'gitops')).toEqual(['https:443 · internet']);
  });

  for (const file of ['b-front-door-private-link.ts', 'g-two-region-stamps.ts']) {
    it(`VNet Integration (${file}): nodes reach the internal IP directly, with no konnectivity label`, async () => {
      const { model, q } = await load(file);
      for (const a of model.controlPlaneAccess.filter((x) => x.kind === 'nodes' || x.kind === 'gitops')) expect(a.overInternet).toBe(false);
      for (const l of apiEdgeLabels(model, 'nodes')) expect(l).toBe('kubelet :443 (internal IP)');
      for (const n of narratives(model, q)) {
        const nodes = n.steps.find((s) => s.title === 'Nodes (kubelet)')!;
        expect(nodes.text).toContain('internal IP');
        expect(nodes.text).not.toContain('konnectivity');
      }
      expect(JSON.stringify(deriveView(model, 'control-plane'))).not.toContain('konnectivity');
    });
  }

  for (const file of ['a-hub-spoke-baseline.ts', 'f-internal-only.ts']) {
    it(`private cluster (${file}): kubelet reaches the private endpoint; konnectivity carries the calls back`, async () => {
      const { model, q } = await load(file);
      for (const a of model.controlPlaneAccess.filter((x) => x.kind === 'nodes' || x.kind === 'gitops')) expect(a.overInternet).toBe(false);
      for (const l of apiEdgeLabels(model, 'nodes')) expect(l).toBe('kubelet :443 (private IP)');
      for (const n of narratives(model, q)) {
        const nodes = n.steps.find((s) => s.title === 'Nodes (kubelet)')!;
        expect(nodes.tags.map((t) => t.label)).toEqual(['private network']);
        expect(nodes.text).toContain('through its private endpoint');
        expect(nodes.text).not.toContain('through the konnectivity tunnel');
      }
    });
  }
});

/**
 * Azure Bastion only opens an RDP/SSH session to a VM, and kubectl runs there: the model, the control-plane drawing and
 * the narrative say Bastion → jump box → API server when the entry names the VM, and that the kubectl host is not
 * stated when it does not. https://learn.microsoft.com/azure/bastion/vnet-peering
 */
describe('administrators through Bastion', () => {
  for (const file of ['b-front-door-private-link.ts', 'e-istio-mesh.ts', 'g-two-region-stamps.ts']) {
    it(`${file}: Bastion opens a session to the jump box, which runs kubectl`, async () => {
      const { model, q } = await load(file);
      const paths = model.controlPlaneAccess.filter((a) => a.kind === 'admins' && q.get(a.via)?.kind === 'bastion');
      expect(paths.length).toBeGreaterThan(0);
      const g = deriveView(model, 'control-plane')!;
      for (const a of paths) {
        expect(q.get(a.from)?.kind).toBe('jumpBox');
        const edges = model.edges.filter((e) => e.path === a.id).map((e) => [e.from, e.to, e.label]);
        const c = q.getAs(a.cluster, 'cluster')!;
        expect(edges).toEqual([
          [a.via, a.from, 'RDP/SSH session'],
          [a.from, c.apiServerEndpoint, 'kubectl :443'],
        ]);
        // Nothing draws Bastion straight to the API server.
        expect(g.edges.some((e) => e.from === a.via && e.to === c.apiServerEndpoint)).toBe(false);
        expect(g.edges.some((e) => e.from === a.via && e.to === a.from && e.label === 'RDP/SSH session')).toBe(true);
        expect(g.edges.some((e) => e.from === a.from && e.to === c.apiServerEndpoint && e.label === 'kubectl :443')).toBe(true);
        const step = controlPlaneNarrative(c, [a], q).steps[0]!;
        expect(step.text).toMatch(new RegExp(`^Path: Azure Bastion ${q.name(a.via!)} \\(Standard\\) → RDP/SSH session to jump box ${q.name(a.from)}, which runs kubectl → API server`));
      }
    });
  }

  for (const file of ['a-hub-spoke-baseline.ts', 'f-internal-only.ts']) {
    it(`${file}: a Bastion entry that names no VM says the kubectl host is not stated`, async () => {
      const { model, q } = await load(file);
      const a = model.controlPlaneAccess.find((x) => x.kind === 'admins' && q.get(x.via)?.kind === 'bastion')!;
      expect(a.from).toBe(a.via);
      expect(model.unknown.map((u) => u.path)).toContain(`${a.source.path}.jumpBox`);
      const c = q.getAs(a.cluster, 'cluster')!;
      expect(model.edges.filter((e) => e.path === a.id).map((e) => e.label)).toEqual(['kubectl host not stated']);
      const g = deriveView(model, 'control-plane')!;
      expect(g.edges.find((e) => e.from === a.via && e.to === c.apiServerEndpoint)?.label).toBe('kubectl host not stated');
      const step = controlPlaneNarrative(c, [a], q).steps[0]!;
      expect(step.text).toContain('→ a VM the design does not name (the kubectl host is not stated; name it with jumpBox) → API server');
      expect(step.tags.map((t) => t.label)).toContain('kubectl host not stated');
    });
  }
});
