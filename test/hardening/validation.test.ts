/**
 * Issue #15, bad input always gets a clear answer: every case the attack found accepted or
 * misreported now gives one structure finding (with the boundary on both sides) or a usage error.
 */
import { mkdirSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { nodePool, subnet, vnet, type Architecture } from '../../dsl/index.js';
import { parseCidr } from '../../src/model/cidr.js';
import { normalize } from '../../src/normalize/normalize.js';
import { isCalendarDate } from '../../src/shared/date.js';
import { pdfDate } from '../../src/report/pdf.js';
import { baseline } from '../helpers/fixture.js';
import { runAll, runRule } from '../helpers/run-rule.js';
import { aksnet, design, ensureBuilt, tempDir, write } from './cli.js';

type Mutable = Record<string, unknown>;
const m = (x: unknown) => x as Mutable;

describe('dates are real calendar dates', () => {
  it('isCalendarDate on both sides of month and leap-year ends', () => {
    for (const ok of ['2026-02-28', '2028-02-29', '2026-12-31', '2026-01-01']) expect(isCalendarDate(ok), ok).toBe(true);
    for (const bad of ['2026-02-29', '2026-02-30', '2026-02-31', '2026-13-45', '2026-00-10', '2026-04-31', '26-01-01', '2026-1-01', 2026])
      expect(isCalendarDate(bad), String(bad)).toBe(false);
  });

  it('structure/invalid-date: metadata.date, review.asOf and an acceptance expiry', async () => {
    const { arch } = baseline();
    m(m(arch).metadata).date = '2026-02-31';
    m(arch).review = {
      asOf: '2026-13-45',
      acceptedRisks: [
        { rule: 'x/y', justification: 'j', owner: 'o', expires: '2026-04-31' },
        { rule: 'x/z', justification: 'j', owner: 'o', expires: '2026-04-30' },
      ],
    };
    const f = await runRule('structure/invalid-date', arch);
    expect(f.map((x) => [x.path, x.message])).toEqual([
      ['metadata.date', 'the design date "2026-02-31" is not a calendar date'],
      ['review.acceptedRisks[0].expires', 'the expiry of the accepted risk for x/y "2026-04-31" is not a calendar date'],
      ['review.asOf', 'the review date (asOf) "2026-13-45" is not a calendar date'],
    ].sort((a, b) => (a[0]! < b[0]! ? -1 : 1)));
    m(m(arch).metadata).date = '2026-02-28';
    m(arch).review = { asOf: '2028-02-29' };
    expect(await runRule('structure/invalid-date', arch)).toEqual([]);
  });

  it('pdfDate does not crash on an impossible date (it fell over in PDF rendering)', () => {
    expect(pdfDate('2026-13-45', {})).toBe('19700101000000');
    expect(pdfDate('2026-02-28', {})).toBe('20260228000000');
  });

  describe('CLI and config', () => {
    let dir: string;
    beforeAll(() => {
      ensureBuilt();
      dir = tempDir('validation');
      write(dir, 'd.ts', design());
      mkdirSync(join(dir, 'cfg'));
      write(join(dir, 'cfg'), 'd.ts', design());
      write(join(dir, 'cfg'), 'aksnet.config.ts', "import { defineConfig } from 'aksnet';\nexport default defineConfig({ asOf: '2026-02-30' });\n");
    });

    it.each([
      [['validate', 'd.ts', '--as-of', '2026-02-30'], '--as-of must be a date'],
      [['report', 'd.ts', '--as-of', '2026-02-30', '-o', 'x.json'], '--as-of must be a date'],
    ])('%j is a usage error', (args, msg) => {
      const r = aksnet(args, dir);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(msg);
    });

    it('--as-of 2026-02-28 is accepted', () => {
      expect(aksnet(['validate', 'd.ts', '--as-of', '2026-02-28', '--no-config'], dir).code).toBe(0);
    });

    it('config asOf 2026-02-30 is an invalid config file', () => {
      const r = aksnet(['validate', 'cfg/d.ts'], dir);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/cfg\/aksnet.config.ts:2:\d+ - error: invalid config file: asOf must be a date YYYY-MM-DD, got "2026-02-30"/);
    });

    it.each(['', '0x10', '1e1', ' 1', '-1', '1.5', 'abc'])('--max-warnings %j is rejected', (v) => {
      const r = aksnet(['validate', 'd.ts', `--max-warnings=${v}`, '--no-config'], dir);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('--max-warnings must be a whole number');
    });

    it('--max-warnings 0 and 16 are accepted', () => {
      expect(aksnet(['validate', 'd.ts', '--max-warnings', '0', '--no-config'], dir).code).not.toBe(2);
      expect(aksnet(['validate', 'd.ts', '--max-warnings=16', '--no-config'], dir).code).not.toBe(2);
    });

    it.each([
      [['validate', 'd.ts', '--config', 'cfg/aksnet.config.ts', '--no-config']],
      [['validate', 'd.ts', '--no-config', '-c', 'cfg/aksnet.config.ts']],
      [['report', 'd.ts', '--config=cfg/aksnet.config.ts', '--no-config', '-o', 'x.json']],
    ])('%j: --config with --no-config is a usage error', (args) => {
      const r = aksnet(args, dir);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('--config and --no-config contradict each other');
    });

    it('a symlink loop in a directory validates each file once', () => {
      const d = join(dir, 'loop');
      mkdirSync(d);
      write(d, 'a.ts', design());
      symlinkSync(d, join(d, 'again'));
      symlinkSync(join(d, 'a.ts'), join(d, 'alias.ts'));
      const r = aksnet(['validate', 'loop', '--format', 'json', '--no-config'], dir);
      expect(r.code, r.stderr).toBe(0);
      expect(JSON.parse(r.stdout).files.map((f: { file: string }) => f.file)).toEqual(['loop/a.ts']);
    });

    it('text output names the helper module a finding points into', () => {
      const d = join(dir, 'helper');
      mkdirSync(d);
      write(d, 'lib.ts', "import { subnet } from 'aksnet';\nexport const bad = () =>\n  subnet({ name: 'snet-bad', cidr: '10.1.0.1/24' });\n");
      write(d, 'd.ts', design('bad()', "import { bad } from './lib.js';"));
      const r = aksnet(['validate', 'helper/d.ts', '--no-config'], dir);
      expect(r.code).toBe(1);
      const line = r.stdout.split('\n').find((l) => l.includes('host bits'))!;
      expect(line).toMatch(/^\s+helper\/lib\.ts:3:\d+\s+error\s/);
    });
  });
});

