import { RETIREMENTS } from '../../model/data/retirements.js';
import { defineDatedRule } from './_lifecycle.js';

export default defineDatedRule({
  retirement: RETIREMENTS.openServiceMesh,
  meta: {
    id: 'lifecycle/open-service-mesh',
    title: 'Open Service Mesh add-on retires (2027-09-30)',
    pillars: ['security', 'reliability'],
    waf: ['SE:08', 'RE:03'],
    rationale:
      'The CNCF archived the upstream Open Service Mesh project, and AKS stops supporting the OSM add-on on ' +
      '30 September 2027: after that the mesh that enforces mTLS and traffic policy between workloads gets no ' +
      'fixes or security patches.',
    fix:
      'Migrate the OSM configuration to the Istio-based service mesh add-on (serviceMesh: { kind: \'istio-addon\' }) ' +
      'following the OSM-to-Istio migration guidance, then turn the OSM add-on off.',
    example: "cluster({ name: 'aks-prod', region: 'westeurope', serviceMesh: { kind: 'istio-addon', revision: 'asm-1-27' }, /* … */ });",
    references: [
      RETIREMENTS.openServiceMesh.source,
      {
        title: 'Migration guidance for Open Service Mesh configurations to Istio',
        url: 'https://learn.microsoft.com/azure/aks/open-service-mesh-istio-migration-guidance',
      },
    ],
    messages: {
      addOn:
        'cluster {{cluster}} enables the Open Service Mesh add-on, whose AKS support {{ends}} {{date}} ({{when}}); ' +
        'migrate to the Istio-based service mesh add-on',
    },
  },
  check(ctx) {
    for (const c of ctx.q.all('cluster')) {
      if (!c.addons.openServiceMesh) continue;
      ctx.report({
        messageId: 'addOn',
        data: { cluster: c.name },
        element: c.id,
        reads: ['addons.openServiceMesh'],
        property: 'addons.openServiceMesh',
        evidence: { cluster: c.name },
      });
    }
  },
});
