// Types for eslint/layers.mjs (imported by test/lint/layers.test.ts).
import type { ESLint, Rule } from 'eslint';

export declare const LAYERS: string[];
export declare const EXCEPTIONS: Array<[from: string, to: string]>;
export declare function layerOf(rel: string): string | null | undefined;
export declare const layersRule: Rule.RuleModule;
declare const plugin: ESLint.Plugin;
export default plugin;
