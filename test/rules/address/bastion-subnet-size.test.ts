import { describe, expect, it } from 'vitest';
import { bastion, subnet } from '../../../dsl/index.js';
import { normalize } from '../../../src/normalize/normalize.js';
import { baseline } from '../../helpers/fixture.js';
import { testRule } from '../../helpers/rule-tester.js';
import { mutable } from '../../helpers/mutable.js';
import { set, verdicts } from './_held.js';

function withBastion(cidr: string) {
  return () => {
    const b = baseline();
    const s = subnet({ name: 'AzureBastionSubnet', cidr, purpose: 'bastion' });
    mutable(b.hub.subnets).push(s);
    b.arch.network.bastions = [bastion({ name: 'bas-hub', subnet: s, sku: 'Standard' })];
    return b.arch;
  };
}

/** A Developer Bastion: no subnet of its own, only the VNet it serves (a small VM subnet beside it). */
function developer() {
  const b = baseline();
  mutable(b.hub.subnets).push(subnet({ name: 'snet-vms', cidr: '10.0.1.0/28' }));
  b.arch.network.bastions = [bastion({ name: 'bas-dev', sku: 'Developer', vnet: b.hub })];
  return b.arch;
}

testRule('address/bastion-subnet-size', {
  valid: [
    { name: 'a /26 (the minimum)', arch: withBastion('10.0.1.0/26') },
    { name: 'a /25', arch: withBastion('10.0.1.0/25') },
    { name: 'the Developer SKU has no subnet', arch: () => developer() },
  ],
  invalid: [
    {
      name: 'a /27',
      arch: withBastion('10.0.1.0/27'),
      findings: [
        {
          messageId: 'tooSmall',
          path: 'network.vnets[0].subnets[1].cidr',
          severity: 'error',
          message: 'AzureBastionSubnet 10.0.1.0/27 (Azure Bastion) is a /27 with 27 usable addresses; it must be a /26 or larger',
        },
      ],
    },
  ],
});

describe('Bastion Developer SKU in the model', () => {
  it('normalizes without a subnet and without issues', () => {
    const { model, issues } = normalize(developer());
    expect(issues).toEqual([]);
    const bas = model.resources.find((r) => r.kind === 'bastion');
    expect(bas).toMatchObject({ name: 'bas-dev', sku: 'Developer' });
    expect(bas && 'subnet' in bas ? bas.subnet : undefined).toBeUndefined();
  });
});

/** A subnet is AzureBastionSubnet by its name, its purpose, or the Bastion drawn in it (then its SKU is read too). */
describe('address/bastion-subnet-size with an invalid field', () => {
  const run = (change: (b: ReturnType<typeof baseline>, s: ReturnType<typeof subnet>, bas: ReturnType<typeof bastion>) => void) => {
    const b = baseline();
    const s = subnet({ name: 'snet-bastion', cidr: '10.0.1.0/27' });
    mutable(b.hub.subnets).push(s);
    const bas = bastion({ name: 'bas-hub', subnet: s, sku: 'Standard' });
    b.arch.network.bastions = [bas];
    change(b, s, bas);
    return verdicts('address/bastion-subnet-size', b.arch);
  };
  const FINDING = 'tooSmall network.vnets[0].subnets[1].cidr';

  it('the Bastion in the subnet makes the role: its invalid SKU (Basic stands in) holds the verdict back', async () => {
    expect(await run(() => undefined)).toEqual({ findings: [FINDING], held: [] });
    expect(await run((_b, _s, bas) => set(bas, 'sku', 'standard'))).toEqual({ findings: [], held: ['network.bastions[0].sku'] });
  });

  it("the subnet's invalid purpose holds it back; its invalid delegation does not", async () => {
    expect(await run((_b, s) => set(s, 'purpose', 'Bastion'))).toEqual({ findings: [], held: ['network.vnets[0].subnets[1].purpose'] });
    expect(await run((_b, s) => set(s, 'delegation', 42))).toEqual({ findings: [FINDING], held: [] });
  });
});
