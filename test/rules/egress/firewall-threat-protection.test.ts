import { firewallPolicy } from '../../../dsl/index.js';
import { baseline } from '../../helpers/fixture.js';
import { testRule } from '../../helpers/rule-tester.js';

const FW = 'network.firewalls[0]';

function classic(threatIntel: 'Off' | 'Alert' | 'Deny' | undefined) {
  return () => {
    const b = baseline();
    if (threatIntel) b.firewall.threatIntel = threatIntel;
    else delete b.firewall.threatIntel;
    return b.arch;
  };
}

function withPolicy(threatIntel: 'Off' | 'Alert' | 'Deny', idps?: 'Off' | 'Alert' | 'Deny', tier: 'Standard' | 'Premium' = 'Premium') {
  return () => {
    const b = baseline();
    delete b.firewall.threatIntel;
    delete b.firewall.aksFqdnTag;
    b.firewall.tier = tier;
    b.firewall.policy = firewallPolicy({ name: 'afwp-hub', tier, threatIntel, ...(idps ? { idps } : {}) });
    return b.arch;
  };
}

testRule('egress/firewall-threat-protection', {
  valid: [
    { name: 'a firewall with threat intelligence in Deny', arch: classic('Deny') },
    { name: 'a Premium policy with threat intelligence and IDPS in Deny', arch: withPolicy('Deny', 'Deny') },
    { name: 'a Standard policy in Deny (no IDPS on Standard)', arch: withPolicy('Deny', undefined, 'Standard') },
  ],
  invalid: [
    {
      name: 'threat intelligence in Alert on a firewall with classic rules',
      arch: classic('Alert'),
      findings: [
        {
          messageId: 'threatIntelNotDeny',
          path: `${FW}.threatIntel`,
          severity: 'warning',
          message:
            'Azure Firewall afw-hub has threat intelligence in Alert mode, so filtering of known-malicious addresses and ' +
            "domains only raises alerts; set it to 'Deny'",
        },
      ],
    },
    {
      name: 'threat intelligence not stated: the platform default Alert',
      arch: classic(undefined),
      findings: [{ messageId: 'threatIntelNotDeny', path: `${FW}.threatIntel`, severity: 'warning', evidence: { mode: 'Alert' } }],
    },
    {
      name: 'threat intelligence Off',
      arch: classic('Off'),
      findings: [{ messageId: 'threatIntelNotDeny', path: `${FW}.threatIntel`, severity: 'warning', message: /Off mode.* is off;/ }],
    },
    {
      name: 'a Premium policy with IDPS in Alert: judged on the policy, not on the firewall',
      arch: withPolicy('Deny', 'Alert'),
      findings: [
        {
          messageId: 'idpsNotDeny',
          path: `${FW}.policy.idps`,
          severity: 'warning',
          message: "firewall policy afwp-hub has IDPS in Alert mode, so signature-based intrusion prevention only raises alerts; set it to 'Deny'",
        },
      ],
    },
    {
      name: 'a Premium policy without IDPS stated: the platform default Off',
      arch: withPolicy('Alert'),
      findings: [
        { messageId: 'idpsNotDeny', path: `${FW}.policy.idps`, severity: 'warning', evidence: { mode: 'Off' } },
        { messageId: 'threatIntelNotDeny', path: `${FW}.policy.threatIntel`, severity: 'warning' },
      ],
    },
  ],
});
