import { describe, expect, it } from 'vitest';
import { ingressPath, loadBalancer, natGateway, nodePool, routeTable, subnet, vnetGateway } from '../../../dsl/index.js';
import { baseline } from '../../helpers/fixture.js';
import { testRule } from '../../helpers/rule-tester.js';
import { runAll, runRuleResult } from '../../helpers/run-rule.js';
import { mutable } from '../../helpers/mutable.js';

const ID = 'egress/appliance-route-outbound-mismatch';

/** The published pattern: outbound type loadBalancer, node subnet routing 0.0.0.0/0 to the hub firewall. */
function lbBehindFirewall() {
  const b = baseline();
  b.aks.outbound = { type: 'loadBalancer', outboundIps: 2 };
  return b;
}

/** An outbound-loadBalancer cluster whose node subnet sends 0.0.0.0/0 to a VPN gateway (forced tunnelling). */
function lbForcedTunnel(withGateway: boolean) {
  const b = lbBehindFirewall();
  b.rt.routes = [{ name: 'tunnel', prefix: '0.0.0.0/0', nextHop: { type: 'VirtualNetworkGateway' } }];
  if (withGateway) {
    const gw = subnet({ name: 'GatewaySubnet', cidr: '10.1.5.0/27', purpose: 'gateway' });
    mutable(b.spoke.subnets).push(gw);
    b.arch.network.gateways = [vnetGateway({ name: 'vpngw-spoke', type: 'vpn', subnet: gw })];
  }
  return b.arch;
}

