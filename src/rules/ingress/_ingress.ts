/** Helpers for the ingress rules (not a rule: the file name starts with `_`). */
import type { ModelQuery } from '../../model/query.js';
import type { IngressPathModel } from '../../model/types.js';

/** "agw → ilb → nginx"; a name two hops share gets its kind, so no hop reads as repeated. */
export function hopNames(q: ModelQuery, p: IngressPathModel): string {
  const names = p.hops.map((h) => q.name(h.resource));
  return p.hops
    .map((h, i) => {
      const name = names[i]!;
      return names.indexOf(name) === names.lastIndexOf(name) ? name : `${name} (${KIND_LABEL[h.resourceKind] ?? h.resourceKind})`;
    })
    .join(' → ');
}

const KIND_LABEL: Partial<Record<string, string>> = {
  loadBalancer: 'load balancer',
  ingressController: 'ingress controller',
  applicationGateway: 'Application Gateway',
  frontDoor: 'Front Door',
  agc: 'App Gateway for Containers',
  apiManagement: 'API Management',
  privateLinkService: 'Private Link service',
  azureFirewall: 'Azure Firewall',
};

/** Protocols a web application firewall inspects (HTTP and gRPC, which rides on HTTP/2). */
export const WEB_PROTOCOLS: ReadonlySet<string> = new Set(['http', 'https', 'http2', 'grpc', 'grpcs']);

/** Whether clients speak a web protocol on the path's first hop. */
export function isWebPath(p: IngressPathModel): boolean {
  const protocol = p.hops[0]?.protocol;
  return protocol !== undefined && WEB_PROTOCOLS.has(protocol);
}

/** Resource kinds that proxy HTTP: they open a new connection, so the next hop never sees the client address. */
export const L7_PROXY_KINDS: ReadonlySet<string> = new Set(['frontDoor', 'applicationGateway', 'agc', 'apiManagement']);
