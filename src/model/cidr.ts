/**
 * IPv4 CIDR arithmetic on top of ipaddr.js (parsing and validation come from the library; this
 * module only compares the resulting address ranges).
 */
import ipaddr from 'ipaddr.js';

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

function toNumber(addr: ipaddr.IPv4): number {
  const b = addr.toByteArray();
  return ((b[0]! << 24) >>> 0) + (b[1]! << 16) + (b[2]! << 8) + b[3]!;
}

/** Converts an unsigned 32-bit number back to dotted-quad text. */
export function numberToIp(n: number): string {
  return ipaddr.fromByteArray([(n >>> 24) & 255, (n >>> 16) & 255, (n >>> 8) & 255, n & 255]).toString();
}

const parsedCidrs = new Map<string, CidrParse>();

/**
 * Parses an IPv4 CIDR strictly: four-part decimal, prefix 0–32, no host bits set. Results are
 * frozen and memoised: rules compare every range with every other, and ipaddr.js parsing dominated
 * validating many designs.
 */
export function parseCidr(text: unknown): CidrParse {
  if (typeof text !== 'string') return { ok: false, error: `expected a CIDR string, got ${typeof text}` };
  let r = parsedCidrs.get(text);
  if (r === undefined) {
    if (parsedCidrs.size >= 10_000) parsedCidrs.clear();
    r = parse(text);
    if (r.ok) Object.freeze(r.range);
    parsedCidrs.set(text, Object.freeze(r));
  }
  return r;
}

function parse(text: string): CidrParse {
  const slash = text.indexOf('/');
  if (slash < 0) return { ok: false, error: `"${text}" has no prefix length (expected a.b.c.d/n)` };
  const ip = text.slice(0, slash);
  if (!ipaddr.IPv4.isValidFourPartDecimal(ip)) return { ok: false, error: `"${text}" is not an IPv4 CIDR` };
  let parsed: [ipaddr.IPv4 | ipaddr.IPv6, number];
  try {
    parsed = ipaddr.parseCIDR(text);
  } catch {
    return { ok: false, error: `"${text}" has an invalid prefix length` };
  }
  const [addr, prefix] = parsed;
  if (addr.kind() !== 'ipv4') return { ok: false, error: `"${text}" is not an IPv4 CIDR` };
  const network = ipaddr.IPv4.networkAddressFromCIDR(text);
  const first = toNumber(network);
  if (toNumber(addr as ipaddr.IPv4) !== first) {
    return {
      ok: false,
      error: `"${text}" has host bits set; the network address for /${prefix} is ${network.toString()}/${prefix}`,
    };
  }
  const size = 2 ** (32 - prefix);
  return { ok: true, range: { text, first, last: first + size - 1, prefix, size } };
}

/** Parses a CIDR or returns undefined. */
export function cidr(text: unknown): CidrRange | undefined {
  const r = parseCidr(text);
  return r.ok ? r.range : undefined;
}

/** Whether `text` is a valid dotted-quad IPv4 address. */
export function isIpv4(text: unknown): text is string {
  return typeof text === 'string' && ipaddr.IPv4.isValidFourPartDecimal(text);
}

/** Unsigned number of a dotted-quad IPv4 address, or undefined. */
export function ipToNumber(text: unknown): number | undefined {
  return isIpv4(text) ? toNumber(ipaddr.IPv4.parse(text)) : undefined;
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
