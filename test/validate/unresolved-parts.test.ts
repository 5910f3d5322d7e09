/**
 * A part that does not resolve (a subnet used by a pool but listed in no VNet) gets its structure/unknown-reference
 * finding and nothing else: its place in the model is a guess (`subnet:?/…`), so a rule's verdict on it ("… in
 * VNet ?") would be a knock-on of the same mistake. Once the subnet is listed, the rules judge it again.
 */
import { describe, expect, it } from 'vitest';
import { subnet } from '../../dsl/index.js';
import { normalize } from '../../src/normalize/normalize.js';
import { validateModel } from '../../src/validate/validate.js';
import { baseline } from '../helpers/fixture.js';
import { mutable } from '../helpers/mutable.js';

async function run(listed: boolean) {
  const b = baseline();
  // No NSG: address/subnet-nsg-missing judges this subnet once it is in a VNet.
  const orphan = subnet({ name: 'snet-orphan', cidr: '10.1.8.0/24', purpose: 'aks-nodes', defaultOutboundAccess: false });
  if (listed) mutable(b.spoke.subnets).push(orphan);
  b.aks.nodePools[1]!.subnet = orphan;
  const { model, issues } = normalize(b.arch);
  const res = await validateModel(model, issues, { file: 'd.ts', asOf: '2026-12-03' });
  const about = (id: string) => [...res.findings.filter((f) => f.element === id || f.message.includes('snet-orphan')).map((f) => f.ruleId), ...(res.unverified ?? []).filter((u) => u.element === id).map((u) => u.ruleId)];
  return { about, res };
}

describe('unresolved parts', () => {
  it('a subnet in no VNet gets only its unknown-reference finding', async () => {
    const { about, res } = await run(false);
    expect(about('subnet:?/snet-orphan')).toEqual(['structure/unknown-reference']);
    expect(res.findings.some((f) => f.message.includes('VNet ?'))).toBe(false);
  });

  it('the same subnet listed in its VNet is judged by the rules', async () => {
    const { about } = await run(true);
    expect(about('subnet:vnet-spoke/snet-orphan')).toContain('address/subnet-nsg-missing');
  });
});
