/** Flow views of a multi-region design keep the regions visible; single-region designs stay without them. */
import { describe, expect, it } from 'vitest';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadArchitecture } from '../../src/load/load-architecture.js';
import { deriveView } from '../../src/diagram/views.js';

const examples = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'examples');

describe('regions in flow views', () => {
  it('draws both regions of the two-region design in ingress, egress and control-plane views', async () => {
    const { model } = await loadArchitecture(join(examples, 'g-two-region-stamps.ts'));
    for (const view of ['ingress', 'egress', 'control-plane'] as const) {
      const g = deriveView(model, view)!;
      const regions = g.nodes.filter((n) => n.kind === 'region');
      expect(regions.length, view).toBe(2);
      // Every VNet of the view sits in one of them.
      for (const v of g.nodes.filter((n) => n.kind === 'vnet')) expect(regions.map((r) => r.id), `${view} ${v.id}`).toContain(v.parent);
    }
  });

  it('draws no region box in the flow views of a single-region design', async () => {
    const { model } = await loadArchitecture(join(examples, 'a-hub-spoke-baseline.ts'));
    for (const view of ['ingress', 'egress', 'control-plane'] as const) {
      expect(deriveView(model, view)!.nodes.some((n) => n.kind === 'region'), view).toBe(false);
    }
  });
});
