import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateFile } from '../../../src/validate/run-files.js';
import { baseline } from '../../helpers/fixture.js';
import { runRuleResult } from '../../helpers/run-rule.js';
import { testRule } from '../../helpers/rule-tester.js';

/** Load balancer egress (no route to the firewall); the apps pool scales to `appsMax` with `appsSurge`. */
function lb(outbound: { outboundIps?: number; allocatedOutboundPorts?: number }, appsMax?: number, appsSurge?: number) {
  return () => {
    const b = baseline();
    delete b.nodes.routeTable;
    b.aks.outbound = { type: 'loadBalancer', ...outbound };
    if (appsMax !== undefined) b.aks.nodePools[1]!.maxCount = appsMax;
    if (appsSurge !== undefined) b.aks.nodePools[1]!.maxSurge = appsSurge;
    return b.arch;
  };
}

const PATH = 'clusters[0].outbound';

testRule('egress/lb-snat-capacity', {
  valid: [
    // system 5 + apps 10 = 15 nodes; every pool surges 10 % rounded up: 1 + 1 = 2
    { name: 'automatic allocation at 15 nodes + surge', arch: lb({}) },
    // Ports come in multiples of 8: 3,760 is the largest that still gives 17 nodes (64,000 ÷ 3,760 = 17.02).
    { name: 'explicit ports that cover 17 nodes exactly', arch: lb({ outboundIps: 1, allocatedOutboundPorts: 3760 }) },
    { name: 'automatic allocation at exactly 50 nodes (5 + 43 + 1 + 1 surge)', arch: lb({ outboundIps: 2 }, 43, 1) },
    {
      name: 'a node subnet routing 0.0.0.0/0 to a firewall (the load balancer carries no egress)',
      arch: () => {
        const b = baseline();
        b.aks.outbound = { type: 'loadBalancer', outboundIps: 1, allocatedOutboundPorts: 8000 };
        return b.arch;
      },
    },
  ],
  invalid: [
    {
      name: 'explicit ports one step of 8 above what 17 nodes allow (16 nodes)',
      arch: lb({ outboundIps: 1, allocatedOutboundPorts: 3768 }),
      findings: [
        {
          messageId: 'explicitPortsShort',
          path: PATH,
          severity: 'error',
          message: 'cluster aks-test: 1 outbound IP × 64,000 ports ÷ 3,768 ports per node = 16 nodes, but the pools can reach 15 nodes + 2 surge = 17',
          evidence: { capacityNodes: 16, maxNodes: 15, surgeNodes: 2 },
        },
      ],
    },
    {
      name: 'explicit ports that cannot cover the pools at maximum scale',
      arch: lb({ outboundIps: 1, allocatedOutboundPorts: 8000 }),
      findings: [
        {
          messageId: 'explicitPortsShort',
          path: PATH,
          severity: 'error',
          message: 'cluster aks-test: 1 outbound IP × 64,000 ports ÷ 8,000 ports per node = 8 nodes, but the pools can reach 15 nodes + 2 surge = 17',
          evidence: { cluster: 'aks-test', outboundIps: 1, allocatedOutboundPorts: 8000, capacityNodes: 8 },
        },
      ],
    },
    {
      name: 'automatic allocation at 51 nodes (one above 50)',
      arch: lb({ outboundIps: 2 }, 44, 1),
      findings: [
        {
          messageId: 'autoAllocationLow',
          path: PATH,
          severity: 'warning',
          message: /^cluster aks-test: automatic SNAT allocation gives [\d,]+ ports per node at 51 nodes \(49 nodes \+ 2 surge\)/,
        },
      ],
    },
    {
      name: 'automatic allocation drops below 1,024 ports per node beyond 50 nodes',
      arch: lb({ outboundIps: 2 }, 60),
      findings: [
        {
          messageId: 'autoAllocationLow',
          path: PATH,
          severity: 'warning',
          message:
            'cluster aks-test: automatic SNAT allocation gives 512 ports per node at 72 nodes (65 nodes + 7 surge), down from 1,024 at 50 nodes or fewer; set allocatedOutboundPorts with enough outbound IPs (2 IPs × 64,000 = 128,000 ports)',
          evidence: { autoPortsPerNode: 512 },
        },
      ],
    },
  ],
});

/**
 * An invalid field of the cluster holds back only the verdicts that read it. The SNAT sum reads the outbound type,
 * IPs and ports and the pools; the idle timeout decides how long a port stays taken, not how many a node gets.
 */
describe('egress/lb-snat-capacity with an invalid outbound field', () => {
  const short = (outbound: Record<string, unknown>, appsMax?: number) => {
    const b = baseline();
    delete b.nodes.routeTable;
    if (appsMax !== undefined) b.aks.nodePools[1]!.maxCount = appsMax;
    // 1 IP × 64,000 ÷ 8,000 = 8 nodes for 15 + 2 surge.
    b.aks.outbound = { type: 'loadBalancer', outboundIps: 1, allocatedOutboundPorts: 8000, ...outbound } as typeof b.aks.outbound;
    return b.arch;
  };
  const run = (arch: ReturnType<typeof short>) => runRuleResult('egress/lb-snat-capacity', arch);

  for (const idle of [200, 3, '30']) {
    it(`an invalid idle timeout (${JSON.stringify(idle)}) does not hide the shortfall`, async () => {
      const r = await run(short({ idleTimeoutMinutes: idle }));
      expect(r.findings.map((f) => f.messageId)).toEqual(['explicitPortsShort']);
      expect(r.unverified ?? []).toEqual([]);
    });
  }

  it('an invalid port count does hold it back, naming the field', async () => {
    // At 60 apps nodes both the stated ports and the automatic allocation (the stand-in 0) fall short.
    const r = await run(short({ allocatedOutboundPorts: 8001 }, 60));
    expect(r.findings).toEqual([]);
    expect(r.unverified).toEqual([
      expect.objectContaining({ ruleId: 'egress/lb-snat-capacity', factPath: 'clusters[0].outbound.allocatedOutboundPorts' }),
    ]);
  });

  it('an invalid outbound IP count holds it back too', async () => {
    const r = await run(short({ outboundIps: 0 }, 60));
    expect(r.findings).toEqual([]);
    expect(r.unverified?.map((u) => u.factPath)).toEqual(['clusters[0].outbound.outboundIps']);
  });

  it('design D3: aks-lb (2 IPs, 4,000 ports, idle 120) is short of its 44 nodes; aks-lb-bad is held by its invalid fields', async () => {
    const file = resolve(import.meta.dirname, '../../fixtures/egress/d3-nat-lb-variants.ts');
    const v = await validateFile(file, { asOf: '2026-11-23', config: false });
    const snat = v.result.findings.filter((f) => f.ruleId === 'egress/lb-snat-capacity');
    expect(snat.map((f) => f.message)).toEqual([
      'cluster aks-lb: 2 outbound IPs × 64,000 ports ÷ 4,000 ports per node = 32 nodes, but the pools can reach 40 nodes + 4 surge = 44',
    ]);
    expect((v.result.unverified ?? []).filter((u) => u.ruleId === 'egress/lb-snat-capacity' && u.elementName === 'aks-lb')).toEqual([]);
  });
});
