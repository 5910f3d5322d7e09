/** The public authoring API: `import { defineArchitecture, vnet, subnet, … } from 'aksnet'`. */
export * from './types.js';
export * from './builders.js';
