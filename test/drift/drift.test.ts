/**
 * `aksnet drift`: the hand-written hub-spoke design against its Azure exports. An unchanged export
 * shows no drift in any input style; a changed route, CIDR or WAF mode shows as drift/differs at the
 * design's line with the Azure resource id; unknown design fields are never drift.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { driftFile } from '../../src/drift/run.js';
import { designSource, importAzure } from '../../src/import/import.js';
import { sarifLog } from '../../src/validate/format/sarif.js';
import { formatGithub } from '../../src/validate/format/github.js';
import { formatMarkdown } from '../../src/validate/format/markdown.js';
import { formatJson } from '../../src/validate/format/json.js';
import { sarifValidator } from '../validate/sarif-schema.js';
import { exitCode } from '../../src/cli/commands/validate.js';

const fixtures = resolve(import.meta.dirname, '../fixtures/azure/hub-spoke');
const design = join(fixtures, 'hand-written.ts');
const designLines = readFileSync(design, 'utf8').split('\n');
const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

/** The az export with one file edited. */
function edited(fileName: string, edit: (v: Array<Record<string, unknown>>) => void): string {
  const d = mkdtempSync(join(tmpdir(), 'aksnet-drift-'));
  dirs.push(d);
  cpSync(join(fixtures, 'az'), d, { recursive: true });
  const p = join(d, fileName);
  const v = JSON.parse(readFileSync(p, 'utf8')) as Array<Record<string, unknown>>;
  edit(v);
  writeFileSync(p, JSON.stringify(v, null, 2));
  return d;
}

const line = (n: number) => designLines[n - 1] ?? '';

