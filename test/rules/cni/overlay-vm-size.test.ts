import { baseline } from '../../helpers/fixture.js';
import { testRule } from '../../helpers/rule-tester.js';

function withVmSize(vmSize: string, cni: 'azure-overlay' | 'azure-nodesubnet' = 'azure-overlay') {
  return () => {
    const b = baseline();
    b.aks.nodePools[1]!.vmSize = vmSize;
    if (cni !== 'azure-overlay') b.aks.network = { cni, serviceCidr: '172.16.0.0/16', dnsServiceIP: '172.16.0.10' };
    return b.arch;
  };
}

const unsupported = (vmSize: string) => ({
  messageId: 'unsupportedSize',
  path: 'clusters[0].nodePools[1].vmSize',
  severity: 'error' as const,
  message: `node pool apps of overlay cluster aks-test uses ${vmSize}; DCsv2 VMs are not supported with Azure CNI Overlay`,
  evidence: { pool: 'apps', vmSize },
});

testRule('cni/overlay-vm-size', {
  valid: [
    { name: 'DCadsv5', arch: withVmSize('Standard_DC4ads_v5') },
    { name: 'DCsv3', arch: withVmSize('Standard_DC4s_v3') },
    { name: 'a prefix of the name is not enough (Standard_DC4s_v2_x)', arch: withVmSize('Standard_DC4s_v2_x') },
    { name: 'a suffix of the name is not enough (Custom_Standard_DC4s_v2)', arch: withVmSize('Custom_Standard_DC4s_v2') },
    { name: 'DCsv2 on flat Azure CNI', arch: withVmSize('Standard_DC4s_v2', 'azure-nodesubnet') },
  ],
  invalid: [
    { name: 'Standard_DC4s_v2', arch: withVmSize('Standard_DC4s_v2'), findings: [unsupported('Standard_DC4s_v2')] },
    { name: 'Standard_DC1s_v2 (one digit, any case)', arch: withVmSize('standard_dc1s_v2'), findings: [unsupported('standard_dc1s_v2')] },
    { name: 'Standard_DC48s_v2 (two digits)', arch: withVmSize('Standard_DC48s_v2'), findings: [unsupported('Standard_DC48s_v2')] },
  ],
});
