/**
 * The view registry: every diagram view, in drawing order. Kept apart from the view derivations so
 * the CLI can offer `--view` choices without loading them.
 */
import type { ViewName } from './graph.js';

export const VIEWS: readonly ViewName[] = Object.freeze(['topology', 'ingress', 'egress', 'control-plane'] as const);
