/**
 * The designs of an Azure networking architect's review of the Azure Firewall egress checks
 * (test/fixtures/egress-firewall): the "Limit network traffic with Azure Firewall in AKS" tutorial and its variants,
 * and a cluster behind a third-party NVA. Each asserts what the review found missing or wrong.
 */
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { FileResult } from '../../../src/validate/finding.js';
import { validateFiles } from '../../../src/validate/run-files.js';

const dir = resolve(import.meta.dirname, '../../fixtures/egress-firewall');

async function run(name: string): Promise<FileResult> {
  const [v] = await validateFiles([join(dir, `${name}.ts`)], { asOf: '2026-11-23', config: false });
  return v!.result;
}

const FW_RULES = new Set([
  'egress/firewall-aks-required-fqdns',
  'egress/firewall-destination-allowlist',
  'egress/firewall-dns-proxy',
  'egress/firewall-dns-proxy-clients',
  'structure/schema',
]);

const where = (f: { file: string; line: number; column: number }): string =>
  `${f.file.split('/').pop()}:${f.line}:${f.column}`;

describe('the limit-egress tutorial and its variants', () => {
  it('d1, as published: the tag for http 80 and https 443 passes; DNS proxy on with an FQDN network rule wants the VNet on it', async () => {
    const r = await run('d1-limit-egress-tutorial');
    const found = r.findings.filter((f) => FW_RULES.has(f.ruleId));
    expect(found.map((f) => [f.ruleId, f.severity])).toEqual([['egress/firewall-dns-proxy-clients', 'warning']]);
    expect(found[0]!.messageId).toBe('azureDns');
    expect((r.unverified ?? []).filter((u) => FW_RULES.has(u.ruleId))).toEqual([]);
  }, 60_000);

  it('d1b: the tag for http 80 only, and a Stripe rule from another subnet, are both denials', async () => {
    const r = await run('d1b-fw-rule-details');
    const found = r.findings.filter((f) => FW_RULES.has(f.ruleId));
    expect(found.map((f) => [f.ruleId, f.messageId])).toEqual([
      ['egress/firewall-aks-required-fqdns', 'notHttps'],
      ['egress/firewall-dns-proxy-clients', 'azureDns'],
      ['egress/firewall-destination-allowlist', 'notMatched'],
    ]);
    expect(found[0]!.message).toMatch(/9 of the 9 FQDNs .* over HTTPS 443 from 10\.42\.1\.0\/24: .*application rule fqdn \(aksfwar\) allows Http:80 from any source$/);
    expect(found[2]!.message).toMatch(/api\.stripe\.com, https:443 from 10\.42\.1\.0\/24\).*application rule stripe \(aksfwar\) allows Https:443 from 10\.99\.0\.0\/24$/);
  }, 60_000);

  it('d1c: a wildcard in a network rule is a schema error at its line and column', async () => {
    const r = await run('d1c-network-wildcard');
    const schema = r.findings.filter((f) => f.ruleId === 'structure/schema');
    expect(schema.map((f) => [f.path, where(f)])).toEqual([
      [
        'network.firewalls[0].classicRules[0].rules[2].destinationFqdns',
        'd1c-network-wildcard.ts:27:47',
      ],
    ]);
    expect(schema[0]!.message).toMatch(/"\*\.ubuntu\.com": FQDNs in network rules cannot be wildcards/);
  }, 60_000);

  it('d1d: DNS proxy off with the NTP FQDN network rule is an error on dnsProxy', async () => {
    const r = await run('d1d-no-dns-proxy');
    const found = r.findings.filter((f) => FW_RULES.has(f.ruleId));
    expect(found.map((f) => [f.ruleId, f.messageId, f.path, where(f)])).toEqual([
      ['egress/firewall-dns-proxy', 'ruleDnsProxyOff', 'network.firewalls[0].dnsProxy', 'd1d-no-dns-proxy.ts:22:43'],
    ]);
  }, 60_000);
});

describe('a cluster behind a third-party NVA (d4)', () => {
  it('asks for the AKS egress rules of the appliance and never calls it a firewall', async () => {
    const r = await run('d4-nva-podsubnet-isolated');
    const asked = (r.unverified ?? []).filter((u) => u.ruleId === 'egress/firewall-aks-required-fqdns');
    expect(asked.map((u) => u.elementName)).toEqual(['nva-pan']);
    expect(asked[0]!.message).toMatch(/network virtual appliance nva-pan \(Palo Alto VM-Series\) lets aks-nva reach what AKS needs: HTTPS 443 to \*\.hcp\.swedencentral\.azmk8s\.io, mcr\.microsoft\.com/);
    const aboutNva = r.findings.filter((f) => f.ruleId.startsWith('egress/') && f.message.includes('nva-pan'));
    expect(aboutNva.length).toBeGreaterThan(0);
    for (const f of aboutNva) expect(f.message, f.ruleId).not.toMatch(/\bthe firewall\b/);
  }, 60_000);
});
