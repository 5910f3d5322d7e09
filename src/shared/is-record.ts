/** A plain object (not null, not an array): the shape of a DSL part or a config before it is checked. */
export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
