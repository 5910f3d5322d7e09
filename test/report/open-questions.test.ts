/** The report's "Open questions" section lists the checks that could not run, per architecture. */
import { describe, expect, it } from 'vitest';
import { normalize } from '../../src/normalize/normalize.js';
import { validateModel } from '../../src/validate/validate.js';
import { loadRules } from '../../src/validate/registry.js';
import { buildViewModel } from '../../src/report/view-model.js';
import { renderHtml } from '../../src/report/html.js';
import { renderMarkdown } from '../../src/report/markdown.js';
import { publicIp } from '../../dsl/index.js';
import { baseline } from '../helpers/fixture.js';

async function pack(unstate: boolean) {
  const b = baseline();
  // Stated in both packs, so only the two facts removed below are open.
  b.appGw.waf = { mode: 'Prevention', managedRuleSets: [{ type: 'Microsoft_DefaultRuleSet', version: '2.1' }, { type: 'Microsoft_BotManagerRuleSet', version: '1.1' }] };
  b.appGw.publicIp = publicIp({ name: 'pip-agw', zones: [1, 2, 3], ddosIpProtection: true });
  b.aks.controlPlaneAccess = [];
  if (unstate) {
    delete b.ic.replicas;
    b.ic.name = 'nginx <edge>';
    delete b.appGw.minCapacity;
  }
  const { model, issues } = normalize(b.arch);
  const result = await validateModel(model, issues, { file: 'baseline.ts', asOf: '2026-11-23' });
  const rules = (await loadRules()).map((r) => r.meta);
  return buildViewModel([{ model, file: 'baseline.ts', result }], { version: '0', rules });
}

describe('open questions', () => {
  it('lists each unverified check with the fact to state, and none when every fact is stated', async () => {
    const vm = await pack(true);
    const q = vm.architectures[0]!.openQuestions;
    expect(q.map((o) => [o.ruleId, o.element, o.factPath])).toEqual([
      ['ingress/controller-redundancy', 'nginx <edge>', 'ingress[0].hops[2].via.replicas'],
      ['reliability/app-gateway-min-capacity', 'agw-test', 'ingress[0].hops[0].via.minCapacity'],
    ]);
    expect((await pack(false)).architectures[0]!.openQuestions).toEqual([]);
  });

  it('HTML and Markdown show the section with escaped text', async () => {
    const vm = await pack(true);
    const html = renderHtml(vm);
    expect(html).toContain('<h2>Open questions</h2>');
    expect(html).toContain('2 checks could not run');
    expect(html).toContain('nginx &lt;edge&gt;');
    // replicas, minCapacity, NSG flow logs, the WAF's custom rules, defaultOutboundAccess of the two subnets that do
    // not state it, the FQDNs the firewall allows beside the AKS FQDN tag it states, and whether the load balancer hop
    // keeps the client IP
    expect(html).toContain('8 facts the design does not state have no platform default and stay unknown');
    expect(html).not.toContain('nginx <edge>');
    const md = renderMarkdown(vm).markdown;
    expect(md).toContain('### Open questions');
    expect(md).toContain('`ingress[0].hops[0].via.minCapacity`');
    expect(md).not.toContain('nginx <edge>');
    const clean = renderHtml(await pack(false));
    expect(clean).toContain('Every check could run');
  });
});
