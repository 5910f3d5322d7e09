import { natGateway, type Zone } from '../../../dsl/index.js';
import { baseline } from '../../helpers/fixture.js';
import { testRule } from '../../helpers/rule-tester.js';

const PATH = 'network.vnets[1].subnets[0].natGateway.zones';

/** The baseline's egress through a NAT gateway (zones undefined = not stated), pools in `poolZones`. */
function withNat(zones: Zone[] | undefined, sku: 'Standard' | 'StandardV2' = 'Standard', poolZones?: Zone[]) {
  return () => {
    const b = baseline();
    const nat = natGateway({ name: 'ng-aks', publicIps: 2, sku, ...(zones ? { zones } : {}) });
    delete b.nodes.routeTable;
    b.nodes.natGateway = nat;
    b.aks.outbound = { type: 'userAssignedNATGateway', natGateway: nat };
    if (poolZones) for (const p of b.aks.nodePools) p.zones = poolZones;
    return b.arch;
  };
}

/** The baseline on an AKS-managed NAT gateway (v1 or v2), its pools in `poolZones`. */
function managed(type: 'managedNATGateway' | 'managedNATGatewayV2', poolZones: Zone[], managedVnet = true) {
  return () => {
    const b = baseline();
    delete b.nodes.routeTable;
    b.aks.managedVnet = managedVnet;
    b.aks.outbound = { type };
    for (const p of b.aks.nodePools) p.zones = poolZones;
    return b.arch;
  };
}

testRule('reliability/nat-gateway-zones', {
  valid: [
    { name: 'a zone-redundant StandardV2 NAT gateway', arch: withNat([1, 2, 3], 'StandardV2') },
    { name: 'a zonal NAT gateway serving pools in its own single zone', arch: withNat([1], 'Standard', [1]) },
    { name: 'a no-zone NAT gateway serving pools with no zones', arch: withNat([], 'Standard', []) },
    { name: 'a no-zone StandardV2 NAT gateway is not judged as Standard', arch: withNat([], 'StandardV2') },
    { name: 'managedNATGatewayV2 with zonal pools', arch: managed('managedNATGatewayV2', [1, 2, 3]) },
    { name: 'managedNATGateway with pools in no zone', arch: managed('managedNATGateway', []) },
    // No AKS-managed NAT gateway exists in the design's own VNet: egress/outbound-vnet-mode reports that root cause.
    { name: 'managedNATGateway with zonal pools in the design\'s own VNet', arch: managed('managedNATGateway', [2], false) },
  ],
  invalid: [
    {
      name: 'managedNATGateway with pools in one zone',
      arch: managed('managedNATGateway', [2]),
      findings: [
        {
          messageId: 'managedNoZone',
          path: 'clusters[0].outbound.type',
          severity: 'warning',
          message:
            'cluster aks-test uses outboundType managedNATGateway, whose AKS-managed Standard NAT gateway has no zone, but ' +
            'its node pools run in zones 2: losing the zone Azure picked stops egress; use managedNATGatewayV2 ' +
            '(StandardV2, zone-redundant)',
        },
      ],
    },
    {
      name: 'a Standard NAT gateway spanning two zones',
      arch: withNat([1, 2]),
      findings: [
        {
          messageId: 'spansZones',
          path: PATH,
          severity: 'error',
          message:
            'NAT gateway ng-aks (Standard) declares zones 1, 2; a Standard NAT gateway is zonal or has no zone (zone-redundant needs StandardV2)',
        },
      ],
    },
    {
      name: 'a zonal NAT gateway serving pools in three zones',
      arch: withNat([2]),
      findings: [
        {
          messageId: 'pinnedZone',
          path: PATH,
          severity: 'warning',
          message:
            'NAT gateway ng-aks is pinned to zone 2 but serves node pools of aks-test in zones 1, 2, 3; losing zone 2 stops egress for all of them',
        },
      ],
    },
    {
      name: 'a zonal NAT gateway serving pools in two zones (the smallest spread)',
      arch: withNat([1], 'Standard', [1, 2]),
      findings: [{ messageId: 'pinnedZone', path: PATH, severity: 'warning' }],
    },
    {
      name: 'a no-zone NAT gateway (stated) serving zone-redundant pools',
      arch: withNat([]),
      findings: [
        {
          messageId: 'noZone',
          path: PATH,
          severity: 'warning',
          message:
            'NAT gateway ng-aks (Standard) has no zone but serves node pools of aks-test in zones 1, 2, 3: Azure places ' +
            'it in one zone it does not disclose, and losing that zone stops their egress; use StandardV2 or one zonal ' +
            'NAT gateway per zone',
          evidence: { zonesDefaulted: false },
        },
      ],
    },
    {
      name: 'a no-zone NAT gateway (zones not stated) serving a pool in one zone',
      arch: withNat(undefined, 'Standard', [3]),
      findings: [
        {
          messageId: 'noZone',
          path: PATH,
          severity: 'warning',
          message: /has no zone \(zones not stated\) but serves node pools of aks-test in zones 3:/,
          evidence: { zonesDefaulted: true },
        },
      ],
    },
  ],
});
