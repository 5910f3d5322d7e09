import { describe, expect, it } from 'vitest';
import { baseline } from '../../helpers/fixture.js';
import { runRule } from '../../helpers/run-rule.js';

const ID = 'egress/lb-snat-capacity';

function lb(outbound: { outboundIps?: number; allocatedOutboundPorts?: number }) {
  const b = baseline();
  delete b.nodes.routeTable;
  b.aks.outbound = { type: 'loadBalancer', ...outbound };
  return b;
}

describe(ID, () => {
  it('passes with automatic allocation at 15 nodes + surge', async () => {
    // system 5 + apps 10 = 15 nodes; every pool surges 10 % rounded up: 1 + 1 = 2
    expect(await runRule(ID, lb({}).arch)).toEqual([]);
  });

  it('passes with explicit ports that cover max nodes + surge, and fails one port above', async () => {
    expect(await runRule(ID, lb({ outboundIps: 1, allocatedOutboundPorts: 3764 }).arch)).toEqual([]); // 17 nodes exactly
    const f = await runRule(ID, lb({ outboundIps: 1, allocatedOutboundPorts: 3765 }).arch); // 16 nodes
    expect(f.map((x) => x.evidence)).toEqual([expect.objectContaining({ capacityNodes: 16, maxNodes: 15, surgeNodes: 2 })]);
  });

  it('says nothing when the node subnet routes 0.0.0.0/0 to a firewall (the load balancer carries no egress)', async () => {
    const b = baseline();
    b.aks.outbound = { type: 'loadBalancer', outboundIps: 1, allocatedOutboundPorts: 8000 };
    expect(await runRule(ID, b.arch)).toEqual([]);
  });

  it('reports explicit ports that cannot cover the pools at maximum scale', async () => {
    const f = await runRule(ID, lb({ outboundIps: 1, allocatedOutboundPorts: 8000 }).arch);
    expect(f).toHaveLength(1);
    expect(f[0]!.severity).toBe('error');
    expect(f[0]!.message).toBe(
      'cluster aks-test: 1 outbound IP × 64,000 ports ÷ 8,000 ports per node = 8 nodes, but the pools can reach 15 nodes + 2 surge = 17',
    );
    expect(f[0]!.path).toBe('clusters[0].outbound');
  });

  it('warns when automatic allocation drops below 1,024 ports per node beyond 50 nodes', async () => {
    const b = lb({ outboundIps: 2 });
    b.aks.nodePools[1]!.maxCount = 60;
    const f = await runRule(ID, b.arch);
    expect(f).toHaveLength(1);
    expect(f[0]!.severity).toBe('warning');
    expect(f[0]!.message).toContain('automatic SNAT allocation gives 512 ports per node at 72 nodes (65 nodes + 7 surge)');
    expect(f[0]!.message).toContain('2 IPs × 64,000 = 128,000 ports');
  });
});
