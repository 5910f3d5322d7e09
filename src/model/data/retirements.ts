/**
 * Dated retirements and ends of support the lifecycle rules check, each with the page that states
 * the date. Rules read dates from here only, so a date changes in one place. The date is the
 * retirement day itself: findings are warnings up to and including it and errors after it.
 */

export interface Retirement {
  /** What retires, as a reviewer would name it. */
  what: string;
  /** YYYY-MM-DD */
  date: string;
  source: { title: string; url: string };
  /**
   * Where the date itself is stated, when the learn.microsoft.com page in `source` describes the retirement
   * but gives no date (a reviewer should know the date's provenance).
   */
  dateSource?: { title: string; url: string };
}

export const RETIREMENTS = {
  appGatewayV1: {
    what: 'Application Gateway v1 (Standard and WAF SKUs)',
    date: '2026-04-28',
    source: {
      title: 'Migrate Application Gateway and WAF from V1 to V2 ("The V1 SKU retires on April 28, 2026")',
      url: 'https://learn.microsoft.com/azure/application-gateway/migrate-v1-v2',
    },
  },
  appGatewayTls10And11: {
    what: 'TLS 1.0 and 1.1 on Application Gateway',
    date: '2025-08-31',
    source: {
      title: 'Application Gateway TLS policy overview (TLS 1.2 or higher from August 31, 2025)',
      url: 'https://learn.microsoft.com/azure/application-gateway/application-gateway-ssl-policy-overview',
    },
  },
  appGatewayLegacyWafConfig: {
    what: "Application Gateway's in-gateway WAF configuration (webApplicationFirewallConfiguration)",
    date: '2027-03-15',
    source: {
      title:
        'Upgrade to Application Gateway WAF policy (no further investment in the legacy WAF configuration; ' +
        'the page states no retirement date)',
      url: 'https://learn.microsoft.com/azure/web-application-firewall/ag/upgrade-ag-waf-policy',
    },
    // No learn.microsoft.com page found states the date (checked: upgrade-ag-waf-policy, policy-overview,
    // migrate-policy, the WAF FAQ); Microsoft's PSRule for Azure rule does.
    dateSource: {
      title: 'PSRule for Azure: Azure.AppGw.MigrateWAFPolicy (the WAF configuration retires on 15 March 2027)',
      url: 'https://azure.github.io/PSRule.Rules.Azure/en/rules/Azure.AppGw.MigrateWAFPolicy/',
    },
  },
  azureNpmWindows: {
    what: 'Azure Network Policy Manager on Windows nodes',
    date: '2026-09-30',
    source: {
      title: 'Secure traffic between pods using network policies in AKS (NPM for Windows retirement)',
      url: 'https://learn.microsoft.com/azure/aks/use-network-policies',
    },
  },
  azureNpmLinux: {
    what: 'Azure Network Policy Manager on Linux nodes',
    date: '2028-09-30',
    source: {
      title: 'Secure traffic between pods using network policies in AKS (NPM for Linux retirement)',
      url: 'https://learn.microsoft.com/azure/aks/use-network-policies',
    },
  },
  basicLoadBalancer: {
    what: 'Basic load balancer',
    date: '2025-09-30',
    source: { title: 'Upgrade from Basic Load Balancer on AKS', url: 'https://learn.microsoft.com/azure/aks/upgrade-basic-load-balancer-on-aks' },
  },
  frontDoorClassic: {
    what: 'Azure Front Door (classic)',
    date: '2027-03-31',
    source: { title: 'Migrate Azure Front Door (classic) to Standard/Premium', url: 'https://learn.microsoft.com/azure/frontdoor/tier-migration' },
  },
  httpApplicationRouting: {
    what: 'HTTP application routing add-on',
    date: '2025-03-03',
    source: { title: 'HTTP application routing add-on for AKS (retired)', url: 'https://learn.microsoft.com/azure/aks/http-application-routing' },
  },
  ingressNginxCommunity: {
    what: 'community ingress-nginx (upstream maintenance)',
    date: '2026-03-31',
    source: {
      title: 'Managed NGINX ingress with the application routing add-on (ingress-nginx retirement)',
      url: 'https://learn.microsoft.com/azure/aks/app-routing',
    },
  },
  appRoutingNginx: {
    what: "the application routing add-on's managed NGINX (critical security patches)",
    date: '2026-11-30',
    source: { title: 'Managed NGINX ingress with the application routing add-on', url: 'https://learn.microsoft.com/azure/aks/app-routing' },
  },
  kubenet: {
    what: 'kubenet networking',
    date: '2028-03-31',
    source: { title: 'Use kubenet networking in AKS (retirement notice)', url: 'https://learn.microsoft.com/azure/aks/configure-kubenet' },
  },
  nsgFlowLogs: {
    what: 'NSG flow logs',
    date: '2027-09-30',
    source: {
      title: 'NSG flow logs overview ("NSG flow logs will be retired on September 30, 2027")',
      url: 'https://learn.microsoft.com/azure/network-watcher/nsg-flow-logs-overview',
    },
  },
  openServiceMesh: {
    what: 'Open Service Mesh (OSM) add-on',
    date: '2027-09-30',
    source: {
      title: 'Open Service Mesh add-on in AKS ("Starting on September 30, 2027, AKS no longer supports the OSM add-on")',
      url: 'https://learn.microsoft.com/azure/aks/open-service-mesh-about',
    },
  },
  windowsServer2019: {
    // "Starting on March 01, 2026, AKS no longer supports Windows Server 2019 node pools": the date is the first
    // day without support, graded like the OSM add-on's "starting on" date.
    what: 'Windows Server 2019 node pools',
    date: '2026-03-01',
    source: {
      title:
        'Windows vs. Linux containers in AKS (Windows Server 2019 retirement: "Starting on March 01, 2026, AKS no ' +
        'longer supports Windows Server 2019 node pools")',
      url: 'https://learn.microsoft.com/azure/aks/windows-vs-linux-containers',
    },
  },
  aadPodIdentity: {
    // Deprecated upstream on 2022-10-24 and archived in September 2023; the page says the AKS managed
    // add-on was patched and supported "through Sept 2025" (a month without a day = its last day).
    what: 'Microsoft Entra (AAD) pod-managed identity add-on',
    date: '2025-09-30',
    source: {
      title: 'Use Microsoft Entra pod-managed identities in AKS (deprecated 10/24/2022; add-on supported through Sept 2025)',
      url: 'https://learn.microsoft.com/azure/aks/use-azure-ad-pod-identity',
    },
  },
} as const satisfies Record<string, Retirement>;

