/** `aksnet model --facts`: defaulted facts with their source, inferences, and unknown facts. */
import { describe, expect, it } from 'vitest';
import { normalize } from '../../src/normalize/normalize.js';
import { factsText } from '../../src/cli/commands/model.js';
import { baseline } from '../helpers/fixture.js';

describe('model --facts', () => {
  it('lists each defaulted fact with its source and each unknown fact with what it is', () => {
    const b = baseline();
    delete b.ic.replicas;
    const text = factsText(normalize(b.arch).model);
    expect(text).toContain('\n  ingress[0].hops[2].via.replicas  (replica count; aksnet used to assume the chart default (1 or 2))\n');
    expect(text).toMatch(/\n {2}clusters\[0\]\.nodePools\[0\]\.maxPods = 250 {2}\(AKS default max pods for this CNI; https:\/\/learn\.microsoft\.com\/azure\/aks\/concepts-network-ip-address-planning\)\n/);
    expect(text).toMatch(/inferred \(\d+\): derived by aksnet/);
    // replicas, nsg.flowLogs, the WAF's custom rules, defaultOutboundAccess of the two subnets that do not state it (no
    // platform default), the FQDNs the firewall allows beside the AKS FQDN tag it states, and whether the load
    // balancer hop keeps the client IP.
    expect(text).toMatch(/unknown \(8\): not stated/);
    expect(text).toContain('\n  network.firewalls[0].fqdnAllowRules  (the FQDNs the firewall allows besides the AKS FQDN tag; aksnet used to assume no rules)\n');
    expect(text).toContain(
      "\n  ingress[0].hops[1].preservesClientIp  (whether the load balancer keeps the client's source IP (a LoadBalancer Service keeps it only with externalTrafficPolicy: Local; the default, Cluster, replaces it with a node IP); aksnet used to assume kept)\n",
    );
    expect(text).toContain('\n  clusters[0].controlPlaneAccess  (access paths of administrators and deployments to the private API server)\n');
    expect(text).toContain('.waf.customRules  (WAF custom rules; aksnet used to assume no custom rules)\n');
    expect(text).toContain('  network.vnets[1].subnets[1].defaultOutboundAccess  (whether the subnet is private');
    expect(text).toContain('  network.vnets[1].subnets[0].nsg.flowLogs  (whether flow logs are on)\n');
  });

  it('lists a field stated with a value of the wrong shape as invalid, not as a stated fact', () => {
    const b = baseline();
    (b.aks.network as { cni: string }).cni = 'azure';
    const { model, issues } = normalize(b.arch);
    const text = factsText(model, issues);
    expect(text).toContain('\ninvalid (1): stated with a value of the wrong shape');
    expect(text).toContain('\n  clusters[0].network.cni  ("cni" must be one of "kubenet", ');
    expect(factsText(normalize(baseline().arch).model, normalize(baseline().arch).issues)).not.toContain('invalid (');
  });
});
