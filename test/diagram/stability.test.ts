/**
 * Layout stability: appending one subnet to a design leaves the rest of the picture where it was. The figures
 * (also for a subnet inserted mid-declaration, which reorders ELK's model order) are recorded in docs/diagrams.md.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadArchitecture } from '../../src/load/load-architecture.js';
import { deriveView } from '../../src/diagram/views.js';
import { renderView } from '../../src/diagram/pipeline.js';
import type { ViewName } from '../../src/diagram/index.js';

const example = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'examples', 'a-hub-spoke-baseline.ts');
const dir = mkdtempSync(join(tmpdir(), 'aksnet-stability-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Example (a) with one more (empty) subnet in the spoke, declared last. */
function withExtraSubnet(): string {
  const src = readFileSync(example, 'utf8')
    .replace('const agentsSubnet = subnet(', "const extraSubnet = subnet({ name: 'snet-extra', cidr: '10.240.8.0/27', purpose: 'workload' });\nconst agentsSubnet = subnet(")
    .replace('subnets: [nodesSubnet, appGwSubnet, ingressSubnet, peSubnet, agentsSubnet]', 'subnets: [nodesSubnet, appGwSubnet, ingressSubnet, peSubnet, agentsSubnet, extraSubnet]');
  expect(src).toContain('extraSubnet]');
  const file = join(dir, 'a-plus-subnet.ts');
  writeFileSync(file, src);
  return file;
}

/** How far (px, box centres) each element that is neither new nor an ancestor of a new one moved. */
async function movement(view: ViewName, a: string, b: string): Promise<number[]> {
  const [A, B] = [await loadArchitecture(a), await loadArchitecture(b)];
  const ga = deriveView(A.model, view)!;
  const gb = deriveView(B.model, view)!;
  const [ra, rb] = [await renderView(A.model, ga, { metadata: false }), await renderView(B.model, gb, { metadata: false })];
  const parent = new Map(gb.nodes.map((n) => [n.id, n.parent]));
  const skip = new Set<string>();
  for (const n of gb.nodes.filter((x) => !ga.nodes.some((y) => y.id === x.id))) {
    for (let p: string | undefined = n.id; p !== undefined; p = parent.get(p)) skip.add(p);
  }
  return ga.nodes
    .filter((n) => !skip.has(n.id))
    .map((n) => {
      const p = ra.layout.nodes.get(n.id)!;
      const q = rb.layout.nodes.get(n.id)!;
      return Math.hypot(p.x + p.width / 2 - q.x - q.width / 2, p.y + p.height / 2 - q.y - q.height / 2);
    });
}

describe('layout stability', () => {
  it('keeps unrelated elements in place when a subnet is appended', async () => {
    const plus = withExtraSubnet();
    const topo = await movement('topology', example, plus);
    expect(topo.length).toBeGreaterThan(15);
    // Measured: 21 of 23 unmoved, the other two (siblings below the new subnet) shift by at most 43 px.
    expect(topo.filter((d) => d < 1).length / topo.length).toBeGreaterThanOrEqual(0.85);
    expect(Math.max(...topo)).toBeLessThanOrEqual(60);
    // Views the subnet does not appear in do not change at all.
    for (const view of ['ingress', 'egress', 'control-plane'] as const) expect(Math.max(...(await movement(view, example, plus)))).toBeLessThan(1e-6);
  }, 60_000);
});