testRule(ID, {
  valid: [
    { name: 'a UDR cluster with a default route to the firewall', arch: () => baseline().arch },
    {
      name: 'a loadBalancer cluster without a default route',
      arch: () => {
        const b = baseline();
        b.aks.outbound = { type: 'loadBalancer' };
        delete b.nodes.routeTable;
        return b.arch;
      },
    },
    {
      name: 'a more specific user route to the firewall while 0.0.0.0/0 still goes to the Internet',
      arch: () => {
        const b = lbBehindFirewall();
        b.rt.routes = [{ name: 'to-onprem', prefix: '10.50.0.0/16', nextHop: b.firewall }];
        return b.arch;
      },
    },
  ],
  invalid: [
    {
      name: 'a default route to the VPN gateway (forced tunnel) while outbound is loadBalancer',
      arch: () => lbForcedTunnel(true),
      findings: [
        {
          messageId: 'lbBypassed',
          path: 'clusters[0].outbound',
          severity: 'warning',
          message:
            'cluster aks-test declares outbound type loadBalancer, but the effective 0.0.0.0/0 route of node subnet ' +
            'snet-nodes (route tunnel in rt-egress) goes to gateway vpngw-spoke (forced tunnel to on-premises): ' +
            'egress leaves through vpngw-spoke, not the load balancer, whose outbound IPs carry no egress; ' +
            'userDefinedRouting is recommended. If the cluster exposes public LoadBalancer Services directly, ' +
            'replies to them return through the gateway and are dropped (asymmetric routing)',
          evidence: { nextHop: 'vpngw-spoke', via: 'gateway' },
        },
      ],
    },
    {
      name: 'forced tunnelling to a VNet gateway the design does not declare',
      arch: () => lbForcedTunnel(false),
      findings: [
        {
          messageId: 'lbBypassed',
          path: 'clusters[0].outbound',
          severity: 'warning',
          message:
            /to gateway the VNet gateway \(forced tunnel to on-premises\): egress leaves through the VNet gateway,/,
        },
      ],
    },
    {
      name: 'a default route to an appliance known only by its address',
      arch: () => {
        const b = lbBehindFirewall();
        b.rt.routes[0]!.nextHop = { type: 'VirtualAppliance', address: '10.0.2.4' };
        return b.arch;
      },
      findings: [
        {
          messageId: 'lbBypassed',
          path: 'clusters[0].outbound',
          severity: 'warning',
          message:
            /\(route default in rt-egress\) goes to 10\.0\.2\.4: egress leaves through 10\.0\.2\.4, .* appliance and/,
        },
      ],
    },
    ...(['managedNATGateway', 'managedNATGatewayV2'] as const).map((type) => ({
      name: `outbound ${type} bypassed by the route`,
      arch: () => {
        const b = baseline();
        b.aks.outbound = { type };
        return b.arch;
      },
      findings: [
        {
          messageId: 'natBypassed',
          path: 'clusters[0].outbound',
          severity: 'warning' as const,
          message: new RegExp(`^cluster aks-test declares outbound type ${type}, .* afw-hub: .* not the NAT gateway`),
        },
      ],
    })),
    {
      name: 'only node subnets that route to the appliance are named, not one going to the internet or a pod subnet',
      arch: () => {
        const b = lbBehindFirewall();
        const direct = subnet({ name: 'snet-nodes-2', cidr: '10.1.8.0/22', purpose: 'aks-nodes' });
        const podRoutes = [{ name: 'default', prefix: '0.0.0.0/0', nextHop: b.firewall }];
        const podRt = routeTable({ name: 'rt-pods', routes: podRoutes });
        const pods = subnet({ name: 'snet-pods', cidr: '10.1.12.0/22', purpose: 'aks-pods', routeTable: podRt });
        mutable(b.spoke.subnets).push(direct, pods);
        b.aks.network = { cni: 'azure-podsubnet-dynamic', serviceCidr: '172.16.0.0/16', dnsServiceIP: '172.16.0.10' };
        for (const p of b.aks.nodePools) p.podSubnet = pods;
        const more = { name: 'more', mode: 'user', vmSize: 'Standard_D4ds_v5', count: 3 } as const;
        mutable(b.aks.nodePools).push(nodePool({ ...more, subnet: direct, podSubnet: pods }));
        return b.arch;
      },
      findings: [
        {
          messageId: 'lbBypassed',
          path: 'clusters[0].outbound',
          severity: 'warning',
          message: /of node subnet snet-nodes \(route default in rt-egress\) goes to afw-hub:/,
          evidence: { subnets: 'snet-nodes' },
        },
      ],
    },
    {
      name: 'a default route to the firewall while outbound is loadBalancer, naming the consequence',
      arch: () => lbBehindFirewall().arch,
      findings: [
        {
          messageId: 'lbBypassed',
          path: 'clusters[0].outbound',
          severity: 'warning',
          message:
            'cluster aks-test declares outbound type loadBalancer, but the effective 0.0.0.0/0 route of node subnet snet-nodes (route default in rt-egress) ' +
            'goes to afw-hub: egress leaves through afw-hub, not the load balancer, whose outbound IPs carry no egress; userDefinedRouting ' +
            'is recommended. If the cluster exposes public LoadBalancer Services directly, replies to them return through the appliance ' +
            'and are dropped (asymmetric routing)',
          evidence: { cluster: 'aks-test', subnets: 'snet-nodes', outboundType: 'loadBalancer', nextHop: 'afw-hub', via: 'appliance' },
        },
      ],
    },
    {
      name: 'a public load balancer the design exposes directly is named as the one whose replies are dropped',
      arch: () => {
        const b = lbBehindFirewall();
        b.arch.network.loadBalancers = [loadBalancer({ name: 'svc-legacy-api', visibility: 'public', cluster: b.aks })];
        return b.arch;
      },
      findings: [
        {
          messageId: 'lbBypassedPublicLb',
          path: 'clusters[0].outbound',
          severity: 'warning',
          message:
            'cluster aks-test declares outbound type loadBalancer, but the effective 0.0.0.0/0 route of node subnet snet-nodes (route default in rt-egress) ' +
            'goes to afw-hub: egress leaves through afw-hub, not the load balancer, whose outbound IPs carry no egress; userDefinedRouting ' +
            'is recommended. Replies to public load balancer svc-legacy-api return through the appliance and are dropped (asymmetric routing)',
          evidence: { publicLoadBalancers: 'svc-legacy-api' },
        },
      ],
    },
    {
      name: 'a public load balancer reached only through a firewall DNAT is not named (dnat-asymmetric-route reads its return path)',
      arch: () => {
        const b = lbBehindFirewall();
        const plb = loadBalancer({ name: 'lb-web', visibility: 'public', cluster: b.aks });
        b.firewall.classicRules = [
          { type: 'dnat', name: 'publish', priority: 100, rules: [
            { name: 'web', destinationAddress: '20.50.60.70', destinationPort: 443, protocols: ['TCP'], translatedAddress: '20.50.60.99', translatedPort: 443 },
          ] },
        ];
        b.rt.routes = [...b.rt.routes, { name: 'fw-public', prefix: '20.50.60.70/32', nextHop: { type: 'Internet' } }];
        b.arch.ingress = [
          ingressPath({
            name: 'dnat-web',
            from: { kind: 'internet' },
            hops: [
              { via: b.firewall, protocol: 'https', port: 443, tls: 'passthrough', dnatRule: 'web' },
              { via: plb, protocol: 'https', port: 443, tls: 'passthrough' },
            ],
            to: { cluster: b.aks, service: 'web', protocol: 'https', port: 8443 },
          }),
        ];
        return b.arch;
      },
      findings: [{ messageId: 'lbBypassed', path: 'clusters[0].outbound', severity: 'warning', message: /If the cluster exposes public LoadBalancer Services directly/ }],
    },
    {
      name: 'once per cluster, naming every node subnet that routes to the appliance',
      arch: () => {
        const b = lbBehindFirewall();
        const more = subnet({ name: 'snet-nodes-2', cidr: '10.1.8.0/22', purpose: 'aks-nodes', routeTable: b.rt, defaultOutboundAccess: false });
        mutable(b.spoke.subnets).push(more);
        mutable(b.aks.nodePools).push(nodePool({ name: 'more', mode: 'user', vmSize: 'Standard_D4ds_v5', count: 3, zones: [1, 2, 3], subnet: more }));
        return b.arch;
      },
      findings: [
        {
          messageId: 'lbBypassed',
          path: 'clusters[0].outbound',
          severity: 'warning',
          message: /of node subnets snet-nodes \(route default in rt-egress\), snet-nodes-2 \(route default in rt-egress\) goes to afw-hub/,
          evidence: { subnets: 'snet-nodes, snet-nodes-2' },
        },
      ],
    },
    {
      name: 'a NAT gateway outbound bypassed by the route, without the load balancer consequence',
      arch: () => {
        const b = baseline();
        const nat = natGateway({ name: 'ng-aks', publicIps: 2 });
        b.nodes.natGateway = nat;
        b.aks.outbound = { type: 'userAssignedNATGateway', natGateway: nat };
        return b.arch;
      },
      findings: [
        {
          messageId: 'natBypassed',
          path: 'clusters[0].outbound',
          severity: 'warning',
          message:
            'cluster aks-test declares outbound type userAssignedNATGateway, but the effective 0.0.0.0/0 route of node subnet snet-nodes (route default in rt-egress) ' +
            'goes to afw-hub: egress leaves through afw-hub, not the NAT gateway, whose outbound IPs carry no egress',
        },
      ],
    },
  ],
});

