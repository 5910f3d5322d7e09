import { parseKubernetesVersion } from '../../model/data/kubernetes-versions.js';
import { RETIREMENTS } from '../../model/data/retirements.js';
import type { CniMode, NodePoolResource } from '../../model/types.js';
import { defineDatedRule } from './_lifecycle.js';

const WS2019 = RETIREMENTS.windowsServer2019;

/** The first Kubernetes minor on which AKS no longer offers Windows Server 2019 node pools ("1.33+"). */
export const WS2019_UNAVAILABLE_FROM = { major: 1, minor: 33 } as const;

/**
 * The CNI modes that do not run Windows Server 2019 nodes, and what the page says they do run. Overlay lists its
 * supported OS platforms (Linux, Windows Server 2025 and 2022); the pod-subnet page says Windows 2019 nodes are
 * not supported, for both of its allocation modes.
 */
const CNI_WITHOUT_WS2019: Partial<Record<CniMode, string>> = {
  'azure-overlay': 'Azure CNI Overlay runs Linux, Windows Server 2022 and Windows Server 2025 nodes only',
  'azure-podsubnet-dynamic': 'Azure CNI Pod Subnet does not support Windows Server 2019 nodes',
  'azure-podsubnet-static': 'Azure CNI Pod Subnet does not support Windows Server 2019 nodes',
};

/**
 * Only a stated `osSku: 'Windows2019'` is Windows Server 2019: left out, AKS picks Windows Server 2022 on Kubernetes
 * 1.25–1.35 and 2025 from 1.36 (quick-windows-container-deploy-cli), and no minor before 1.25 is supported any more.
 */
function isWs2019(p: NodePoolResource): boolean {
  return p.os === 'Windows' && p.osSku === 'Windows2019';
}

export default defineDatedRule({
  retirement: WS2019,
  meta: {
    id: 'lifecycle/windows-server-2019',
    title: 'No node pool runs Windows Server 2019 (retired 2026-03-01, not on Kubernetes 1.33+, not with Overlay or Pod Subnet)',
    pillars: ['security', 'reliability'],
    waf: ['SE:08', 'RE:04'],
    rationale:
      'AKS stopped supporting Windows Server 2019 node pools on 1 March 2026: they get no fixes, and from 1 April 2027 ' +
      'AKS removes their node images, so scaling such a pool fails. A pool on Kubernetes 1.33 or later cannot use ' +
      'Windows Server 2019 at all. Independent of the date, Azure CNI Overlay and Azure CNI Pod Subnet do not run ' +
      'Windows Server 2019 nodes, so such a pool cannot be created on those networks.',
    fix:
      "Set the Windows pool's osSku to 'Windows2022' or 'Windows2025' (or leave it out for the default of the " +
      "cluster's Kubernetes version) and move the Windows containers to images built for that version.",
    example:
      "nodePool({ name: 'win', mode: 'user', os: 'Windows', osSku: 'Windows2022', vmSize: 'Standard_D4ds_v5', count: 3, subnet: nodes })",
    references: [
      { title: WS2019.source.title, url: WS2019.source.url },
      {
        title: 'Azure CNI Overlay overview (OS platforms supported: Linux, Windows Server 2025, Windows Server 2022)',
        url: 'https://learn.microsoft.com/azure/aks/concepts-network-azure-cni-overlay',
      },
      {
        title: 'Azure CNI Pod Subnet (Windows 2019 nodes are not supported)',
        url: 'https://learn.microsoft.com/azure/aks/concepts-network-azure-cni-pod-subnet',
      },
      {
        title: 'Deploy a Windows Server container on AKS (default Windows OS SKU per Kubernetes version)',
        url: 'https://learn.microsoft.com/azure/aks/learn/quick-windows-container-deploy-cli',
      },
    ],
    messages: {
      retirement:
        'node pool {{pool}} of cluster {{cluster}} runs Windows Server 2019, whose AKS support {{ends}} {{date}} ' +
        "({{when}}); move it to osSku 'Windows2022' or 'Windows2025'",
      version:
        'node pool {{pool}} of cluster {{cluster}} runs Windows Server 2019 on Kubernetes {{version}}: AKS offers ' +
        "Windows Server 2019 only below 1.33, so the pool cannot be built; use osSku 'Windows2022' or 'Windows2025'",
      cni:
        'node pool {{pool}} of cluster {{cluster}} runs Windows Server 2019, but {{support}}; use osSku ' +
        "'Windows2022' or 'Windows2025'",
    },
  },
  check(ctx) {
    for (const c of ctx.q.all('cluster')) {
      for (const p of ctx.q.pools(c.id).filter(isWs2019)) {
        // The pool's OS and version, and of its cluster the CNI and the version the pool follows when it states none.
        const at = {
          element: p.id,
          property: 'osSku',
          reads: ['os', 'osSku', 'orchestratorVersion'],
          dependsOn: [{ element: c.id, reads: ['network.cni', 'kubernetesVersion'] }],
        };
        const base = { pool: p.name, cluster: c.name };
        // Either reason makes the pool impossible to build, whatever the date: the dated finding would only repeat it.
        let blocked = false;
        const support = CNI_WITHOUT_WS2019[c.network.cni];
        if (support) {
          blocked = true;
          ctx.report({ ...at, messageId: 'cni', severity: 'error', data: { ...base, support }, evidence: { ...base, cni: c.network.cni } });
        }
        const versionText = p.orchestratorVersion ?? c.kubernetesVersion;
        const v = versionText === undefined ? undefined : parseKubernetesVersion(versionText);
        if (versionText === undefined) {
          ctx.unverified({
            element: c.id,
            property: 'kubernetesVersion',
            check: `node pool ${p.name} (Windows Server 2019) runs a Kubernetes version below 1.33, the last on which AKS offers it`,
            fact: 'the Kubernetes version of the cluster or the pool',
            reads: ['kubernetesVersion'],
          });
        } else if (
          v &&
          (v.major > WS2019_UNAVAILABLE_FROM.major ||
            (v.major === WS2019_UNAVAILABLE_FROM.major && v.minor >= WS2019_UNAVAILABLE_FROM.minor))
        ) {
          blocked = true;
          ctx.report({
            ...at,
            messageId: 'version',
            severity: 'error',
            data: { ...base, version: versionText },
            evidence: { ...base, kubernetesVersion: versionText },
          });
        }
        if (!blocked) ctx.report({ ...at, messageId: 'retirement', data: base, evidence: base });
      }
    }
  },
});
