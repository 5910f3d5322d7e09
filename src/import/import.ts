/**
 * `aksnet import`: Azure's JSON → an imported design (declarations + architecture), written as a
 * TypeScript design file or built into a DSL value (for drift). Pure apart from reading the input.
 */
import { basename } from 'node:path';
import { ImportContext, type Unmapped } from './context.js';
import { Commented, refsOf, type Decl, type Value } from './design.js';
import { emitDesign } from './emit.js';
import { inferIngressPaths, unplacedReason } from './infer-ingress.js';
import { MAP_ORDER, MAPPERS } from './mappers/index.js';
import { finishSubnets, peeringSides, type PeeringSide } from './mappers/network.js';
import { readInputs, type InputStyle } from './read.js';
import { idKey } from './resource.js';

export interface UnknownResource {
  type: string;
  id: string;
  file: string;
  path: string;
}

export interface ImportedDesign {
  decls: Decl[];
  architecture: Record<string, Value | undefined>;
  /** Resources of types aksnet does not model. */
  unknown: UnknownResource[];
  /** Properties and resources read but not representable in the DSL. */
  unmapped: Unmapped[];
  todos: string[];
  files: string[];
  styles: InputStyle[];
  /** Name of the input folder or file. */
  input: string;
}

export interface ImportOptions {
  /** Title of the imported design (default: derived from the input name). */
  title?: string;
  /** Leave out facts that need parts the export lacks instead of failing (drift). */
  lenient?: boolean;
  /**
   * VNet name pairs `[from, to]` as a design writes its peerings (drift): such a pair is imported in that order.
   * Gateway transit is read from `from`'s side and remote gateways from `to`'s, so only then does the imported
   * peering state the same two directional facts as the design's.
   */
  peeringOrder?: ReadonlyArray<readonly [string, string]>;
}

/** Reads and maps an export folder or file. Throws AksnetError (exit 2) for unusable input. */
export function importAzure(path: string, opts: ImportOptions = {}): ImportedDesign {
  const input = readInputs(path, (t) => MAPPERS.has(t));
  const ctx = new ImportContext(input.resources, MAPPERS, opts.lenient === true);
  for (const type of MAP_ORDER) for (const r of ctx.ofType(type)) ctx.part(r);
  const paths = inferIngressPaths(ctx);
  finishSubnets(ctx);
  const peerings = pairPeerings(ctx, opts.peeringOrder ?? []);
  setRoles(ctx, peerings);

  const by = (b: Decl['builder']) => ctx.design.decls.filter((d) => d.builder === b);
  const onPath = new Set(paths.flatMap((p) => refsOf(p.spec)));
  const lbs = by('loadBalancer').filter((d) => !onPath.has(d));
  // Parts no other part refers to are listed in the network (the DSL discovers the others).
  const referenced = new Set(ctx.design.decls.flatMap((d) => refsOf(d.spec)));
  const loose = (b: Decl['builder']) => by(b).filter((d) => !referenced.has(d));
  const network: Record<string, Value | undefined> = {
    vnets: by('vnet'),
    ...(peerings.length ? { peerings } : {}),
    ...(by('privateDnsZone').length ? { privateDnsZones: by('privateDnsZone') } : {}),
    ...(by('privateEndpoint').length ? { privateEndpoints: by('privateEndpoint') } : {}),
    ...(by('azureFirewall').length ? { firewalls: by('azureFirewall') } : {}),
    ...(by('nva').length ? { nvas: by('nva') } : {}),
    ...(by('bastion').length ? { bastions: by('bastion') } : {}),
    ...(lbs.length ? { loadBalancers: lbs } : {}),
    ...(loose('publicIp').length ? { publicIps: loose('publicIp') } : {}),
    ...(loose('firewallPolicy').length ? { firewallPolicies: loose('firewallPolicy') } : {}),
    ...(loose('privateLinkService').length ? { privateLinkServices: loose('privateLinkService') } : {}),
    ...(loose('frontDoor').length ? { frontDoors: loose('frontDoor') } : {}),
  };
  const name = basename(path).replace(/\.json$/i, '');
  const architecture: Record<string, Value | undefined> = {
    metadata: { title: opts.title ?? `Imported from ${name}`, status: 'draft' },
    network,
    clusters: by('cluster'),
    ...(paths.length ? { ingress: paths } : {}),
  };
  markUnplaced(ctx, architecture);

  const unknown: UnknownResource[] = input.resources
    .filter((r) => !MAPPERS.has(r.type))
    .map((r) => ({ type: r.typeAsWritten, id: r.id, file: r.node.doc.file, path: r.node.path }));
  for (const r of input.resources) {
    if (MAPPERS.has(r.type) && !ctx.consumed.has(r))
      ctx.note(r.id, r.typeAsWritten, 'read but used by no imported part');
  }
  return {
    decls: ctx.design.decls,
    architecture,
    unknown,
    unmapped: ctx.unmapped,
    todos: ctx.todos,
    files: input.files,
    styles: input.styles,
    input: basename(path),
  };
}

