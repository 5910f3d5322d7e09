import { defineRule } from '../../validate/rule.js';
import { accessOf } from './_api.js';

export default defineRule({
  meta: {
    id: 'control-plane/network-isolated-prerequisites',
    title:
      'Network-isolated clusters meet the prerequisites (private API server, supported CNI and OS, no node public IPs, ' +
      'no Flux extension), and outbound none or block only on a network-isolated cluster',
    severity: 'error',
    kind: 'platform-limit',
    pillars: ['security', 'reliability'],
    waf: ['SE:06', 'RE:03'],
    rationale:
      'A network-isolated cluster bootstraps from a private ACR cache instead of the Microsoft Artifact Registry and ' +
      'has no outbound path of its own, so traffic between nodes and API server must stay on the private network: the ' +
      'API server has to be private (Private Link or VNet Integration without public access). kubenet and Windows node ' +
      'pools are not supported, outbound type block works only with an AKS-managed VNet, and a node public IP gives ' +
      'nodes an internet path that defeats the isolation. The Flux (GitOps) cluster extension is not supported yet on a ' +
      'network-isolated cluster. The other way round, outbound types none and block exist ' +
      'only for network-isolated clusters: Azure does not offer them to a cluster that bootstraps from the public ' +
      'registry.',
    fix:
      "Make the API server private (apiServer: { mode: 'private' } or VNet Integration with private: true), use Azure " +
      'CNI (overlay or pod subnet) with Linux pools only, use outbound type none in a bring-your-own VNet, and remove ' +
      'node public IPs. Reconcile a network-isolated cluster from a pipeline or another GitOps agent whose images and Git ' +
      'source are reachable privately. A cluster that is not network-isolated needs another outbound type (or networkIsolated: true ' +
      'and the rest of these prerequisites).',
    example:
      "cluster({ name: 'aks-isolated', networkIsolated: true, outbound: { type: 'none' }, apiServer: { mode: 'private' }, /* … */ });",
    references: [
      {
        title: 'Network isolated AKS clusters (concepts and limitations)',
        url: 'https://learn.microsoft.com/azure/aks/concepts-network-isolated',
      },
      { title: 'Create a network isolated AKS cluster', url: 'https://learn.microsoft.com/azure/aks/network-isolated' },
      {
        title: 'Customize cluster egress with outbound types (none and block)',
        url: 'https://learn.microsoft.com/azure/aks/egress-outboundtype',
      },
    ],
    messages: {
      publicApiServer:
        'cluster {{cluster}} is network-isolated but its API server is {{mode}}; node to API server traffic must stay ' +
        'private (Private Link or VNet Integration with private: true)',
      kubenet: 'cluster {{cluster}} is network-isolated but uses kubenet, which network isolation does not support',
      windowsPool: 'node pool {{pool}} of network-isolated cluster {{cluster}} runs Windows, which is not supported',
      blockNeedsManagedVnet:
        'cluster {{cluster}} uses outbound type block in its own VNet; block is supported only with an AKS-managed VNet ' +
        '(use none, and NSG rules to block egress)',
      nodePublicIp:
        'node pool {{pool}} of network-isolated cluster {{cluster}} has node public IPs, which give its nodes outbound ' +
        'internet access despite the isolation',
      fluxExtension:
        'network-isolated cluster {{cluster}} deploys through Flux; the Flux (GitOps) cluster extension is not ' +
        'supported yet on network-isolated clusters, and Flux installed another way needs its images and its Git ' +
        'source reachable without internet egress',
      outboundNeedsIsolation:
        'cluster {{cluster}} uses outbound type {{outboundType}} but is not network-isolated; {{outboundType}} is ' +
        'available only on a network-isolated cluster{{where}} (set networkIsolated: true or choose another outbound type)',
    },
  },
  check(ctx) {
    const { q } = ctx;
    for (const c of q.all('cluster')) {
      const t = c.outbound.type;
      if (!c.networkIsolated && (t === 'none' || t === 'block')) {
        const check = `cluster ${c.name} is network-isolated, which outbound type ${t} needs`;
        if (q.isUnknown(c.id, 'networkIsolated')) ctx.unverified({ element: c.id, property: 'networkIsolated', check, reads: ['networkIsolated', 'outbound'] });
        else {
          ctx.report({
            messageId: 'outboundNeedsIsolation',
            data: { cluster: c.name, outboundType: t, where: t === 'block' ? ' in an AKS-managed VNet' : '' },
            element: c.id,
            reads: ['networkIsolated', 'outbound'],
            property: 'outbound',
            evidence: { cluster: c.name, outboundType: t, networkIsolated: false },
          });
        }
      }
      if (!c.networkIsolated) continue;
      const a = c.apiServer;
      const isPrivate = a.mode === 'private' || (a.mode === 'vnet-integration' && a.private);
      if (!isPrivate) {
        const mode = a.mode === 'public' ? 'public' : 'VNet-integrated with public access';
        ctx.report({
          messageId: 'publicApiServer',
          data: { cluster: c.name, mode },
          element: c.id,
          reads: ['networkIsolated', 'apiServer'],
          property: 'apiServer',
          evidence: { cluster: c.name, mode: a.mode },
        });
      }
      if (c.network.cni === 'kubenet') {
        ctx.report({
          messageId: 'kubenet',
          data: { cluster: c.name },
          element: c.id,
          reads: ['networkIsolated', 'network.cni'],
          property: 'network.cni',
          evidence: { cluster: c.name },
        });
      }
      if (c.outbound.type === 'block' && !c.managedVnet) {
        ctx.report({
          messageId: 'blockNeedsManagedVnet',
          data: { cluster: c.name },
          element: c.id,
          reads: ['networkIsolated', 'outbound', 'managedVnet'],
          property: 'outbound',
          evidence: { cluster: c.name },
        });
      }
      // The docs list the Flux extension as not supported yet, not as rejected, and the design does not say whether
      // Flux is that extension: a warning, not an error.
      for (const a of accessOf(ctx.model, c)) {
        if (a.kind !== 'gitops' || a.tool !== 'flux') continue;
        ctx.report({
          messageId: 'fluxExtension',
          severity: 'warning',
          data: { cluster: c.name },
          element: c.id,
          reads: ['networkIsolated', 'controlPlaneAccess'],
          path: a.source.path,
          evidence: { cluster: c.name, tool: 'flux' },
        });
      }
      for (const p of q.pools(c.id)) {
        if (p.os === 'Windows') {
          ctx.report({
            messageId: 'windowsPool',
            data: { pool: p.name, cluster: c.name },
            element: p.id,
            reads: ['os'],
            dependsOn: [{ element: c.id, reads: ['networkIsolated'] }],
            property: 'os',
            evidence: { pool: p.name },
          });
        }
        if (p.nodePublicIp) {
          ctx.report({
            messageId: 'nodePublicIp',
            severity: 'warning',
            data: { pool: p.name, cluster: c.name },
            element: p.id,
            reads: ['nodePublicIp'],
            dependsOn: [{ element: c.id, reads: ['networkIsolated'] }],
            property: 'nodePublicIp',
            evidence: { pool: p.name },
          });
        }
      }
    }
  },
});
