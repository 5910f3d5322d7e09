/**
 * Temporary re-export for branches written before #16 moved this module to `src/shared/errors.ts`.
 * Nothing in main imports it; the integrator deletes it once every merged branch imports `src/shared/errors.js`.
 */
export * from '../shared/errors.js';
