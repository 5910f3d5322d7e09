/**
 * IPv4 CIDR parsing and arithmetic. Parsing is strict and IPv4-only (ipaddr.js's parseCIDR tried
 * IPv6 first and read "/022" as /22), and each CIDR text is parsed once per process.
 */

/** Azure reserves the network address, the broadcast address and three more in every subnet. */
export const AZURE_RESERVED_PER_SUBNET = 5;

export interface CidrRange {
  /** The CIDR as written. */
  text: string;
  /** First address as an unsigned 32-bit number. */
  first: number;
  /** Last address as an unsigned 32-bit number. */
  last: number;
  /** Prefix length. */
  prefix: number;
  /** Number of addresses. */
  size: number;
}

export type CidrParse = { ok: true; range: CidrRange } | { ok: false; error: string };

/**
 * Unsigned number of a strict dotted quad (decimal, no leading zeros, each part 0–255), or undefined.
 * Read character by character: it runs for every CIDR and address of a design, and a regular
 * expression with four groups cost several times as much.
 */
function quad(text: string): number | undefined {
  let n = 0;
  let part = 0;
  let digits = 0;
  let dots = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 46 /* . */) {
      if (digits === 0 || dots === 3 || part > 255) return undefined;
      n = n * 256 + part;
      part = 0;
      digits = 0;
      dots++;
    } else if (c >= 48 && c <= 57) {
      // No leading zeros: a part that starts with 0 is 0 itself; at most three digits.
      if ((digits === 1 && part === 0) || digits === 3) return undefined;
      part = part * 10 + (c - 48);
      digits++;
    } else return undefined;
  }
  if (digits === 0 || dots !== 3 || part > 255) return undefined;
  return n * 256 + part;
}

/** Converts an unsigned 32-bit number back to dotted-quad text. */
export function numberToIp(n: number): string {
  return `${(n >>> 24) & 255}.${(n >>> 16) & 255}.${(n >>> 8) & 255}.${n & 255}`;
}

// Rules ask for the same CIDRs again and again (every pair of subnets, every cluster): parse each text once.
const parsed = new Map<string, CidrParse>();
const MAX_CACHED = 100_000;

/** Parses an IPv4 CIDR strictly: four-part decimal, prefix 0–32 without leading zeros, no host bits set. */
export function parseCidr(text: unknown): CidrParse {
  if (typeof text !== 'string') return { ok: false, error: `expected a CIDR string, got ${typeof text}` };
  let r = parsed.get(text);
  if (r) return r;
  r = parseUncached(text);
  // Frozen: every caller shares the cached object.
  if (r.ok) Object.freeze(r.range);
  Object.freeze(r);
  if (parsed.size >= MAX_CACHED) parsed.clear();
  parsed.set(text, r);
  return r;
}

function parseUncached(text: string): CidrParse {
  const slash = text.indexOf('/');
  if (slash < 0) return { ok: false, error: `"${text}" has no prefix length (expected a.b.c.d/n)` };
  const addr = quad(text.slice(0, slash));
  if (addr === undefined) return { ok: false, error: `"${text}" is not an IPv4 CIDR` };
  const p = text.slice(slash + 1);
  // "/022" or "/ 22" would be read as 22 by a lenient parser; Azure and aksnet take the digits as written.
  if (!/^(0|[1-9]\d?)$/.test(p) || Number(p) > 32) return { ok: false, error: `"${text}" has an invalid prefix length` };
  const prefix = Number(p);
  const size = 2 ** (32 - prefix);
  const first = addr - (addr % size);
  if (addr !== first) {
    return {
      ok: false,
      error: `"${text}" has host bits set; the network address for /${prefix} is ${numberToIp(first)}/${prefix}`,
    };
  }
  return { ok: true, range: { text, first, last: first + size - 1, prefix, size } };
}

/** Parses a CIDR or returns undefined. */
export function cidr(text: unknown): CidrRange | undefined {
  const r = parseCidr(text);
  return r.ok ? r.range : undefined;
}

/** Whether `text` is a valid dotted-quad IPv4 address. */
export function isIpv4(text: unknown): text is string {
  return typeof text === 'string' && quad(text) !== undefined;
}

/** Unsigned number of a dotted-quad IPv4 address, or undefined. */
export function ipToNumber(text: unknown): number | undefined {
  return typeof text === 'string' ? quad(text) : undefined;
}

/** Whether range `outer` contains range `inner` entirely. */
export function contains(outer: CidrRange, inner: CidrRange): boolean {
  return inner.first >= outer.first && inner.last <= outer.last;
}

/** Whether two ranges share at least one address. */
export function overlaps(a: CidrRange, b: CidrRange): boolean {
  return a.first <= b.last && b.first <= a.last;
}

/** Whether an address lies in a range. */
export function containsIp(range: CidrRange, ip: string): boolean {
  const n = ipToNumber(ip);
  return n !== undefined && n >= range.first && n <= range.last;
}

/** Addresses Azure lets you use in a subnet of this size. */
export function azureUsable(range: CidrRange): number {
  return Math.max(0, range.size - AZURE_RESERVED_PER_SUBNET);
}

/** The address at `offset` within the range. */
export function addressAt(range: CidrRange, offset: number): string {
  return numberToIp(range.first + offset);
}

const PRIVATE_SPACES: CidrRange[] = ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16', '100.64.0.0/10'].map((t) => cidr(t)!);

/** Whether a range lies inside RFC 1918 or RFC 6598 (shared address) space. */
export function isPrivateRange(r: CidrRange): boolean {
  return PRIVATE_SPACES.some((p) => r.first >= p.first && r.last <= p.last);
}
