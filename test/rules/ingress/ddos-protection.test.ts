import { ddosProtectionPlan, loadBalancer, publicIp } from '../../../dsl/index.js';
import { baseline } from '../../helpers/fixture.js';
import { testRule } from '../../helpers/rule-tester.js';

const appGwNoPlan = {
  messageId: 'noPlan',
  path: 'network.vnets[1].ddosProtectionPlan',
  severity: 'warning' as const,
  message: 'public Application Gateway agw-test has a public IP in VNet vnet-spoke, which has no DDoS Network Protection plan',
  evidence: { entry: 'public Application Gateway agw-test', vnet: 'vnet-spoke' },
};

function withPip(ddosIpProtection?: boolean) {
  return () => {
    const b = baseline();
    b.appGw.publicIp = publicIp({ name: 'pip-agw', ...(ddosIpProtection !== undefined ? { ddosIpProtection } : {}) });
    return b.arch;
  };
}

testRule('ingress/ddos-protection', {
  valid: [
    {
      name: 'the spoke has a DDoS plan',
      arch: () => {
        const b = baseline();
        b.spoke.ddosProtectionPlan = ddosProtectionPlan({ name: 'ddos' });
        return b.arch;
      },
    },
    {
      name: 'a private-only App Gateway',
      arch: () => {
        const b = baseline();
        b.appGw.frontend = 'private';
        return b.arch;
      },
    },
    { name: "the gateway's public IP has DDoS IP Protection", arch: withPip(true) },
  ],
  invalid: [
    { name: 'a public App Gateway in a VNet without a plan', arch: () => baseline().arch, findings: [appGwNoPlan] },
    { name: 'DDoS IP Protection off on the public IP', arch: withPip(false), findings: [appGwNoPlan] },
    { name: 'DDoS IP Protection not stated on the public IP', arch: withPip(), findings: [appGwNoPlan] },
    {
      name: 'a public load balancer on a path reports the VNet of its cluster',
      arch: () => {
        const b = baseline();
        b.spoke.ddosProtectionPlan = undefined;
        b.appGw.frontend = 'private';
        const plb = loadBalancer({ name: 'plb-web', visibility: 'public', cluster: b.aks });
        b.path.hops = [{ via: plb, protocol: 'tcp', port: 443, tls: 'passthrough' }];
        return b.arch;
      },
      findings: [
        {
          messageId: 'noPlan',
          path: 'network.vnets[1].ddosProtectionPlan',
          severity: 'warning',
          message: 'public load balancer plb-web has a public IP in VNet vnet-spoke, which has no DDoS Network Protection plan',
        },
      ],
    },
  ],
});
