/**
 * The view registry: every diagram view, in drawing order. Kept apart from the view derivations so
 * the CLI can offer `--view` choices without loading them. The overview comes first: it is the default of
 * `aksnet diagram` and the first diagram of each architecture in the review pack.
 */
import type { ViewName } from './graph.js';

export const VIEWS: readonly ViewName[] = Object.freeze(['overview', 'topology', 'ingress', 'egress', 'control-plane'] as const);

/** The view `aksnet diagram` draws when no `--view` is given. */
export const DEFAULT_VIEW: ViewName = 'overview';
