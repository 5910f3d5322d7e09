import { paas, privateDnsZone, privateEndpoint, subnet } from '../../../dsl/index.js';
import type { PaasServiceType } from '../../../dsl/index.js';
import { baseline } from '../../helpers/fixture.js';
import { testRule } from '../../helpers/rule-tester.js';
import { mutable } from '../../helpers/mutable.js';

const PATH = 'network.privateEndpoints[0].dnsZone';

/** The baseline with one private endpoint to a `service` whose DNS zone is `zone` (none when undefined). */
function endpoint(service: PaasServiceType, zone?: string) {
  return () => {
    const b = baseline();
    const peSubnet = subnet({ name: 'snet-pe', cidr: '10.1.8.0/27', purpose: 'private-endpoints' });
    mutable(b.spoke.subnets).push(peSubnet);
    const target = paas({ name: 'svc-app', service, publicNetworkAccess: false });
    const dnsZone = zone ? privateDnsZone({ name: zone, links: [b.spoke] }) : undefined;
    b.arch.network.privateEndpoints = [privateEndpoint({ name: 'pe-app', subnet: peSubnet, target, ...(dnsZone ? { dnsZone } : {}) })];
    return b.arch;
  };
}

testRule('egress/private-endpoint-dns-zone', {
  valid: [
    { name: 'Key Vault in privatelink.vaultcore.azure.net', arch: endpoint('keyVault', 'privatelink.vaultcore.azure.net') },
    { name: 'Container Registry in privatelink.azurecr.io', arch: endpoint('containerRegistry', 'privatelink.azurecr.io') },
    { name: 'Storage blob in privatelink.blob.core.windows.net', arch: endpoint('storageBlob', 'privatelink.blob.core.windows.net') },
    { name: 'Service Bus and Event Hubs share privatelink.servicebus.windows.net', arch: endpoint('eventHubs', 'privatelink.servicebus.windows.net') },
    { name: 'Cosmos DB for MongoDB in its API zone', arch: endpoint('cosmosDb', 'privatelink.mongo.cosmos.azure.com') },
    { name: 'a zone name in upper case (DNS names are case-insensitive)', arch: endpoint('keyVault', 'PrivateLink.VaultCore.Azure.Net') },
    { name: 'no zone stated: nothing to compare (paas-private-endpoint speaks for resolution)', arch: endpoint('keyVault') },
    { name: 'a service aksnet does not know (other): no verdict', arch: endpoint('other', 'privatelink.azurecr.io') },
    { name: 'an Azure China zone: sovereign names are not in the table, no verdict', arch: endpoint('keyVault', 'privatelink.vaultcore.azure.cn') },
  ],
  invalid: [
    {
      name: 'a Key Vault endpoint in the registry zone',
      arch: endpoint('keyVault', 'privatelink.azurecr.io'),
      findings: [
        {
          messageId: 'wrongZone',
          path: PATH,
          severity: 'error',
          message:
            'private endpoint pe-app of Key Vault svc-app is in private DNS zone privatelink.azurecr.io; Key Vault names ' +
            'resolve only through privatelink.vaultcore.azure.net',
          evidence: { service: 'keyVault', zone: 'privatelink.azurecr.io' },
        },
      ],
    },
    {
      name: 'a Storage blob endpoint in the file zone',
      arch: endpoint('storageBlob', 'privatelink.file.core.windows.net'),
      findings: [{ messageId: 'wrongZone', path: PATH, severity: 'error', message: /through privatelink\.blob\.core\.windows\.net$/u }],
    },
    {
      name: 'a Key Vault endpoint in the public zone name, without privatelink',
      arch: endpoint('keyVault', 'vault.azure.net'),
      findings: [{ messageId: 'wrongZone', path: PATH, severity: 'error' }],
    },
    {
      name: 'a registry endpoint in the Key Vault zone',
      arch: endpoint('containerRegistry', 'privatelink.vaultcore.azure.net'),
      findings: [{ messageId: 'wrongZone', path: PATH, severity: 'error', message: /Container Registry names resolve only through privatelink\.azurecr\.io$/u }],
    },
  ],
});
