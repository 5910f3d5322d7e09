import { describe, expect, it } from 'vitest';
import { ingressPath, loadBalancer, nodePool, routeTable, subnet } from '../../../dsl/index.js';
import type { FirewallDnatRule } from '../../../dsl/index.js';
import { baseline } from '../../helpers/fixture.js';
import { runRuleResult } from '../../helpers/run-rule.js';
import { testRule } from '../../helpers/rule-tester.js';
import { mutable } from '../../helpers/mutable.js';

const ID = 'egress/dnat-asymmetric-route';
type B = ReturnType<typeof baseline>;

interface Options {
  lb?: 'public' | 'internal';
  /** The DNAT rule's listening address (the firewall's public IP); omitted: not stated. */
  address?: string | null;
  change?: (b: B) => void;
}

/** Internet → firewall DNAT → load balancer of the baseline cluster, whose node subnet routes 0.0.0.0/0 to the firewall. */
function dnat(o: Options = {}) {
  return () => {
    const b = baseline();
    const lb =
      o.lb === 'internal'
        ? b.ilb
        : loadBalancer({ name: 'lb-public', visibility: 'public', cluster: b.aks, zones: [1, 2, 3] });
    b.firewall.classicRules = [
      {
        type: 'dnat',
        name: 'publish',
        priority: 100,
        rules: [
          {
            name: 'web',
            ...(o.address === null ? {} : { destinationAddress: o.address ?? '20.50.60.70' }),
            destinationPort: 443,
            protocols: ['TCP'],
            translatedAddress: o.lb === 'internal' ? '10.1.0.100' : '20.50.60.99',
            translatedPort: 443,
          },
        ],
      },
    ];
    b.arch.ingress = [
      ingressPath({
        name: 'dnat-web',
        from: { kind: 'internet' },
        hops: [
          { via: b.firewall, protocol: 'https', port: 443, tls: 'passthrough', dnatRule: 'web' },
          { via: lb, protocol: 'https', port: 443, tls: 'passthrough' },
        ],
        to: { cluster: b.aks, service: 'web', protocol: 'https', port: 8443 },
      }),
    ];
    o.change?.(b);
    return b.arch;
  };
}

const ROUTE = 'network.vnets[1].subnets[0].routeTable.routes[0]';

/** The path's only hop is the firewall, whose DNAT rule translates to `translatedAddress` (no load balancer hop). */
function dnatOnly(translatedAddress: string) {
  return dnat({
    change: (b) => {
      const rule = b.firewall.classicRules![0]!.rules[0]!;
      if ('translatedAddress' in rule) rule.translatedAddress = translatedAddress;
      mutable(b.arch.ingress![0]!.hops).pop();
    },
  });
}

/** A second DNAT rule, listed first, that publishes another address. */
function otherRuleFirst(b: B): void {
  (b.firewall.classicRules![0]!.rules as FirewallDnatRule[]).unshift({
    name: 'other',
    destinationAddress: '20.50.60.80',
    destinationPort: 8443,
    protocols: ['TCP'],
    translatedAddress: '20.50.60.98',
    translatedPort: 443,
  });
}

