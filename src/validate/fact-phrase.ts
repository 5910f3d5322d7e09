/**
 * How aksnet asks for a missing fact: "state the replica count", but "state whether workload namespaces get a
 * default-deny policy", "state a valid cni" and "state the control plane Kubernetes version" as they are written
 * (no "the whether", no "the the").
 */
export function factToState(fact: string): string {
  return /^(?:an? |the |whether |which |how |what )/i.test(fact) ? fact : `the ${fact}`;
}
