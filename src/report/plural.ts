/**
 * Counts in words, one helper for every format (the Handlebars `plural` helper, Markdown, the view-model's sentences)
 * so "1 fact … has" and "2 facts … have" agree everywhere.
 */

/** The word in agreement with a count: `noun(1, 'check')` "check", `noun(2, 'check')` "checks"; `many` for an irregular plural or a verb (`noun(n, 'has', 'have')`). */
export function noun(n: number, one: string, many = `${one}s`): string {
  return n === 1 ? one : many;
}

/** The count and its word: "1 check", "2 checks". */
export function counted(n: number, one: string, many?: string): string {
  return `${n} ${noun(n, one, many)}`;
}
