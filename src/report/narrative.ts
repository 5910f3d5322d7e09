/**
 * Traffic-flow narratives: the ingress, egress and control-plane paths explained step by step,
 * the way a reviewer walks a board through a design. Pure functions of the model.
 */
import { destinationVerdict, unknownFact, unstatedShorthand, type FlowVerdict } from '../model/firewall.js';
import { destinationResolution } from '../model/private-dns.js';
import { publicIpsText, snatAllowList, snatSourceText, snatTotalText } from '../model/snat.js';
import { outboundInvalid } from '../model/egress.js';
import { isEncrypted, pathSegments, undecidedBy, type UndecidedTls } from '../model/tls.js';
import type { Protocol } from '../../dsl/types.js';
import type { ModelQuery } from '../model/query.js';
import type {
  ClusterResource,
  ControlPlaneAccessModel,
  EgressPathModel,
  IngressHopModel,
  IngressPathModel,
  Resource,
  ResourceOf,
  TlsState,
} from '../model/types.js';
import type { NarrativeStep, NarrativeView } from './types.js';
import { clientIpLostBefore, clientIpUnknownBefore } from '../model/client-ip.js';
import { KIND_NAMES } from '../diagram/views.js';
import { counted } from './plural.js';
import { accessClient } from '../model/access.js';

type Tone = NarrativeStep['tags'][number]['tone'];

const ENCRYPTED: ReadonlySet<Protocol> = new Set<Protocol>(['https', 'grpcs', 'tls']);

const PROTOCOL_LABEL: Record<Protocol, string> = {
  http: 'HTTP',
  https: 'HTTPS',
  http2: 'HTTP/2',
  grpc: 'gRPC',
  grpcs: 'gRPC over TLS',
  tcp: 'TCP',
  tls: 'TLS',
  udp: 'UDP',
};

export function protocolLabel(p: Protocol | undefined): string {
  return p ? (PROTOCOL_LABEL[p] ?? p.toUpperCase()) : '?';
}

const INGRESS_CONTROLLER_LABEL: Record<string, string> = {
  'app-routing-nginx': 'application routing add-on (NGINX)',
  'app-routing-gateway-api': 'application routing add-on (Gateway API)',
  nginx: 'NGINX ingress controller',
  traefik: 'Traefik ingress controller',
  'istio-gateway': 'Istio ingress gateway',
  'http-application-routing': 'HTTP application routing add-on (retired)',
  contour: 'Contour ingress controller',
  other: 'ingress controller',
};

const zonesText = (z: readonly number[] | undefined) =>
  z === undefined ? 'availability zones not stated' : z.length ? `zones ${z.join(', ')}` : 'no availability zones';

/** A component as a reviewer names it: "Application Gateway agw-x (WAF_v2, public frontend)". */
export function describe(r: Resource | undefined, q: ModelQuery): string {
  if (!r) return 'unknown component';
  switch (r.kind) {
    case 'frontDoor':
      return `Azure Front Door ${r.name} (${r.sku})`;
    case 'applicationGateway':
      return `Application Gateway ${r.name} (${r.sku}, ${r.frontend} frontend)`;
    case 'agc':
      return `Application Gateway for Containers ${r.name} (${r.deployment === 'managed' ? 'ALB-managed' : 'bring-your-own'}, ${r.frontend} frontend)`;
    case 'apiManagement':
      return `API Management ${r.name} (${r.sku}, VNet mode ${r.vnetMode})`;
    case 'azureFirewall':
      return `Azure Firewall ${r.name}${r.tier ? ` (${r.tier})` : ''}`;
    case 'nva':
      return `network virtual appliance ${r.name}${r.vendor ? ` (${r.vendor})` : ''}`;
    case 'loadBalancer':
      return `${r.visibility} load balancer ${r.name} (${r.sku})`;
    case 'privateLinkService':
      return `Private Link service ${r.name}`;
    case 'ingressController':
      return `${INGRESS_CONTROLLER_LABEL[r.type] ?? 'ingress controller'} ${r.name}`;
    case 'routeTable':
      return `route table ${r.name}`;
    case 'natGateway':
      return `NAT gateway ${r.name}`;
    case 'cluster':
      return `cluster ${r.name}`;
    case 'internet':
      return 'the internet';
    case 'bastion':
      return `Azure Bastion ${r.name} (${r.sku})`;
    case 'jumpBox':
      return `jump box ${r.name}`;
    case 'buildAgents':
      return `${r.hosting} build agents ${r.name}`;
    case 'hybridConnection':
      return `${r.type === 'expressRoute' ? 'ExpressRoute' : 'VPN'} connection ${r.name}`;
    case 'nodePool':
      return `node pool ${r.name}`;
    case 'privateEndpoint':
      return `private endpoint ${r.name}`;
    default:
      return q.name(r.id);
  }
}

/**
 * What a hop does with TLS, told with the state of the segment leaving it as src/model/tls.ts gives it (the state the
 * diagram draws): behind an ingress controller a STRICT service mesh carries the next segment over mTLS, so that
 * segment is not "unencrypted" although the hop terminates TLS. `leaving` is undefined where no segment follows.
 */
