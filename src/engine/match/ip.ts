/**
 * IPv4 and IPv6 addresses and CIDR ranges, as 128-bit BigInts (IPv4 kept apart from IPv6);
 * IPv4 ranges test their 32 bits as a plain number (no BigInt made per test).
 */

export interface IpValue {
  version: 4 | 6;
  value: bigint;
  /** The 32 bits of an IPv4 address as a number; 0 for IPv6. */
  v4: number;
}

export interface Cidr {
  version: 4 | 6;
  text: string;
  contains(ip: IpValue): boolean;
}

function parseV4(text: string): bigint | undefined {
  const parts = text.split('.');
  if (parts.length !== 4) return undefined;
  let value = 0n;
  for (const part of parts) {
    if (!/^\d{1,3}$/.test(part)) return undefined;
    const n = Number(part);
    if (n > 255) return undefined;
    value = (value << 8n) | BigInt(n);
  }
  return value;
}

function parseV6(text: string): bigint | undefined {
  let head = text;
  let tailV4: bigint | undefined;
  const lastColon = text.lastIndexOf(':');
  if (text.includes('.', lastColon)) {
    tailV4 = parseV4(text.slice(lastColon + 1));
    if (tailV4 === undefined) return undefined;
    head = `${text.slice(0, lastColon + 1)}0:0`;
  }
  const halves = head.split('::');
  if (halves.length > 2) return undefined;
  const group = (s: string) => (s === '' ? [] : s.split(':'));
  const left = group(halves[0]!);
  const right = halves.length === 2 ? group(halves[1]!) : [];
  const missing = 8 - left.length - right.length;
  if (halves.length === 2 ? missing < 1 : missing !== 0) return undefined;
  const groups = [...left, ...Array<string>(Math.max(missing, 0)).fill('0'), ...right];
  let value = 0n;
  for (const g of groups) {
    if (!/^[0-9a-fA-F]{1,4}$/.test(g)) return undefined;
    value = (value << 16n) | BigInt(parseInt(g, 16));
  }
  if (tailV4 !== undefined) value = (value & ~0xffffffffn) | tailV4;
  return value;
}

const cache = new Map<string, IpValue | undefined>();

/** Parses a single address (cached: request addresses repeat). */
export function parseIp(text: string): IpValue | undefined {
  if (cache.has(text)) return cache.get(text);
  if (cache.size >= 4096) cache.clear();
  const ip = parseIpUncached(text);
  cache.set(text, ip);
  return ip;
}

function parseIpUncached(text: string): IpValue | undefined {
  const t = text.trim();
  if (t.includes(':')) {
    const value = parseV6(t);
    return value === undefined ? undefined : { version: 6, value, v4: 0 };
  }
  const value = parseV4(t);
  return value === undefined ? undefined : { version: 4, value, v4: Number(value) };
}

/** Parses `address/bits` (or a bare address, a /32 or /128). */
export function parseCidr(text: string): Cidr | undefined {
  const [address = '', bitsText, ...rest] = text.trim().split('/');
  if (rest.length > 0) return undefined;
  const ip = parseIp(address);
  if (!ip) return undefined;
  const width = ip.version === 4 ? 32 : 128;
  const bits = bitsText === undefined ? width : /^\d{1,3}$/.test(bitsText) ? Number(bitsText) : NaN;
  if (!(bits >= 0 && bits <= width)) return undefined;
  if (ip.version === 4) {
    const shift = 32 - bits;
    // `>>>` shifts by its count modulo 32, so a /0 range is the whole space by itself.
    const network = shift === 32 ? 0 : ip.v4 >>> shift;
    return {
      version: 4,
      text,
      contains: (candidate) =>
        candidate.version === 4 && (shift === 32 || candidate.v4 >>> shift === network),
    };
  }
  const shift = BigInt(width - bits);
  const network = ip.value >> shift;
  return {
    version: ip.version,
    text,
    contains: (candidate) =>
      candidate.version === ip.version && candidate.value >> shift === network,
  };
}
