/**
 * The DSL types take readonly arrays (a design may pass `[1, 2, 3] as const`); tests that edit a baseline design in
 * place use this to push, splice or assign into one of its arrays. The builders never copy or freeze them.
 */
export function mutable<T>(list: readonly T[]): T[] {
  return list as T[];
}