function tlsSentence(h: IngressHopModel, leaving: TlsState | undefined, undecided?: UndecidedTls): { text: string; tag: string; tone: Tone } {
  if (undecided) {
    const arrives = h.tls === 'terminate' ? 'TLS terminates here' : h.tls === 'plain' ? 'Plaintext arrives here' : 'Traffic arrives here';
    return {
      text: `${arrives}; whether the service mesh encrypts the next segment depends on its mTLS mode, which the design does not state (serviceMesh.mtls of cluster ${undecided.name}).`,
      tag: 'mesh mTLS not stated',
      tone: 'neutral',
    };
  }
  if (leaving === 'mtls') {
    const arrives = h.tls === 'terminate' ? 'TLS terminates here' : h.tls === 'plain' ? 'Plaintext arrives here' : 'Traffic arrives here';
    return {
      text: `${arrives}; the service mesh (mTLS STRICT) re-encrypts the next segment with mutual TLS between the sidecars.`,
      tag: h.tls === 'terminate' ? 'TLS terminated · mTLS onward' : 'mTLS onward (mesh)',
      tone: 'good',
    };
  }
  switch (h.tls) {
    case 'terminate':
      return { text: 'TLS terminates here and the traffic continues to the next hop unencrypted.', tag: 'TLS terminated', tone: 'warn' };
    case 'reencrypt':
      return { text: 'TLS terminates here and a new TLS session is opened to the next hop (re-encryption).', tag: 'TLS re-encrypted', tone: 'good' };
    case 'passthrough':
      return { text: 'Encrypted bytes pass through without decryption, so this hop cannot see the payload.', tag: 'TLS passthrough', tone: 'neutral' };
    case 'originate':
      return { text: 'Plaintext arrives and TLS is originated towards the next hop.', tag: 'TLS originated', tone: 'good' };
    case 'plain':
    default:
      return { text: 'No TLS on this hop: traffic arrives and leaves in plaintext.', tag: 'plaintext', tone: 'bad' };
  }
}


function clientLabel(c: ResourceOf<'client'> | undefined, q: ModelQuery): string {
  if (!c) return 'Clients';
  const who = c.name && !c.name.startsWith('client:') ? c.name : c.clientKind;
  switch (c.clientKind) {
    case 'internet':
      return `${who} on the internet`;
    case 'corporate':
      return `${who} (corporate users${c.via ? ` over ${describe(q.get(c.via), q)}` : ''})`;
    case 'partner':
      return `${who} (partners${c.sourceRanges.length ? ` from ${c.sourceRanges.join(', ')}` : ''})`;
    default:
      return who;
  }
}

/** A kind as a common noun in a sentence ("load balancer"); product names keep their capitals ("Application Gateway"). */
function kindNoun(r: Resource | undefined): string {
  const label = (r && KIND_NAMES[r.kind]) ?? 'component';
  return /^[A-Z][a-z]+( [a-z][\w-]*)*$/.test(label) ? label.charAt(0).toLowerCase() + label.slice(1) : label;
}

/**
 * The hops of a path as its sentences name them. Two hops may share a name (the HTTP application routing add-on names
 * both its load balancer and its controller addon-http-application-routing): each of those is qualified by its kind,
 * so the path does not read as a hop to itself.
 */
function hopLabels(hops: IngressPathModel['hops'], q: ModelQuery): string[] {
  const names = hops.map((h) => q.name(h.resource));
  return names.map((n, i) => (names.indexOf(n) !== names.lastIndexOf(n) ? `${kindNoun(q.get(hops[i]!.resource))} ${n}` : n));
}

