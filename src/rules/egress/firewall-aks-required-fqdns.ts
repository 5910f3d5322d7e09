import type { ClusterResource } from '../../model/types.js';
import { defineRule } from '../../validate/rule.js';
import { clustersVia, fqdnAllowed } from './_egress.js';

/**
 * Outbound FQDNs every AKS cluster in global Azure needs, from the "Azure Global required FQDN /
 * application rules" table. `packages.aks.azure.com` is the successor of `acs-mirror.azureedge.net`;
 * both are listed while the table lists both.
 */
export const AKS_REQUIRED_FQDNS = [
  'mcr.microsoft.com',
  '*.data.mcr.microsoft.com',
  'mcr-0001.mcr-msedge.net',
  'management.azure.com',
  'login.microsoftonline.com',
  'packages.microsoft.com',
  'acs-mirror.azureedge.net',
  'packages.aks.azure.com',
] as const;

/**
 * The FQDNs a cluster needs: the common list, plus the API server's `*.hcp.<region>.azmk8s.io` when
 * nodes reach a public API server over the internet. Private clusters reach it over private
 * networking, and with API Server VNet Integration nodes always use the internal load balancer's
 * private IP, so neither needs it.
 */
export function requiredFqdns(c: ClusterResource): string[] {
  const list: string[] = [...AKS_REQUIRED_FQDNS];
  if (c.apiServer.mode === 'public') list.unshift(`*.hcp.${c.region}.azmk8s.io`);
  return list;
}

export default defineRule({
  meta: {
    id: 'egress/firewall-aks-required-fqdns',
    title: 'The egress firewall allows the FQDNs AKS itself needs',
    severity: 'error',
    kind: 'platform-limit',
    pillars: ['reliability', 'security'],
    waf: ['SE:06', 'RE:02'],
    rationale:
      'Nodes pull system images from MCR (and its CDN-backed storage), download Kubernetes and CNI binaries and ' +
      'packages, and talk to Azure Resource Manager and Microsoft Entra ID while they boot, scale and upgrade; nodes of a ' +
      'cluster with a public API server also reach it at *.hcp.<region>.azmk8s.io. If the firewall on the egress path ' +
      'allows neither the AzureKubernetesService FQDN tag nor these FQDNs, node provisioning and upgrades fail.',
    fix:
      'Allow the AzureKubernetesService FQDN tag in an application rule (aksFqdnTag: true): it carries the whole list ' +
      'and follows its changes. Otherwise list every required FQDN. A public cluster without the konnectivity agent ' +
      'also needs network rules for UDP 1194 and TCP 9000 to the region (AzureCloud.<region>); private and ' +
      'VNet-integrated clusters need neither those nor *.hcp.',
    example:
      "azureFirewall({ name: 'afw-hub', tier: 'Standard', subnet: fwSubnet, privateIp: '10.0.0.4', aksFqdnTag: true });",
    references: [
      {
        title: 'Outbound network and FQDN rules for AKS clusters',
        url: 'https://learn.microsoft.com/azure/aks/outbound-rules-control-egress',
      },
      {
        title: 'Control egress traffic using Azure Firewall in AKS',
        url: 'https://learn.microsoft.com/azure/aks/limit-egress-traffic',
      },
      {
        title: 'API Server VNet Integration',
        url: 'https://learn.microsoft.com/azure/aks/api-server-vnet-integration',
      },
    ],
    messages: {
      missingFqdns:
        'Azure Firewall {{firewall}} is the egress path of {{cluster}} ({{apiServer}}) but allows neither the ' +
        'AzureKubernetesService FQDN tag nor {{count}} of the {{total}} FQDNs the cluster needs: {{missing}}',
    },
  },
  check(ctx) {
    for (const fw of ctx.q.all('azureFirewall')) {
      if (fw.aksFqdnTag) continue;
      const clusters = clustersVia(ctx.q, fw.id);
      if (clusters.length === 0) continue;
      if (fw.fqdnAllowRules === undefined) {
        const names = clusters.map((c) => c.name).join(', ');
        ctx.unverified({
          element: fw.id,
          property: 'aksFqdnTag',
          check: `Azure Firewall ${fw.name} lets ${names} reach the FQDNs AKS needs`,
        });
        continue;
      }
      const rules = fw.fqdnAllowRules.filter((r) => typeof r === 'string');
      // One finding per cluster: what a cluster needs depends on its API server mode and region.
      for (const c of clusters) {
        const needed = requiredFqdns(c);
        const missing = needed.filter((f) => !rules.some((r) => fqdnAllowed(r, f)));
        if (missing.length === 0) continue;
        const apiServer =
          c.apiServer.mode === 'public'
            ? 'public API server'
            : c.apiServer.mode === 'private'
              ? 'private cluster'
              : 'API Server VNet Integration';
        ctx.report({
          messageId: 'missingFqdns',
          data: {
            firewall: fw.name,
            cluster: c.name,
            apiServer,
            count: missing.length,
            total: needed.length,
            missing: missing.join(', '),
          },
          element: fw.id,
          property: 'aksFqdnTag',
          evidence: { firewall: fw.name, cluster: c.name, missing: missing.join(', '), missingCount: missing.length },
        });
      }
    }
  },
});
