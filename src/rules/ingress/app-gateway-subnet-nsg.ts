import { cidr } from '../../model/cidr.js';
import { defineRule } from '../../validate/rule.js';
import { firstDenied, verdictRuleName, verdictText, type Flow, type FlowEnd } from './_nsg.js';

const INTERNET: FlowEnd = { tags: ['internet'], range: cidr('0.0.0.0/0'), inVnet: false };

export default defineRule({
  meta: {
    id: 'ingress/app-gateway-subnet-nsg',
    title:
      'The Application Gateway v2 subnet NSG admits GatewayManager and AzureLoadBalancer and keeps Internet outbound',
    severity: 'error',
    kind: 'platform-limit',
    pillars: ['reliability'],
    waf: ['RE:03'],
    rationale:
      'A v2 gateway is managed through its subnet: Azure’s infrastructure reaches the instances from the ' +
      'GatewayManager service tag on TCP 65200-65535, the Azure load balancer probes them, and the instances need ' +
      'outbound Internet for management, metrics and certificate retrieval. An NSG on the subnet that denies any of ' +
      'these leaves the gateway unhealthy or stuck in a failed update. Gateways with only a private frontend run ' +
      'with network isolation, which drops the GatewayManager and Internet requirements.',
    fix:
      "Add inbound allow rules for source 'GatewayManager', TCP 65200-65535, and source 'AzureLoadBalancer', any port, " +
      'above every deny rule, and do not deny outbound traffic to Internet (or give the gateway a private frontend ' +
      'only, which uses network isolation).',
    example:
      "nsg({ name: 'nsg-appgw', rules: [\n" +
      "  { name: 'allow-gateway-manager', direction: 'inbound', access: 'allow', priority: 110, protocol: 'tcp', " +
      "source: 'GatewayManager', destination: '*', ports: '65200-65535' },\n" +
      "  { name: 'allow-azure-lb', direction: 'inbound', access: 'allow', priority: 120, protocol: '*', " +
      "source: 'AzureLoadBalancer', destination: '*', ports: '*' },\n] })",
    references: [
      {
        title: 'Application Gateway infrastructure configuration: network security groups',
        url: 'https://learn.microsoft.com/azure/application-gateway/configuration-infrastructure#network-security-groups',
      },
      {
        title: 'Private Application Gateway deployment (network isolation)',
        url: 'https://learn.microsoft.com/azure/application-gateway/application-gateway-private-deployment',
      },
    ],
    messages: {
      gatewayManager:
        'NSG {{nsg}} on Application Gateway subnet {{subnet}} blocks inbound TCP {{port}} from GatewayManager with ' +
        '{{by}}; gateway {{gateway}} ({{sku}}) needs TCP 65200-65535 from GatewayManager to be managed',
      loadBalancer:
        'NSG {{nsg}} on Application Gateway subnet {{subnet}} blocks inbound traffic from AzureLoadBalancer ' +
        'with {{by}}; the health probes of gateway {{gateway}} fail',
      internetOutbound:
        'NSG {{nsg}} on Application Gateway subnet {{subnet}} blocks outbound TCP {{port}} to Internet with {{by}}; ' +
        'gateway {{gateway}} ({{sku}}) has a public frontend and needs outbound Internet connectivity',
    },
  },
  check(ctx) {
    const { q } = ctx;
    const done = new Set<string>();
    for (const g of q.all('applicationGateway')) {
      if (g.sku !== 'Standard_v2' && g.sku !== 'WAF_v2') continue;
      const subnet = q.getAs(g.subnet, 'subnet');
      const nsg = q.getAs(subnet?.nsg, 'nsg');
      if (!subnet || !nsg || done.has(`${nsg.id}|${subnet.id}`)) continue;
      done.add(`${nsg.id}|${subnet.id}`);
      if (nsg.rules === undefined) {
        ctx.unverified({
          element: nsg.id,
          reads: ['name', 'rules'],
          property: 'rules',
          check: `NSG ${nsg.name} on Application Gateway subnet ${subnet.name} admits GatewayManager and AzureLoadBalancer`,
        });
        continue;
      }
      const gw: FlowEnd = {
        tags: [],
        subnet: subnet.id,
        inVnet: true,
        ...(cidr(subnet.cidr) ? { range: cidr(subnet.cidr)! } : {}),
      };
      // Without a public frontend the gateway runs with network isolation (no GatewayManager, no Internet need).
      const isolated = g.frontend === 'private';
      const gatewayManager: FlowEnd = {
        tags: ['gatewaymanager', 'internet'],
        range: cidr('0.0.0.0/0')!,
        inVnet: false,
      };
      const loadBalancer: FlowEnd = { tags: ['azureloadbalancer'], range: cidr('168.63.129.16/32')!, inVnet: false };
      const flows: Array<{ id: string; flow: Flow; ports: [number, number] }> = [
        {
          id: 'loadBalancer',
          ports: [0, 65535],
          flow: { direction: 'inbound', protocol: 'tcp', source: loadBalancer, destination: gw },
        },
      ];
      if (!isolated) {
        flows.push(
          {
            id: 'gatewayManager',
            ports: [65200, 65535],
            flow: { direction: 'inbound', protocol: 'tcp', source: gatewayManager, destination: gw },
          },
          {
            id: 'internetOutbound',
            ports: [0, 65535],
            flow: { direction: 'outbound', protocol: 'tcp', source: gw, destination: INTERNET },
          },
        );
      }
      for (const { id, flow, ports } of flows) {
        const denied = firstDenied(nsg.rules, flow, ports);
        if (!denied) continue;
        const { port, verdict } = denied;
        ctx.report({
          messageId: id,
          data: { nsg: nsg.name, subnet: subnet.name, port, by: verdictText(verdict), gateway: g.name, sku: g.sku },
          element: nsg.id,
          // The NSG's rules; the gateway's SKU, subnet and frontend (which flows it needs); the subnet's range and NSG.
          reads: ['name', 'rules'],
          dependsOn: [
            { element: g.id, reads: ['name', 'sku', 'subnet', 'frontend'] },
            { element: subnet.id, reads: ['name', 'cidr', 'nsg'] },
          ],
          ...(verdict.rule ? { property: `rules[${verdict.index}]` } : { property: 'rules' }),
          evidence: { nsg: nsg.name, gateway: g.name, port, rule: verdictRuleName(verdict) },
        });
      }
    }
  },
});