/** One `peering()` per VNet pair whose both VNets were imported. */
function pairPeerings(ctx: ImportContext, order: ReadonlyArray<readonly [string, string]>): Decl[] {
  const sides = peeringSides.get(ctx) ?? [];
  const out: Decl[] = [];
  const done = new Set<string>();
  for (const s of sides) {
    const remote = ctx.find(s.remoteId);
    const from = ctx.part(s.vnet);
    const to = remote ? ctx.part(remote) : undefined;
    if (!from || !to || !remote) {
      ctx.note(s.vnet.id, 'virtualNetworkPeerings', `peering to ${s.remoteId} whose VNet is not in the input`);
      continue;
    }
    const key = [idKey(s.vnet.id), idKey(remote.id)].sort().join('|');
    if (done.has(key)) continue;
    done.add(key);
    const back = sides.find((x) => x.vnet === remote && idKey(ctx.find(x.remoteId)?.id ?? '') === idKey(s.vnet.id));
    // The design's order when one is given, else the hub side first, as in hand-written designs.
    const written = (x: Decl, y: Decl) => order.some(([f, t]) => f === x.spec.name && t === y.spec.name);
    const hubFirst = written(to, from) || (!written(from, to) && isHubLike(to) && !isHubLike(from));
    const [a, b, sa, sb] = hubFirst ? [to, from, back, s] : [from, to, s, back];
    const name = `${a.spec.name as string}-${b.spec.name as string}`;
    // The DSL's peering is a working one: a side Azure says is not connected, or that blocks VNet
    // access, carries no traffic, so the pair is noted and left out rather than drawn as working.
    const broken = [s, back].flatMap((x) => (x ? brokenSide(ctx, x) : []));
    if (broken.length > 0) {
      ctx.note(
        s.vnet.id,
        'virtualNetworkPeerings',
        `${broken.join('; ')}: the peering ${name} carries no traffic and is not imported (the DSL's peering has no state)`,
      );
      ctx.todos.push(`peering ${name}: ${broken.join('; ')}; not imported as a working peering`);
      continue;
    }
    const d = ctx.design.add('peering', name, [], `peering:${name}`);
    if (!back) {
      const why =
        `only ${s.vnet.name}'s side of the peering to ${remote.name} is in the input` +
        (s.state ? ` (peeringState ${s.state})` : '') +
        '; traffic flows only when both sides exist';
      ctx.note(s.vnet.id, 'virtualNetworkPeerings', why);
      d.comments.push(`TODO(aksnet import): ${why}; check ${remote.name}'s peerings`);
    }
    const fwd =
      sa?.allowForwardedTraffic !== undefined && sa.allowForwardedTraffic === sb?.allowForwardedTraffic
        ? sa.allowForwardedTraffic
        : undefined;
    if (sa?.allowForwardedTraffic !== sb?.allowForwardedTraffic) {
      ctx.note(
        s.vnet.id,
        'virtualNetworkPeerings.allowForwardedTraffic',
        'differs between the two directions; the DSL has one value per pair',
      );
    }
    // Gateway transit is one-directional: the gateway side allows it, the other side uses remote gateways.
    // The DSL reads both from the `from` side's point of view, so a `from` VNet that itself uses the other's
    // gateways cannot be said in it: note it rather than import it the wrong way round.
    if (sa?.useRemoteGateways === true) {
      ctx.note(
        s.vnet.id,
        'virtualNetworkPeerings.useRemoteGateways',
        `${a.spec.name as string} uses the gateways of ${b.spec.name as string}; the DSL states gateway transit from the peering's first VNet only`,
      );
    }
    d.spec = {
      from: a,
      to: b,
      ...(sa?.allowGatewayTransit !== undefined ? { allowGatewayTransit: sa.allowGatewayTransit } : {}),
      ...(sb?.useRemoteGateways !== undefined ? { useRemoteGateways: sb.useRemoteGateways } : {}),
      ...(fwd !== undefined ? { allowForwardedTraffic: fwd } : {}),
    };
    out.push(d);
  }
  return out;
}

