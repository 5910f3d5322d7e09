/**
 * Where the client of a control-plane access path runs. Azure Bastion only opens an RDP/SSH session to a VM in its own
 * or a peered VNet; kubectl runs on that VM, which resolves and reaches the API server from its own VNet. Rules, the
 * control-plane drawing and the narrative ask here, so none of them takes Bastion for the place kubectl runs.
 * https://learn.microsoft.com/azure/bastion/vnet-peering
 */
import type { ModelQuery } from './query.js';
import type { ControlPlaneAccessModel, ResourceOf } from './types.js';

export type AccessClient =
  /** The VM a Bastion session opens, where kubectl runs. */
  | { kind: 'session'; bastion: ResourceOf<'bastion'>; vm: ResourceOf<'jumpBox'> }
  /** A Bastion path that names no VM: where kubectl runs is unknown. */
  | { kind: 'unstated'; bastion: ResourceOf<'bastion'> }
  /** Any other path: the client runs at `from`. */
  | { kind: 'direct' };

export function accessClient(q: ModelQuery, a: ControlPlaneAccessModel): AccessClient {
  const bastion = a.kind === 'admins' ? q.getAs(a.via, 'bastion') : undefined;
  if (!bastion) return { kind: 'direct' };
  const vm = a.from !== a.via ? q.getAs(a.from, 'jumpBox') : undefined;
  return vm ? { kind: 'session', bastion, vm } : { kind: 'unstated', bastion };
}