describe('each listed bad input gets a structure finding', () => {
  const ids = async (arch: Architecture) => (await runAll(arch)).filter((f) => f.ruleId.startsWith('structure/'));

  it.each([
    ['10.0.0.256', 'not a valid IPv4 address'],
    ['fd00::4', 'an IPv6 address (aksnet models IPv4 networks)'],
    ['010.0.0.4', 'not a valid IPv4 address'],
  ])('firewall privateIp %s', async (ip, why) => {
    const { arch, firewall } = baseline();
    m(firewall).privateIp = ip;
    const f = await runRule('structure/ip-malformed', arch);
    expect(f.map((x) => x.message)).toEqual([`private IP "${ip}" of afw-hub is ${why}`]);
  });

  it('a valid firewall privateIp has no ip-malformed finding', async () => {
    expect(await runRule('structure/ip-malformed', baseline().arch)).toEqual([]);
  });

  it('nodePools: [] and user pools only', async () => {
    const { arch, aks } = baseline();
    const pools = m(aks).nodePools as Mutable[];
    m(aks).nodePools = [];
    expect((await runRule('structure/cluster-node-pools', arch)).map((f) => f.message)).toEqual([
      'cluster aks-test has no node pools; AKS needs at least one system node pool',
    ]);
    m(aks).nodePools = pools.filter((p) => p.mode === 'user');
    expect((await runRule('structure/cluster-node-pools', arch))[0]?.message).toMatch(/has only user node pools \(apps\)/);
    m(aks).nodePools = pools;
    expect(await runRule('structure/cluster-node-pools', arch)).toEqual([]);
  });

  it('an empty address space with subnets, and none without subnets', async () => {
    const { arch, spoke } = baseline();
    m(spoke).addressSpace = [];
    const f = await runRule('structure/empty-address-space', arch);
    expect(f.map((x) => x.message)).toEqual([expect.stringMatching(/^VNet vnet-spoke has \d+ subnets? but an empty address space$/)]);
    m(spoke).subnets = [];
    expect(await runRule('structure/empty-address-space', arch)).toEqual([]);
  });

  it('one subnet object in two VNets; one node pool object in two clusters', async () => {
    const { arch, hub, spoke, aks } = baseline();
    const shared = subnet({ name: 'snet-shared', cidr: '10.0.3.0/24' });
    (m(hub).subnets as unknown[]).push(shared);
    (m(spoke).subnets as unknown[]).push(shared);
    const f = await runRule('structure/shared-part', arch);
    expect(f).toHaveLength(1);
    expect(f[0]!.message).toMatch(/the same subnet object "snet-shared" is listed in VNet vnet-hub and in vnet-spoke/);

    const second = { ...(aks as object), name: 'aks-second' } as Mutable;
    m(arch).clusters = [aks, second];
    const p = await runRule('structure/shared-part', arch);
    expect(p.filter((x) => x.message.includes('node pool'))).toHaveLength(2);
    expect(p.find((x) => x.message.includes('node pool'))!.message).toMatch(/listed in cluster aks-test and in aks-second/);
  });

  it('one subnet listed once per VNet is not shared', async () => {
    expect(await runRule('structure/shared-part', baseline().arch)).toEqual([]);
  });

  it('an ingress path with no hops', async () => {
    const { arch, path } = baseline();
    m(path).hops = [];
    expect((await runRule('structure/ingress-path-hops', arch)).map((f) => [f.message, f.path])).toEqual([['ingress path web has no hops', 'ingress[0].hops']]);
    expect(await runRule('structure/ingress-path-hops', baseline().arch)).toEqual([]);
  });

  it.each(['10.1.0.0/022', '10.1.0.0/ 22', '10.1.0.0/22 ', '10.1.0.0/33', '10.1.0.0/', 'fd00::/8', '10.1.0.0/+22'])('CIDR %j is malformed', async (c) => {
    expect(parseCidr(c).ok).toBe(false);
    const { arch, nodes } = baseline();
    m(nodes).cidr = c;
    const f = await runRule('structure/cidr-malformed', arch);
    expect(f).toHaveLength(1);
  });

  it('CIDRs at the edges parse', () => {
    expect(parseCidr('0.0.0.0/0')).toMatchObject({ ok: true, range: { first: 0, last: 2 ** 32 - 1, size: 2 ** 32 } });
    expect(parseCidr('255.255.255.255/32')).toMatchObject({ ok: true, range: { first: 2 ** 32 - 1, size: 1 } });
    expect(parseCidr('10.1.0.0/22')).toMatchObject({ ok: true, range: { prefix: 22, size: 1024 } });
    expect(parseCidr('10.1.0.1/24')).toEqual({ ok: false, error: '"10.1.0.1/24" has host bits set; the network address for /24 is 10.1.0.0/24' });
  });

  it.each([
    ['100000000%', 1],
    ['101%', 1],
    ['100%', 0],
    ['33%', 0],
  ])('maxSurge %s gives %i max-surge-range finding(s)', async (surge, n) => {
    const { arch, aks } = baseline();
    for (const p of m(aks).nodePools as Mutable[]) p.maxSurge = '10%';
    (m(aks).nodePools as Mutable[])[1]!.maxSurge = surge;
    expect(await runRule('structure/max-surge-range', arch)).toHaveLength(n);
  });

  it('whitespace-only names, names with "/" and control characters', async () => {
    const { arch, spoke, nodes } = baseline();
    m(spoke).name = '   ';
    m(nodes).name = 'snet/nodes';
    (m(spoke).subnets as unknown[]).push(subnet({ name: 'snet\u0007bell', cidr: '10.1.200.0/24' }));
    const f = await runRule('structure/invalid-name', arch);
    expect(f.map((x) => x.message).sort()).toEqual([
      'the subnet name "snet/nodes" contains "/", which Azure does not allow in resource names and which would make ids ambiguous',
      'the subnet name "snet\\u0007bell" contains control characters',
      'the vnet name "   " is only whitespace',
    ]);
    expect(await runRule('structure/invalid-name', baseline().arch)).toEqual([]);
  });

  it('NFC and NFD spellings of one name are one name (a duplicate)', async () => {
    const { arch, spoke } = baseline();
    const nfc = 'snet-caf\u00e9';
    const nfd = 'snet-cafe\u0301';
    (m(spoke).subnets as unknown[]).push(subnet({ name: nfc, cidr: '10.1.201.0/24' }), subnet({ name: nfd, cidr: '10.1.202.0/24' }));
    const { model } = normalize(arch);
    expect(model.resources.filter((r) => r.name === nfc)).toHaveLength(2);
    expect(model.resources.some((r) => r.name === nfd)).toBe(false);
    const f = await runRule('structure/duplicate-name', arch);
    expect(f.some((x) => x.message.includes(nfc))).toBe(true);
  });

  it('the baseline has none of these findings', async () => {
    const f = await ids(baseline().arch);
    expect(f.map((x) => x.ruleId)).toEqual([]);
  });

  it('a node pool built once and listed in one cluster twice is left to duplicate detection', async () => {
    const { arch, aks } = baseline();
    const pool = nodePool({ name: 'twice', mode: 'user', vmSize: 'Standard_D4ds_v5', count: 1, subnet: (m(aks).nodePools as Mutable[])[0]!.subnet as never });
    m(aks).nodePools = [...(m(aks).nodePools as unknown[]), pool, pool];
    expect(await runRule('structure/shared-part', arch)).toEqual([]);
    void vnet;
  });
});
