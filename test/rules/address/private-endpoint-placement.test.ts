import { privateEndpoint, subnet, type Subnet, type SubnetPurpose } from '../../../dsl/index.js';
import { baseline } from '../../helpers/fixture.js';
import { testRule } from '../../helpers/rule-tester.js';
import { mutable } from '../../helpers/mutable.js';

const PATH = 'network.privateEndpoints[0].subnet';
const kv = { kind: 'paas', name: 'kv-app', service: 'keyVault' } as const;

type B = ReturnType<typeof baseline>;

/** The baseline with one private endpoint in the subnet `pick` returns (it may add parts first). */
function withPe(pick: (b: B) => Subnet) {
  return () => {
    const b = baseline();
    const s = pick(b);
    b.arch.network.privateEndpoints = [privateEndpoint({ name: 'pe-kv', subnet: s, target: kv })];
    return b.arch;
  };
}
/** A new subnet in the spoke with a purpose. */
function extra(b: B, name: string, cidr: string, purpose?: SubnetPurpose): Subnet {
  const s = subnet({ name, cidr, ...(purpose ? { purpose } : {}) });
  mutable(b.spoke.subnets).push(s);
  return s;
}

testRule('address/private-endpoint-placement', {
  valid: [
    { name: 'a dedicated private endpoint subnet', arch: withPe((b) => extra(b, 'snet-pe', '10.1.8.0/27', 'private-endpoints')) },
    { name: 'a general subnet nothing else uses', arch: withPe((b) => extra(b, 'snet-misc', '10.1.9.0/27')) },
  ],
  invalid: [
    {
      name: 'in the node subnet',
      arch: withPe((b) => b.nodes),
      findings: [
        {
          messageId: 'nodes',
          path: PATH,
          severity: 'warning',
          message:
            'private endpoint pe-kv sits in a node subnet (snet-nodes): it takes addresses the cluster needs to scale ' +
            'and upgrade, and node NSG and route rules apply to it; use a dedicated private endpoint subnet',
        },
      ],
    },
    {
      name: 'in a pod subnet (by purpose)',
      arch: withPe((b) => extra(b, 'snet-pods', '10.1.64.0/18', 'aks-pods')),
      findings: [{ messageId: 'pods', path: PATH, severity: 'warning', message: /sits in a pod subnet \(snet-pods\)/ }],
    },
    {
      name: 'in a dedicated internal load balancer subnet',
      arch: withPe((b) => {
        const s = extra(b, 'snet-ilb', '10.1.10.0/28');
        b.ilb.subnet = s;
        return s;
      }),
      findings: [{ messageId: 'ilb', path: PATH, severity: 'warning', message: /sits in an internal load balancer subnet \(snet-ilb\)/ }],
    },
    {
      name: 'in the firewall subnet',
      arch: withPe((b) => b.fwSubnet),
      findings: [{ messageId: 'special', path: PATH, severity: 'warning', message: /sits in the Azure Firewall subnet \(AzureFirewallSubnet\)/ }],
    },
    {
      name: 'in the Application Gateway subnet',
      arch: withPe((b) => b.appGwSubnet),
      findings: [{ messageId: 'special', path: PATH, severity: 'warning', message: /the Application Gateway subnet \(snet-appgw\)/ }],
    },
  ],
});
