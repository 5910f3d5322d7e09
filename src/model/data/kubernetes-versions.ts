/**
 * AKS Kubernetes minor versions: when each became generally available, when its community (standard)
 * support ends, and when its long-term support (LTS) ends. From the "AKS Kubernetes release calendar"
 * and "LTS versions" tables of supported-kubernetes-versions (MicrosoftDocs/azure-aks-docs, page dated
 * 2026-08-05). The page says a month without a day means its last day ("Mar 2026" = 2026-03-31); GA
 * months are recorded as their first day. LTS needs the Premium tier and the AKSLongTermSupport plan
 * (long-term-support). Versions outside the table are unknown, not unsupported.
 */

export const KUBERNETES_VERSIONS_SOURCE = {
  title: 'Supported Kubernetes versions in AKS (release calendar)',
  url: 'https://learn.microsoft.com/azure/aks/supported-kubernetes-versions',
};

export const LTS_SOURCE = {
  title: 'Long-term support for AKS versions',
  url: 'https://learn.microsoft.com/azure/aks/long-term-support',
};

export interface KubernetesMinor {
  /** `1.33` */
  minor: string;
  /** First day of the AKS GA month. */
  ga: string;
  /** Last day of community support (the calendar's "End of life"). */
  endOfSupport: string;
  /** Last day of long-term support, for minors offered as LTS. */
  ltsEnd?: string;
}

export const KUBERNETES_MINORS: readonly KubernetesMinor[] = [
  { minor: '1.29', ga: '2024-03-01', endOfSupport: '2025-03-31', ltsEnd: '2026-04-30' },
  { minor: '1.30', ga: '2024-07-01', endOfSupport: '2025-08-22', ltsEnd: '2026-07-31' },
  { minor: '1.31', ga: '2024-11-01', endOfSupport: '2025-11-01', ltsEnd: '2026-11-30' },
  { minor: '1.32', ga: '2025-04-01', endOfSupport: '2026-03-31', ltsEnd: '2027-03-31' },
  { minor: '1.33', ga: '2025-06-01', endOfSupport: '2026-07-31', ltsEnd: '2027-07-31' },
  { minor: '1.34', ga: '2025-11-01', endOfSupport: '2026-11-30', ltsEnd: '2027-11-30' },
  { minor: '1.35', ga: '2026-03-01', endOfSupport: '2027-03-31', ltsEnd: '2028-03-31' },
  { minor: '1.36', ga: '2026-06-01', endOfSupport: '2027-06-30', ltsEnd: '2028-06-30' },
  { minor: '1.37', ga: '2026-10-01', endOfSupport: '2027-10-31', ltsEnd: '2028-10-31' },
];

/** A parsed `1.29` or `1.29.7` (an optional leading `v` is accepted). */
export interface ParsedVersion {
  major: number;
  minor: number;
  patch?: number;
  /** `major.minor` */
  key: string;
}

export function parseKubernetesVersion(text: string): ParsedVersion | undefined {
  const m = /^v?(\d+)\.(\d+)(?:\.(\d+))?$/.exec(text.trim());
  if (!m) return undefined;
  const major = Number(m[1]);
  const minor = Number(m[2]);
  return { major, minor, ...(m[3] !== undefined ? { patch: Number(m[3]) } : {}), key: `${major}.${minor}` };
}

/** Compares minor keys numerically (`1.9` < `1.10`). */
function minorOrder(a: string, b: string): number {
  const [am, an] = a.split('.').map(Number) as [number, number];
  const [bm, bn] = b.split('.').map(Number) as [number, number];
  return am - bm || an - bn;
}

/** Where a minor version stands on a date, given whether the cluster can use LTS. */
export type VersionStatus =
  | { kind: 'unparsable' }
  /** Older than the table: long out of support. */
  | { kind: 'older-than-table'; oldest: string }
  /** Newer than the table: unknown (preview, or the table is out of date). */
  | { kind: 'newer-than-table'; newest: string }
  | { kind: 'preview'; entry: KubernetesMinor }
  | { kind: 'supported'; entry: KubernetesMinor }
  | { kind: 'lts'; entry: KubernetesMinor & { ltsEnd: string } }
  /** Past community support; `ltsEnd` is set when LTS would still cover it (with Premium). */
  | { kind: 'out-of-support'; entry: KubernetesMinor; ltsCovers: boolean };

/**
 * Support status of a minor on `asOf` (YYYY-MM-DD; string order is date order). A version is
 * supported up to and including its end date. `lts` is true when the cluster is on the Premium tier
 * with long-term support.
 */
export function versionStatus(version: string, asOf: string, lts: boolean): VersionStatus {
  const v = parseKubernetesVersion(version);
  if (!v) return { kind: 'unparsable' };
  const entry = KUBERNETES_MINORS.find((e) => e.minor === v.key);
  if (!entry) {
    const oldest = KUBERNETES_MINORS[0]!.minor;
    const newest = KUBERNETES_MINORS[KUBERNETES_MINORS.length - 1]!.minor;
    return minorOrder(v.key, oldest) < 0 ? { kind: 'older-than-table', oldest } : { kind: 'newer-than-table', newest };
  }
  if (asOf < entry.ga) return { kind: 'preview', entry };
  if (asOf <= entry.endOfSupport) return { kind: 'supported', entry };
  const ltsCovers = entry.ltsEnd !== undefined && asOf <= entry.ltsEnd;
  if (lts && ltsCovers) return { kind: 'lts', entry: { ...entry, ltsEnd: entry.ltsEnd! } };
  return { kind: 'out-of-support', entry, ltsCovers };
}

/** Minors in community support on a date, newest first (for the fix text). */
export function supportedMinors(asOf: string): string[] {
  return KUBERNETES_MINORS.filter((e) => e.ga <= asOf && asOf <= e.endOfSupport)
    .map((e) => e.minor)
    .sort((a, b) => minorOrder(b, a));
}
