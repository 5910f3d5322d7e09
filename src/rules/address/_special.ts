/** Subnets with a role Azure attaches rules to (firewall, bastion, gateways), found by name, purpose or occupant. */
import { azureUsable, cidr, type CidrRange } from '../../model/cidr.js';
import type { Dependency, RuleContext } from '../../validate/rule.js';
import type { ModelQuery } from '../../model/query.js';
import type { SubnetPurpose } from '../../../dsl/types.js';
import type { Id, SubnetResource } from '../../model/types.js';

export interface SpecialRole {
  /** The name Azure requires. */
  name: string;
  purpose: SubnetPurpose;
  /** Resource kind whose `subnet` must be this subnet. */
  occupant?: 'azureFirewall' | 'bastion' | 'vnetGateway';
  label: string;
}

export const ROLES = {
  firewall: { name: 'AzureFirewallSubnet', purpose: 'firewall', occupant: 'azureFirewall', label: 'Azure Firewall' },
  firewallManagement: { name: 'AzureFirewallManagementSubnet', purpose: 'firewall-management', label: 'Azure Firewall management' },
  bastion: { name: 'AzureBastionSubnet', purpose: 'bastion', occupant: 'bastion', label: 'Azure Bastion' },
  gateway: { name: 'GatewaySubnet', purpose: 'gateway', occupant: 'vnetGateway', label: 'VPN/ExpressRoute gateway' },
} as const satisfies Record<string, SpecialRole>;

/**
 * The resources that need the role's subnet. A Developer Bastion has no AzureBastionSubnet, so the
 * subnet it is drawn in keeps its own role.
 */
export function occupants(q: ModelQuery, role: SpecialRole) {
  return (role.occupant ? q.all(role.occupant) : []).filter((r) => !(r.kind === 'bastion' && r.sku === 'Developer'));
}

/** Subnets that play a role: named for it, declared for it, or hosting its resource. */
export function subnetsFor(q: ModelQuery, role: SpecialRole): Array<{ subnet: SubnetResource; range: CidrRange }> {
  const hosted = new Set<Id>();
  for (const r of occupants(q, role)) if (r.subnet) hosted.add(r.subnet);
  const out: Array<{ subnet: SubnetResource; range: CidrRange }> = [];
  for (const s of q.all('subnet')) {
    const match = s.name.toLowerCase() === role.name.toLowerCase() || s.purpose === role.purpose || hosted.has(s.id);
    const range = cidr(s.cidr);
    if (match && range) out.push({ subnet: s, range });
  }
  return out;
}

/**
 * What the verdict that a subnet plays `role` reads: the subnet's name, purpose and CIDR (an invalid CIDR is no
 * match), and, when neither its name nor its purpose says so, the occupants drawn in it (their subnet, and a
 * Bastion's SKU: a Developer Bastion has no subnet of its own, and an invalid SKU stands in as Basic).
 */
export function roleBasis(q: ModelQuery, role: SpecialRole, subnet: SubnetResource): { reads: string[]; dependsOn: Dependency[] } {
  const reads = ['name', 'purpose', 'cidr'];
  if (subnet.name.toLowerCase() === role.name.toLowerCase() || subnet.purpose === role.purpose || !role.occupant) return { reads, dependsOn: [] };
  const dependsOn = q
    .all(role.occupant)
    .filter((r) => r.subnet === subnet.id)
    .map((r) => ({ element: r.id, reads: r.kind === 'bastion' ? ['subnet', 'sku'] : ['subnet'] }));
  return { reads, dependsOn };
}

/** The message of every rule that wants a role's subnet at least a given size (its `tooSmall`). */
export const TOO_SMALL =
  '{{subnet}} {{cidr}} ({{role}}) is a /{{prefix}} with {{usable}} usable addresses; it must be a /{{required}} or larger';

/** Reports each subnet playing `role` whose prefix is longer than `/minPrefix` (fewer addresses than Azure requires). */
export function reportTooSmall(ctx: RuleContext, role: SpecialRole, minPrefix: number): void {
  for (const { subnet, range } of subnetsFor(ctx.q, role)) {
    if (range.prefix <= minPrefix) continue;
    ctx.report({
      messageId: 'tooSmall',
      data: {
        subnet: subnet.name,
        cidr: subnet.cidr,
        role: role.label,
        prefix: range.prefix,
        usable: azureUsable(range),
        required: minPrefix,
      },
      element: subnet.id,
      ...roleBasis(ctx.q, role, subnet),
      property: 'cidr',
      evidence: { subnet: subnet.name, cidr: subnet.cidr, prefix: range.prefix, required: minPrefix },
    });
  }
}
