/**
 * A key that is no field of the DSL (a misspelling arriving through a spread, a cast or a .js design) is a
 * structure/schema error at the part, with a did-you-mean from the part's own keys. The known keys are
 * generated from dsl/types.ts, and the committed list must match the types.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cluster, defineArchitecture, nodePool, subnet, vnet } from '../../dsl/index.js';
import { normalize } from '../../src/normalize/normalize.js';
import { baseline } from '../helpers/fixture.js';
// @ts-expect-error: a plain .mjs script without declarations
import { generate } from '../../scripts/gen-dsl-keys.mjs';

const unknown = (input: unknown) => normalize(input).issues.filter((i) => i.message.startsWith('unknown key'));

describe('unknown keys on DSL parts', () => {
  it('the committed key list is the one dsl/types.ts gives', () => {
    const committed = readFileSync(resolve(import.meta.dirname, '../../src/normalize/dsl-keys.generated.ts'), 'utf8');
    expect((generate as () => string)()).toBe(committed);
  });

  it('reports misspelt keys that arrive through spreads, with the DSL path and a did-you-mean', () => {
    const POOL_DEFAULTS = { vmSize: 'Standard_D4ds_v5', zones: [1, 2, 3] as Array<1 | 2 | 3>, maxPod: 20, maxSurg: '33%' };
    const CNI = { cni: 'azure-nodesubnet' as const, networkPolicy: 'cilium' as const, dataPlane: 'cilium' };
    const n = subnet({ name: 'snet-a', cidr: '10.1.0.0/24', purpose: 'aks-nodes' });
    const va = vnet({ name: 'vnet-a', region: 'westeurope', addressSpace: ['10.1.0.0/16'], subnets: [n] });
    const aks = cluster({
      name: 'aks',
      region: 'westeurope',
      network: { ...CNI },
      nodePools: [nodePool({ ...POOL_DEFAULTS, name: 'system', mode: 'system', count: 3, subnet: n })],
    });
    const issues = unknown(defineArchitecture({ metadata: { title: 't' }, network: { vnets: [va] }, clusters: [aks] }));
    expect(issues.map((i) => [i.ruleId, i.path, i.element])).toEqual([
      ['structure/schema', 'clusters[0].network.dataPlane', 'cluster:aks'],
      ['structure/schema', 'clusters[0].nodePools[0].maxPod', 'nodePool:aks/system'],
      ['structure/schema', 'clusters[0].nodePools[0].maxSurg', 'nodePool:aks/system'],
    ]);
    expect(issues[0]!.message).toContain('(did you mean "dataplane"?)');
    expect(issues[1]!.message).toContain('unknown key "maxPod" in nodePool "system" (did you mean "maxPods"?)');
    expect(issues[2]!.message).toContain('(did you mean "maxSurge"?)');
    // The element's verdicts are held back: the model holds no maxPods, not the 20 the design meant.
    expect(issues.every((i) => i.standIn)).toBe(true);
  });

  it('checks the architecture and plain objects nested in parts (a JS design has no type check)', () => {
    const b = baseline();
    const arch = b.arch as unknown as Record<string, Record<string, unknown>>;
    arch.metadata!.titel = 'x';
    (b.aks as unknown as Record<string, Record<string, unknown>>).apiServer!.publicFQDN = false;
    (b.fwSubnet as unknown as Record<string, unknown>).nsgs = [];
    expect(unknown(b.arch).map((i) => i.path).sort()).toEqual([
      'clusters[0].apiServer.publicFQDN',
      'metadata.titel',
      'network.vnets[0].subnets[0].nsgs',
    ]);
  });

  it('does not flag what the builders add (kind, source site) or a well-formed design', () => {
    expect(unknown(baseline().arch)).toEqual([]);
  });

  it('ignores a key set to undefined', () => {
    const b = baseline();
    (b.nodes as unknown as Record<string, unknown>).notAField = undefined;
    expect(unknown(b.arch)).toEqual([]);
  });
});
