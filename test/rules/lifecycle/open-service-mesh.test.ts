import { baseline } from '../../helpers/fixture.js';
import { aroundDate, inOrder, testRule } from '../../helpers/rule-tester.js';

const DATE = '2027-09-30';

function withOsm(on: boolean) {
  const b = baseline();
  b.aks.addons = { openServiceMesh: on };
  return b.arch;
}

testRule('lifecycle/open-service-mesh', {
  valid: [
    { name: 'no add-ons stated', arch: () => baseline().arch, asOf: '2028-01-01' },
    { name: 'the add-on turned off', arch: () => withOsm(false), asOf: '2028-01-01' },
  ],
  invalid: aroundDate(DATE, 'the OSM add-on on', () => withOsm(true), (asOf, severity) => [
    {
      messageId: 'addOn',
      path: 'clusters[0].addons.openServiceMesh',
      severity,
      message: inOrder(
        'cluster aks-test enables the Open Service Mesh add-on, whose AKS support ',
        severity === 'error' ? 'ended' : 'ends',
        ' 2027-09-30 (',
        asOf,
        '); migrate to the Istio-based service mesh add-on',
      ),
      evidence: { date: DATE, asOf },
    },
  ]),
});
