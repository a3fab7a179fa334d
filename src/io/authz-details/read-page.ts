/** One authorization-details file (or page) from JSON text to `AuthzPage`, every quirk undone. */
import {
  describeJsonSyntaxError,
  firstJsonSyntaxError,
  MAX_DESIGN_DEPTH,
  scanJsonDepth,
  setOwn,
} from '../../engine';
import type { PolicyJson } from '../../model';
import type {
  AuthzAttachedPolicy,
  AuthzGroup,
  AuthzInlinePolicy,
  AuthzManagedPolicy,
  AuthzPage,
  AuthzRole,
  AuthzUser,
} from './authz-types';
import { decodeDate, decodeDocument, type Decoded } from './decode';
import {
  attachedPolicyFields as AP,
  boundaryFields as B,
  groupFields as G,
  inlinePolicyFields as IP,
  managedPolicyFields as MP,
  policyVersionFields as PV,
  roleFields as R,
  tagFields as T,
  topFields as TOP,
  userFields as U,
} from './fields';

export type PageResult =
  { ok: true; page: AuthzPage; warnings: string[] } | { ok: false; reason: string };

type Raw = Record<string, unknown>;

const isRaw = (v: unknown): v is Raw => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A list field that some exporters write as a single object. */
function asList(value: unknown): unknown[] {
  if (Array.isArray(value)) return value;
  if (value === undefined || value === null) return [];
  return [value];
}

const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

/**
 * What the pages of one import decoded, by wire value: a JSON-string or URL-encoded document
 * (roles that share a trust carry the same text) and a date read once. Equal texts give one
 * document object, which the design's text of it is then made from once.
 */
export interface DecodeMemo {
  documents: Map<string, Decoded<PolicyJson>>;
  dates: Map<string | number, Decoded<string>>;
}

export const decodeMemo = (): DecodeMemo => ({ documents: new Map(), dates: new Map() });

class PageReader {
  readonly warnings: string[] = [];
  constructor(
    readonly file: string,
    private readonly memo: DecodeMemo,
  ) {}

  warn(at: string, message: string) {
    this.warnings.push(`${this.file}: \`${at}\`: ${message}`);
  }

  date(value: unknown, at: string): string | undefined {
    if (value === undefined || value === null) return undefined;
    let d: Decoded<string>;
    if (typeof value === 'string' || typeof value === 'number') {
      const known = this.memo.dates.get(value);
      d = known ?? decodeDate(value);
      if (!known) this.memo.dates.set(value, d);
    } else d = decodeDate(value);
    if (d.ok) return d.value;
    this.warn(at, d.reason);
    return undefined;
  }

  document(value: unknown, at: string): PolicyJson | undefined {
    let d: Decoded<PolicyJson>;
    if (typeof value === 'string') {
      const known = this.memo.documents.get(value);
      d = known ?? decodeDocument(value);
      if (!known) this.memo.documents.set(value, d);
    } else d = decodeDocument(value);
    if (d.ok) return d.value;
    this.warn(at, `${d.reason}; left out`);
    return undefined;
  }

  inline(value: unknown, at: string): AuthzInlinePolicy[] {
    return asList(value).flatMap((raw, i) => {
      const where = `${at}[${i}]`;
      if (!isRaw(raw)) return this.skip(where, 'not an object');
      const name = str(raw[IP.name]) ?? `inline-${i + 1}`;
      const document = this.document(raw[IP.document], `${where}.${IP.document}`);
      return document ? [{ name, document }] : [];
    });
  }

  attached(value: unknown, at: string): AuthzAttachedPolicy[] {
    return asList(value).flatMap((raw, i) => {
      const arn = isRaw(raw) ? str(raw[AP.arn]) : undefined;
      if (!isRaw(raw) || !arn) return this.skip(`${at}[${i}]`, `no \`${AP.arn}\``);
      return [{ arn, name: str(raw[AP.name]) ?? arn.slice(arn.lastIndexOf('/') + 1) }];
    });
  }

  boundary(value: unknown, at: string): string | undefined {
    if (!isRaw(value)) return undefined;
    const type = str(value[B.type]);
    if (type !== undefined && !(B.types as readonly string[]).includes(type))
      this.warn(`${at}.${B.type}`, `unknown boundary type \`${type}\`; read as a policy`);
    return str(value[B.arn]);
  }

  tags(value: unknown): Record<string, string> {
    const tags: Record<string, string> = {};
    for (const raw of asList(value)) {
      if (isRaw(raw) && typeof raw[T.key] === 'string')
        setOwn(tags, raw[T.key] as string, String(raw[T.value] ?? '')); // `__proto__` is a tag key too
    }
    return tags;
  }

  skip(at: string, why: string): [] {
    this.warn(at, `${why}; skipped`);
    return [];
  }

  base(raw: Raw, at: string, fields: typeof U | typeof G | typeof R) {
    const arn = str(raw[fields.arn]);
    const name = str(raw[fields.name]);
    if (!arn || !name) return undefined;
    return {
      arn,
      name,
      path: str(raw[fields.path]) ?? '/',
      id: str(raw[fields.id]),
      created: this.date(raw[fields.created], `${at}.${fields.created}`),
      inline: this.inline(raw[fields.inline], `${at}.${fields.inline}`),
      attached: this.attached(raw[fields.attached], `${at}.${fields.attached}`),
    };
  }

