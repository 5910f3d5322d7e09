/**
 * The one capacity model: how many addresses and SNAT ports a design needs at maximum scale during
 * an upgrade. Every capacity rule and the report's IP plan call these functions, so the plan shows
 * negative headroom exactly when a rule says a subnet or range is too small.
 *
 * Nodes at peak = autoscaler maximum (or the fixed count) + upgrade surge. Surge follows the AKS
 * rolling-upgrade model (https://learn.microsoft.com/azure/aks/upgrade-aks-node-pools-rolling):
 * `maxSurge` is a node count or a percentage of the pool's nodes rounded up. Unset, the normalizer fills in
 * 10 %, the default stated by https://learn.microsoft.com/azure/aks/best-practices-performance-scale-large and
 * the AgentPoolUpgradeSettings API reference; the rolling-upgrade page says one extra node instead, and 10 %
 * rounded up is never fewer (see REASONS.maxSurge). `maxSurge: 0` with `maxUnavailable` cordons and drains existing nodes instead of adding
 * any, so it adds no address: `maxUnavailable` lowers available capacity, never address demand, and
 * the model needs nothing from it beyond a surge of 0. Every pool
 * surges during a cluster upgrade, so a cluster's surge is the sum over its pools (the docs' example:
 * five pools at 50 % of four nodes need "extra compute and IP quota of 10 nodes").
 */
import { azureUsable, cidr } from './cidr.js';
import type { ModelQuery } from './query.js';
import type { AppGatewayResource, ClusterResource, Id, NodePoolResource } from './types.js';

/** Addresses overlay and kubenet take from the pod CIDR per node (a /24). */
export const POD_CIDR_BLOCK = 256;
/** Azure CNI pod subnet: dynamic allocation leases pod IPs to a node in batches of this size. */
export const DYNAMIC_BATCH = 16;
/** Azure CNI pod subnet: static block allocation hands a node whole /28 blocks. */
export const STATIC_BLOCK = 16;

/**
 * Whole /28 blocks a static-block pod subnet can hand out. A block is an aligned /28 and must be free of
 * Azure's reserved addresses: the first four of the subnet fall in its first /28 and the broadcast address in
 * its last, so those two blocks are never allocated (a /24 offers 14 blocks, not ⌊251 / 16⌋ = 15).
 */
export function staticBlocksAvailable(size: number): number {
  return Math.max(0, Math.floor(size / STATIC_BLOCK) - 2);
}

function nonNeg(n: unknown): number {
  return typeof n === 'number' && Number.isFinite(n) && n > 0 ? Math.floor(n) : 0;
}

/** Surge nodes of one pool: a count as written, or a percentage of its peak node count rounded up. */
export function surgeNodesFor(maxSurge: string, maxNodes: number): number {
  const nodes = nonNeg(maxNodes);
  if (maxSurge.endsWith('%')) {
    const pct = Number.parseFloat(maxSurge);
    return Number.isFinite(pct) && pct > 0 ? Math.ceil((nodes * pct) / 100) : 0;
  }
  return nonNeg(Number(maxSurge));
}

export interface PoolDemand {
  /** Autoscaler maximum, or the fixed count. */
  nodes: number;
  /** Extra nodes during an upgrade. */
  surge: number;
  /** nodes + surge. */
  peak: number;
}

/** Node demand of one pool at maximum scale during an upgrade. */
export function poolDemand(p: NodePoolResource): PoolDemand {
  const nodes = nonNeg(p.maxNodes);
  const surge = surgeNodesFor(p.maxSurge, nodes);
  return { nodes, surge, peak: nodes + surge };
}

/** Node demand of a cluster: every pool at its maximum, every pool surging. */
export function clusterDemand(q: ModelQuery, c: ClusterResource): PoolDemand {
  let nodes = 0;
  let surge = 0;
  for (const p of q.pools(c.id)) {
    const d = poolDemand(p);
    nodes += d.nodes;
    surge += d.surge;
  }
  return { nodes, surge, peak: nodes + surge };
}

