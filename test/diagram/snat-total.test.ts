/** The egress view's internet node states the SNAT addresses a partner must allow-list: the real total. */
import { describe, expect, it } from 'vitest';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadArchitecture } from '../../src/load/load-architecture.js';
import { deriveView } from '../../src/diagram/views.js';

const examples = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'examples');

describe('egress view: SNAT IP total', () => {
  it('adds up the egress points of both stamps of the two-region design', async () => {
    const { model } = await loadArchitecture(join(examples, 'g-two-region-stamps.ts'));
    const internet = deriveView(model, 'egress')!.nodes.find((n) => n.kind === 'internet')!;
    // Each stamp leaves through its own NAT gateway with a /31 prefix (2 addresses): 4 in all.
    const perPath = model.egressPaths.map((p) => p.publicIps);
    expect(perPath.length).toBe(2);
    expect(internet.details[0]).toBe(`${perPath[0]! + perPath[1]!} public IPs for SNAT`);
    expect(internet.details[0]).toBe('4 public IPs for SNAT');
    expect(internet.details[1]).toMatch(/^\(2 via .+, 2 via .+\)$/);
  });

  it('counts an egress point shared by several paths once', async () => {
    const { model } = await loadArchitecture(join(examples, 'a-hub-spoke-baseline.ts'));
    const internet = deriveView(model, 'egress')!.nodes.find((n) => n.kind === 'internet')!;
    expect(internet.details).toEqual([`${model.egressPaths[0]!.publicIps} public IPs for SNAT`]);
  });
});
