import { nodePool, subnet } from '../../../dsl/index.js';
import { baseline } from '../../helpers/fixture.js';
import { addDays, testRule } from '../../helpers/rule-tester.js';
import { runRuleResult } from '../../helpers/run-rule.js';
import { expect, it } from 'vitest';
import { mutable } from '../../helpers/mutable.js';

const DATE = '2026-03-01';
const PATH = 'clusters[0].nodePools[2].osSku';

interface Opts {
  osSku?: 'Windows2019' | 'Windows2022';
  cni?: 'azure-nodesubnet' | 'azure-overlay' | 'azure-podsubnet-dynamic' | 'azure-podsubnet-static';
  /** The cluster's version; `null` leaves it out. */
  version?: string | null;
  poolVersion?: string;
}

/** The baseline plus a Windows user pool, on flat Azure CNI and Kubernetes 1.32 unless told otherwise. */
function windows({ osSku = 'Windows2019', cni = 'azure-nodesubnet', version = '1.32', poolVersion }: Opts = {}) {
  return () => {
    const b = baseline();
    const podCni = cni === 'azure-podsubnet-dynamic' || cni === 'azure-podsubnet-static';
    const pods = subnet({ name: 'snet-pods', cidr: '10.1.16.0/20', purpose: 'aks-pods' });
    if (podCni) mutable(b.spoke.subnets).push(pods);
    b.aks.network = {
      cni,
      networkPolicy: 'calico',
      serviceCidr: '172.16.0.0/16',
      dnsServiceIP: '172.16.0.10',
      ...(cni === 'azure-overlay' ? { podCidr: '192.168.0.0/16' } : {}),
    };
    if (podCni) for (const p of b.aks.nodePools) (p as { podSubnet?: unknown }).podSubnet = pods;
    if (version === null) delete (b.aks as { kubernetesVersion?: string }).kubernetesVersion;
    else b.aks.kubernetesVersion = version;
    mutable(b.aks.nodePools).push(
      nodePool({
        name: 'win',
        mode: 'user',
        os: 'Windows',
        osSku,
        vmSize: 'Standard_D4ds_v5',
        count: 3,
        subnet: b.nodes,
        ...(podCni ? { podSubnet: pods } : {}),
        ...(poolVersion ? { orchestratorVersion: poolVersion } : {}),
      }),
    );
    return b.arch;
  };
}

testRule('lifecycle/windows-server-2019', {
  valid: [
    { name: 'no Windows pool', arch: () => baseline().arch },
    { name: 'Windows Server 2022 on Azure CNI Overlay and 1.33', arch: windows({ osSku: 'Windows2022', cni: 'azure-overlay', version: '1.33' }) },
    {
      name: 'a Windows pool without osSku (AKS picks 2022 or 2025 on every supported version)',
      arch: () => {
        const b = baseline();
        mutable(b.aks.nodePools).push(nodePool({ name: 'win', mode: 'user', os: 'Windows', vmSize: 'Standard_D4ds_v5', count: 3, subnet: b.nodes }));
        return b.arch;
      },
    },
  ],
  invalid: [
    {
      name: 'on flat Azure CNI and 1.32, the day before support ends: a warning',
      arch: windows(),
      asOf: addDays(DATE, -1),
      findings: [
        {
          messageId: 'retirement',
          path: PATH,
          severity: 'warning',
          message:
            'node pool win of cluster aks-test runs Windows Server 2019, whose AKS support ends 2026-03-01 (in 1 day ' +
            "as of 2026-02-28); move it to osSku 'Windows2022' or 'Windows2025'",
        },
      ],
    },
    {
      name: 'on the date: still a warning',
      arch: windows(),
      asOf: DATE,
      findings: [{ messageId: 'retirement', path: PATH, severity: 'warning', message: /ends 2026-03-01 \(today, 2026-03-01\)/ }],
    },
    {
      name: 'the day after: an error',
      arch: windows(),
      asOf: addDays(DATE, 1),
      findings: [
        {
          messageId: 'retirement',
          path: PATH,
          severity: 'error',
          message: /whose AKS support ended 2026-03-01 \(1 day ago as of 2026-03-02\)/,
          evidence: { date: DATE },
        },
      ],
    },
    {
      name: 'on Kubernetes 1.33 (the first minor without it): an error even before the date',
      arch: windows({ version: '1.33' }),
      asOf: addDays(DATE, -30),
      findings: [
        {
          messageId: 'version',
          path: PATH,
          severity: 'error',
          message:
            'node pool win of cluster aks-test runs Windows Server 2019 on Kubernetes 1.33: AKS offers Windows Server ' +
            "2019 only below 1.33, so the pool cannot be built; use osSku 'Windows2022' or 'Windows2025'",
        },
      ],
    },
    {
      name: "the pool's own version counts: a 1.32 pool on a 1.34 control plane is judged by the pool",
      arch: windows({ version: '1.34', poolVersion: '1.32' }),
      asOf: addDays(DATE, -30),
      findings: [{ messageId: 'retirement', path: PATH, severity: 'warning' }],
    },
    {
      name: 'Azure CNI Overlay does not run Windows Server 2019 nodes',
      arch: windows({ cni: 'azure-overlay' }),
      asOf: addDays(DATE, -30),
      findings: [
        {
          messageId: 'cni',
          path: PATH,
          severity: 'error',
          message:
            'node pool win of cluster aks-test runs Windows Server 2019, but Azure CNI Overlay runs Linux, Windows ' +
            "Server 2022 and Windows Server 2025 nodes only; use osSku 'Windows2022' or 'Windows2025'",
        },
      ],
    },
    {
      name: 'nor does Azure CNI Pod Subnet (static block), and 1.33 adds its own error',
      arch: windows({ cni: 'azure-podsubnet-static', version: '1.33' }),
      findings: [
        { messageId: 'version', path: PATH, severity: 'error' },
        { messageId: 'cni', path: PATH, severity: 'error', message: /but Azure CNI Pod Subnet does not support Windows Server 2019 nodes;/ },
      ],
    },
    {
      name: 'an unstated Kubernetes version leaves the 1.33 check unverified; the date still applies',
      arch: windows({ version: null }),
      findings: [{ messageId: 'retirement', path: PATH, severity: 'error' }],
    },
  ],
});

it('lifecycle/windows-server-2019: with no Kubernetes version stated, the 1.33 check is unverified and names the fact', async () => {
  const res = await runRuleResult('lifecycle/windows-server-2019', windows({ version: null })());
  expect((res.unverified ?? []).map((u) => [u.ruleId, u.factPath])).toEqual([['lifecycle/windows-server-2019', 'clusters[0].kubernetesVersion']]);
});
