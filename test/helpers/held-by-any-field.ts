/**
 * Rules whose verdicts are still held back by any invalid field of the elements they judge: their reports declare no
 * `reads` (src/validate/rule.ts), so an invalid value the verdict never reads (a misspelt key, an outbound type stated
 * wrongly beside a version verdict) turns the verdict into a check that could not run. Found by the probe in the rule
 * tester (test/helpers/reads-probe.ts) on 2026-12-04: every element a finding names can hold such a field (an unknown
 * key is one), so each of these loses checks for nothing. The tester fails for a rule not listed here whose verdict is
 * held, and for a listed rule none of whose verdicts is held any more: give a rule its reads, then remove it here.
 * Empty since every rule of the catalogue declares its reads (2026-12-04); a new rule without them fails the tester.
 */
export const HELD_BY_ANY_FIELD: ReadonlySet<string> = new Set<string>([]);
