/**
 * `--shard i/n`: splits a fleet of designs across CI jobs. Designs are ordered by their output stem
 * (their path below the input root) and dealt round-robin, so every job computes the same split
 * from the same file list, on any machine, and each design lands in exactly one shard.
 */
import { extname } from 'node:path';
import { AksnetError, ExitCode } from '../shared/errors.js';

export interface Shard {
  /** 1-based. */
  index: number;
  count: number;
}

/** Parses `2/5`; a usage error for anything else. */
export function parseShard(s: string): Shard {
  const m = /^(\d+)\/(\d+)$/.exec(s.trim());
  const index = m ? Number(m[1]) : NaN;
  const count = m ? Number(m[2]) : NaN;
  if (!m || count < 1 || index < 1 || index > count) {
    throw new AksnetError(
      `--shard must be i/n with 1 ≤ i ≤ n (e.g. --shard 2/4), got "${s}"`,
      undefined,
      ExitCode.usage,
    );
  }
  return { index, count };
}

/** The stems that belong to the shard (all of them without one). */
export function selectShard(stems: readonly string[], shard?: Shard): Set<string> {
  if (!shard) return new Set(stems);
  const sorted = [...stems].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return new Set(sorted.filter((_, i) => i % shard.count === shard.index - 1));
}

/** `out/aksnet.sarif` → `out/aksnet.shard-2-of-4.sarif`, so one shard's reports never overwrite another's. */
export function shardSuffix(file: string, shard: Shard): string {
  const ext = extname(file);
  return `${file.slice(0, file.length - ext.length)}.shard-${shard.index}-of-${shard.count}${ext}`;
}
