/**
 * structure/public-ip-count: a device's `publicIpAddresses` may name fewer addresses than its stated count (the ones
 * known so far) but not more; a count the normalizer filled in is no statement to contradict.
 */
import { natGateway, nva } from '../../../dsl/index.js';
import { baseline } from '../../helpers/fixture.js';
import { testRule } from '../../helpers/rule-tester.js';

type Mutable = Record<string, unknown>;

function firewall(publicIps: number | undefined, addresses: string[] | undefined) {
  return () => {
    const b = baseline();
    const fw = b.firewall as unknown as Mutable;
    fw.publicIps = publicIps;
    fw.publicIpAddresses = addresses;
    return b.arch;
  };
}

function withNat(opts: { publicIps?: number; publicIpPrefixLength?: number; publicIpAddresses?: string[] }) {
  return () => {
    const b = baseline();
    b.nodes.natGateway = natGateway({ name: 'ng-test', ...opts });
    return b.arch;
  };
}

function withNva(publicIps: number, addresses: string[]) {
  return () => {
    const b = baseline();
    b.arch.network.nvas = [nva({ name: 'nva-x', subnet: b.fwSubnet, privateIp: '10.0.0.10', publicIps, publicIpAddresses: addresses })];
    return b.arch;
  };
}

testRule('structure/public-ip-count', {
  valid: [
    { name: 'the baseline (no list)', arch: () => baseline().arch },
    { name: '20 stated, 1 listed (the d2 firewall: a partial list)', arch: firewall(20, ['20.50.60.70/32']) },
    { name: '2 stated, 2 listed', arch: firewall(2, ['20.50.60.70', '20.50.60.71']) },
    { name: 'count left to the default, 5 listed (the list states the addresses)', arch: firewall(undefined, ['20.50.1.0/30', '20.50.2.7']) },
    { name: 'a NAT gateway with 1 IP and a /31 prefix lists 3 addresses', arch: withNat({ publicIps: 1, publicIpPrefixLength: 31, publicIpAddresses: ['20.1.1.1', '20.2.2.0/31'] }) },
    { name: 'an NVA with 2 IPs lists 2', arch: withNva(2, ['20.9.9.1', '20.9.9.2']) },
  ],
  invalid: [
    {
      name: '2 stated, 3 listed',
      arch: firewall(2, ['20.50.60.70', '20.50.60.71', '20.50.60.72']),
      findings: [
        {
          messageId: 'listExceedsCount',
          severity: 'error',
          path: 'network.firewalls[0].publicIpAddresses',
          message: 'Azure Firewall afw-hub lists 3 public addresses in publicIpAddresses but states 2 (publicIps 2): the two contradict each other',
        },
      ],
    },
    {
      name: '1 stated, a /30 listed',
      arch: firewall(1, ['20.50.1.0/30']),
      findings: [{ messageId: 'listExceedsCount', severity: 'error', path: 'network.firewalls[0].publicIpAddresses', message: /lists 4 public addresses in publicIpAddresses but states 1 \(publicIps 1\)/ }],
    },
    {
      name: 'a NAT gateway with 1 IP and a /31 prefix lists 4 addresses',
      arch: withNat({ publicIps: 1, publicIpPrefixLength: 31, publicIpAddresses: ['20.1.1.1', '20.1.1.2', '20.2.2.0/31'] }),
      findings: [{ messageId: 'listExceedsCount', severity: 'error', path: 'network.vnets[1].subnets[0].natGateway.publicIpAddresses', message: /NAT gateway ng-test lists 4 public addresses .* states 3 \(publicIps 1 \+ a \/31 prefix\)/ }],
    },
    {
      name: 'an NVA with 1 IP lists 2',
      arch: withNva(1, ['20.9.9.1', '20.9.9.2']),
      findings: [{ messageId: 'listExceedsCount', severity: 'error', path: 'network.nvas[0].publicIpAddresses', message: /network virtual appliance nva-x lists 2 public addresses .* states 1/ }],
    },
  ],
});
