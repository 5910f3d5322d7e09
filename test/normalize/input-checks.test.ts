/**
 * The input checks name each bad part by its shortest path, the one the normalizer uses first: the
 * path is spelt out from parent links only when an issue needs it, so it must still be exact.
 */
import { describe, expect, it } from 'vitest';
import { checkInput } from '../../src/normalize/input-checks.js';
import { baseline } from '../helpers/fixture.js';

describe('checkInput paths', () => {
  it('names a nested part by its first, shortest path', () => {
    const b = baseline();
    b.nodes.name = 'snet/nodes';
    // The node subnet is also reached through the node pools, later and deeper: the VNet path wins.
    const issues = checkInput(b.arch).filter((i) => i.ruleId === 'structure/invalid-name');
    expect(issues.map((i) => i.path)).toEqual(['network.vnets[1].subnets[0].name']);
  });

  it('spells array indices and keys at every depth, and the root part as plain "name"', () => {
    const issues = checkInput({
      kind: 'architecture',
      name: ' ',
      clusters: [{}, { kind: 'cluster', name: 'aks', nodePools: [{}, {}, { kind: 'nodePool', name: 'bad\u0007' }] }],
    });
    expect(issues.map((i) => i.path)).toEqual(['name', 'clusters[1].nodePools[2].name']);
  });
});