testRule(ID, {
  valid: [
    { name: 'DNAT to an internal load balancer: the return path matches', arch: dnat({ lb: 'internal' }) },
    {
      name: 'a host route for the firewall public IP to Internet (the documented fix)',
      arch: dnat({
        change: (b) => mutable(b.rt.routes).push({ name: 'fw-public', prefix: '20.50.60.70/32', nextHop: { type: 'Internet' } }),
      }),
    },
    {
      name: "0.0.0.0/0 goes to another appliance's address, not to the DNAT firewall",
      arch: dnat({ change: (b) => (b.rt.routes[0]!.nextHop = { type: 'VirtualAppliance', address: '10.0.2.4' }) }),
    },
    {
      name: "the path's DNAT rule is answered by a host route; another rule's address does not count",
      arch: dnat({
        change: (b) => {
          otherRuleFirst(b);
          mutable(b.rt.routes).push({ name: 'fw-public', prefix: '20.50.60.70/32', nextHop: { type: 'Internet' } });
        },
      }),
    },
    { name: 'DNAT straight to a private address (no load balancer hop)', arch: dnatOnly('10.1.0.100') },
    {
      name: 'DNAT straight to an FQDN (no address to judge, no load balancer hop)',
      arch: dnat({
        change: (b) => {
          const rule = b.firewall.classicRules![0]!.rules[0]!;
          if ('translatedAddress' in rule) {
            delete rule.translatedAddress;
            rule.translatedFqdn = 'web.internal.example.com';
          }
          mutable(b.arch.ingress![0]!.hops).pop();
        },
      }),
    },
    {
      name: 'the cluster does not egress through the firewall',
      arch: dnat({
        change: (b) => {
          delete b.nodes.routeTable;
          b.aks.outbound = { type: 'loadBalancer' };
        },
      }),
    },
  ],
  invalid: [
    {
      name: 'DNAT straight to a public address (no load balancer hop)',
      arch: dnatOnly('20.50.60.99'),
      findings: [
        {
          messageId: 'asymmetric',
          path: ROUTE,
          severity: 'error',
          message: /DNAT rule web to public load balancer 20\.50\.60\.99 on ingress path dnat-web\)/,
        },
      ],
    },
    {
      name: 'two DNAT paths through the same firewall: one finding for the subnet',
      arch: dnat({
        change: (b) => {
          otherRuleFirst(b);
          const second = ingressPath({
            name: 'dnat-api',
            from: { kind: 'internet' },
            hops: [{ via: b.firewall, protocol: 'https', port: 8443, tls: 'passthrough', dnatRule: 'other' }],
            to: { cluster: b.aks, service: 'api', protocol: 'https', port: 8443 },
          });
          mutable(b.arch.ingress!).push(second);
        },
      }),
      findings: [{ messageId: 'asymmetric', path: ROUTE, severity: 'error', message: /^node subnet snet-nodes sends/ }],
    },
    {
      name: "the firewall's public IPs stated on the firewall, none on the rule",
      arch: dnat({ address: null, change: (b) => (b.firewall.publicIpAddresses = ['20.50.60.75']) }),
      findings: [
        {
          messageId: 'asymmetric',
          path: ROUTE,
          severity: 'error',
          message: /^node subnet snet-nodes sends replies to 20\.50\.60\.75 /,
          evidence: { firewall: 'afw-hub', subnet: 'snet-nodes', address: '20.50.60.75', path: 'dnat-web' },
        },
      ],
    },
    {
      name: 'the firewall address unstated; a public VNet range is a system route, not a user route that could help',
      arch: dnat({ address: null, change: (b) => mutable(b.spoke.addressSpace).push('20.1.0.0/24') }),
      findings: [
        { messageId: 'asymmetric', path: ROUTE, severity: 'error', message: /sends replies to its public IP/ },
      ],
    },
    {
      name: 'DNAT to a public load balancer while the node subnet sends 0.0.0.0/0 to the same firewall',
      arch: dnat(),
      findings: [
        {
          messageId: 'asymmetric',
          path: ROUTE,
          severity: 'error',
          message:
            'node subnet snet-nodes sends replies to 20.50.60.70 (the public side of Azure Firewall afw-hub, DNAT rule web ' +
            "to public load balancer lb-public on ingress path dnat-web) through afw-hub's private IP (route default in " +
            'rt-egress): the firewall drops them as asymmetric',
        },
      ],
    },
    {
      name: 'a host route for another address does not help',
      arch: dnat({
        change: (b) => mutable(b.rt.routes).push({ name: 'other', prefix: '20.50.60.71/32', nextHop: { type: 'Internet' } }),
      }),
      findings: [{ messageId: 'asymmetric', path: ROUTE, severity: 'error' }],
    },
    {
      name: 'the firewall address unstated, and no route for any public prefix: every public address goes to the firewall',
      arch: dnat({ address: null }),
      findings: [
        {
          messageId: 'asymmetric',
          path: ROUTE,
          severity: 'error',
          message: /sends replies to its public IP \(the public side/,
        },
      ],
    },
    {
      name: 'pods in a pod subnet reply from the pod subnet, which routes through the firewall too',
      arch: dnat({
        change: (b) => {
          mutable(b.rt.routes).push({ name: 'fw-public', prefix: '20.50.60.70/32', nextHop: { type: 'Internet' } });
          const podRt = routeTable({
            name: 'rt-pods',
            routes: [{ name: 'default', prefix: '0.0.0.0/0', nextHop: b.firewall }],
          });
          const pods = subnet({ name: 'snet-pods', cidr: '10.1.8.0/22', purpose: 'aks-pods', routeTable: podRt });
          mutable(b.spoke.subnets).push(pods);
          b.aks.network = { cni: 'azure-podsubnet-dynamic', serviceCidr: '172.16.0.0/16', dnsServiceIP: '172.16.0.10' };
          b.aks.nodePools = [
            nodePool({
              name: 'system',
              mode: 'system',
              vmSize: 'Standard_D4ds_v5',
              minCount: 3,
              maxCount: 5,
              subnet: b.nodes,
              podSubnet: pods,
            }),
          ];
        },
      }),
      findings: [
        {
          messageId: 'asymmetric',
          path: 'network.vnets[1].subnets[2].routeTable.routes[0]',
          severity: 'error',
          message: /^pod subnet snet-pods sends replies to 20\.50\.60\.70 .* \(route default in rt-pods\)/,
        },
      ],
    },
  ],
});

describe(`${ID}: unstated facts`, () => {
  it('the firewall address unstated and a public host route present: one unverified check', async () => {
    const arch = dnat({
      address: null,
      change: (b) => mutable(b.rt.routes).push({ name: 'x', prefix: '20.50.60.70/32', nextHop: { type: 'Internet' } }),
    })();
    const r = await runRuleResult(ID, arch);
    expect(r.findings).toEqual([]);
    expect(r.unverified?.map((u) => u.factPath)).toEqual(['network.firewalls[0].publicIpAddresses']);
    expect(r.unverified?.[0]?.check).toBe(
      'replies from snet-nodes to the public side of afw-hub return the way DNAT traffic came',
    );
    expect(r.unverified?.[0]?.fact).toBe("firewall's public IP addresses");
  });
  it('the firewall address unstated, a public host route, 0.0.0.0/0 not to the firewall: nothing to ask', async () => {
    const arch = dnat({
      address: null,
      change: (b) => {
        b.rt.routes[0]!.nextHop = { type: 'Internet' };
        mutable(b.rt.routes).push({ name: 'x', prefix: '20.50.60.70/32', nextHop: { type: 'Internet' } });
      },
    })();
    const r = await runRuleResult(ID, arch);
    expect(r.findings).toEqual([]);
    expect(r.unverified ?? []).toEqual([]);
  });
});
