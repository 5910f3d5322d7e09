// Types for scripts/source-hash.mjs (imported by test/global-setup.ts).
export declare function sourceHash(root: string): string;
