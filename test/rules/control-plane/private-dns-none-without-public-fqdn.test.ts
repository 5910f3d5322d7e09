import { baseline } from '../../helpers/fixture.js';
import { testRule } from '../../helpers/rule-tester.js';

function withApi(privateDnsZone: 'none' | 'system', publicFqdn: boolean) {
  return () => {
    const b = baseline();
    b.aks.apiServer = { mode: 'private', privateDnsZone, publicFqdn };
    return b.arch;
  };
}

testRule('control-plane/private-dns-none-without-public-fqdn', {
  valid: [
    { name: 'none with the public FQDN', arch: withApi('none', true) },
    { name: 'the system zone without the public FQDN', arch: withApi('system', false) },
  ],
  invalid: [
    {
      name: 'privateDnsZone none with publicFqdn false',
      arch: withApi('none', false),
      findings: [
        {
          messageId: 'unresolvable',
          path: 'clusters[0].apiServer.publicFqdn',
          severity: 'error',
          message: 'private cluster aks-test sets privateDnsZone none and publicFqdn false; nothing would resolve its API server name',
          evidence: { privateDnsZone: 'none', publicFqdn: false },
        },
      ],
    },
  ],
});