/** Why one side of a peering carries no traffic, as Azure states it. */
function brokenSide(ctx: ImportContext, x: PeeringSide): string[] {
  const to = ctx.find(x.remoteId)?.name ?? x.remoteId;
  const out: string[] = [];
  if (x.state !== undefined && x.state.toLowerCase() !== 'connected')
    out.push(`${x.vnet.name} → ${to} is ${x.state} (peeringState)`);
  if (x.allowVirtualNetworkAccess === false) out.push(`${x.vnet.name} → ${to} has allowVirtualNetworkAccess false`);
  return out;
}

function isHubLike(vnet: Decl): boolean {
  return ((vnet.spec.subnets ?? []) as Decl[]).some(
    (s) => s.spec.purpose === 'firewall' || s.spec.purpose === 'gateway',
  );
}

/** A peered VNet with a firewall or gateway subnet is a hub; VNets peered to a hub are spokes. */
function setRoles(ctx: ImportContext, peerings: Decl[]): void {
  const role = new Map<Decl, 'hub' | 'spoke'>();
  for (const p of peerings) {
    const [a, b] = [p.spec.from as Decl, p.spec.to as Decl];
    if (isHubLike(a)) role.set(a, 'hub');
    if (isHubLike(b)) role.set(b, 'hub');
  }
  for (const p of peerings) {
    const [a, b] = [p.spec.from as Decl, p.spec.to as Decl];
    if (role.get(a) === 'hub' && !role.has(b)) role.set(b, 'spoke');
    if (role.get(b) === 'hub' && !role.has(a)) role.set(a, 'spoke');
  }
  for (const d of ctx.design.decls) {
    const r = role.get(d);
    if (!r) continue;
    const { name, region, addressSpace, ...rest } = d.spec;
    d.spec = { name, region, role: r, addressSpace, ...rest };
  }
}

/** Parts nothing in the architecture reaches get a comment saying why they are not placed. */
function markUnplaced(ctx: ImportContext, architecture: Record<string, Value | undefined>): void {
  const reached = new Set<Decl>();
  const walk = (v: Value | undefined): void => {
    for (const d of refsOf(v)) {
      if (reached.has(d)) continue;
      reached.add(d);
      walk(d.spec as Value);
    }
  };
  walk(architecture as Value);
  // Parts used by a part whose paths are left to the reader (e.g. a gateway's public IP) say so.
  const usedBy = new Map<Decl, Decl>();
  for (const d of ctx.design.decls) {
    if (reached.has(d) || !unplacedReason.has(d)) continue;
    for (const r of refsOf(d.spec as Value)) if (!reached.has(r) && !usedBy.has(r)) usedBy.set(r, d);
  }
  for (const d of ctx.design.decls) {
    if (reached.has(d)) continue;
    const user = usedBy.get(d);
    const why =
      unplacedReason.get(d) ??
      (user
        ? `it is used by ${String(user.spec.name ?? user.varName)}, whose ingress paths are to be added by hand`
        : d.builder === 'applicationGateway' || d.builder === 'frontDoor' || d.builder === 'privateLinkService'
          ? 'it is on no ingress path Azure shows; use it in an ingressPath hop'
          : 'no imported part refers to it');
    d.comments.push(`TODO(aksnet import): not part of the architecture yet: ${why}`);
    ctx.todos.push(`${String(d.spec.name ?? d.varName)}: ${why}`);
  }
}

/** The design file text. */
export function designSource(design: ImportedDesign): string {
  const header = [
    `Imported by \`aksnet import\` from ${design.input} (${design.files.length} file(s): ${design.styles.join(', ')}).`,
    'Azure resource ids are kept as comments above each part. Review every TODO(aksnet import) comment:',
    'they mark what Azure\'s JSON does not tell (see docs/import.md, "Finishing an imported design").',
  ];
  if (design.unknown.length > 0) {
    header.push('', 'Not imported (resource types aksnet does not model):');
    for (const [type, n] of countBy(design.unknown.map((u) => u.type))) header.push(`  ${type} ×${n}`);
  }
  if (design.unmapped.length > 0) {
    header.push('', 'Read but not imported:');
    for (const u of design.unmapped) header.push(`  ${u.property} of ${u.id.split('/').pop()}: ${u.reason}`);
  }
  return emitDesign({ decls: design.decls, architecture: design.architecture, header });
}

function countBy(xs: string[]): Array<[string, number]> {
  const m = new Map<string, number>();
  for (const x of xs) m.set(x, (m.get(x) ?? 0) + 1);
  return [...m.entries()].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
}

export { Commented };
