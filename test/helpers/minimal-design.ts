/** The source of a small design file whose title is `title` (loader and watch tests that rewrite a design). */
export function minimalDesign(title: string): string {
  return `import { defineArchitecture, vnet, subnet } from 'aksnet';
const nodes = subnet({ name: 'snet-nodes', cidr: '10.1.0.0/24' });
export default defineArchitecture({
  metadata: { title: ${JSON.stringify(title)} },
  network: { vnets: [vnet({ name: 'vnet', region: 'westeurope', addressSpace: ['10.1.0.0/16'], subnets: [nodes] })] },
  clusters: [],
});
`;
}
