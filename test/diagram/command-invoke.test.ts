/** `az aks command invoke` is drawn through Azure Resource Manager, never as a network path into the VNet. */
import { describe, expect, it } from 'vitest';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadArchitecture } from '../../src/load/load-architecture.js';
import { deriveView } from '../../src/diagram/views.js';
import { controlPlaneNarrative } from '../../src/report/narrative.js';
import { ModelQuery } from '../../src/model/query.js';

const examples = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'examples');

describe('control-plane view: az aks command invoke', () => {
  for (const file of ['b-front-door-private-link.ts', 'g-two-region-stamps.ts']) {
    it(`goes client → Azure Resource Manager → cluster in ${file}`, async () => {
      const { model } = await loadArchitecture(join(examples, file));
      const g = deriveView(model, 'control-plane')!;
      const actors = g.nodes.filter((n) => n.label === 'az aks command invoke');
      expect(actors.length).toBeGreaterThan(0);
      const arm = g.nodes.find((n) => n.label === 'Azure Resource Manager')!;
      expect(arm).toBeDefined();
      // ARM sits outside every VNet.
      const byId = new Map(g.nodes.map((n) => [n.id, n]));
      for (let p = arm.parent; p !== undefined; p = byId.get(p)?.parent) expect(byId.get(p)!.kind).not.toBe('vnet');
      for (const actor of actors) {
        const out = g.edges.filter((e) => e.from === actor.id);
        expect(out.map((e) => e.to)).toEqual([arm.id]);
      }
      const run = g.edges.filter((e) => e.from === arm.id);
      expect(run.length).toBeGreaterThan(0);
      for (const e of run) expect(byId.get(e.to)!.kind).toBe('cluster');
      // The traffic-flow narrative tells the same story.
      const q = new ModelQuery(model);
      for (const c of q.all('cluster')) {
        const access = model.controlPlaneAccess.filter((x) => x.cluster === c.id);
        const n = controlPlaneNarrative(c, access, q);
        const step = n.steps.find((s) => s.title === 'az aks command invoke');
        if (!access.some((x) => x.kind === 'command-invoke')) continue;
        expect(step!.text).toContain('Azure Resource Manager');
        expect(step!.text).not.toContain('over private networking');
      }
    });
  }
});