describe('aksnet drift', () => {
  it('finds no drift between the design and an unchanged export, in every input style', async () => {
    for (const from of ['az', 'graph.json', 'arm-export.json']) {
      const r = await driftFile(design, join(fixtures, from), '2026-12-01');
      expect(
        r.findings.map((f) => f.message),
        from,
      ).toEqual([]);
    }
  });

  it('a changed route is drift at the route table line of the design', async () => {
    const from = edited('route-table-list.json', (v) => {
      (v[0]!.routes as Array<Record<string, unknown>>)[0]!.nextHopIpAddress = '10.200.0.5';
    });
    const r = await driftFile(design, from, '2026-12-01');
    const f = r.findings.filter((x) => x.element === 'routeTable:rt-aks-egress');
    expect(f.map((x) => x.ruleId)).toEqual(expect.arrayContaining(['drift/differs']));
    expect(f.map((x) => x.evidence?.field)).toEqual(
      expect.arrayContaining(['routes[default-to-firewall].nextHopAddress']),
    );
    for (const x of f) {
      expect(line(x.line)).toMatch(/routes: \[\{ name: 'default-to-firewall'/);
      expect(x.message).toContain('/providers/Microsoft.Network/routeTables/rt-aks-egress');
    }
  });

  describe('an NSG rule whose source names a subnet (Azure states the prefix)', () => {
    // The design as example a writes it: `source: appGwSubnet`, the subnet declared before the NSG that uses it.
    const subnetSource = (): string => {
      const d = mkdtempSync(join(tmpdir(), 'aksnet-drift-design-'));
      dirs.push(d);
      const lines = readFileSync(design, 'utf8').split('\n');
      const nodesAt = lines.findIndex((l) => l.startsWith('const nodesNsg = nsg({'));
      const appGwAt = lines.findIndex((l) => l.startsWith('const appGwNsg = nsg({'));
      const appGwEnd = lines.findIndex((l, i) => i > appGwAt && l === '});');
      const subnetLine = lines.findIndex((l) => l.startsWith("const appGwSubnet = subnet({ name: 'snet-appgw'"));
      const moved = [...lines.slice(appGwAt, appGwEnd + 1), lines[subnetLine]!];
      const rest = lines.filter((_, i) => !(i >= appGwAt && i <= appGwEnd) && i !== subnetLine);
      rest.splice(nodesAt, 0, ...moved);
      const text = rest.join('\n').replace("priority: 100, protocol: 'tcp', source: '10.240.4.0/24'", "priority: 100, protocol: 'tcp', source: appGwSubnet");
      expect(text).toContain('source: appGwSubnet');
      writeFileSync(join(d, 'design.ts'), text);
      return join(d, 'design.ts');
    };

    it('is no drift when the deployed prefix is the subnet\'s CIDR', async () => {
      const r = await driftFile(subnetSource(), join(fixtures, 'az'), '2026-12-01');
      expect(r.findings.map((f) => f.message)).toEqual([]);
    });

    it("is drift at that rule's source when the deployed prefix differs", async () => {
      const file = subnetSource();
      const from = edited('nsg-list.json', (v) => {
        const rules = v.flatMap((n) => n.securityRules as Array<Record<string, unknown>>);
        rules.find((r) => r.name === 'allow-appgw-to-ilb')!.sourceAddressPrefix = '10.240.9.0/24';
      });
      const r = await driftFile(file, from, '2026-12-01');
      expect(r.findings.map((f) => `${f.elementName}|${f.evidence?.field}|${f.evidence?.design}|${f.evidence?.azure}`)).toEqual([
        'nsg-aks-nodes|rules[allow-appgw-to-ilb].source|10.240.4.0/24|10.240.9.0/24',
      ]);
      const text = readFileSync(file, 'utf8').split('\n')[r.findings[0]!.line - 1]!;
      expect(text.slice(r.findings[0]!.column - 1)).toMatch(/^source: appGwSubnet/);
    });
  });

  it('a changed subnet CIDR is drift at the cidr line of the design, and nothing else drifts', async () => {
    const from = edited('vnet-list.json', (v) => {
      (v[1]!.subnets as Array<Record<string, unknown>>)[0]!.addressPrefix = '10.240.0.0/23';
    });
    const r = await driftFile(design, from, '2026-12-01');
    expect(r.findings).toHaveLength(1);
    const [f] = r.findings;
    expect(f!.ruleId).toBe('drift/differs');
    expect(f!.severity).toBe('error');
    expect(f!.message).toBe(
      'subnet snet-aks-nodes: cidr is 10.240.0.0/22 in the design but 10.240.0.0/23 in Azure ' +
        '(/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-spoke-payments-weu/providers/' +
        'Microsoft.Network/virtualNetworks/vnet-spoke-payments-weu/subnets/snet-aks-nodes)',
    );
    expect(line(f!.line).slice(f!.column - 1)).toMatch(/^cidr: '10\.240\.0\.0\/22'/);
  });

  it('an NSG or route table detached from a subnet, and changed VNet DNS servers, are drift', async () => {
    // A subnet object in Azure's JSON states its NSG and route table by leaving them out when there are none;
    // a VNet states Azure-provided DNS by leaving out dhcpOptions.dnsServers, as the design does by omitting dnsServers.
    const from = edited('vnet-list.json', (v) => {
      const nodes = (v[1]!.subnets as Array<Record<string, unknown>>)[0]!;
      delete nodes.networkSecurityGroup;
      delete nodes.routeTable;
      v[1]!.dhcpOptions = { dnsServers: ['10.200.0.4'] };
    });
    const r = await driftFile(design, from, '2026-12-01');
    expect(
      r.findings.map((f) => `${f.ruleId}|${f.elementName}|${f.evidence?.field}|${f.evidence?.design}|${f.evidence?.azure}`).sort(),
    ).toEqual([
      'drift/differs|snet-aks-nodes|nsg|nsg:nsg-aks-nodes|(unset)',
      'drift/differs|snet-aks-nodes|routeTable|routeTable:rt-aks-egress|(unset)',
      'drift/differs|vnet-spoke-payments-weu|dnsServers|[]|["10.200.0.4"]',
    ]);
    const at = (field: string) => line(r.findings.find((f) => f.evidence?.field === field)!.line);
    expect(at('nsg')).toContain("const nodes = subnet({ name: 'snet-aks-nodes'");
    expect(at('dnsServers')).toMatch(/^const spoke = vnet\(\{/);
  });

  describe('a subnet whose design leaves out its NSG and route table (unknown, not none)', () => {
    const unstatedDesign = (): string => {
      const d = mkdtempSync(join(tmpdir(), 'aksnet-drift-design-'));
      dirs.push(d);
      const source = readFileSync(design, 'utf8');
      const open = source.replace(
        "purpose: 'aks-nodes', nsg: nodesNsg, routeTable: egress, defaultOutboundAccess",
        "purpose: 'aks-nodes', defaultOutboundAccess",
      );
      expect(open).not.toBe(source);
      writeFileSync(join(d, 'design.ts'), open);
      return join(d, 'design.ts');
    };

    it('is told what Azure attaches there as info, at the subnet line, without saying the design has none', async () => {
      const file = unstatedDesign();
      const r = await driftFile(file, join(fixtures, 'az'), '2026-12-01');
      expect(
        r.findings.map((f) => `${f.ruleId}|${f.severity}|${f.elementName}|${f.evidence?.field}|${f.evidence?.design}|${f.evidence?.azure}`),
      ).toEqual([
        'drift/unstated-in-design|info|snet-aks-nodes|nsg|not stated|nsg:nsg-aks-nodes',
        'drift/unstated-in-design|info|snet-aks-nodes|routeTable|not stated|routeTable:rt-aks-egress',
      ]);
      expect(r.findings[0]!.message).toBe(
        "Azure attaches NSG nsg-aks-nodes to subnet snet-aks-nodes; the design does not state the subnet's NSG " +
          '(/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-spoke-payments-weu/providers/' +
          'Microsoft.Network/virtualNetworks/vnet-spoke-payments-weu/subnets/snet-aks-nodes)',
      );
      const text = readFileSync(file, 'utf8').split('\n');
      for (const f of r.findings) expect(text[f.line - 1]).toContain("const nodes = subnet({ name: 'snet-aks-nodes'");
      // Info: the default --fail-on error passes, --fail-on info fails; SARIF calls it a note.
      expect(exitCode([r], 'error')).toBe(0);
      expect(exitCode([r], 'info')).toBe(1);
      expect(sarifLog([r], []).runs[0]!.results!.map((x) => x.level)).toEqual(['note', 'note']);
    });

    it('says nothing where Azure attaches none either', async () => {
      const from = edited('vnet-list.json', (v) => {
        const nodes = (v[1]!.subnets as Array<Record<string, unknown>>)[0]!;
        delete nodes.networkSecurityGroup;
        delete nodes.routeTable;
      });
      expect((await driftFile(unstatedDesign(), from, '2026-12-01')).findings).toEqual([]);
    });
  });

  it('an NSG rule removed in Azure is one finding at its line; a changed port reads as the design writes it', async () => {
    const from = edited('nsg-list.json', (v) => {
      const nodes = v.find((n) => n.name === 'nsg-aks-nodes')!;
      nodes.securityRules = (nodes.securityRules as Array<Record<string, unknown>>).filter((r) => r.name !== 'allow-appgw-to-ilb');
      const appgw = v.find((n) => n.name === 'nsg-appgw')!;
      (appgw.securityRules as Array<Record<string, unknown>>).find((r) => r.name === 'allow-https-internet')!.destinationPortRange = '8443';
    });
    const r = await driftFile(design, from, '2026-12-01');
    expect(r.findings.map((f) => `${f.ruleId}|${f.severity}|${f.elementName}|${f.evidence?.field}|${f.evidence?.azure}`)).toEqual([
      'drift/differs|error|nsg-aks-nodes|rules[allow-appgw-to-ilb]|(unset)',
      'drift/differs|error|nsg-appgw|rules[allow-https-internet].ports|8443',
    ]);
    expect(r.findings[0]!.message).toMatch(/^nsg nsg-aks-nodes: rule allow-appgw-to-ilb is in the design but not in Azure \(\/subscriptions\//);
    expect(line(r.findings[0]!.line)).toContain("{ name: 'allow-appgw-to-ilb'");
    expect(r.findings[1]!.message).toMatch(/^nsg nsg-appgw: rules\[allow-https-internet\]\.ports is 443 in the design but 8443 in Azure/);
  });

  it('a route added in Azure is one finding naming its prefix and next hop', async () => {
    const from = edited('route-table-list.json', (v) => {
      (v[0]!.routes as Array<Record<string, unknown>>).push({ name: 'onprem-drop', addressPrefix: '192.168.10.0/24', nextHopType: 'None' });
    });
    const r = await driftFile(design, from, '2026-12-01');
    expect(r.findings.map((f) => `${f.ruleId}|${f.elementName}|${f.evidence?.field}|${f.evidence?.design}`)).toEqual([
      'drift/differs|rt-aks-egress|routes[onprem-drop]|(unset)',
    ]);
    expect(r.findings[0]!.message).toMatch(
      /^routeTable rt-aks-egress: route onprem-drop \(prefix 192\.168\.10\.0\/24, nextHopType None\) is in Azure but not in the design \(/,
    );
    expect(line(r.findings[0]!.line)).toMatch(/routes: \[\{ name: 'default-to-firewall'/);
  });

  describe('VNet peerings', () => {
    const peeringLine = designLines.findIndex((l) => l.includes('peerings: [peering({')) + 1;

    it('a peering removed in Azure is missing at its line', async () => {
      const from = edited('vnet-list.json', (v) => v.forEach((x) => delete x.virtualNetworkPeerings));
      const r = await driftFile(design, from, '2026-12-01');
      expect(r.findings.map((f) => `${f.ruleId}|${f.severity}|${f.message}`)).toEqual([
        'drift/missing-in-azure|error|peering vnet-hub-weu <-> vnet-spoke-payments-weu is in the design but not in Azure',
      ]);
      expect(r.findings[0]!.line).toBe(peeringLine);
    });

    it("a changed peering field is drift at that field of the peering's line", async () => {
      const from = edited('vnet-list.json', (v) =>
        v.forEach((x) => (x.virtualNetworkPeerings as Array<Record<string, unknown>>).forEach((p) => (p.allowForwardedTraffic = false))),
      );
      const r = await driftFile(design, from, '2026-12-01');
      expect(r.findings.map((f) => `${f.ruleId}|${f.evidence?.field}|${f.evidence?.design}|${f.evidence?.azure}`)).toEqual([
        'drift/differs|allowForwardedTraffic|true|false',
      ]);
      expect(r.findings[0]!.line).toBe(peeringLine);
      expect(line(peeringLine).slice(r.findings[0]!.column - 1)).toMatch(/^allowForwardedTraffic: true/);
      expect(r.findings[0]!.message).toContain('/virtualNetworks/vnet-hub-weu)');
    });

    describe('gateway transit, by the side each flag belongs to, in either VNet order', () => {
      /** The design with its peering written `from: <first>`, `to: <second>`, stating both gateway flags false. */
      const ordered = (first: 'hub' | 'spoke'): string => {
        const d = mkdtempSync(join(tmpdir(), 'aksnet-drift-design-'));
        dirs.push(d);
        const second = first === 'hub' ? 'spoke' : 'hub';
        const text = designLines
          .map((l, i) =>
            i === peeringLine - 1
              ? l.replace('from: hub, to: spoke', `from: ${first}, to: ${second}`)
              : l,
          )
          .join('\n');
        expect(text).toContain(`peering({ from: ${first}, to: ${second}, allowGatewayTransit: false, useRemoteGateways: false`);
        writeFileSync(join(d, 'design.ts'), text);
        return join(d, 'design.ts');
      };
      /** The export with one flag set on one VNet's own peering resource. */
      const setOn = (vnet: string, flag: 'allowGatewayTransit' | 'useRemoteGateways') =>
        edited('vnet-list.json', (v) => {
          const own = v.find((x) => x.name === vnet)!.virtualNetworkPeerings as Array<Record<string, unknown>>;
          own[0]![flag] = true;
        });
      const drift = async (file: string, from: string) =>
        (await driftFile(file, from, '2026-12-01')).findings.map(
          (f) => `${f.ruleId}|${f.evidence?.field}|${f.evidence?.design}|${f.evidence?.azure}`,
        );
      const hub = 'vnet-hub-weu';
      const spoke = 'vnet-spoke-payments-weu';

      it('the design written hub first states the hub allowing transit and the spoke using it', async () => {
        const file = ordered('hub');
        expect(await drift(file, setOn(hub, 'allowGatewayTransit'))).toEqual(['drift/differs|allowGatewayTransit|false|true']);
        expect(await drift(file, setOn(spoke, 'useRemoteGateways'))).toEqual(['drift/differs|useRemoteGateways|false|true']);
        // The other two directions are facts this design does not state.
        expect(await drift(file, setOn(spoke, 'allowGatewayTransit'))).toEqual([]);
        expect(await drift(file, setOn(hub, 'useRemoteGateways'))).toEqual([]);
      });

      it('the design written spoke first states the spoke allowing transit and the hub using it', async () => {
        const file = ordered('spoke');
        expect(await drift(file, join(fixtures, 'az'))).toEqual([]);
        expect(await drift(file, setOn(spoke, 'allowGatewayTransit'))).toEqual(['drift/differs|allowGatewayTransit|false|true']);
        expect(await drift(file, setOn(hub, 'useRemoteGateways'))).toEqual(['drift/differs|useRemoteGateways|false|true']);
        expect(await drift(file, setOn(hub, 'allowGatewayTransit'))).toEqual([]);
        expect(await drift(file, setOn(spoke, 'useRemoteGateways'))).toEqual([]);
      });

      it("points at the flag on the design's peering line and names the first VNet's Azure id", async () => {
        const file = ordered('spoke');
        const r = await driftFile(file, setOn(spoke, 'allowGatewayTransit'), '2026-12-01');
        const text = readFileSync(file, 'utf8').split('\n')[r.findings[0]!.line - 1]!;
        expect(text.slice(r.findings[0]!.column - 1)).toMatch(/^allowGatewayTransit: false/);
        expect(r.findings[0]!.message).toContain(`/virtualNetworks/${spoke})`);
      });
    });

    it('a peering deployed but not in the design is extra in Azure', async () => {
      const d = mkdtempSync(join(tmpdir(), 'aksnet-drift-design-'));
      dirs.push(d);
      const text = designLines.filter((_, i) => i !== peeringLine - 1).join('\n');
      writeFileSync(join(d, 'design.ts'), text);
      const r = await driftFile(join(d, 'design.ts'), join(fixtures, 'az'), '2026-12-01');
      expect(r.findings.map((f) => `${f.ruleId}|${f.severity}|${f.elementName}`)).toEqual([
        'drift/extra-in-azure|warning|vnet-hub-weu <-> vnet-spoke-payments-weu',
      ]);
      expect(text.split('\n')[r.findings[0]!.line - 1]).toContain("const hub = vnet({ name: 'vnet-hub-weu'");
    });
  });

  it('a changed WAF mode is drift at the mode line of the design', async () => {
    const from = edited('application-gateway-waf-policy-list.json', (v) => {
      (v[0]!.policySettings as Record<string, unknown>).mode = 'Detection';
    });
    const r = await driftFile(design, from, '2026-12-01');
    expect(r.findings.map((f) => [f.ruleId, f.evidence?.field, f.evidence?.design, f.evidence?.azure])).toEqual([
      ['drift/differs', 'waf.mode', 'Prevention', 'Detection'],
    ]);
    expect(line(r.findings[0]!.line)).toMatch(/^\s*mode: 'Prevention',$/);
  });

  it('a changed WAF managed rule-set version is drift at the managedRuleSets line of the design', async () => {
    const from = edited('application-gateway-waf-policy-list.json', (v) => {
      const managed = v[0]!.managedRules as { managedRuleSets: Array<Record<string, unknown>> };
      managed.managedRuleSets[0]!.ruleSetVersion = '2.2';
    });
    const r = await driftFile(design, from, '2026-12-01');
    expect(r.findings.map((f) => [f.ruleId, f.elementName, f.evidence?.field])).toEqual([
      ['drift/differs', 'agw-payments-weu', 'waf.managedRuleSets'],
    ]);
    expect(r.findings[0]!.evidence?.design).toContain('"version":"2.1"');
    expect(r.findings[0]!.evidence?.azure).toContain('"version":"2.2"');
    expect(line(r.findings[0]!.line)).toMatch(/^\s*managedRuleSets: \[/);
    expect(r.findings[0]!.message).toContain('/applicationGateways/agw-payments-weu');
  });

  it('a changed IDPS mode is drift at the firewall policy line of the design', async () => {
    const from = edited('firewall-policy-list.json', (v) => {
      (v[0]!.intrusionDetection as Record<string, unknown>).mode = 'Deny';
    });
    const r = await driftFile(design, from, '2026-12-01');
    expect(
      r.findings.map(
        (f) => `${f.ruleId}|${f.elementName}|${f.evidence?.field}|${f.evidence?.design}|${f.evidence?.azure}`,
      ),
    ).toEqual(['drift/differs|afwp-hub-weu|idps|Alert|Deny']);
    expect(line(r.findings[0]!.line)).toMatch(/^\s*idps: 'Alert',$/);
  });

  it('a changed public IP zone is drift at the public IP line of the design', async () => {
    const from = edited('public-ip-list.json', (v) => {
      v.find((p) => p.name === 'pip-afw-hub-weu')!.zones = ['1'];
    });
    const r = await driftFile(design, from, '2026-12-01');
    expect(
      r.findings.map(
        (f) => `${f.ruleId}|${f.elementName}|${f.evidence?.field}|${f.evidence?.design}|${f.evidence?.azure}`,
      ),
    ).toEqual(['drift/differs|pip-afw-hub-weu|zones|[1,2,3]|[1]']);
    expect(line(r.findings[0]!.line)).toContain("publicIp({ name: 'pip-afw-hub-weu'");
  });

  it('new fields the design leaves unknown (IDPS mode, DDoS IP Protection) are not drift', async () => {
    const d = mkdtempSync(join(tmpdir(), 'aksnet-drift-design-'));
    dirs.push(d);
    const source = readFileSync(design, 'utf8');
    const open = source.replace("  idps: 'Alert',\n", '').replace('ddosIpProtection: false, ', '');
    expect(open).not.toBe(source);
    writeFileSync(join(d, 'design.ts'), open);
    const from = edited('firewall-policy-list.json', (v) => {
      (v[0]!.intrusionDetection as Record<string, unknown>).mode = 'Deny';
    });
    const pips = JSON.parse(readFileSync(join(from, 'public-ip-list.json'), 'utf8')) as Array<Record<string, unknown>>;
    pips.find((p) => p.name === 'pip-afw-hub-weu')!.ddosSettings = { protectionMode: 'Enabled' };
    writeFileSync(join(from, 'public-ip-list.json'), JSON.stringify(pips));
    expect((await driftFile(join(d, 'design.ts'), from, '2026-12-01')).findings).toEqual([]);
    // Stated in the design, the same export drifts on both.
    expect((await driftFile(design, from, '2026-12-01')).findings.map((f) => f.evidence?.field).sort()).toEqual([
      'ddosIpProtection',
      'idps',
    ]);
  });

  it('firewall rules Resource Graph cannot show are unknown there, not drift', async () => {
    // The graph export has the policy but not its rule collection groups.
    const r = await driftFile(design, join(fixtures, 'graph.json'), '2026-12-01');
    expect(r.findings).toEqual([]);
  });

  it('a resource missing in Azure and one extra in Azure', async () => {
    const from = edited('private-endpoint-list.json', (v) => {
      v[1]!.name = 'pe-acr-payments-2';
      v[1]!.id = String(v[1]!.id).replace(/pe-acr-payments$/, 'pe-acr-payments-2');
    });
    const r = await driftFile(design, from, '2026-12-01');
    expect(r.findings.map((f) => `${f.ruleId}|${f.elementName}|${f.severity}`).sort()).toEqual([
      'drift/extra-in-azure|pe-acr-payments-2|warning',
      'drift/missing-in-azure|pe-acr-payments|error',
    ]);
    const missing = r.findings.find((f) => f.ruleId === 'drift/missing-in-azure')!;
    expect(line(missing.line)).toContain('const acrEndpoint = privateEndpoint({');
  });

  it("a PaaS service's public access the export cannot show is unknown, not drift; shown, it is compared", async () => {
    const d = mkdtempSync(join(tmpdir(), 'aksnet-drift-design-'));
    dirs.push(d);
    const source = readFileSync(design, 'utf8');
    const closed = source.replace("service: 'keyVault', publicNetworkAccess: 'unknown'", "service: 'keyVault', publicNetworkAccess: false");
    expect(closed).not.toBe(source);
    writeFileSync(join(d, 'design.ts'), closed);
    // The az export has the private endpoint but not the vault's own JSON.
    expect((await driftFile(join(d, 'design.ts'), join(fixtures, 'az'), '2026-12-01')).findings).toEqual([]);
    const from = edited('vnet-list.json', () => undefined);
    const vault = {
      id: '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-spoke-payments-weu/providers/Microsoft.KeyVault/vaults/kv-payments-weu',
      name: 'kv-payments-weu',
      type: 'Microsoft.KeyVault/vaults',
      properties: { publicNetworkAccess: 'Enabled' },
    };
    writeFileSync(join(from, 'keyvault-list.json'), JSON.stringify([vault]));
    const r = await driftFile(join(d, 'design.ts'), from, '2026-12-01');
    expect(r.findings.map((f) => `${f.ruleId}|${f.elementName}|${f.evidence?.field}|${f.evidence?.design}|${f.evidence?.azure}`)).toEqual([
      'drift/differs|kv-payments-weu|publicNetworkAccess|false|true',
    ]);
  });

  it('fields the design leaves unknown are not drift', async () => {
    // The export states NSG flow logs nowhere and the design states no subnet defaultOutboundAccess
    // for snet-appgw; Azure turning defaultOutboundAccess off there is unknown to the design, not drift.
    const from = edited('vnet-list.json', (v) => {
      (v[1]!.subnets as Array<Record<string, unknown>>)[1]!.defaultOutboundAccess = false;
    });
    expect((await driftFile(design, from, '2026-12-01')).findings).toEqual([]);
  });

  it('a node count the autoscaler changed is not drift; a changed autoscaler maximum is', async () => {
    const from = edited('aks-show.json', () => undefined);
    const p = join(from, 'aks-show.json');
    const aks = JSON.parse(readFileSync(p, 'utf8')) as { agentPoolProfiles: Array<Record<string, unknown>> };
    aks.agentPoolProfiles[1]!.count = 7;
    writeFileSync(p, JSON.stringify(aks, null, 2));
    expect((await driftFile(design, from, '2026-12-01')).findings).toEqual([]);
    aks.agentPoolProfiles[1]!.maxCount = 30;
    writeFileSync(p, JSON.stringify(aks, null, 2));
    const r = await driftFile(design, from, '2026-12-01');
    expect(
      r.findings.map((f) => `${f.elementName}|${f.evidence?.field}|${f.evidence?.design}|${f.evidence?.azure}`),
    ).toEqual(['apps|maxCount|20|30']);
    expect(line(r.findings[0]!.line)).toContain("nodePool({ name: 'apps'");
  });

  it('a node pool whose autoscaler is turned off in Azure is drift at the node pool line', async () => {
    const from = edited('aks-show.json', () => undefined);
    const p = join(from, 'aks-show.json');
    const aks = JSON.parse(readFileSync(p, 'utf8')) as { agentPoolProfiles: Array<Record<string, unknown>> };
    const apps = aks.agentPoolProfiles.find((x) => x.name === 'apps')!;
    apps.enableAutoScaling = false;
    apps.count = 5;
    delete apps.minCount;
    delete apps.maxCount;
    writeFileSync(p, JSON.stringify(aks, null, 2));
    const r = await driftFile(design, from, '2026-12-01');
    expect(
      r.findings.map((f) => `${f.ruleId}|${f.elementName}|${f.evidence?.field}|${f.evidence?.design}|${f.evidence?.azure}`),
    ).toEqual(['drift/differs|apps|autoscaling|true|false']);
    expect(line(r.findings[0]!.line)).toContain("nodePool({ name: 'apps'");
  });

  it('is written in every validate format, SARIF valid against the 2.1.0 schema', async () => {
    const from = edited('vnet-list.json', (v) => {
      (v[1]!.subnets as Array<Record<string, unknown>>)[0]!.addressPrefix = '10.240.0.0/23';
    });
    const r = await driftFile(design, from, '2026-12-01');
    const log = sarifLog([r], []);
    expect(sarifValidator()(log)).toBe(true);
    expect(log.runs[0]!.results![0]!.ruleId).toBe('drift/differs');
    expect(log.runs[0]!.results![0]!.locations![0]!.physicalLocation!.region!.startLine).toBe(r.findings[0]!.line);
    expect(formatGithub([r])).toContain(`line=${r.findings[0]!.line}`);
    expect(formatMarkdown([r])).toContain('drift/differs');
    expect(
      JSON.parse(formatJson([r])).files?.[0]?.findings?.[0]?.ruleId ?? JSON.stringify(JSON.parse(formatJson([r]))),
    ).toContain('drift/differs');
  });
});

describe('aksnet drift: Front Door and Private Link Service', () => {
  it('a changed route protocol and PLS visibility are drift at their lines; a field Azure stops stating is not', async () => {
    const fd = resolve(fixtures, '../front-door');
    const d = mkdtempSync(join(tmpdir(), 'aksnet-drift-fd-'));
    dirs.push(d);
    // The imported design is the reviewed one; then Azure changes.
    writeFileSync(join(d, 'design.ts'), designSource(importAzure(fd)));
    const lines = readFileSync(join(d, 'design.ts'), 'utf8').split('\n');
    const from = join(d, 'export');
    cpSync(fd, from, { recursive: true });
    expect((await driftFile(join(d, 'design.ts'), from, '2026-12-01')).findings).toEqual([]);
    const edit = (file: string, change: (v: Array<Record<string, unknown>>) => void) => {
      const v = JSON.parse(readFileSync(join(from, file), 'utf8')) as Array<Record<string, unknown>>;
      change(v);
      writeFileSync(join(from, file), JSON.stringify(v));
    };
    edit('afd-route-list.json', (v) => {
      v[0]!.forwardingProtocol = 'MatchRequest';
    });
    edit('private-link-service-list.json', (v) => {
      v[0]!.visibility = { subscriptions: ['*'] };
    });
    // With MatchRequest forwarding Azure no longer says whether Front Door uses HTTPS to the origin:
    // the origin's `https` becomes unknown on Azure's side, which is not drift.
    const r = await driftFile(join(d, 'design.ts'), from, '2026-12-01');
    expect(
      r.findings.map((f) => `${f.elementName}|${f.evidence?.field}|${f.evidence?.design}|${f.evidence?.azure}`),
    ).toEqual(['pls-ingress|visibility|[]|*', 'afd-payments|routes[api].forwardingProtocol|HttpsOnly|MatchRequest']);
    const at = (name: string) => lines[r.findings.find((f) => f.elementName === name)!.line - 1]!;
    expect(at('pls-ingress')).toMatch(/^\s*visibility: \[\],$/);
    expect(at('afd-payments')).toMatch(/^\s*forwardingProtocol: 'HttpsOnly'/);
  });
});