describe(`${ID} among all rules`, () => {
  it('is the only egress-path finding of that design: no "straight to the internet", no load balancer SNAT sizing', async () => {
    const all = await runAll(lbBehindFirewall().arch);
    // The firewall's DNS-proxy clients are a posture check, not a statement about the egress path.
    const path = all.filter((f) => f.ruleId.startsWith('egress/') && f.ruleId !== 'egress/firewall-dns-proxy-clients');
    expect(path.map((f) => f.ruleId)).toEqual([ID]);
  });
});

/**
 * The verdict on the cluster's outbound settings rests on the egress path: the node subnet's route table and NAT
 * gateway, the table's routes and BGP propagation (dependsOn). An invalid value there holds it back, naming the field;
 * an invalid field of the node subnet the path does not read (its purpose) leaves it standing.
 */
describe(`${ID} with an invalid field of the egress path`, () => {
  const set = (o: object, key: string, v: unknown) => ((o as Record<string, unknown>)[key] = v);
  const run = async (change: (b: ReturnType<typeof baseline>) => void) => {
    const b = lbBehindFirewall();
    change(b);
    const r = await runRuleResult(ID, b.arch);
    return { verdicts: r.findings.map((f) => f.messageId), held: (r.unverified ?? []).map((u) => u.factPath) };
  };
  it("an invalid BGP propagation of the node subnet's route table holds it back", async () => {
    expect(await run((b) => set(b.rt, 'bgpRoutePropagation', 'no'))).toEqual({
      verdicts: [],
      held: ['network.vnets[1].subnets[0].routeTable.bgpRoutePropagation'],
    });
  });
  it('an invalid purpose of the node subnet leaves it standing', async () => {
    expect(await run((b) => set(b.nodes, 'purpose', 'nodes'))).toEqual({ verdicts: ['lbBypassed'], held: [] });
  });
});
