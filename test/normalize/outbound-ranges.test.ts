/**
 * The load balancer outbound values a cluster states are checked against what AKS accepts: the AKS API's
 * ManagedClusterLoadBalancerProfile takes 0–64,000 allocated ports and a 4–120 minute idle timeout, and the ports
 * must be a multiple of 8 (configure-load-balancer-standard). A value outside is a structure/schema error at its
 * line and column, as the other range checks are.
 */
import { describe, expect, it } from 'vitest';
import { join, resolve } from 'node:path';
import { normalize } from '../../src/normalize/normalize.js';
import { validateFile } from '../../src/validate/run-files.js';
import { baseline } from '../helpers/fixture.js';

function outboundIssues(outbound: { allocatedOutboundPorts?: number; idleTimeoutMinutes?: number }) {
  const b = baseline();
  delete b.nodes.routeTable;
  b.aks.outbound = { type: 'loadBalancer', outboundIps: 2, ...outbound };
  const { model, issues } = normalize(b.arch);
  const c = model.resources.find((r) => r.kind === 'cluster')!;
  return { issues: issues.filter((i) => i.path.startsWith('clusters[0].outbound')), outbound: c.kind === 'cluster' ? c.outbound : undefined };
}

describe('allocatedOutboundPorts', () => {
  for (const ports of [4000, 0, 64000, 8]) {
    it(`${ports} is accepted and kept`, () => {
      const r = outboundIssues({ allocatedOutboundPorts: ports });
      expect(r.issues).toEqual([]);
      expect(r.outbound).toMatchObject({ allocatedOutboundPorts: ports });
    });
  }
  for (const [ports, message] of [
    [4001, '"allocatedOutboundPorts" must be a multiple of 8, got 4001'],
    [4004, '"allocatedOutboundPorts" must be a multiple of 8, got 4004'],
    [64008, '"allocatedOutboundPorts" must be at most 64000, got 64008'],
  ] as const) {
    it(`${ports} is a schema error and the value is not used`, () => {
      const r = outboundIssues({ allocatedOutboundPorts: ports });
      expect(r.issues.map((i) => [i.ruleId, i.path, i.message, i.standIn])).toEqual([
        ['structure/schema', 'clusters[0].outbound.allocatedOutboundPorts', message, true],
      ]);
      expect(r.outbound).toMatchObject({ allocatedOutboundPorts: 0 });
    });
  }
});

describe('idleTimeoutMinutes of the load balancer outbound', () => {
  for (const idle of [4, 100, 120]) {
    it(`${idle} minutes is accepted (the AKS API allows 4 to 120)`, () => {
      const r = outboundIssues({ idleTimeoutMinutes: idle });
      expect(r.issues).toEqual([]);
      expect(r.outbound).toMatchObject({ idleTimeoutMinutes: idle });
    });
  }
  for (const [idle, message] of [
    [3, '"idleTimeoutMinutes" must be at least 4, got 3'],
    [121, '"idleTimeoutMinutes" must be at most 120, got 121'],
  ] as const) {
    it(`${idle} minutes is a schema error`, () => {
      expect(outboundIssues({ idleTimeoutMinutes: idle }).issues.map((i) => i.message)).toEqual([message]);
    });
  }
});

describe('positions', () => {
  const dir = resolve(join(import.meta.dirname, '..', 'fixtures', 'egress'));

  it('ports that are not a multiple of 8 are reported at their file:line:col (design D3b)', async () => {
    const v = await validateFile(join(dir, 'd3b-lb-ports.ts'), { asOf: '2026-11-23', config: false });
    const schema = v.result.findings.filter((f) => f.ruleId === 'structure/schema').map((f) => `${f.line}:${f.column} ${f.message}`);
    expect(schema).toEqual(['36:81 "allocatedOutboundPorts" must be a multiple of 8, got 4001']);
  });

  it('design D3: 120 idle minutes is valid, 200 and 70,000 ports are not', async () => {
    const v = await validateFile(join(dir, 'd3-nat-lb-variants.ts'), { asOf: '2026-11-23', config: false });
    const schema = v.result.findings.filter((f) => f.ruleId === 'structure/schema').map((f) => `${f.line}:${f.column} ${f.message}`);
    expect(schema).toEqual([
      '38:65 "outboundIps" must be at least 1, got 0',
      '38:81 "allocatedOutboundPorts" must be at most 64000, got 70000',
      '38:112 "idleTimeoutMinutes" must be at most 120, got 200',
    ]);
  });
});