/**
 * Addresses each cluster reserves in its API Server VNet Integration subnet: "at least nine" (api-server-vnet-integration),
 * for the API server instances and their internal load balancer. Clusters may share the subnet, so its demand is this
 * times the clusters that use it.
 */
export const API_SERVER_IPS_PER_CLUSTER = 9;

/**
 * Which capacity rule speaks for a subnet (the first that applies, in this order). `api-server` is an API Server VNet
 * Integration subnet, which control-plane/apiserver-subnet-size checks with the same per-cluster number.
 */
export type SubnetRole = 'nodes' | 'pods-dynamic' | 'pods-static' | 'application-gateway' | 'api-server' | 'other';

export interface DemandTerm {
  /** Addresses this part needs. */
  addresses: number;
  /** How, e.g. `system: (12 nodes + 1 surge) × (30 pods + 1)`. */
  text: string;
  /** The elements whose stated values make the term (a pool and its cluster, a gateway). */
  elements?: Id[];
}

export interface SubnetDemand {
  subnet: Id;
  role: SubnetRole;
  /**
   * Addresses Azure lets you use (size − 5), or null when the CIDR is invalid. For a static-block pod subnet:
   * the addresses of the /28 blocks it can allocate ({@link staticBlocksAvailable} × 16), since nodes take whole
   * blocks.
   */
  usable: number | null;
  /** Addresses needed at peak, or null when nothing the model counts lives there. */
  used: number | null;
  terms: DemandTerm[];
  /** Static pod subnets: /28 blocks needed by the pools. */
  blocks?: number;
}

const plural = (n: number, noun: string): string => `${n} ${noun}${n === 1 ? '' : 's'}`;

interface PoolPlacement {
  pool: NodePoolResource;
  cluster: ClusterResource;
}

/** What lives in each subnet, by subnet id (each list in model order). */
interface Placements {
  nodePools: Map<Id, PoolPlacement[]>;
  podPools: Map<Id, PoolPlacement[]>;
  internalLbs: Map<Id, number>;
  endpoints: Map<Id, number>;
  gateways: Map<Id, AppGatewayResource[]>;
  /** Clusters whose VNet-integrated API server is projected into the subnet. */
  apiServers: Map<Id, ClusterResource[]>;
  privateLinkServices: Map<Id, number>;
  /** NVAs, then jump boxes: one address each. */
  single: Map<Id, Array<{ name: string }>>;
}

// Built once per query: looking every part up per subnet made capacity rules quadratic in spokes.
const placementsOf = new WeakMap<ModelQuery, Placements>();

function placements(q: ModelQuery): Placements {
  const hit = placementsOf.get(q);
  if (hit) return hit;
  const add = <T>(m: Map<Id, T[]>, k: Id | undefined, v: T): void => {
    const list = m.get(k as Id);
    if (list) list.push(v);
    else m.set(k as Id, [v]);
  };
  const count = (m: Map<Id, number>, k: Id | undefined): void => {
    m.set(k as Id, (m.get(k as Id) ?? 0) + 1);
  };
  const p: Placements = {
    nodePools: new Map(),
    podPools: new Map(),
    internalLbs: new Map(),
    endpoints: new Map(),
    gateways: new Map(),
    apiServers: new Map(),
    privateLinkServices: new Map(),
    single: new Map(),
  };
  for (const c of q.all('cluster')) {
    const podCni = c.network.cni === 'azure-podsubnet-dynamic' || c.network.cni === 'azure-podsubnet-static';
    for (const pool of q.pools(c.id)) {
      add(p.nodePools, pool.subnet, { pool, cluster: c });
      if (podCni) add(p.podPools, pool.podSubnet, { pool, cluster: c });
    }
  }
  for (const lb of q.all('loadBalancer')) if (lb.visibility === 'internal') count(p.internalLbs, lb.subnet);
  for (const pe of q.all('privateEndpoint')) count(p.endpoints, pe.subnet);
  for (const c of q.all('cluster')) {
    if (c.apiServer.mode === 'private') count(p.endpoints, q.getAs(c.apiServerEndpoint, 'apiServer')?.subnet);
    if (c.apiServer.mode === 'vnet-integration' && c.apiServer.subnet) add(p.apiServers, c.apiServer.subnet, c);
  }
  for (const g of q.all('applicationGateway')) add(p.gateways, g.subnet, g);
  for (const x of q.all('privateLinkService')) count(p.privateLinkServices, x.subnet);
  for (const x of [...q.all('nva'), ...q.all('jumpBox')]) add(p.single, x.subnet, x);
  placementsOf.set(q, p);
  return p;
}

