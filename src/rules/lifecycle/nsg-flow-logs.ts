import { RETIREMENTS } from '../../model/data/retirements.js';
import { defineDatedRule } from './_lifecycle.js';

export default defineDatedRule({
  retirement: RETIREMENTS.nsgFlowLogs,
  meta: {
    id: 'lifecycle/nsg-flow-logs',
    title: 'NSG flow logs retire (2027-09-30): use VNet flow logs',
    pillars: ['security', 'operational-excellence'],
    waf: ['SE:10', 'OE:07'],
    rationale:
      'Network Watcher stopped accepting new NSG flow logs on 30 June 2025 and retires the existing ones on ' +
      '30 September 2027, when they stop recording and traffic analytics on them ends. VNet flow logs cover the whole ' +
      'VNet (every subnet and NIC, whatever NSG applies), so one log per VNet replaces the NSG logs without gaps.',
    fix:
      'Enable VNet flow logs on the VNet (flowLogs: true on the vnet) and turn the NSG flow logs off, so the same ' +
      'flows are not logged twice.',
    example:
      "vnet({ name: 'vnet-spoke', region: 'westeurope', addressSpace: ['10.1.0.0/16'], flowLogs: true, subnets: [nodes] });",
    references: [
      RETIREMENTS.nsgFlowLogs.source,
      {
        title: 'Migrate NSG flow logs to virtual network flow logs',
        url: 'https://learn.microsoft.com/azure/network-watcher/nsg-flow-logs-migrate',
      },
      {
        title: 'Virtual network flow logs',
        url: 'https://learn.microsoft.com/azure/network-watcher/vnet-flow-logs-overview',
      },
    ],
    messages: {
      nsgFlowLogs:
        'NSG {{nsg}} is flow-logged while {{vnets}} has no VNet flow logs, so these are NSG flow logs, which {{retires}} ' +
        '{{date}} ({{when}}) and cannot be created since 2025-06-30; enable VNet flow logs on {{vnets}} and turn the ' +
        'NSG flow logs off',
    },
  },
  check(ctx) {
    const { q } = ctx;
    for (const nsg of q.all('nsg')) {
      if (nsg.flowLogs !== true) continue;
      const subnets = q.all('subnet').filter((s) => s.nsg === nsg.id);
      const vnets = [...new Set(subnets.map((s) => q.vnetOf(s.id)))].filter((v) => v !== undefined);
      // The NSG's traffic is logged; the VNet says by which kind of flow log.
      const nsgLogged = vnets.filter((v) => v.flowLogs === false).map((v) => v.name);
      if (nsgLogged.length === 0) {
        const unstated = vnets.filter((v) => v.flowLogs === undefined);
        if (unstated.length) {
          ctx.unverified({
            element: unstated[0]!.id,
            property: 'flowLogs',
            check: `the flow logs of NSG ${nsg.name} are VNet flow logs, not NSG flow logs (retiring 2027-09-30)`,
            fact: 'VNet flow logs setting',
            reads: ['flowLogs'],
          });
        }
        continue;
      }
      ctx.report({
        messageId: 'nsgFlowLogs',
        data: { nsg: nsg.name, vnets: nsgLogged.join(', ') },
        element: nsg.id,
        reads: ['flowLogs'],
        // Which subnets the NSG sits on, and whether their VNets log flows.
        dependsOn: [...subnets.map((s) => ({ element: s.id, reads: ['nsg'] })), ...vnets.map((v) => ({ element: v.id, reads: ['flowLogs'] }))],
        property: 'flowLogs',
        evidence: { nsg: nsg.name, vnetsWithoutFlowLogs: nsgLogged.length },
      });
    }
  },
});
