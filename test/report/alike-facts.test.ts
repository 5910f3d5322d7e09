/** Context facts that say the same of several elements of one kind are told once. */
import { describe, expect, it } from 'vitest';
import { ALIKE_FROM, mergeAlikeFacts, type ElementFact } from '../../src/report/alike-facts.js';

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
