/**
 * `aksnet routes`: the effective route table per subnet, like `az network nic show-effective-route-table`.
 * The fixture's node subnet routes 0.0.0.0/0 to the hub firewall: the user route must win over the
 * default Internet route, which is listed as Invalid.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { formatRoutesText, routeViews } from '../../src/cli/commands/routes.js';
import { loadArchitecture } from '../../src/load/load-architecture.js';
import { ensureBuilt } from '../helpers/build.js';

const repo = resolve(import.meta.dirname, '../..');
const bin = join(repo, 'bin/aksnet.js');
const fixture = join(repo, 'test/fixtures/routing/lb-behind-firewall.ts');

function aksnet(args: string[]) {
  const r = spawnSync(process.execPath, [bin, ...args], { cwd: repo, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' }, timeout: 60_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

beforeAll(() => {
  ensureBuilt();
  expect(existsSync(join(repo, 'dist/src/cli/main.js'))).toBe(true);
}, 120_000);

describe('aksnet routes', () => {
  it('shows the user 0.0.0.0/0 route to the firewall winning over the default Internet route', () => {
    const r = aksnet(['routes', fixture, '--subnet', 'snet-nodes']);
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toBe('vnet-spoke/snet-nodes (10.1.0.0/22) · route table rt-spoke-egress · gateway route propagation off');
    expect(lines[1]).toMatch(/^Source\s+State\s+Address Prefix\s+Next Hop Type\s+Next Hop IP\s+Next Hop \/ Route$/);
    expect(lines).toContainEqual(expect.stringMatching(/^Default\s+Invalid\s+0\.0\.0\.0\/0\s+Internet$/));
    expect(lines).toContainEqual(
      expect.stringMatching(/^User\s+Active\s+0\.0\.0\.0\/0\s+VirtualAppliance\s+10\.200\.0\.4\s+afw-hub, route default-to-firewall in rt-spoke-egress$/),
    );
    expect(lines).toContainEqual(expect.stringMatching(/^Default\s+Active\s+10\.200\.0\.0\/22\s+VNetPeering\s+vnet-hub$/));
    expect(r.stdout).not.toContain('snet-hub');
  });

  it('prints JSON with the winning default route per subnet, the same bytes on every run', () => {
    const a = aksnet(['routes', fixture, '--format', 'json']);
    const b = aksnet(['routes', fixture, '--format', 'json']);
    expect(a.code).toBe(0);
    expect(a.stdout).toBe(b.stdout);
    const out = JSON.parse(a.stdout) as { subnets: Array<{ subnet: string; defaultRoute: unknown; routes: Array<{ source: string; state: string; addressPrefix: string }> }> };
    expect(out.subnets.map((s) => s.subnet)).toEqual(['AzureFirewallSubnet', 'snet-nodes']);
    const nodes = out.subnets.find((s) => s.subnet === 'snet-nodes')!;
    expect(nodes.defaultRoute).toEqual({ source: 'User', nextHopType: 'VirtualAppliance', nextHop: 'afw-hub, route default-to-firewall in rt-spoke-egress' });
    expect(nodes.routes.filter((x) => x.addressPrefix === '0.0.0.0/0').map((x) => `${x.source} ${x.state}`)).toEqual(['Default Invalid', 'User Active']);
    // The firewall subnet has no route table: the system Internet route is its default.
    const fw = out.subnets.find((s) => s.subnet === 'AzureFirewallSubnet')!;
    expect(fw.defaultRoute).toEqual({ source: 'Default', nextHopType: 'Internet', nextHop: '' });
  });

  it('an unknown subnet is a usage error (exit 2) that lists the subnets', () => {
    const r = aksnet(['routes', fixture, '--subnet', 'snet-nope']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('no subnet named "snet-nope"');
    expect(r.stderr).toContain('AzureFirewallSubnet, snet-nodes');
    expect(aksnet(['routes', fixture, '--format', 'xml']).code).toBe(2);
  });

  it('selects a subnet by vnet/name and pads every column to its widest cell', async () => {
    const arch = await loadArchitecture(fixture);
    const views = routeViews(arch.model, 'vnet-hub/AzureFirewallSubnet');
    expect(views).toHaveLength(1);
    const text = formatRoutesText(views);
    const [, head, rule, ...rows] = text.trimEnd().split('\n');
    // Each dash run starts where its header starts, and every row's cells start at those offsets.
    const offsets = [...rule!.matchAll(/-+/g)].map((m) => m.index);
    expect([...head!.matchAll(/\S+(?: \S+)*/g)].map((m) => m.index)).toEqual(offsets);
    for (const row of rows) for (const o of offsets.slice(1)) expect(row[o - 1] ?? ' ', row).toBe(' ');
    expect(rows.length).toBe(views[0]!.routes.length);
  });
});
