/** Context facts and IP plan ranges that say the same of several elements of one kind are told once. */
import { describe, expect, it } from 'vitest';
import { ALIKE_FROM, mergeAlikeFacts, mergeAlikeRanges, nameList, type ElementFact } from '../../src/report/alike-rows.js';
import type { IpRow } from '../../src/report/types.js';

const cluster = (name: string, value = 'Free tier, Azure CNI Overlay'): ElementFact => ({
  label: `Cluster ${name}`,
  value,
  about: name,
});

describe('mergeAlikeFacts', () => {
  it(`keeps ${ALIKE_FROM - 1} alike rows as they are and merges ${ALIKE_FROM} into the first, naming the others`, () => {
    expect(ALIKE_FROM).toBe(3);
    const two = [cluster('aks-1'), cluster('aks-2')];
    expect(mergeAlikeFacts(two)).toEqual(two.map(({ label, value }) => ({ label, value })));
    const three = [{ label: 'Workload', value: 'shop' }, cluster('aks-1'), cluster('aks-2'), cluster('aks-3')];
    expect(mergeAlikeFacts(three)).toEqual([
      { label: 'Workload', value: 'shop' },
      { label: 'Cluster aks-1 and 2 alike', value: 'Free tier, Azure CNI Overlay (the same for aks-2, aks-3)' },
    ]);
  });

  it('merges only rows of one kind with one value; the others keep their place and order', () => {
    const rows: ElementFact[] = [
      cluster('a'),
      { label: 'Node pools of a', value: 'system', about: 'a' },
      cluster('b'),
      { label: 'Node pools of b', value: 'system', about: 'b' },
      cluster('c', 'Standard tier'),
      { label: 'Node pools of c', value: 'system', about: 'c' },
      cluster('d'),
      { label: 'Virtual networks', value: 'hub; spoke' },
    ];
    expect(mergeAlikeFacts(rows)).toEqual([
      { label: 'Cluster a and 2 alike', value: 'Free tier, Azure CNI Overlay (the same for b, d)' },
      { label: 'Node pools of a and 2 alike', value: 'system (the same for b, c)' },
      { label: 'Cluster c', value: 'Standard tier' },
      { label: 'Virtual networks', value: 'hub; spoke' },
    ]);
  });

  it('never merges rows that name no element, or whose label does not hold the name', () => {
    const rows: ElementFact[] = [
      { label: 'Note', value: 'x' },
      { label: 'Note', value: 'x' },
      { label: 'Note', value: 'x' },
      { label: 'Cluster one', value: 'x', about: 'other' },
      { label: 'Cluster two', value: 'x', about: 'another' },
      { label: 'Cluster three', value: 'x', about: 'third' },
    ];
    expect(mergeAlikeFacts(rows)).toEqual(rows.map(({ label, value }) => ({ label, value })));
  });
});

const pods = (cluster: string, cidr = '192.168.0.0/16', consumption = 7168): IpRow => ({
  level: 'pod-cidr',
  name: `${cluster} pods`,
  parent: cluster,
  purpose: 'pod CIDR (azure-overlay)',
  cidr,
  size: 65536,
  usable: 65536,
  consumption,
  basis: `(25 nodes + 3 surge) at maximum scale × /24 per node = ${consumption}`,
  headroomPct: 89.1,
  headroomBand: 'green',
});
const services = (cluster: string): IpRow => ({
  ...pods(cluster),
  level: 'service-cidr',
  name: `${cluster} services`,
  purpose: 'service CIDR (cluster-internal)',
  cidr: '172.16.0.0/16',
  consumption: null,
  basis: 'DNS service IP 172.16.0.10; one address per Service',
  headroomPct: null,
  headroomBand: 'none',
});
const vnet = (name: string): IpRow => ({ ...pods(name), level: 'vnet', name, parent: '', purpose: 'spoke VNet', cidr: '10.1.0.0/16' });

describe('mergeAlikeRanges', () => {
  const plan = (rows: IpRow[]) => mergeAlikeRanges({ rows, notes: ['n'] });

  it('merges the pod and service ranges of 3 alike clusters, each kind apart, and keeps 2 as they are', () => {
    const two = [pods('a'), services('a'), pods('b'), services('b')];
    expect(plan(two).rows).toEqual(two);
    const three = [pods('a'), services('a'), pods('b'), services('b'), pods('c'), services('c')];
    const merged = plan(three);
    expect(merged.notes).toEqual(['n']);
    expect(merged.rows.map((r) => [r.name, r.level, r.cidr])).toEqual([
      ['a pods and 2 alike', 'pod-cidr', '192.168.0.0/16'],
      ['a services and 2 alike', 'service-cidr', '172.16.0.0/16'],
    ]);
    expect(merged.rows[0]!.basis).toBe('(25 nodes + 3 surge) at maximum scale × /24 per node = 7168; the same for b pods, c pods');
    expect(merged.rows[0]!.consumption).toBe(7168);
  });

  it('keeps ranges apart that differ in any column, and never merges VNets or subnets', () => {
    const rows = [pods('a'), pods('b', '10.244.0.0/16'), pods('c'), pods('d', '192.168.0.0/16', 100), vnet('x'), vnet('y'), vnet('z')];
    expect(plan(rows).rows).toEqual(rows);
  });
});

describe('nameList', () => {
  it('writes a gapless numbered run of 3 or more as its first and last, in number order', () => {
    expect(nameList(['aks-10', 'aks-11', 'aks-2', 'aks-3', 'aks-4', 'aks-5', 'aks-6', 'aks-7', 'aks-8', 'aks-9'])).toBe('aks-2 to aks-11');
    expect(nameList(['aks-2 pods', 'aks-3 pods', 'aks-4 pods'])).toBe('aks-2 pods to aks-4 pods');
    expect(nameList(['spoke-01', 'spoke-02', 'spoke-03'])).toBe('spoke-01 to spoke-03');
  });

  it('lists the names of a run with a gap, of fewer than 3, with a repeat, or unnumbered, in their order', () => {
    expect(nameList(['aks-2', 'aks-3', 'aks-5'])).toBe('aks-2, aks-3, aks-5');
    expect(nameList(['aks-2', 'aks-3'])).toBe('aks-2, aks-3');
    expect(nameList(['aks-2', 'aks-3', 'aks-3', 'aks-4'])).toBe('aks-2, aks-3, aks-3, aks-4');
    expect(nameList(['hub', 'edge'])).toBe('hub, edge');
  });

  it('keeps runs of different patterns apart, each where its first name stood', () => {
    expect(nameList(['web', 'aks-1', 'pe-1', 'aks-2', 'pe-2', 'aks-3', 'pe-3'])).toBe('web, aks-1 to aks-3, pe-1 to pe-3');
  });
});
