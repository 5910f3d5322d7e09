import { defineRule } from '../../validate/rule.js';
import { FIREWALL_RULE_READS, egressDeps, mergeDeps, policyDeps } from './_reads.js';
import { destinationVerdict, egressSourcesVia, rulesProperty, unknownFact } from '../../model/firewall.js';

export default defineRule({
  meta: {
    id: 'egress/firewall-destination-allowlist',
    title: 'Declared egress destinations are allowed by the egress firewall',
    severity: 'error',
    kind: 'platform-limit',
    pillars: ['reliability', 'security'],
    waf: ['SE:06', 'RE:02'],
    rationale:
      'Azure Firewall denies everything that no rule allows. A rule allows a connection only when its protocol and ' +
      'port, its destination and its source addresses all match: a name allowed for HTTP on port 80, over UDP, or ' +
      'only from another subnet does not let the cluster reach it over HTTPS. Rules are processed in order and the ' +
      'first match decides: network rules before application rules, a base policy\'s rules before its child\'s, then ' +
      'rule collection groups and collections by priority, so a Deny collection that comes first blocks what a later ' +
      'rule allows. A destination the workload depends on but that no rule lets through is blocked at run time, which ' +
      'usually surfaces only after go-live.',
    fix:
      "Add the destination's FQDN (or a wildcard covering it) to an allow rule with its protocol and port and the " +
      "cluster's node subnet (and pod subnet, with Azure CNI pod subnets) among the sources, or reach the service " +
      'through a private endpoint. When a Deny collection blocks it, narrow that collection or give the allowing ' +
      'collection a lower priority number (network rules always run before application rules).',
    example: "azureFirewall({ /* … */ fqdnAllowRules: ['api.stripe.com'] }); // destination { name: 'Stripe API', fqdn: 'api.stripe.com' }",
    references: [
      { title: 'Azure Firewall application rules (FQDN filtering)', url: 'https://learn.microsoft.com/azure/firewall/features' },
      { title: 'Control egress traffic using Azure Firewall in AKS', url: 'https://learn.microsoft.com/azure/aks/limit-egress-traffic' },
      { title: 'Azure Firewall rule processing logic', url: 'https://learn.microsoft.com/azure/firewall/rule-processing' },
    ],
    messages: {
      notAllowed:
        'egress destination {{destination}} ({{fqdn}}:{{port}}) of cluster {{cluster}} is not in the {{rules}} ' +
        'FQDN allow rule{{plural}} of Azure Firewall {{firewall}}, so it will be denied',
      notMatched:
        'egress destination {{destination}} ({{fqdn}}, {{protocol}}:{{port}}{{sources}}) of cluster {{cluster}} is ' +
        'named by Azure Firewall {{firewall}}, but no allow rule matches its protocol, port and source, so it will be ' +
        'denied: {{near}}',
      blockedByDeny:
        'egress destination {{destination}} ({{fqdn}}, {{protocol}}:{{port}}{{sources}}) of cluster {{cluster}} is ' +
        'blocked by {{deny}} of Azure Firewall {{firewall}}, the first rule that matches it{{near}}',
    },
  },
  check(ctx) {
    const { q } = ctx;
    for (const d of q.all('egressDestination')) {
      if (d.privateEndpoint || !d.fqdn) continue;
      // The verdict the egress narrative tells too (model/firewall.ts).
      const dv = destinationVerdict(q, d);
      const c = q.getAs(d.cluster, 'cluster');
      if (!dv || !c) continue;
      const { firewall: fw, verdict: v } = dv;
      if (v.verdict === 'allowed') continue;
      // The destination's FQDN, protocol, port and category; the cluster's egress path (which leads to the firewall,
      // from which subnets); the firewall's rules, its own or its policies'.
      const at = {
        reads: ['fqdn', 'protocol', 'port', 'category', 'privateEndpoint'],
        dependsOn: mergeDeps([...egressDeps(q, c.id, ['cidr']), { element: fw.id, reads: FIREWALL_RULE_READS }, ...policyDeps(q, fw.id)]),
      };
      if (v.verdict === 'unknown-rules') {
        ctx.unverified({ element: fw.id, property: 'fqdnAllowRules', check: `Azure Firewall ${fw.name} allows the egress destinations of ${c.name}`, reads: FIREWALL_RULE_READS });
        continue;
      }
      if (v.verdict === 'unknown') {
        ctx.unverified({
          element: fw.id,
          property: rulesProperty(fw),
          fact: unknownFact(v.rules, v.facts),
          check: `Azure Firewall ${fw.name} allows egress destination ${d.name} (${d.fqdn}) from the subnets of ${c.name}`,
          reads: FIREWALL_RULE_READS,
        });
        continue;
      }
      if (v.blockedBy.length > 0) {
        const sources = egressSourcesVia(q, c, fw.id);
        const deny = v.blockedBy.join(' and ');
        ctx.report({
          messageId: 'blockedByDeny',
          data: {
            destination: d.name,
            fqdn: d.fqdn,
            protocol: d.protocol,
            port: d.port,
            sources: sources.length ? ` from ${sources.join(', ')}` : '',
            cluster: c.name,
            firewall: fw.name,
            deny,
            near: v.near.length ? `; allow rules that come after it: ${v.near.join('; ')}` : '',
          },
          element: d.id,
          property: 'fqdn',
          ...at,
          evidence: { destination: d.name, fqdn: d.fqdn, firewall: fw.name, protocol: d.protocol, port: d.port, blockedBy: deny },
        });
        continue;
      }
      const rules = fw.fqdnAllowRules?.length ?? 0;
      const data = { destination: d.name, fqdn: d.fqdn, port: d.port, cluster: c.name, firewall: fw.name };
      if (v.near.length === 0) {
        ctx.report({
          messageId: 'notAllowed',
          data: { ...data, rules, plural: rules === 1 ? '' : 's' },
          element: d.id,
          property: 'fqdn',
          ...at,
          evidence: { destination: d.name, fqdn: d.fqdn, firewall: fw.name, allowRules: rules },
        });
        continue;
      }
      const sources = egressSourcesVia(q, c, fw.id);
      ctx.report({
        messageId: 'notMatched',
        data: {
          ...data,
          protocol: d.protocol,
          sources: sources.length ? ` from ${sources.join(', ')}` : '',
          near: v.near.join('; '),
        },
        element: d.id,
        property: 'fqdn',
        ...at,
        evidence: { destination: d.name, fqdn: d.fqdn, firewall: fw.name, protocol: d.protocol, port: d.port, near: v.near.join('; ') },
      });
    }
  },
});