export function ingressNarrative(p: IngressPathModel, q: ModelQuery): NarrativeView {
  const client = q.getAs(p.client, 'client');
  const target = q.getAs(p.target, 'workload');
  const cluster = q.getAs(p.cluster, 'cluster');
  const hopNames = hopLabels(p.hops, q);
  const who = clientLabel(client, q);
  const targetText = target
    ? `service ${target.service} in namespace ${target.namespace} on ${cluster ? `cluster ${cluster.name}` : 'the cluster'}`
    : `the workload on ${cluster ? `cluster ${cluster.name}` : 'the cluster'}`;
  const summary =
    `${who} reach ${targetText} through ${counted(p.hops.length, 'hop')}` +
    (hopNames.length ? `: ${hopNames.join(' → ')}` : '') +
    `. ${p.internetFacing ? 'The path is internet-facing.' : 'The path is not reachable from the internet.'}` +
    (p.description ? ` ${p.description}` : '');

  const steps: NarrativeStep[] = [];
  const first = p.hops[0];
  // Segment i runs into hop i (the last one into the pods); its encryption is the state the diagram draws.
  const segments = pathSegments(q.model, p);
  steps.push({
    n: 1,
    title: who.charAt(0).toUpperCase() + who.slice(1),
    text: first
      ? `Connect with ${protocolLabel(first.protocol)} to port ${first.port} of ${hopNames[0]}.` +
        (ENCRYPTED.has(first.protocol) ? '' : ' The first segment is not encrypted.')
      : 'Connect directly to the workload.',
    tags: first ? [{ label: ENCRYPTED.has(first.protocol) ? 'encrypted' : 'plaintext', tone: ENCRYPTED.has(first.protocol) ? 'good' : 'bad' }] : [],
  });

  const wafs: string[] = [];
  const decrypts: string[] = [];
  const plainSegments: string[] = [];
  // Segments whose encryption hangs on an unknown fact: neither plaintext nor encrypted in the notes.
  const unstatedSegments: string[] = [];
  let ipLostAt: string | undefined;
  // Hops before any known replacement whose keeping of the client IP is not stated.
  const ipUnknownAt: string[] = [];
  p.hops.forEach((h, i) => {
    const r = q.get(h.resource);
    const name = hopNames[i]!;
    const next = p.hops[i + 1];
    const nextName = next ? hopNames[i + 1]! : target ? `the ${target.service} pods` : 'the pods';
    const leaving = segments[i + 1];
    const undecided = leaving ? undecidedBy(q.model, p, leaving) : undefined;
    const tls = tlsSentence(h, leaving?.tls, undecided);
    const parts = [`Receives ${protocolLabel(h.protocol)} on port ${h.port}.`, tls.text];
    const tags: NarrativeStep['tags'] = [{ label: tls.tag, tone: tls.tone }];
    if (h.tls === 'terminate' || h.tls === 'reencrypt') decrypts.push(name);
    // Only a segment the model holds is judged (none follows the last hop of a path without a target).
    if (undecided) unstatedSegments.push(`${name} → ${nextName}`);
    else if (leaving && !isEncrypted(leaving.tls)) plainSegments.push(`${name} → ${nextName}`);
    if (h.waf) {
      wafs.push(`${name} (${h.waf})`);
      parts.push(
        h.waf === 'Prevention'
          ? 'A web application firewall inspects every request in Prevention mode and blocks matches.'
          : 'A web application firewall runs in Detection mode: it logs matches but blocks nothing.',
      );
      tags.push({ label: `WAF ${h.waf}`, tone: h.waf === 'Prevention' ? 'good' : 'warn' });
    } else if (h.layer7) {
      parts.push(h.tls === 'passthrough' ? 'It routes on the TLS SNI only.' : 'It routes at layer 7 (HTTP) but runs no WAF.');
      tags.push({ label: 'L7, no WAF', tone: 'neutral' });
    } else {
      tags.push({ label: 'L4', tone: 'neutral' });
    }
    const lostAt = clientIpLostBefore(p.hops, i);
    // An earlier hop whose keeping of the address the design does not state (a load balancer, an NVA).
    const unknownAt = clientIpUnknownBefore(p.hops, i);
    const unknownName = unknownAt ? hopNames[p.hops.indexOf(unknownAt)]! : '';
    if (h.preservesClientIp === undefined) {
      const why = unstatedClientIp(h);
      if (lostAt) {
        parts.push(
          `The client's source IP is already replaced at ${q.name(lostAt.resource)}, so ${nextName} does not see it: ` +
            `it sees ${sourceSeen(lostAt, q)} if this hop passes on the address it receives, which is not stated (preservesClientIp)${why}.`,
        );
        tags.push({ label: 'client IP replaced earlier', tone: 'neutral' });
      } else {
        ipUnknownAt.push(name);
        parts.push(`Whether it passes the client's source IP on to ${nextName} is not stated (preservesClientIp)${why}.`);
        tags.push({ label: 'client IP not stated', tone: 'neutral' });
      }
    } else if (h.preservesClientIp && !lostAt && !unknownAt) {
      // Sentences start with "It": a resource name keeps its own case (contour-internal, not Contour-internal).
      parts.push(`It passes the client's source IP on to ${nextName}.`);
      tags.push({ label: 'client IP kept', tone: 'good' });
    } else if (h.preservesClientIp && !lostAt) {
      // What it passes on is what an earlier hop of unstated behaviour gave it.
      parts.push(
        `It passes on the source address it receives; whether that is still the client's is not stated (preservesClientIp of ${unknownName}).`,
      );
      tags.push({ label: 'client IP not stated', tone: 'neutral' });
    } else if (h.preservesClientIp) {
      // Keeping the source address only keeps what an earlier hop already replaced.
      parts.push(
        unknownAt
          ? `It passes on the source address it receives, so ${nextName} does not see the client's, which ${q.name(lostAt!.resource)} already replaced.`
          : `It passes on the source address it receives, so ${nextName} sees ${sourceSeen(lostAt!, q)}, not the client's.`,
      );
      tags.push({ label: 'client IP replaced earlier', tone: 'neutral' });
    } else {
      ipLostAt ??= name;
      parts.push(
        h.layer7
          ? 'The source IP is replaced by the hop’s own address; the client IP survives only in the X-Forwarded-For header.'
          : 'The source IP is replaced (SNAT); the client IP does not reach the next hop.',
      );
      tags.push({ label: 'client IP replaced', tone: 'warn' });
    }
    if (h.note) parts.push(sentence(h.note));
    steps.push({ n: i + 2, title: capital(describe(r, q)), text: parts.join(' '), tags });
  });

  if (target) {
    const into = segments[p.hops.length];
    const undecided = into ? undecidedBy(q.model, p, into) : undefined;
    const last = into?.tls ?? (ENCRYPTED.has(target.protocol) ? 'tls' : 'plaintext');
    const mesh = last === 'mtls';
    const enc = isEncrypted(last);
    steps.push({
      n: p.hops.length + 2,
      title: `Workload ${target.service} (namespace ${target.namespace})`,
      text:
        `Pods receive ${protocolLabel(target.protocol)} on port ${target.port}.` +
        (undecided
          ? ` Whether the service mesh carries this last segment over mutual TLS is not known: the design does not state its mTLS mode (serviceMesh.mtls of cluster ${undecided.name}).`
          : mesh
            ? ' The service mesh (mTLS STRICT) carries this last segment over mutual TLS between the sidecars.'
            : enc
              ? ' The pods terminate TLS themselves.'
              : ''),
      tags: [
        undecided
          ? { label: 'mesh mTLS not stated', tone: 'neutral' }
          : { label: mesh ? 'mTLS to the pod (mesh)' : enc ? 'TLS to the pod' : 'plaintext to the pod', tone: enc ? 'good' : 'warn' },
      ],
    });
  }

  const notes: string[] = [];
  notes.push(
    decrypts.length
      ? `TLS is decrypted at ${decrypts.join(', ')}.`
      : 'TLS is never decrypted on the way in; no hop can inspect the payload.',
  );
  const firstPlain = first && !ENCRYPTED.has(first.protocol);
  const unstated = unstatedSegments.length ? `Encryption not stated (mesh mTLS mode unknown): ${unstatedSegments.join('; ')}.` : '';
  notes.push(
    plainSegments.length || firstPlain
      ? `Unencrypted segments: ${[...(firstPlain ? [`client → ${hopNames[0]}`] : []), ...plainSegments].join('; ')}.` +
          (unstated ? ` ${unstated}` : '')
      : unstated
        ? `${unstated} Every other segment from the client to the pods is encrypted.`
        : 'Traffic is encrypted on every segment from the client to the pods.',
  );
  notes.push(
    wafs.length
      ? `Inspected by a WAF at ${wafs.join(', ')}.`
      : p.internetFacing
        ? 'No web application firewall inspects this internet-facing path.'
        : 'No web application firewall on this path.',
  );
  notes.push(
    ipLostAt
      ? `The client IP is replaced at ${ipLostAt}; backends must rely on X-Forwarded-For (or PROXY protocol) for the original address.`
      : ipUnknownAt.length
        ? `Whether the client IP survives to the pods is not stated: it depends on ${ipUnknownAt.join(', ')} (preservesClientIp).`
        : 'The client IP survives to the pods.',
  );
  return { id: p.id, title: `Ingress: ${p.name}`, summary, steps, notes };
}

