/** Lifecycle fixture variants. */
import type { IngressControllerType } from '../../../dsl/index.js';
import { baseline } from '../../helpers/fixture.js';

/** Baseline whose ingress controller has the given type. */
export function withController(type: IngressControllerType) {
  const b = baseline();
  b.ic.type = type;
  return b;
}
