import { defineRule } from '../../validate/rule.js';
import { clustersVia, fqdnAllowed } from './_egress.js';

/** Outbound FQDNs every AKS cluster needs (global Azure), from the AKS outbound rules reference. */
export const AKS_REQUIRED_FQDNS = [
  'mcr.microsoft.com',
  '*.data.mcr.microsoft.com',
  'management.azure.com',
  'login.microsoftonline.com',
  'packages.microsoft.com',
  'acs-mirror.azureedge.net',
] as const;

export default defineRule({
  meta: {
    id: 'egress/firewall-aks-required-fqdns',
    title: 'The egress firewall allows the FQDNs AKS itself needs',
    severity: 'error',
    kind: 'platform-limit',
    pillars: ['reliability', 'security'],
    waf: ['SE:06', 'RE:02'],
    rationale:
      'Nodes pull system images from MCR, download binaries and packages, and talk to Azure Resource Manager and Microsoft Entra ID while they boot and upgrade. ' +
      'If the firewall on the egress path allows neither the AzureKubernetesService FQDN tag nor these FQDNs, node provisioning and upgrades fail.',
    fix: 'Allow the AzureKubernetesService FQDN tag in an application rule (aksFqdnTag: true), or list the required FQDNs explicitly.',
    example: "azureFirewall({ name: 'afw-hub', tier: 'Standard', subnet: fwSubnet, privateIp: '10.0.0.4', aksFqdnTag: true });",
    references: [
      { title: 'Outbound network and FQDN rules for AKS clusters', url: 'https://learn.microsoft.com/azure/aks/outbound-rules-control-egress' },
      { title: 'Control egress traffic using Azure Firewall in AKS', url: 'https://learn.microsoft.com/azure/aks/limit-egress-traffic' },
    ],
  },
  check(ctx) {
    for (const fw of ctx.q.all('azureFirewall')) {
      if (fw.aksFqdnTag) continue;
      const clusters = clustersVia(ctx.q, fw.id);
      if (clusters.length === 0) continue;
      if (fw.fqdnAllowRules === undefined) {
        const names = clusters.map((c) => c.name).join(', ');
        ctx.unverified({ element: fw.id, property: 'aksFqdnTag', check: `Azure Firewall ${fw.name} lets ${names} reach the FQDNs AKS needs` });
        continue;
      }
      const rules = fw.fqdnAllowRules.filter((r) => typeof r === 'string');
      const missing = AKS_REQUIRED_FQDNS.filter((f) => !rules.some((r) => fqdnAllowed(r, f)));
      if (missing.length === 0) continue;
      ctx.report({
        message: `Azure Firewall ${fw.name} is the egress path of ${clusters.map((c) => c.name).join(', ')} but allows neither the AzureKubernetesService FQDN tag nor ${missing.length} of the ${AKS_REQUIRED_FQDNS.length} required FQDNs: ${missing.join(', ')}`,
        element: fw.id,
        property: 'aksFqdnTag',
        evidence: { firewall: fw.name, missing: missing.join(', '), missingCount: missing.length },
      });
    }
  },
});
