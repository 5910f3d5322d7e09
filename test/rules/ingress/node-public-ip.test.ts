import { baseline } from '../../helpers/fixture.js';
import { testRule } from '../../helpers/rule-tester.js';

function publicIp(values: Array<boolean | undefined>) {
  return () => {
    const b = baseline();
    b.aks.nodePools.forEach((p, i) => {
      if (values[i] === undefined) delete p.nodePublicIp;
      else p.nodePublicIp = values[i];
    });
    return b.arch;
  };
}

testRule('ingress/node-public-ip', {
  valid: [
    { name: 'not stated (AKS default: no node public IP)', arch: publicIp([undefined, undefined]) },
    { name: 'stated false on every pool', arch: publicIp([false, false]) },
  ],
  invalid: [
    {
      name: 'the user pool gives nodes public IPs',
      arch: publicIp([false, true]),
      findings: [
        {
          messageId: 'publicIp',
          path: 'clusters[0].nodePools[1].nodePublicIp',
          severity: 'warning',
          message:
            'Node pool apps of aks-test gives each of its up to 10 nodes a public IP; the nodes are reachable from the ' +
            'internet past the ingress tier',
        },
      ],
    },
    {
      name: 'both pools (findings sort by message: apps before system)',
      arch: publicIp([true, true]),
      findings: [
        {
          messageId: 'publicIp',
          path: 'clusters[0].nodePools[1].nodePublicIp',
          severity: 'warning',
          evidence: { nodes: 10 },
        },
        {
          messageId: 'publicIp',
          path: 'clusters[0].nodePools[0].nodePublicIp',
          severity: 'warning',
          evidence: { nodes: 5 },
        },
      ],
    },
  ],
});