/** Address demand of one subnet at peak: nodes, pods, frontends, endpoints, gateways and appliances placed in it. */
export function subnetDemand(q: ModelQuery, subnetId: Id): SubnetDemand {
  const s = q.getAs(subnetId, 'subnet');
  const range = s ? cidr(s.cidr) : undefined;
  const usable = range ? azureUsable(range) : null;
  const terms: DemandTerm[] = [];
  const where = placements(q);
  const nodePools = where.nodePools.get(subnetId) ?? [];
  const podPools = where.podPools.get(subnetId) ?? [];
  for (const { pool, cluster } of nodePools) {
    const d = poolDemand(pool);
    const who = nodePools.length > 1 ? `${pool.name}: ` : '';
    if (cluster.network.cni === 'azure-nodesubnet') {
      const pods = nonNeg(pool.maxPods);
      const text = `${who}(${d.nodes} nodes + ${d.surge} surge) × (${pods} pods + 1)`;
      terms.push({ addresses: d.peak * (pods + 1), text, elements: [pool.id, cluster.id] });
    } else terms.push({ addresses: d.peak, text: `${who}${d.nodes} nodes + ${d.surge} surge`, elements: [pool.id, cluster.id] });
  }
  let blocks = 0;
  const allStatic = podPools.length > 0 && podPools.every((x) => x.cluster.network.cni === 'azure-podsubnet-static');
  for (const { pool, cluster } of podPools) {
    const d = poolDemand(pool);
    const pods = nonNeg(pool.maxPods);
    const who = podPools.length > 1 || nodePools.length > 0 ? `${pool.name} pods: ` : '';
    if (cluster.network.cni === 'azure-podsubnet-static') {
      const perNode = Math.ceil((pods + 1) / STATIC_BLOCK);
      blocks += d.peak * perNode;
      const text = `${who}(${d.nodes} nodes + ${d.surge} surge) × ${perNode} blocks (${pods} pods)`;
      terms.push({ addresses: d.peak * perNode * STATIC_BLOCK, text, elements: [pool.id, cluster.id] });
    } else {
      const perNode = Math.max(DYNAMIC_BATCH, Math.ceil(pods / DYNAMIC_BATCH) * DYNAMIC_BATCH);
      terms.push({
        addresses: d.peak * perNode,
        text: `${who}(${d.nodes} nodes + ${d.surge} surge) × ${perNode} (${pods} pods in batches of ${DYNAMIC_BATCH})`,
        elements: [pool.id, cluster.id],
      });
    }
  }
  const ilbs = where.internalLbs.get(subnetId) ?? 0;
  if (ilbs) terms.push({ addresses: ilbs, text: plural(ilbs, 'internal LB frontend') });
  const endpoints = where.endpoints.get(subnetId) ?? 0;
  if (endpoints) terms.push({ addresses: endpoints, text: plural(endpoints, 'private endpoint') });
  const gateways = where.gateways.get(subnetId) ?? [];
  for (const g of gateways) {
    const inst = nonNeg(g.maxCapacity);
    const fe = g.frontend === 'private' || g.frontend === 'both' ? 1 : 0;
    terms.push({ addresses: inst + fe, text: `${g.name} ${inst} instances${fe ? ' + 1 private frontend' : ''}`, elements: [g.id] });
  }
  const apiServers = where.apiServers.get(subnetId) ?? [];
  for (const c of apiServers) {
    terms.push({ addresses: API_SERVER_IPS_PER_CLUSTER, text: `${c.name} API server: ${API_SERVER_IPS_PER_CLUSTER}`, elements: [c.id] });
  }
  const pls = where.privateLinkServices.get(subnetId) ?? 0;
  if (pls) terms.push({ addresses: pls, text: plural(pls, 'Private Link NAT IP') });
  for (const x of where.single.get(subnetId) ?? []) terms.push({ addresses: 1, text: `${x.name}: 1` });

  const role: SubnetRole = nodePools.length
    ? 'nodes'
    : podPools.length
      ? allStatic
        ? 'pods-static'
        : 'pods-dynamic'
      : gateways.length
        ? 'application-gateway'
        : apiServers.length
          ? 'api-server'
          : 'other';
  const used = terms.length ? terms.reduce((a, t) => a + t.addresses, 0) : null;
  // Other parts in a static pod subnet are counted against block space too (conservative; a rare layout).
  const capacity = role === 'pods-static' && range ? staticBlocksAvailable(range.size) * STATIC_BLOCK : usable;
  return { subnet: subnetId, role, usable: capacity, used, terms, ...(role === 'pods-static' ? { blocks } : {}) };
}

