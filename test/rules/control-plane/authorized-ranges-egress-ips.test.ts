import { describe, expect, it } from 'vitest';
import { natGateway } from '../../../dsl/index.js';
import { runRule } from '../../helpers/run-rule.js';
import { publicCluster } from './_fixtures.js';

const ID = 'control-plane/authorized-ranges-egress-ips';

function withNat(ranges: string[], publicIpAddresses?: string[]) {
  const b = publicCluster(ranges);
  const nat = natGateway({ name: 'ng-aks', publicIpPrefixLength: 31, ...(publicIpAddresses ? { publicIpAddresses } : {}) });
  delete b.nodes.routeTable; // else the baseline's 0.0.0.0/0 route to the firewall bypasses the NAT gateway
  b.nodes.natGateway = nat;
  b.aks.outbound = { type: 'userAssignedNATGateway', natGateway: nat };
  return b;
}

describe(ID, () => {
  it('warns when declared NAT gateway addresses are not authorized', async () => {
    const f = await runRule(ID, withNat(['203.0.113.0/28'], ['20.96.14.38/31']).arch);
    expect(f).toHaveLength(1);
    expect(f[0]!.message).toBe(
      'aks-test egresses through NAT gateway ng-aks from 20.96.14.38/31, which is not among its 1 authorized IP ranges; nodes would lose the API server',
    );
    expect(f[0]!.path).toBe('clusters[0].apiServer.authorizedIpRanges');
    expect(f[0]!.severity).toBe('warning');
  });

  it('reminds at info level when the firewall addresses are unknown', async () => {
    const f = await runRule(ID, publicCluster(['203.0.113.0/28']).arch);
    expect(f).toHaveLength(1);
    expect(f[0]!.message).toBe(
      'aks-test egresses through firewall afw-hub (20 public IPs, addresses not declared); make sure they are among the 1 authorized IP ranges, or nodes lose the API server',
    );
    expect(f[0]!.severity).toBe('info');
  });

  it('passes authorized NAT addresses, load balancer egress and unrestricted servers', async () => {
    expect(await runRule(ID, withNat(['203.0.113.0/28', '20.96.14.38/31'], ['20.96.14.38/31']).arch)).toEqual([]);
    const b = publicCluster(['203.0.113.0/28']);
    delete b.nodes.routeTable;
    b.aks.outbound = { type: 'loadBalancer' };
    expect(await runRule(ID, b.arch)).toEqual([]);
    expect(await runRule(ID, publicCluster().arch)).toEqual([]);
  });

  it('follows the effective route: a loadBalancer cluster whose node subnet routes 0.0.0.0/0 to the firewall egresses from the firewall', async () => {
    const b = publicCluster(['203.0.113.0/28']);
    b.aks.outbound = { type: 'loadBalancer' };
    const f = await runRule(ID, b.arch);
    expect(f.map((x) => x.message)).toEqual([
      'aks-test egresses through firewall afw-hub (20 public IPs, addresses not declared); make sure they are among the 1 authorized IP ranges, or nodes lose the API server',
    ]);
  });
});
