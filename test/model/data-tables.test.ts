import { describe, expect, it } from 'vitest';
import { KUBERNETES_MINORS, parseKubernetesVersion, supportedMinors, versionStatus } from '../../src/model/data/kubernetes-versions.js';
import { REGIONS, regionKey, zoneSupport } from '../../src/model/data/regions.js';
import { RETIREMENTS } from '../../src/model/data/retirements.js';

const ISO = /^\d{4}-\d{2}-\d{2}$/;

describe('Kubernetes version table', () => {
  it('is ordered, and each minor is GA before its support ends and its LTS ends after that', () => {
    KUBERNETES_MINORS.forEach((m, i) => {
      expect(m.ga).toMatch(ISO);
      expect(m.endOfSupport).toMatch(ISO);
      expect(m.ga < m.endOfSupport).toBe(true);
      if (m.ltsEnd) expect(m.endOfSupport < m.ltsEnd).toBe(true);
      if (i > 0) expect(Number(m.minor.split('.')[1])).toBe(Number(KUBERNETES_MINORS[i - 1]!.minor.split('.')[1]) + 1);
    });
  });

  it('parses 1.29 and 1.29.7 (and v1.29.7), and rejects other text', () => {
    expect(parseKubernetesVersion('1.29')).toEqual({ major: 1, minor: 29, key: '1.29' });
    expect(parseKubernetesVersion('1.29.7')).toEqual({ major: 1, minor: 29, patch: 7, key: '1.29' });
    expect(parseKubernetesVersion('v1.29.7')?.key).toBe('1.29');
    for (const bad of ['1', '1.29.x', 'latest', '1.29.7.1', '']) expect(parseKubernetesVersion(bad)).toBeUndefined();
  });

  it('compares minors numerically: 1.9 is older than the table, 1.100 newer', () => {
    expect(versionStatus('1.9', '2026-11-23', false).kind).toBe('older-than-table');
    expect(versionStatus('1.100', '2026-11-23', false).kind).toBe('newer-than-table');
  });

  it('lists the supported minors newest first on a date', () => {
    expect(supportedMinors('2026-07-31')).toEqual(['1.36', '1.35', '1.34', '1.33']);
    expect(supportedMinors('2026-08-01')).toEqual(['1.36', '1.35', '1.34']);
  });
});

describe('region table', () => {
  it('knows the zonal regions the audit names and the newer ones', () => {
    for (const r of ['austriaeast', 'belgiumcentral', 'westeurope', 'chilecentral', 'newzealandnorth', 'indonesiacentral']) {
      expect(zoneSupport(r), r).toBe('zonal');
    }
  });

  it('knows regions without zones, and says unknown for names it does not have', () => {
    expect(zoneSupport('westus')).toBe('non-zonal');
    expect(zoneSupport('northcentralus')).toBe('non-zonal');
    expect(zoneSupport('usgovvirginia')).toBe('unknown');
    expect(zoneSupport('atlantis')).toBe('unknown');
    expect(zoneSupport(undefined)).toBe('unknown');
    expect(zoneSupport('toString')).toBe('unknown');
  });

  it('accepts display names', () => {
    expect(regionKey('West Europe')).toBe('westeurope');
    expect(zoneSupport('Austria East')).toBe('zonal');
  });

  it('has 57 regions, 39 of them zonal (the source table of 2026-08-20)', () => {
    expect(Object.keys(REGIONS)).toHaveLength(57);
    expect(Object.values(REGIONS).filter((r) => r.zones)).toHaveLength(39);
  });
});

describe('retirement table', () => {
  it('has a valid date and a learn.microsoft.com source for every entry', () => {
    for (const [id, r] of Object.entries(RETIREMENTS)) {
      expect(r.date, id).toMatch(ISO);
      expect(r.source.url, id).toMatch(/^https:\/\/learn\.microsoft\.com\//);
    }
  });
});