export type RetirementId = keyof typeof RETIREMENTS;

/**
 * End of life of each Istio-based service mesh add-on revision, from the "Service mesh add-on release
 * calendar" of istio-support-policy (MicrosoftDocs/azure-aks-docs, version of 2026-06-24). The
 * calendar gives months; a month means its last day, as in the Kubernetes calendar. `expected` marks
 * the dates the page gives as estimates ("~Jan 2026 (expected)"). Revisions newer than the table are
 * unknown, not unsupported.
 */
export const ISTIO_ADDON_REVISIONS_SOURCE = {
  title: 'Support policy for the Istio-based service mesh add-on for AKS (release calendar)',
  url: 'https://learn.microsoft.com/azure/aks/istio-support-policy',
};

export interface IstioAddonRevision {
  /** `asm-1-25` */
  revision: string;
  /** Last day of support (YYYY-MM-DD). */
  endOfLife: string;
  /** The calendar gives the date as an estimate. */
  expected: boolean;
}

export const ISTIO_ADDON_REVISIONS: readonly IstioAddonRevision[] = [
  { revision: 'asm-1-17', endOfLife: '2024-01-31', expected: false },
  { revision: 'asm-1-18', endOfLife: '2024-02-29', expected: false },
  { revision: 'asm-1-19', endOfLife: '2024-06-30', expected: false },
  { revision: 'asm-1-20', endOfLife: '2024-09-30', expected: false },
  { revision: 'asm-1-21', endOfLife: '2024-10-31', expected: false },
  { revision: 'asm-1-22', endOfLife: '2025-03-31', expected: false },
  { revision: 'asm-1-23', endOfLife: '2025-06-30', expected: false },
  { revision: 'asm-1-24', endOfLife: '2025-09-30', expected: false },
  { revision: 'asm-1-25', endOfLife: '2026-01-31', expected: false },
  // The calendar moved asm-1-26's end from "~Feb 2026 (expected)" to Apr 2026 in its 2026-04 revision.
  { revision: 'asm-1-26', endOfLife: '2026-04-30', expected: false },
  { revision: 'asm-1-27', endOfLife: '2026-05-31', expected: false },
  { revision: 'asm-1-28', endOfLife: '2026-08-31', expected: true },
  { revision: 'asm-1-29', endOfLife: '2026-09-30', expected: true },
  { revision: 'asm-1-30', endOfLife: '2026-12-31', expected: true },
];
