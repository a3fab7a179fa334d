// Seeded, reproducible identifiers: the same seed and the same sequence of calls always
// produce the same access keys, secrets, tokens and event ids.

const UPPER_ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const HEX = '0123456789abcdef';

/** 32-bit FNV-1a hash of a string; used to turn text seeds and ARNs into PRNG state. */
function hashString(text: string, basis = 0x811c9dc5): number {
  let h = basis >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/** sfc32: small, fast, statistically sound for identifiers (not cryptographic). */
export class SeededRandom {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seed: string | number) {
    const text = String(seed);
    this.a = hashString(text, 0x9e3779b9);
    this.b = hashString(text, 0x243f6a88);
    this.c = hashString(text, 0xb7e15162);
    this.d = 1;
    for (let i = 0; i < 12; i++) this.nextUint32();
  }

  nextUint32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** Integer in [0, n). */
  below(n: number): number {
    return Math.floor((this.nextUint32() / 0x100000000) * n);
  }

  chars(alphabet: string, length: number): string {
    let out = '';
    for (let i = 0; i < length; i++) out += alphabet[this.below(alphabet.length)];
    return out;
  }
}

export const ACCESS_KEY_ID = /^ASIA[A-Z0-9]{16}$/;
export const SECRET_ACCESS_KEY = /^[A-Za-z0-9+/]{40}$/;

/**
 * Identifiers STS hands out. Credentials and event ids advance one sequence; role and user
 * ids are a pure function of seed and ARN, because IAM assigns them once at creation.
 */
export class IdGenerator {
  private readonly random: SeededRandom;

  constructor(readonly seed: string | number = 'rolecraft') {
    this.random = new SeededRandom(seed);
  }

  accessKeyId(): string {
    return `ASIA${this.random.chars(UPPER_ALNUM, 16)}`;
  }

  secretAccessKey(): string {
    return this.random.chars(BASE64, 40);
  }

  /** Session tokens have no documented format; this is opaque base64 of a typical length. */
  sessionToken(): string {
    return this.random.chars(BASE64, 356);
  }

  /** A UUID-shaped id for CloudTrail's eventID and requestID. */
  uuid(): string {
    const hex = this.random.chars(HEX, 32);
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${'89ab'[this.random.below(4)]}${hex.slice(17, 20)}-${hex.slice(20)}`;
  }

  /** Unique id of an IAM entity: prefix (`AROA` role, `AIDA` user) and 17 characters. */
  uniqueId(prefix: 'AROA' | 'AIDA', arn: string): string {
    return `${prefix}${new SeededRandom(`${String(this.seed)}\u0000${arn}`).chars(UPPER_ALNUM, 17)}`;
  }
}
