import { FIREWALL_PORTS_PER_IP as PORTS_PER_IP, snatNodes } from '../../model/capacity.js';
import { defineRule } from '../../validate/rule.js';
import { egressDeps, mergeDeps, poolCountDeps } from './_reads.js';
import { clustersVia, fmt, isProduction, plural } from './_egress.js';

const PRODUCTION_MIN_IPS = 20;

export default defineRule({
  meta: {
    id: 'egress/firewall-snat-capacity',
    title: 'Azure Firewall used for AKS egress has at least 20 public IPs in production',
    severity: 'warning',
    kind: 'best-practice',
    pillars: ['reliability', 'performance-efficiency'],
    waf: ['PE:02', 'RE:06'],
    rationale:
      'Azure Firewall offers only 2,496 SNAT ports per public IP per firewall instance. AKS clusters open many concurrent outbound connections (image pulls, telemetry, API calls), ' +
      'so Microsoft recommends at least 20 frontend public IPs for production egress, or a NAT gateway on the firewall subnet, to avoid SNAT exhaustion.',
    fix: 'Give the firewall at least 20 public IPs, or attach a NAT gateway to AzureFirewallSubnet (64,512 ports per IP).',
    example: "azureFirewall({ name: 'afw-hub', tier: 'Premium', subnet: fwSubnet, privateIp: '10.0.0.4', publicIps: 20 });",
    references: [
      { title: 'Control egress traffic using Azure Firewall in AKS', url: 'https://learn.microsoft.com/azure/aks/limit-egress-traffic' },
      { title: 'Scale SNAT ports with Azure NAT Gateway (Azure Firewall)', url: 'https://learn.microsoft.com/azure/firewall/integrate-with-nat-gateway' },
    ],
    messages: {
      fewPublicIps:
        'Azure Firewall {{firewall}} carries egress of {{clusters}} (up to {{nodes}}) with {{ips}}: {{ipCount}} × ' +
        '2,496 = {{ports}} SNAT ports per instance; production guidance is at least 20 public IPs ' +
        '({{guidancePorts}} ports) or a NAT gateway',
    },
  },
  check(ctx) {
    if (!isProduction(ctx.model)) return;
    for (const fw of ctx.q.all('azureFirewall')) {
      if (fw.natGateway) continue;
      const clusters = clustersVia(ctx.q, fw.id);
      if (clusters.length === 0) continue;
      const ips = Number.isFinite(fw.publicIps) ? fw.publicIps : 0;
      if (ips >= PRODUCTION_MIN_IPS) continue;
      const nodes = snatNodes(ctx.q, clusters).peak;
      ctx.report({
        messageId: 'fewPublicIps',
        data: {
          firewall: fw.name,
          clusters: clusters.map((c) => c.name).join(', '),
          nodes: plural(nodes, 'node'),
          ips: plural(ips, 'public IP'),
          ipCount: fmt(ips),
          ports: fmt(ips * PORTS_PER_IP),
          guidancePorts: fmt(PRODUCTION_MIN_IPS * PORTS_PER_IP),
        },
        element: fw.id,
        property: 'publicIps',
        // The firewall's public IPs (and NAT gateway); the egress paths of the clusters it carries, and their pools'
        // node counts at peak.
        reads: ['publicIps', 'natGateway'],
        dependsOn: mergeDeps(clusters.flatMap((c) => [...egressDeps(ctx.q, c.id), ...poolCountDeps(ctx.q, c.id)]), fw.id),
        evidence: { firewall: fw.name, publicIps: ips, snatPortsPerInstance: ips * PORTS_PER_IP, nodes },
      });
    }
  },
});
