import { describe, expect, it } from 'vitest';
import { nodePool, subnet } from '../../../dsl/index.js';
import { baseline } from '../../helpers/fixture.js';
import { runRuleResult } from '../../helpers/run-rule.js';
import { testRule } from '../../helpers/rule-tester.js';
import { mutable } from '../../helpers/mutable.js';

type B = ReturnType<typeof baseline>;

/** The baseline cluster made network-isolated (outbound none, private API server), then `change`. */
function isolated(change: (b: B) => void = () => {}) {
  return () => {
    const b = baseline();
    delete b.nodes.routeTable;
    b.aks.networkIsolated = true;
    b.aks.outbound = { type: 'none' };
    change(b);
    return b.arch;
  };
}

testRule('control-plane/network-isolated-prerequisites', {
  valid: [
    { name: 'private cluster, overlay, Linux pools, outbound none', arch: isolated() },
    {
      name: 'API Server VNet Integration without public access',
      arch: isolated((b) => {
        const api = subnet({
          name: 'snet-api',
          cidr: '10.1.5.0/28',
          purpose: 'aks-apiserver',
          delegation: 'Microsoft.ContainerService/managedClusters',
        });
        mutable(b.spoke.subnets).push(api);
        b.aks.apiServer = { mode: 'vnet-integration', subnet: api, private: true };
      }),
    },
    {
      name: 'outbound type block with an AKS-managed VNet',
      arch: isolated((b) => {
        b.aks.managedVnet = true;
        b.aks.outbound = { type: 'block' };
      }),
    },
    {
      name: 'an isolated cluster reconciled by Argo CD (only the Flux extension is listed as unsupported)',
      arch: isolated((b) => (b.aks.controlPlaneAccess = [{ kind: 'gitops', tool: 'argocd' }])),
    },
    {
      name: 'Flux on a cluster that is not network-isolated',
      arch: () => {
        const b = baseline();
        b.aks.controlPlaneAccess = [{ kind: 'gitops', tool: 'flux' }];
        return b.arch;
      },
    },
    {
      name: 'outbound none with networkIsolated left out is unverified, not an error',
      arch: isolated((b) => delete b.aks.networkIsolated),
    },
    {
      name: 'a cluster that is not network-isolated with an outbound type of its own',
      arch: () => {
        const b = baseline();
        b.aks.networkIsolated = false;
        return b.arch;
      },
    },
    {
      name: 'a public cluster that is not network-isolated',
      arch: () => {
        const b = baseline();
        b.aks.apiServer = { mode: 'public', authorizedIpRanges: ['203.0.113.0/24'] };
        return b.arch;
      },
    },
  ],
  invalid: [
    {
      name: 'a public API server',
      arch: isolated((b) => (b.aks.apiServer = { mode: 'public', authorizedIpRanges: ['203.0.113.0/24'] })),
      findings: [
        {
          messageId: 'publicApiServer',
          path: 'clusters[0].apiServer',
          severity: 'error',
          message:
            'cluster aks-test is network-isolated but its API server is public; node to API server traffic must stay ' +
            'private (Private Link or VNet Integration with private: true)',
        },
      ],
    },
    {
      name: 'VNet Integration with public access',
      arch: isolated((b) => {
        const api = subnet({
          name: 'snet-api',
          cidr: '10.1.5.0/28',
          purpose: 'aks-apiserver',
          delegation: 'Microsoft.ContainerService/managedClusters',
        });
        mutable(b.spoke.subnets).push(api);
        b.aks.apiServer = { mode: 'vnet-integration', subnet: api, private: false };
      }),
      findings: [
        {
          messageId: 'publicApiServer',
          path: 'clusters[0].apiServer',
          severity: 'error',
          message: /VNet-integrated with public access/,
        },
      ],
    },
    {
      name: 'kubenet',
      arch: isolated(
        (b) =>
          (b.aks.network = {
            cni: 'kubenet',
            podCidr: '192.168.0.0/16',
            serviceCidr: '172.16.0.0/16',
            dnsServiceIP: '172.16.0.10',
          }),
      ),
      findings: [{ messageId: 'kubenet', path: 'clusters[0].network.cni', severity: 'error' }],
    },
    {
      name: 'outbound type block in a bring-your-own VNet',
      arch: isolated((b) => (b.aks.outbound = { type: 'block' })),
      findings: [{ messageId: 'blockNeedsManagedVnet', path: 'clusters[0].outbound', severity: 'error' }],
    },
    {
      name: 'outbound type none on a cluster stated not to be network-isolated',
      arch: isolated((b) => (b.aks.networkIsolated = false)),
      findings: [
        {
          messageId: 'outboundNeedsIsolation',
          path: 'clusters[0].outbound',
          severity: 'error',
          message:
            'cluster aks-test uses outbound type none but is not network-isolated; none is available only on a ' +
            'network-isolated cluster (set networkIsolated: true or choose another outbound type)',
          evidence: { outboundType: 'none', networkIsolated: false },
        },
      ],
    },
    {
      name: 'outbound type block on a cluster in an AKS-managed VNet stated not to be network-isolated',
      arch: isolated((b) => {
        b.aks.networkIsolated = false;
        b.aks.managedVnet = true;
        b.aks.outbound = { type: 'block' };
      }),
      findings: [
        {
          messageId: 'outboundNeedsIsolation',
          path: 'clusters[0].outbound',
          severity: 'error',
          message: /block but is not network-isolated; block is available only on .* in an AKS-managed VNet /,
        },
      ],
    },
    {
      name: 'Flux reconciles a network-isolated cluster',
      arch: isolated(
        (b) =>
          (b.aks.controlPlaneAccess = [
            { kind: 'gitops', tool: 'argocd' },
            { kind: 'gitops', tool: 'flux' },
          ]),
      ),
      findings: [
        {
          messageId: 'fluxExtension',
          path: 'clusters[0].controlPlaneAccess[1]',
          severity: 'warning',
          message:
            'network-isolated cluster aks-test deploys through Flux; the Flux (GitOps) cluster extension is not ' +
            'supported yet on network-isolated clusters, and Flux installed another way needs its images and its Git ' +
            'source reachable without internet egress',
        },
      ],
    },
    {
      name: 'a Windows pool and a pool with node public IPs',
      arch: isolated((b) => {
        mutable(b.aks.nodePools).push(
          nodePool({
            name: 'win',
            mode: 'user',
            os: 'Windows',
            vmSize: 'Standard_D4ds_v5',
            minCount: 1,
            maxCount: 2,
            subnet: b.nodes,
          }),
        );
        b.aks.nodePools[1]!.nodePublicIp = true;
      }),
      findings: [
        { messageId: 'windowsPool', path: 'clusters[0].nodePools[2].os', severity: 'error' },
        {
          messageId: 'nodePublicIp',
          path: 'clusters[0].nodePools[1].nodePublicIp',
          severity: 'warning',
          message: /node pool apps .* outbound internet access/,
        },
      ],
    },
  ],
});

describe('control-plane/network-isolated-prerequisites: isolation not stated', () => {
  const check = (arch: ReturnType<typeof baseline>['arch']) =>
    runRuleResult('control-plane/network-isolated-prerequisites', arch);

  it('outbound none with networkIsolated left out asks for the flag instead of judging', async () => {
    const r = await check(isolated((b) => delete b.aks.networkIsolated)());
    expect(r.findings).toEqual([]);
    expect(r.unverified?.map((u) => [u.factPath, u.check])).toEqual([
      ['clusters[0].networkIsolated', 'cluster aks-test is network-isolated, which outbound type none needs'],
    ]);
  });

  it('an outbound type of its own with networkIsolated left out asks nothing', async () => {
    const r = await check(baseline().arch);
    expect(r.findings).toEqual([]);
    expect(r.unverified ?? []).toEqual([]);
  });
});
