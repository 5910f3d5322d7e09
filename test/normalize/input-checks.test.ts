/**
 * The input checks name each bad part by its shortest path, the one the normalizer uses first: the
 * path is spelt out from parent links only when an issue needs it, so it must still be exact.
 */
import { describe, expect, it } from 'vitest';
import { checkInput } from '../../src/normalize/input-checks.js';
import { normalize } from '../../src/normalize/normalize.js';
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

  it('names a bad part by the path and element the model reads it under, not by a shorter way the walk met it', () => {
    // A build agent pool in the node subnet reaches its route table in five steps, the VNet in six: the finding named
    // the build agents (the element whose path is the longest prefix) instead of the route table.
    const b = baseline();
    b.rt.name = 'rt\u0007egress';
    const network = b.arch.network as unknown as Record<string, unknown>;
    network.buildAgents = [{ kind: 'buildAgents', name: 'gh-runners', hosting: 'self-hosted', subnet: b.nodes }];
    const walked = checkInput(b.arch).find((i) => i.ruleId === 'structure/invalid-name')!;
    expect(walked.path).toBe('network.buildAgents[0].subnet.routeTable.name');
    const issue = normalize(b.arch).issues.find((i) => i.ruleId === 'structure/invalid-name')!;
    expect(issue.path).toBe('network.vnets[1].subnets[0].routeTable.name');
    expect(issue.element).toBe('routeTable:rt\u0007egress');
  });
});
