/**
 * Temporary re-export for branches written before #16 moved this module to `src/shared/io.ts`.
 * Nothing in main imports it; the integrator deletes it once every merged branch imports `src/shared/io.js`.
 */
export * from '../shared/io.js';