/** Whether a subnet's demand exceeds its usable addresses. */
export function overCapacity(d: SubnetDemand): boolean {
  return d.usable !== null && d.used !== null && d.used > d.usable;
}

export interface PodCidrDemand {
  cluster: Id;
  podCidr: string;
  size: number;
  /** /24 node blocks the CIDR holds. */
  blocks: number;
  demand: PoolDemand;
  /** Addresses reserved at peak: a /24 per node. */
  used: number;
}

/** Pod CIDR demand of an overlay or kubenet cluster (a /24 per node at peak), or undefined for other CNIs. */
export function podCidrDemand(q: ModelQuery, c: ClusterResource): PodCidrDemand | undefined {
  if (c.network.cni !== 'azure-overlay' && c.network.cni !== 'kubenet') return undefined;
  const r = c.network.podCidr ? cidr(c.network.podCidr) : undefined;
  if (!r) return undefined;
  const demand = clusterDemand(q, c);
  const blocks = r.prefix <= 24 ? 2 ** (24 - r.prefix) : 0;
  return { cluster: c.id, podCidr: r.text, size: r.size, blocks, demand, used: demand.peak * POD_CIDR_BLOCK };
}

/** SNAT demand: the nodes that share an egress device's ports at peak (sum over the clusters using it). */
export function snatNodes(q: ModelQuery, clusters: readonly ClusterResource[]): PoolDemand {
  let nodes = 0;
  let surge = 0;
  for (const c of clusters) {
    const d = clusterDemand(q, c);
    nodes += d.nodes;
    surge += d.surge;
  }
  return { nodes, surge, peak: nodes + surge };
}

/** SNAT ports per public frontend IP of a Standard load balancer (configure-load-balancer-standard). */
export const LB_PORTS_PER_IP = 64_000;
/** SNAT ports per public address of a NAT gateway (nat-gateway-resource). */
export const NAT_GATEWAY_PORTS_PER_IP = 64_512;
/** SNAT ports per public IP per Azure Firewall instance (firewall/integrate-with-nat-gateway). */
export const FIREWALL_PORTS_PER_IP = 2_496;

/** Azure's automatic SNAT port allocation per backend instance of a load balancer, by backend pool size. */
export function autoPortsPerNode(nodes: number): number {
  if (nodes <= 50) return 1024;
  if (nodes <= 100) return 512;
  if (nodes <= 200) return 256;
  if (nodes <= 400) return 128;
  if (nodes <= 800) return 64;
  return 32;
}