/** Why a hop's keeping of the client IP is an open question, as a clause after "is not stated (…)". */
function unstatedClientIp(h: IngressHopModel): string {
  switch (h.resourceKind) {
    case 'loadBalancer':
      return ': a LoadBalancer Service keeps it only with externalTrafficPolicy: Local; the default, Cluster, replaces it with a node IP';
    case 'nva':
      return ": it depends on the appliance's NAT configuration";
    case 'azureFirewall':
      return ': network rules to private ranges keep it, application rules replace it';
    default:
      return '';
  }
}

/** The source address a hop that replaced it hands on: a Private Link service's comes from its NAT subnet. */
function sourceSeen(h: IngressHopModel, q: ModelQuery): string {
  const pls = q.getAs(h.resource, 'privateLinkService');
  return pls ? `a NAT IP of ${pls.name} (from its NAT subnet ${q.name(pls.subnet)})` : `the address of ${q.name(h.resource)}`;
}

/** Capitalised, ending with a full stop. */
function sentence(s: string): string {
  const t = capital(s.trim());
  return /[.!?]$/.test(t) ? t : `${t}.`;
}

function capital(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

const OUTBOUND_TEXT: Record<EgressPathModel['outboundType'], string> = {
  loadBalancer: 'load balancer (outbound rules on the AKS-managed standard load balancer)',
  managedNATGateway: 'managed NAT gateway (AKS creates and owns it)',
  managedNATGatewayV2: 'managed StandardV2 NAT gateway (AKS creates and owns it; zone-redundant)',
  userAssignedNATGateway: 'user-assigned NAT gateway on the node subnet',
  userDefinedRouting: 'user-defined routing (a route table sends 0.0.0.0/0 to a firewall or appliance)',
  none: 'none (no outbound path is configured by AKS)',
  block: 'block (all outbound traffic is blocked)',
};

const BASIC_LB_TEXT = 'load balancer (default SNAT of the AKS-managed Basic load balancer, which has no outbound rules)';

export function egressNarrative(e: EgressPathModel, q: ModelQuery): NarrativeView {
  const cluster = q.getAs(e.cluster, 'cluster');
  const hops = e.hops.map((h) => q.get(h) ?? ({ id: h, kind: 'internet', name: h === 'internet' ? 'Internet' : h, source: { path: '' } } as Resource));
  const chain = hops.map((h) => (h.kind === 'internet' ? 'internet' : h.name)).join(' → ');
  const who = cluster ? `cluster ${cluster.name}` : 'the cluster';
  // The effective 0.0.0.0/0 route decides; the outbound type is only what the cluster claims.
  const bypassed = (e.via === 'appliance' || e.via === 'gateway') && e.outboundType !== 'userDefinedRouting';
  // A Basic load balancer has no outbound rules (a Standard-only feature): it SNATs implicitly with its frontend IP.
  // https://learn.microsoft.com/azure/load-balancer/outbound-rules
  const basicLb = e.outboundType === 'loadBalancer' && cluster?.network.loadBalancerSku === 'basic';
  // With Azure CNI pod subnet, pods send from their own subnet's addresses, not their node's: both subnets are
  // where the traffic starts (the diagrams name the same subnets, from the same query).
  const podSubnets = q.podSubnets(e.cluster);
  const natOnPods = podSubnets.length > 0 && podSubnets.every((s) => s.natGateway !== undefined);
  const outboundText = basicLb
    ? BASIC_LB_TEXT
    : e.outboundType === 'userAssignedNATGateway' && natOnPods
      ? 'user-assigned NAT gateway on the node and pod subnets'
      : (OUTBOUND_TEXT[e.outboundType] ?? e.outboundType);
  // Pods of a pod subnet whose own route or NAT gateway differs from the nodes' leave another way (the model's podEgress).
  const podWays = e.podEgress ?? [];
  const origin = podWays.length ? 'Nodes' : 'Pods and nodes';
  const orphan = e.unassociatedNatGateway ? q.name(e.unassociatedNatGateway) : undefined;
  const nodeSubnetNames = q.nodeSubnets(e.cluster).map((s) => s.name);
  const lead = bypassed
    ? `${origin} of ${who} declare outbound type ${outboundText}, but the effective 0.0.0.0/0 route of their ` +
      `subnets goes to ${e.nextHop ? q.name(e.nextHop) : e.via === 'gateway' ? 'the VNet gateway' : 'an appliance'}, so traffic leaves through it instead. `
    : orphan
      ? `${origin} of ${who} declare outbound type ${outboundText}, but NAT gateway ${orphan} is not associated with ` +
        `node subnet${nodeSubnetNames.length === 1 ? '' : 's'} ${nodeSubnetNames.join(', ') || '(none stated)'}: a NAT gateway serves only the subnets ` +
        'associated with it, so the cluster has no working way out to the internet. '
      : `${origin} of ${who} leave with outbound type ${outboundText}. `;
  const podLead = podWays
    .map((w) => {
      const names = w.subnets.map((s) => q.name(s)).join(', ');
      const exit = exitText(w.via, w.hops, w.nextHop, q);
      return `Pods in pod subnet${w.subnets.length === 1 ? '' : 's'} ${names} leave another way, by their own subnet's route: ${exit}. `;
    })
    .join('');
  const podChains = podWays.map((w) => `pods: ${w.hops.map((h) => (h === 'internet' ? 'internet' : q.name(h))).join(' → ')}`);
  // The same count the egress diagram shows: the addresses a partner must allow-list for this cluster.
  const snat = snatAllowList(q.model, [e.cluster]);
  const allInvalid = snat.sources.length > 0 && snat.sources.every((x) => x.invalid);
  const summary =
    lead +
    podLead +
    (chain ? `Path: ${[chain + (orphan ? ' (no way out)' : ''), ...podChains].join('; ')}. ` : '') +
    (allInvalid
      ? 'The number of public SNAT addresses is not known: the outbound IP count is invalid.'
      : snat.total > 0
        ? `SNAT uses ${snatTotalText(snat).replace(/IPs?$/, (w) => (w === 'IP' ? 'IP address' : 'IP addresses'))}` +
          `${snat.sources.some((x) => x.invalid) ? ' (one count is invalid)' : ''}.`
        : 'No public SNAT address is recorded for this path.');

  const steps: NarrativeStep[] = [];
  const snatOf = (device: string, fallback: number): string => {
    const s = snat.sources.find((x) => x.device === device);
    return s ? snatSourceText(s) : publicIpsText(fallback, true);
  };
  // The nodes' hops, then each pod way's own hops (from the cluster), then the internet once.
  const asResource = (h: string): Resource => q.get(h) ?? ({ id: h, kind: 'internet', name: h === 'internet' ? 'Internet' : h, source: { path: '' } } as Resource);
  const walk: Array<{ h: Resource; pods?: string }> = [
    ...hops.filter((h) => h.kind !== 'internet').map((h) => ({ h })),
    ...podWays.flatMap((w) =>
      w.hops.filter((h) => h !== 'internet' && h !== e.cluster).map((h) => ({ h: asResource(h), pods: w.subnets.map((s) => q.name(s)).join(', ') })),
    ),
    ...(e.hops.includes('internet') || podWays.some((w) => w.hops.includes('internet')) ? [{ h: asResource('internet') }] : []),
  ];
  walk.forEach(({ h, pods }, i) => {
    const tags: NarrativeStep['tags'] = [];
    let text = '';
    switch (h.kind) {
      case 'cluster': {
        const pools = q.pools(h.id);
        const subnets = q.nodeSubnets(h.id).map((s) => s.name);
        text = `Node pools ${pools.map((p) => p.name).join(', ') || '(none)'} in ${subnets.join(', ') || 'an AKS-managed subnet'} originate the traffic`;
        text += podSubnets.length
          ? `; pods send from their own addresses in pod subnet${podSubnets.length === 1 ? '' : 's'} ` +
            `${podSubnets.map((x) => x.name).join(', ')}, not their node's` +
            (podWays.length ? ', and are routed by their own subnet (their steps are marked "pods").' : '.')
          : '.';
        if (orphan) {
          text += ` NAT gateway ${orphan}, the outbound type's gateway, is not associated with the node subnet, so it carries none of this traffic.`;
          tags.push({ label: 'NAT gateway not associated', tone: 'bad' });
        }
        break;
      }
      case 'routeTable': {
        const def = h.routes.find((r) => r.prefix === '0.0.0.0/0');
        text = def
          ? `Sends 0.0.0.0/0 to ${def.nextHopType}${def.nextHopAddress ? ` ${def.nextHopAddress}` : ''}${def.nextHopResource ? ` (${q.name(def.nextHopResource)})` : ''}.`
          : `Holds ${h.routes.length} route${h.routes.length === 1 ? '' : 's'} but no default route.`;
        text += h.bgpRoutePropagation
          ? ' Gateway route propagation is on: routes a VPN or ExpressRoute gateway learns apply where they are more specific than these.'
          : ' Gateway route propagation is off.';
        tags.push({ label: 'UDR', tone: 'neutral' });
        break;
      }
      case 'azureFirewall': {
        const allow = h.fqdnAllowRules;
        const rulesText =
          allow === undefined
            ? 'its allow rules are not stated'
            : `AKS FQDN tag ${unstatedShorthand(h).aksFqdnTag ? 'not stated' : h.aksFqdnTag ? 'allowed' : 'not allowed'}; ` +
              (unstatedShorthand(h).fqdns ? 'its other FQDN allow rules are not stated' : `${allow.length} FQDN allow rule${allow.length === 1 ? '' : 's'}`);
        text =
          `${capital(zonesText(h.zones))}; threat intelligence ${h.threatIntel}; DNS proxy ${h.dnsProxy ? 'on' : 'off'}; ` +
          `${rulesText}. ` +
          (h.natGateway
            ? `Inspects and logs the traffic and hands it to ${q.name(h.natGateway)}, ` +
              'which SNATs it to its own public addresses.'
            : `Inspects and logs the traffic, then SNATs it to ${snatOf(h.id, h.publicIps)}.`);
        tags.push({ label: `threat intel ${h.threatIntel}`, tone: h.threatIntel === 'Deny' ? 'good' : h.threatIntel === 'Off' ? 'bad' : 'warn' });
        break;
      }
      case 'nva':
        text =
          `Inspects the traffic${h.vendor ? ` (${h.vendor})` : ''} at ${h.privateIp} ` +
          `and SNATs it to ${snatOf(h.id, h.publicIps)}; ${zonesText(h.zones)}.`;
        break;
      case 'natGateway':
        text =
          `SNATs to ${snatOf(h.id, h.publicAddressCount)} (${h.sku}); ` +
          `${outboundInvalid(q, h.parent, 'idleTimeoutMinutes') ? 'idle timeout invalid' : `idle timeout ${h.idleTimeoutMinutes} minutes`}; ` +
          `${h.sku === 'StandardV2' ? 'zone-redundant (StandardV2)' : zonesText(h.zones)}.`;
        break;
      case 'loadBalancer':
        text =
          h.sku === 'Basic'
            ? "Default (implicit) SNAT to the load balancer's frontend public IP: a Basic load balancer has no outbound rules."
            : `Outbound rules SNAT to the load balancer's public IPs.`;
        break;
      case 'internet':
        text = 'Traffic reaches public destinations.';
        break;
      default:
        text = describe(h, q) + '.';
    }
    if (cluster && h.kind === 'cluster') {
      const o = cluster.outbound;
      if (bypassed && (o.type === 'loadBalancer' || o.type === 'managedNATGateway' || o.type === 'managedNATGatewayV2' || o.type === 'userAssignedNATGateway')) {
        text += ` The ${o.type === 'loadBalancer' ? 'load balancer' : 'NAT gateway'} of the outbound type carries no egress: the subnets' route sends 0.0.0.0/0 past it.`;
      } else if (o.type === 'loadBalancer' && basicLb) {
        // The outbound IP count, ports and idle timeout are settings of Standard outbound rules: a Basic load balancer
        // allocates SNAT ports by backend pool size and its idle timeout cannot be set, so none is printed.
        text += ' The Basic load balancer SNATs it implicitly, with SNAT ports preallocated by backend pool size; no outbound rule sets IPs, ports or idle timeout.';
      } else if (o.type === 'loadBalancer' || o.type === 'managedNATGateway' || o.type === 'managedNATGatewayV2') {
        // A value the design states invalidly is held as a stand-in in the model: it is named invalid, never printed.
        const bad = (field: string): boolean => outboundInvalid(q, cluster.id, field);
        const ips = bad('outboundIps') ? 'an invalid number of IPs (outboundIps)' : `${o.outboundIps} IP${o.outboundIps === 1 ? '' : 's'}`;
        const idle = bad('idleTimeoutMinutes') ? 'idle timeout invalid (idleTimeoutMinutes)' : `idle timeout ${o.idleTimeoutMinutes} minutes`;
        if (o.type === 'loadBalancer') {
          const ports = bad('allocatedOutboundPorts')
            ? ' with an invalid number of ports per node (allocatedOutboundPorts)'
            : o.allocatedOutboundPorts
              ? ` with ${o.allocatedOutboundPorts} ports per node`
              : '';
          text += ` Outbound rules use ${ips}${ports}, ${idle}.`;
        } else text += ` The managed NAT gateway has ${ips}, ${idle}.`;
        if (e.invalidOutbound?.length) tags.push({ label: 'invalid outbound values', tone: 'bad' });
      }
    }
    const title = capital(h.kind === 'internet' ? 'Internet' : describe(h, q));
    steps.push({ n: i + 1, title: pods ? `${title} (pods of ${pods})` : title, text, tags });
  });

  const notes: string[] = [];
  for (const d of e.destinations.map((id) => q.getAs(id, 'egressDestination')).filter((x): x is ResourceOf<'egressDestination'> => !!x)) {
    const where = d.fqdn ?? d.cidr ?? '';
    if (d.privateEndpoint) {
      const pe = q.getAs(d.privateEndpoint, 'privateEndpoint');
      const endpoint = `${pe ? `private endpoint ${pe.name} in ${q.name(pe.subnet)}` : q.name(d.privateEndpoint)}${pe?.target ? ` (${q.name(pe.target)})` : ''}`;
      // Reached privately only when the cluster's DNS returns the private address (the zone-link rules say the same).
      const r = destinationResolution(q, d);
      if (r?.kind === 'public') {
        notes.push(
          `${d.name}: has ${endpoint}, but private DNS zone ${r.zone.name} is not linked to VNet ${r.resolver.name}` +
            (r.resolver.id === r.consumer.id ? ' (the cluster VNet, on Azure DNS)' : `, whose DNS answers for VNet ${r.consumer.name}`) +
            ': the name resolves to the public address, so the traffic does not use the endpoint (it takes the egress path, ' +
            'or fails where public access is off).',
        );
      } else if (r?.kind === 'unknown') {
        notes.push(`${d.name}: has ${endpoint}; whether the cluster resolves it to the private address is open: ${r.fact} not stated.`);
      } else notes.push(`${d.name}: reached privately through ${endpoint}; it never leaves the virtual network.`);
    } else {
      const fv = destinationVerdict(q, d);
      const allow = fv ? firewallVerdictText(fv.verdict, fv.firewall.name) : '';
      notes.push(`${d.name}: ${where}${d.port ? ` port ${d.port}` : ''} (${protocolLabel(d.protocol)}, ${d.category}) over the egress path.${allow}`);
    }
  }
  const peOnly = e.privateEndpoints.filter((pe) => !e.destinations.some((d) => q.getAs(d, 'egressDestination')?.privateEndpoint === pe));
  if (peOnly.length) notes.push(`Private endpoints also available to the cluster: ${peOnly.map((id) => q.name(id)).join(', ')}.`);
  if (!e.destinations.length) notes.push('No egress destinations are declared for this cluster.');
  return { id: e.id, title: `Egress: ${cluster?.name ?? e.cluster}`, summary, steps, notes };
}

/** What the firewall's rules do with a destination, in the words of the verdict the allow-list rule reports. */
function firewallVerdictText(v: FlowVerdict, firewall: string): string {
  switch (v.verdict) {
    case 'allowed':
      return ` Firewall ${firewall}'s rules let it through.`;
    case 'denied':
      return v.blockedBy.length
        ? ` Firewall ${firewall} blocks it: ${v.blockedBy.join(' and ')} matches it first.`
        : ` No rule of firewall ${firewall} lets it through, so the firewall drops it.`;
    case 'unknown':
      return ` Whether firewall ${firewall} lets it through is open: ${unknownFact(v.rules, v.facts)} not stated.`;
    case 'unknown-rules':
      return ` Whether firewall ${firewall} lets it through is open: its rules are not stated.`;
  }
}

/** Where a way out leads, in words: "through NAT gateway ng-pods", "through network virtual appliance nva-x". */
function exitText(via: EgressPathModel['via'], hops: readonly string[], nextHop: string | undefined, q: ModelQuery): string {
  const i = hops.indexOf('internet');
  const device = i > 0 ? q.get(hops[i - 1]) : undefined;
  switch (via) {
    case 'appliance':
      return nextHop ? `through ${describe(q.get(nextHop), q)}` : 'to an appliance the design does not declare';
    case 'gateway':
      return `to ${nextHop ? q.name(nextHop) : 'the VNet gateway'} (forced tunnel)`;
    case 'none':
      return 'nowhere: neither a route nor a NAT gateway gives it a way out';
    case 'natGateway':
    case 'loadBalancer':
      return `through ${describe(device, q)}`;
    case 'internet':
      return 'straight to the internet, with no NAT gateway or outbound rule on the way (default outbound access, if the subnet has it)';
  }
}

const ACCESS_LABEL: Record<ControlPlaneAccessModel['kind'], string> = {
  nodes: 'Nodes (kubelet)',
  admins: 'Administrators',
  cicd: 'CI/CD pipelines',
  gitops: 'GitOps agent',
  'command-invoke': 'az aks command invoke',
};

export function controlPlaneNarrative(c: ClusterResource, access: readonly ControlPlaneAccessModel[], q: ModelQuery): NarrativeView {
  const api = c.apiServer;
  let summary: string;
  const notes: string[] = [];
  switch (api.mode) {
    case 'public':
      summary =
        `The API server of ${c.name} has a public endpoint. ` +
        (api.authorizedIpRanges.length
          ? `It only accepts ${counted(api.authorizedIpRanges.length, 'authorized IP range')}: ${api.authorizedIpRanges.join(', ')}.`
          : 'No authorized IP ranges are set, so any address on the internet can reach it (authentication still applies).');
      break;
    case 'private':
      summary =
        `${c.name} is a private cluster: the API server is reachable only through a private endpoint` +
        `${q.get(c.apiServerEndpoint) && (q.get(c.apiServerEndpoint) as ResourceOf<'apiServer'>).subnet ? ` in ${q.name((q.get(c.apiServerEndpoint) as ResourceOf<'apiServer'>).subnet)}` : ''}. ` +
        `Private DNS zone: ${api.privateDnsZone === 'system' ? 'AKS-managed (system)' : api.privateDnsZone === 'none' ? 'none (public DNS record for the private IP)' : q.name(api.privateDnsZone)}. ` +
        `Public FQDN: ${api.publicFqdn ? 'enabled' : 'disabled'}.`;
      break;
    case 'vnet-integration':
      summary =
        `${c.name} uses API Server VNet Integration: the API server is projected into ${q.name(api.subnet)} and nodes reach it privately. ` +
        (api.private
          ? 'The public endpoint is disabled.'
          : api.authorizedIpRanges.length
            ? `The public endpoint accepts ${api.authorizedIpRanges.join(', ')}.`
            : 'The public endpoint is enabled with no authorized IP ranges.');
      break;
  }
  const steps: NarrativeStep[] = access.map((a, i) => {
    if (a.kind === 'command-invoke') {
      // Drawn the same way in the control-plane view: through ARM, not over a network path into the VNet.
      const text =
        'Path: Azure CLI → Azure Resource Manager (runCommand API, management.azure.com) → a command pod that AKS ' +
        'starts in the cluster → API server. It needs no network path into the virtual network; Azure RBAC on the ' +
        'cluster resource decides who may use it.' +
        (a.description ? ` ${sentence(a.description)}` : '');
      return { n: i + 1, title: ACCESS_LABEL[a.kind], text, tags: [{ label: 'Azure management API', tone: 'neutral' }] };
    }
    const tags: NarrativeStep['tags'] = [{ label: a.overInternet ? 'over the internet' : 'private network', tone: a.overInternet ? 'warn' : 'good' }];
    // Bastion only opens a session to a VM, and kubectl runs there (src/model/access.ts).
    const client = accessClient(q, a);
    const route =
      a.kind === 'nodes'
        ? 'node pools'
        : client.kind === 'session'
          ? `${describe(client.bastion, q)} → RDP/SSH session to ${describe(client.vm, q)}, which runs kubectl`
          : client.kind === 'unstated'
            ? `${describe(client.bastion, q)} → a VM the design does not name (the kubectl host is not stated; name it with jumpBox)`
            : describe(q.get(a.from), q);
    if (client.kind === 'unstated') tags.push({ label: 'kubectl host not stated', tone: 'neutral' });
    const text =
      `Path: ${route} → API server, ` +
      `${a.overInternet ? 'over the internet to its public endpoint' : 'over private networking'}.` +
      (a.description ? ` ${sentence(a.description)}` : '');
    return { n: i + 1, title: ACCESS_LABEL[a.kind] ?? a.kind, text: text.replace(/\.\.$/, '.'), tags };
  });
  if (!access.some((a) => a.kind === 'admins')) notes.push('No administrator access path is declared.');
  if (access.some((a) => a.overInternet)) notes.push(`Access over the internet: ${access.filter((a) => a.overInternet).map((a) => ACCESS_LABEL[a.kind]).join(', ')}.`);
  else notes.push('Every declared access path stays on private networking.');
  return { id: `controlPlane:${c.id}`, title: `Control plane: ${c.name}`, summary, steps, notes };
}