  user(raw: unknown, at: string): AuthzUser[] {
    if (!isRaw(raw)) return this.skip(at, 'not an object');
    const base = this.base(raw, at, U);
    if (!base) return this.skip(at, `no \`${U.arn}\` or \`${U.name}\``);
    return [
      {
        ...base,
        groups: asList(raw[U.groups]).filter((g): g is string => typeof g === 'string'),
        boundary: this.boundary(raw[U.boundary], `${at}.${U.boundary}`),
        tags: this.tags(raw[U.tags]),
      },
    ];
  }

  group(raw: unknown, at: string): AuthzGroup[] {
    if (!isRaw(raw)) return this.skip(at, 'not an object');
    const base = this.base(raw, at, G);
    return base ? [base] : this.skip(at, `no \`${G.arn}\` or \`${G.name}\``);
  }

  role(raw: unknown, at: string): AuthzRole[] {
    if (!isRaw(raw)) return this.skip(at, 'not an object');
    const base = this.base(raw, at, R);
    if (!base) return this.skip(at, `no \`${R.arn}\` or \`${R.name}\``);
    const trust = this.document(raw[R.trust], `${at}.${R.trust}`) ?? {
      Version: '2012-10-17',
      Statement: [],
    };
    const lastUsedRaw = raw[R.lastUsed];
    let lastUsed: string | null | undefined;
    if (isRaw(lastUsedRaw))
      lastUsed =
        this.date(lastUsedRaw[R.lastUsedDate], `${at}.${R.lastUsed}.${R.lastUsedDate}`) ?? null;
    const duration = raw[R.maxSessionDuration];
    return [
      {
        ...base,
        trust,
        description: str(raw[R.description]),
        maxSessionDuration: typeof duration === 'number' ? duration : undefined,
        boundary: this.boundary(raw[R.boundary], `${at}.${R.boundary}`),
        tags: this.tags(raw[R.tags]),
        lastUsed,
        instanceProfiles: asList(raw[R.instanceProfiles]).flatMap((p) =>
          isRaw(p) && typeof p[R.instanceProfileName] === 'string'
            ? [{ name: p[R.instanceProfileName] as string, arn: str(p.Arn) ?? '' }]
            : [],
        ),
      },
    ];
  }

  policy(raw: unknown, at: string): AuthzManagedPolicy[] {
    if (!isRaw(raw)) return this.skip(at, 'not an object');
    const arn = str(raw[MP.arn]);
    const name = str(raw[MP.name]);
    if (!arn || !name) return this.skip(at, `no \`${MP.arn}\` or \`${MP.name}\``);
    const defaultVersionId = str(raw[MP.defaultVersionId]);
    const versions = asList(raw[MP.versions]).flatMap((v, i) => {
      const where = `${at}.${MP.versions}[${i}]`;
      if (!isRaw(v)) return this.skip(where, 'not an object');
      const document = this.document(v[PV.document], `${where}.${PV.document}`);
      if (!document) return [];
      const versionId = str(v[PV.versionId]) ?? `v${i + 1}`;
      const flag = v[PV.isDefault];
      return [
        {
          versionId,
          isDefault: flag === true || flag === 'true' || versionId === defaultVersionId,
          document,
          created: this.date(v[PV.created], `${where}.${PV.created}`),
        },
      ];
    });
    return [
      {
        arn,
        name,
        path: str(raw[MP.path]) ?? '/',
        id: str(raw[MP.id]),
        ...(str(raw[MP.description]) !== undefined
          ? { description: str(raw[MP.description]) }
          : {}),
        defaultVersionId,
        versions,
      },
    ];
  }
}

/** Reads one file's text; anything that is not authorization details is refused with the reason. */
export function readAuthzPage(
  text: string,
  file: string,
  memo: DecodeMemo = decodeMemo(),
): PageResult {
  // Before parsing: the syntax reader and everything after recurse per level.
  const tooDeep = scanJsonDepth(text, MAX_DESIGN_DEPTH);
  if (tooDeep) return { ok: false, reason: `${file}: ${tooDeep.message}` };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    const syntax = firstJsonSyntaxError(text);
    return {
      ok: false,
      reason: `${file}: ${syntax ? describeJsonSyntaxError(syntax) : 'invalid JSON'}`,
    };
  }
  return readAuthzValue(value, file, memo);
}

function readAuthzValue(value: unknown, file: string, memo: DecodeMemo): PageResult {
  const lists = [TOP.roles, TOP.users, TOP.groups, TOP.policies] as const;
  if (!isRaw(value) || !lists.some((k) => k in value))
    return {
      ok: false,
      reason: `${file}: not authorization details: no ${TOP.roles}, ${TOP.users}, ${TOP.groups} or ${TOP.policies}`,
    };
  for (const k of lists) {
    if (value[k] !== undefined && !Array.isArray(value[k]))
      return { ok: false, reason: `${file}: \`${k}\` must be a list` };
  }
  const reader = new PageReader(file, memo);
  const each = <T>(key: string, read: (raw: unknown, at: string) => T[]): T[] =>
    asList(value[key]).flatMap((raw, i) => read(raw, `${key}[${i}]`));
  const page: AuthzPage = {
    file,
    users: each(TOP.users, (r, at) => reader.user(r, at)),
    groups: each(TOP.groups, (r, at) => reader.group(r, at)),
    roles: each(TOP.roles, (r, at) => reader.role(r, at)),
    policies: each(TOP.policies, (r, at) => reader.policy(r, at)),
    truncated: value[TOP.truncated] === true,
    marker: str(value[TOP.marker]),
  };
  return { ok: true, page, warnings: reader.warnings };
}
