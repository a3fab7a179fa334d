/** One authorization-details file (or page) from JSON text to `AuthzPage`, every quirk undone. */
import {
  describeJsonSyntaxError,
  firstJsonSyntaxError,
  MAX_DESIGN_DEPTH,
  scanJsonDepth,
  scanValidJsonDepth,
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
function asList(value: unknown): readonly unknown[] {
  if (Array.isArray(value)) return value;
  if (value === undefined || value === null) return none;
  return [value];
}

const none: readonly unknown[] = Object.freeze([]);

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

/** Field paths under an entity, made once (a warning names its place; most entities warn nothing). */
const at = {
  created: `.${R.created}`,
  trust: `.${R.trust}`,
  lastUsed: `.${R.lastUsed}.${R.lastUsedDate}`,
  userBoundaryType: `.${U.boundary}.${B.type}`,
  roleBoundaryType: `.${R.boundary}.${B.type}`,
} as const;

/**
 * Reads the entities of one page in one walk over the parsed value. The place of a warning
 * (`RoleDetailList[3].RolePolicyList[0].PolicyDocument`) is spelled only when there is one.
 */
class PageReader {
  readonly warnings: string[] = [];
  /** The list and index of the entity being read. */
  private list = '';
  private index = 0;

  constructor(
    readonly file: string,
    private readonly memo: DecodeMemo,
  ) {}

  /** `RoleDetailList[3]` followed by `suffix`. */
  private here(suffix = ''): string {
    return `${this.list}[${this.index}]${suffix}`;
  }

  private warn(where: string, message: string) {
    this.warnings.push(`${this.file}: \`${where}\`: ${message}`);
  }

  private skip(where: string, why: string): void {
    this.warn(where, `${why}; skipped`);
  }

  private date(value: unknown, suffix: string): string | undefined {
    if (value === undefined || value === null) return undefined;
    let d: Decoded<string>;
    if (typeof value === 'string' || typeof value === 'number') {
      const known = this.memo.dates.get(value);
      d = known ?? decodeDate(value);
      if (!known) this.memo.dates.set(value, d);
    } else d = decodeDate(value);
    if (d.ok) return d.value;
    this.warn(this.here(suffix), d.reason);
    return undefined;
  }

  /** The document, or the reason it is left out. */
  private document(value: unknown): PolicyJson | string {
    let d: Decoded<PolicyJson>;
    if (typeof value === 'string') {
      const known = this.memo.documents.get(value);
      d = known ?? decodeDocument(value);
      if (!known) this.memo.documents.set(value, d);
    } else if (isRaw(value)) return value as PolicyJson;
    else d = decodeDocument(value);
    return d.ok ? d.value : `${d.reason}; left out`;
  }

  private inline(value: unknown, field: string): AuthzInlinePolicy[] {
    const list = asList(value);
    const out: AuthzInlinePolicy[] = [];
    for (let i = 0; i < list.length; i++) {
      const raw = list[i];
      if (!isRaw(raw)) {
        this.skip(this.here(`.${field}[${i}]`), 'not an object');
        continue;
      }
      const name = str(raw[IP.name]) ?? `inline-${i + 1}`;
      const document = this.document(raw[IP.document]);
      if (typeof document === 'string')
        this.warn(this.here(`.${field}[${i}].${IP.document}`), document);
      else out.push({ name, document });
    }
    return out;
  }

  private attached(value: unknown, field: string): AuthzAttachedPolicy[] {
    const list = asList(value);
    const out: AuthzAttachedPolicy[] = [];
    for (let i = 0; i < list.length; i++) {
      const raw = list[i];
      const arn = isRaw(raw) ? str(raw[AP.arn]) : undefined;
      if (!isRaw(raw) || !arn) this.skip(this.here(`.${field}[${i}]`), `no \`${AP.arn}\``);
      else out.push({ arn, name: str(raw[AP.name]) ?? arn.slice(arn.lastIndexOf('/') + 1) });
    }
    return out;
  }

  private boundary(value: unknown, typeSuffix: string): string | undefined {
    if (!isRaw(value)) return undefined;
    const type = str(value[B.type]);
    if (type !== undefined && !(B.types as readonly string[]).includes(type))
      this.warn(this.here(typeSuffix), `unknown boundary type \`${type}\`; read as a policy`);
    return str(value[B.arn]);
  }

  private tags(value: unknown): Record<string, string> {
    const tags: Record<string, string> = {};
    const list = asList(value);
    for (let i = 0; i < list.length; i++) {
      const raw = list[i];
      if (isRaw(raw) && typeof raw[T.key] === 'string')
        setOwn(tags, raw[T.key] as string, String(raw[T.value] ?? '')); // `__proto__` is a tag key too
    }
    return tags;
  }

  user(raw: unknown, into: AuthzUser[]): void {
    if (!isRaw(raw)) return this.skip(this.here(), 'not an object');
    const arn = str(raw[U.arn]);
    const name = str(raw[U.name]);
    if (!arn || !name) return this.skip(this.here(), `no \`${U.arn}\` or \`${U.name}\``);
    const path = str(raw[U.path]) ?? '/';
    const id = str(raw[U.id]);
    const created = this.date(raw[U.created], at.created);
    const inline = this.inline(raw[U.inline], U.inline);
    const attached = this.attached(raw[U.attached], U.attached);
    const groups: string[] = [];
    for (const g of asList(raw[U.groups])) if (typeof g === 'string') groups.push(g);
    const boundary = this.boundary(raw[U.boundary], at.userBoundaryType);
    const tags = this.tags(raw[U.tags]);
    into.push({ arn, name, path, id, created, inline, attached, groups, boundary, tags });
  }

  group(raw: unknown, into: AuthzGroup[]): void {
    if (!isRaw(raw)) return this.skip(this.here(), 'not an object');
    const arn = str(raw[G.arn]);
    const name = str(raw[G.name]);
    if (!arn || !name) return this.skip(this.here(), `no \`${G.arn}\` or \`${G.name}\``);
    const path = str(raw[G.path]) ?? '/';
    const id = str(raw[G.id]);
    const created = this.date(raw[G.created], at.created);
    const inline = this.inline(raw[G.inline], G.inline);
    const attached = this.attached(raw[G.attached], G.attached);
    into.push({ arn, name, path, id, created, inline, attached });
  }

  role(raw: unknown, into: AuthzRole[]): void {
    if (!isRaw(raw)) return this.skip(this.here(), 'not an object');
    const arn = str(raw[R.arn]);
    const name = str(raw[R.name]);
    if (!arn || !name) return this.skip(this.here(), `no \`${R.arn}\` or \`${R.name}\``);
    const path = str(raw[R.path]) ?? '/';
    const id = str(raw[R.id]);
    const created = this.date(raw[R.created], at.created);
    const inline = this.inline(raw[R.inline], R.inline);
    const attached = this.attached(raw[R.attached], R.attached);
    let trust = this.document(raw[R.trust]);
    if (typeof trust === 'string') {
      this.warn(this.here(at.trust), trust);
      trust = { Version: '2012-10-17', Statement: [] };
    }
    const lastUsedRaw = raw[R.lastUsed];
    let lastUsed: string | null | undefined;
    if (isRaw(lastUsedRaw)) lastUsed = this.date(lastUsedRaw[R.lastUsedDate], at.lastUsed) ?? null;
    const duration = raw[R.maxSessionDuration];
    const description = str(raw[R.description]);
    const boundary = this.boundary(raw[R.boundary], at.roleBoundaryType);
    const tags = this.tags(raw[R.tags]);
    const instanceProfiles: AuthzRole['instanceProfiles'] = [];
    for (const p of asList(raw[R.instanceProfiles]))
      if (isRaw(p) && typeof p[R.instanceProfileName] === 'string')
        instanceProfiles.push({ name: p[R.instanceProfileName] as string, arn: str(p.Arn) ?? '' });
    into.push({
      arn,
      name,
      path,
      id,
      created,
      inline,
      attached,
      trust,
      description,
      maxSessionDuration: typeof duration === 'number' ? duration : undefined,
      boundary,
      tags,
      lastUsed,
      instanceProfiles,
    });
  }

  policy(raw: unknown, into: AuthzManagedPolicy[]): void {
    if (!isRaw(raw)) return this.skip(this.here(), 'not an object');
    const arn = str(raw[MP.arn]);
    const name = str(raw[MP.name]);
    if (!arn || !name) return this.skip(this.here(), `no \`${MP.arn}\` or \`${MP.name}\``);
    const defaultVersionId = str(raw[MP.defaultVersionId]);
    const list = asList(raw[MP.versions]);
    const versions: AuthzManagedPolicy['versions'] = [];
    for (let i = 0; i < list.length; i++) {
      const v = list[i];
      const where = `.${MP.versions}[${i}]`;
      if (!isRaw(v)) {
        this.skip(this.here(where), 'not an object');
        continue;
      }
      const document = this.document(v[PV.document]);
      if (typeof document === 'string') {
        this.warn(this.here(`${where}.${PV.document}`), document);
        continue;
      }
      const versionId = str(v[PV.versionId]) ?? `v${i + 1}`;
      const flag = v[PV.isDefault];
      versions.push({
        versionId,
        isDefault: flag === true || flag === 'true' || versionId === defaultVersionId,
        document,
        created: this.date(v[PV.created], `${where}.${PV.created}`),
      });
    }
    const description = str(raw[MP.description]);
    into.push({
      arn,
      name,
      path: str(raw[MP.path]) ?? '/',
      id: str(raw[MP.id]),
      ...(description !== undefined ? { description } : {}),
      defaultVersionId,
      versions,
    });
  }

  /** Each entry of one top-level list, read by `read` into `into`. */
  each<T>(
    value: unknown,
    list: string,
    read: (this: PageReader, raw: unknown, into: T[]) => void,
  ): T[] {
    const entries = asList(value);
    const into: T[] = [];
    this.list = list;
    for (let i = 0; i < entries.length; i++) {
      this.index = i;
      read.call(this, entries[i], into);
    }
    return into;
  }
}

/** Reads one file's text; anything that is not authorization details is refused with the reason. */
export function readAuthzPage(
  text: string,
  file: string,
  memo: DecodeMemo = decodeMemo(),
): PageResult {
  // JSON.parse does not recurse, so it may go first; what reads the value after it does, so
  // the depth is checked before anything else (the fast way a valid text allows). A text that
  // does not parse is refused for its depth first, as before, then for its syntax.
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    const tooDeep = scanJsonDepth(text, MAX_DESIGN_DEPTH);
    if (tooDeep) return { ok: false, reason: `${file}: ${tooDeep.message}` };
    const syntax = firstJsonSyntaxError(text);
    return {
      ok: false,
      reason: `${file}: ${syntax ? describeJsonSyntaxError(syntax) : 'invalid JSON'}`,
    };
  }
  const tooDeep = scanValidJsonDepth(text, MAX_DESIGN_DEPTH);
  if (tooDeep) return { ok: false, reason: `${file}: ${tooDeep.message}` };
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
  const page: AuthzPage = {
    file,
    users: reader.each(value[TOP.users], TOP.users, PageReader.prototype.user),
    groups: reader.each(value[TOP.groups], TOP.groups, PageReader.prototype.group),
    roles: reader.each(value[TOP.roles], TOP.roles, PageReader.prototype.role),
    policies: reader.each(value[TOP.policies], TOP.policies, PageReader.prototype.policy),
    truncated: value[TOP.truncated] === true,
    marker: str(value[TOP.marker]),
  };
  return { ok: true, page, warnings: reader.warnings };
}
