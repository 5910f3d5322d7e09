/** Every class of unusable import input: one error naming the file, the JSON path and line:col, exit 2. */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { importAzure } from '../../src/import/import.js';
import { AksnetError } from '../../src/shared/errors.js';

const fixtures = resolve(import.meta.dirname, '../fixtures/azure/hub-spoke');
const SPOKE = '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-spoke-payments-weu';
const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

function tmp(): string {
  const d = mkdtempSync(join(tmpdir(), 'aksnet-import-err-'));
  dirs.push(d);
  return d;
}

/** The az fixture folder with some files left out or replaced. */
function azFolder(drop: string[], replace: Record<string, string> = {}): string {
  const d = join(tmp(), 'export');
  cpSync(join(fixtures, 'az'), d, { recursive: true });
  for (const f of drop) rmSync(join(d, f));
  for (const [f, text] of Object.entries(replace)) writeFileSync(join(d, f), text);
  return d;
}

function file(name: string, text: string): string {
  const p = join(tmp(), name);
  writeFileSync(p, text);
  return p;
}

function failure(path: string): AksnetError {
  try {
    importAzure(path);
  } catch (e) {
    if (e instanceof AksnetError) return e;
    throw e;
  }
  throw new Error('expected the import to fail');
}

describe('aksnet import: unusable input', () => {
  it('truncated JSON: the file, where it ends and the JSON path being read', () => {
    const text = readFileSync(join(fixtures, 'az', 'lb-list.json'), 'utf8');
    const e = failure(file('lb-list.json', text.slice(0, 400)));
    expect(e.exitCode).toBe(2);
    expect(e.location?.file).toMatch(/lb-list\.json$/);
    expect(e.location?.line).toBe(text.slice(0, 400).split('\n').length);
    expect(e.message).toMatch(
      /^\$\[0\][\w.[\]]*: the JSON ends inside (a string|an object|an array): the file is truncated$/,
    );
  });

  it('malformed JSON: the line and column of the bad character', () => {
    const e = failure(file('x.json', '[\n  { "id": 1, }\n]'));
    expect(e.format()).toMatch(/x\.json:2:14 - error: \$\[0\]: expected a quoted key$/);
  });

  it('a resource missing its subnet: the referencing file and JSON path, and the command to add', () => {
    const only = join(tmp(), 'only-aks');
    mkdirSync(only);
    cpSync(join(fixtures, 'az', 'aks-show.json'), join(only, 'aks-show.json'));
    const e = failure(only);
    expect(e.location?.file).toMatch(/aks-show\.json$/);
    expect(e.message).toBe(
      '$.agentPoolProfiles[0].vnetSubnetId: the subnet of agent pool system, snet-aks-nodes is in virtual network ' +
        'vnet-spoke-payments-weu, which is not in the input; add the output of `az network vnet list`',
    );
    // The line is the one holding vnetSubnetId.
    const lines = readFileSync(join(fixtures, 'az', 'aks-show.json'), 'utf8').split('\n');
    expect(lines[e.location!.line - 1]).toContain('"vnetSubnetId"');
  });

  it('a firewall missing its subnet, in a folder where everything else is present', () => {
    const e = failure(azFolder(['vnet-list.json']));
    expect(e.location?.file).toMatch(/firewall-list\.json$/);
    expect(e.message).toBe(
      '$[0].ipConfigurations[0].subnet.id: subnet AzureFirewallSubnet is in virtual network vnet-hub-weu, ' +
        'which is not in the input; add the output of `az network vnet list`',
    );
  });

  it("a referenced resource missing from the input (a subnet's route table)", () => {
    const e = failure(azFolder(['route-table-list.json']));
    expect(e.location?.file).toMatch(/vnet-list\.json$/);
    expect(e.message).toBe(
      '$[1].subnets[0].routeTable.id: route table rt-aks-egress ' +
        `(${SPOKE}/providers/Microsoft.Network/routeTables/rt-aks-egress) is not in the input; ` +
        'add the output of `az network route-table list`',
    );
  });

  it('an export of another resource type', () => {
    const vm = [
      {
        id: '/subscriptions/s/resourceGroups/rg/providers/Microsoft.Compute/virtualMachines/vm1',
        name: 'vm1',
        type: 'Microsoft.Compute/virtualMachines',
        location: 'westeurope',
        hardwareProfile: { vmSize: 'Standard_D2s_v5' },
      },
    ];
    const e = failure(file('vm-list.json', JSON.stringify(vm, null, 2)));
    expect(e.format()).toMatch(
      /vm-list\.json:2:3 - error: \$\[0\]: the file holds no resource type aksnet imports \(found Microsoft\.Co/,
    );
  });

  it('JSON that is not an Azure export', () => {
    expect(failure(file('x.json', '{ "foo": 1 }')).message).toBe(
      '$: not an Azure export: expected a resource, a list of resources, an `az graph query` result or an ARM template',
    );
  });

  it('a list item that is not a resource (no type, no id)', () => {
    expect(failure(file('x.json', '[{ "name": "a" }]')).message).toMatch(
      /^\$\[0\]: expected an Azure resource with a "type"/,
    );
    expect(failure(file('x.json', '[{ "name": "a", "type": "Microsoft.Network/routeTables" }]')).message).toMatch(
      /^\$\[0\]: expected an Azure resource with an "id"/,
    );
  });

  it('a resource missing a property the DSL requires', () => {
    const gw = JSON.parse(readFileSync(join(fixtures, 'az', 'application-gateway-list.json'), 'utf8')) as Array<
      Record<string, unknown>
    >;
    delete gw[0]!.sku;
    const e = failure(azFolder([], { 'application-gateway-list.json': JSON.stringify(gw, null, 2) }));
    expect(e.message).toBe(
      '$[0]: the Application Gateway has no sku.tier (Standard_v2, WAF_v2, Standard or WAF)',
    );
  });

  it('a user-defined-routing cluster whose node subnets route nowhere', () => {
    const vnets = JSON.parse(readFileSync(join(fixtures, 'az', 'vnet-list.json'), 'utf8')) as Array<{
      subnets: Array<Record<string, unknown>>;
    }>;
    for (const v of vnets) for (const s of v.subnets) delete s.routeTable;
    const e = failure(azFolder(['route-table-list.json'], { 'vnet-list.json': JSON.stringify(vnets, null, 2) }));
    expect(e.location?.file).toMatch(/aks-show\.json$/);
    expect(e.message).toBe(
      "$.networkProfile.outboundType: outboundType is userDefinedRouting but no route table on aks-payments-weu's " +
        'node subnets sends 0.0.0.0/0 to an Azure Firewall in the input; add the outputs of ' +
        '`az network route-table list` and `az network firewall list`',
    );
  });

  it('an ARM template expression aksnet cannot evaluate', () => {
    const t = {
      $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#',
      contentVersion: '1.0.0.0',
      parameters: { n: { type: 'String' } },
      resources: [
        {
          type: 'Microsoft.Network/routeTables',
          apiVersion: '2024-05-01',
          name: "[parameters('n')]",
          location: '[resourceGroup().location]',
          properties: { routes: [] },
        },
      ],
    };
    expect(failure(file('t.json', JSON.stringify(t, null, 2))).message).toBe(
      '$.resources[0].name: parameter "n" has no defaultValue; export with default values',
    );
    t.parameters.n = { type: 'String', defaultValue: 'rt' } as never;
    expect(failure(file('t.json', JSON.stringify(t, null, 2))).message).toBe(
      '$.resources[0].location: the ARM function resourceGroup() is not supported by aksnet import',
    );
  });

  it('a path that does not exist, and a folder without JSON files', () => {
    expect(failure(join(tmp(), 'nope')).message).toMatch(/nope: no such file or folder$/);
    const empty = join(tmp(), 'empty');
    mkdirSync(empty);
    expect(failure(empty).message).toMatch(/empty: the folder has no \.json files/);
  });
});
