/**
 * Checks the shape of an `eval` input (one request case, a case file, or a bare
 * `{request, policies}`) before the engine sees it; each problem names its place.
 */
import {
  readIsoDate,
  type ContextValue,
  type PolicyDocument,
  type PolicyInputs,
  type RequestInput,
} from '../engine/index.ts';

export interface RequestCase {
  id?: string;
  kind?: string;
  now?: string;
  request: RequestInput;
  policies: PolicyInputs;
  expect?: { decision?: string };
}

/** A problem with the input: the message names the place (`cases[2].request.principal`). */
export class CaseShapeError extends Error {}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

function show(value: unknown): string {
  const text = value === undefined ? 'nothing' : JSON.stringify(value);
  return `\`${text.length > 40 ? `${text.slice(0, 37)}...` : text}\``;
}

function fail(message: string): never {
  throw new CaseShapeError(message);
}

function text(value: unknown, at: string, optional = false): string | undefined {
  if (value === undefined && optional) return undefined;
  if (typeof value !== 'string' || value === '')
    fail(`\`${at}\` must be a non-empty string, got ${show(value)}`);
  return value;
}

function time(value: unknown, at: string): string | undefined {
  const t = text(value, at, true);
  const reading = t === undefined ? undefined : readIsoDate(t);
  if (reading && !reading.ok) {
    const why = reading.reason.startsWith('is not') ? '' : `, which ${reading.reason}`;
    fail(`\`${at}\` must be an ISO time such as \`2026-01-01T00:00:00Z\`, got ${show(t)}${why}`);
  }
  return t;
}

function context(value: unknown, at: string): Record<string, ContextValue> | undefined {
  if (value === undefined) return undefined;
  if (!isRecord(value)) fail(`\`${at}\` must be an object of context keys, got ${show(value)}`);
  for (const [key, v] of Object.entries(value)) {
    const ok = typeof v === 'string' || (Array.isArray(v) && v.every((x) => typeof x === 'string'));
    if (!ok)
      fail(
        `\`${at}.${key}\` must be a string or a list of strings (write numbers and booleans as text, such as \`"3600"\`), got ${show(v)}`,
      );
  }
  return value as Record<string, ContextValue>;
}

function request(value: unknown, at: string): RequestInput {
  if (!isRecord(value)) fail(`\`${at}\` must be an object, got ${show(value)}`);
  const out: RequestInput = {
    principal: text(value.principal, `${at}.principal`)!,
    action: text(value.action, `${at}.action`)!,
    resource: text(value.resource, `${at}.resource`)!,
  };
  const account = text(value.resourceAccount, `${at}.resourceAccount`, true);
  if (account !== undefined) out.resourceAccount = account;
  const ctx = context(value.context, `${at}.context`);
  if (ctx) out.context = ctx;
  const now = time(value.now, `${at}.now`);
  if (now !== undefined) out.now = now;
  return out;
}

/** A policy document the engine can read: an object whose `Statement` is one statement object or a list of them. */
function policy(value: unknown, at: string): PolicyDocument {
  if (!isRecord(value)) fail(`\`${at}\` must be a policy document (an object), got ${show(value)}`);
  const statements = value.Statement;
  const list = Array.isArray(statements) ? statements : [statements];
  list.forEach((s, i) => {
    if (!isRecord(s))
      fail(
        `\`${at}.Statement${Array.isArray(statements) ? `[${i}]` : ''}\` must be a statement object, got ${show(s)}`,
      );
  });
  return value;
}

function policyList(value: unknown, at: string): PolicyDocument[] | undefined {
  if (value === undefined) return undefined;
  if (!Array.isArray(value)) fail(`\`${at}\` must be a list of policies, got ${show(value)}`);
  return value.map((p, i) => policy(p, `${at}[${i}]`));
}

function levels(value: unknown, at: string): PolicyDocument[][] | undefined {
  if (value === undefined) return undefined;
  if (!Array.isArray(value))
    fail(`\`${at}\` must be a list of levels (each a list of policies), got ${show(value)}`);
  return value.map((level, i) => policyList(level, `${at}[${i}]`) ?? []);
}

function policies(value: unknown, at: string): PolicyInputs {
  if (value === undefined) return {};
  if (!isRecord(value)) fail(`\`${at}\` must be an object, got ${show(value)}`);
  const known = ['identity', 'permissionsBoundary', 'session', 'resource', 'scp', 'rcp'];
  const unknown = Object.keys(value).find((k) => !known.includes(k));
  if (unknown) fail(`\`${at}.${unknown}\` is not a policy kind: use ${known.join(', ')}`);
  const out: PolicyInputs = {};
  const identity = policyList(value.identity, `${at}.identity`);
  if (identity) out.identity = identity;
  if (value.permissionsBoundary !== undefined)
    out.permissionsBoundary = policy(value.permissionsBoundary, `${at}.permissionsBoundary`);
  const session = policyList(value.session, `${at}.session`);
  if (session) out.session = session;
  if (value.resource !== undefined) out.resource = policy(value.resource, `${at}.resource`);
  const scp = levels(value.scp, `${at}.scp`);
  if (scp) out.scp = scp;
  const rcp = levels(value.rcp, `${at}.rcp`);
  if (rcp) out.rcp = rcp;
  return out;
}

function requestCase(value: unknown, at: string): RequestCase {
  if (!isRecord(value)) fail(`\`${at}\` must be an object, got ${show(value)}`);
  const root = at === '' ? '' : `${at}.`;
  const out: RequestCase = {
    request: request(value.request, `${root}request`),
    policies: policies(value.policies, `${root}policies`),
  };
  const id = text(value.id, `${root}id`, true);
  if (id !== undefined) out.id = id;
  const now = time(value.now, `${root}now`);
  if (now !== undefined) out.now = now;
  if (isRecord(value.expect) && typeof value.expect.decision === 'string')
    out.expect = { decision: value.expect.decision };
  return out;
}

/** The request cases of `data` (picking `id` when given); throws `CaseShapeError`. */
export function readRequestCases(data: unknown, id: string | undefined): RequestCase[] {
  if (!isRecord(data))
    fail(`expected a JSON object (a request case or a case file), got ${show(data)}`);
  if (data.cases !== undefined) {
    if (!Array.isArray(data.cases)) fail(`\`cases\` must be a list, got ${show(data.cases)}`);
    const picked = data.cases
      .map((c, i) => ({ c, i }))
      .filter(({ c }) => isRecord(c) && (c.kind ?? 'request') === 'request')
      .filter(({ c }) => id === undefined || (c as Record<string, unknown>).id === id);
    if (picked.length === 0)
      fail(id ? `no request case \`${id}\`` : 'the file holds no request case');
    return picked.map(({ c, i }) => requestCase(c, `cases[${i}]`));
  }
  if (id !== undefined && data.id !== id) fail(`no request case \`${id}\``);
  return [requestCase(data, '')];
}
