/** Fixture variants shared by the control-plane tests. */
import { buildAgents, subnet } from '../../../dsl/index.js';
import { baseline } from '../../helpers/fixture.js';
import { mutable } from '../../helpers/mutable.js';

/** The baseline with a public API server restricted to the given ranges. */
export function publicCluster(authorizedIpRanges?: string[]) {
  const b = baseline();
  b.aks.apiServer = { mode: 'public', ...(authorizedIpRanges ? { authorizedIpRanges } : {}) };
  return b;
}

/** The baseline with API Server VNet Integration in a delegated /28 of the spoke. */
export function vnetIntegrated(isPrivate = true) {
  const b = baseline();
  const apiSubnet = subnet({ name: 'snet-apiserver', cidr: '10.1.8.0/28', purpose: 'aks-apiserver', delegation: 'Microsoft.ContainerService/managedClusters' });
  mutable(b.spoke.subnets).push(apiSubnet);
  b.aks.apiServer = { mode: 'vnet-integration', subnet: apiSubnet, private: isPrivate };
  return { ...b, apiSubnet };
}

/** Build agents of either kind. */
export function agents(hosting: 'microsoft-hosted' | 'self-hosted', egressIps?: string[], agentSubnet?: ReturnType<typeof subnet>) {
  return buildAgents({ name: 'ci-agents', hosting, platform: 'github-actions', ...(agentSubnet ? { subnet: agentSubnet } : {}), ...(egressIps ? { egressIps } : {}) });
}
