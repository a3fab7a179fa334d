// Parameter checks STS makes before reading any policy (AWS STS API Reference: AssumeRole,
// AssumeRoleWithSAML, AssumeRoleWithWebIdentity; IAM User Guide: session tags, source identity).

import type { AssumeRoleParams, SessionTag } from './types.ts';

export interface ParameterIssue {
  parameter: string;
  message: string;
}

const MAX_SESSION_TAGS = 50;
export const MAX_SESSION_POLICY_CHARS = 2048;
const MIN_DURATION_SECONDS = 900;
const DEFAULT_DURATION_SECONDS = 3600;
export const CHAINED_MAX_DURATION_SECONDS = 3600;
const ROLE_MAX_SESSION_RANGE = [3600, 43200] as const;

const SESSION_NAME = /^[\w+=,.@-]*$/;
const EXTERNAL_ID = /^[\w+=,.@:/-]*$/;
const SERIAL_NUMBER = /^[\w+=/:,.@-]*$/;
const TOKEN_CODE = /^\d{6}$/;
const TAG_KEY = /^[\p{L}\p{Z}\p{N}_.:/=+\-@]+$/u;
const TAG_VALUE = /^[\p{L}\p{Z}\p{N}_.:/=+\-@]*$/u;

interface TextRule {
  parameter: string;
  min: number;
  max: number;
  pattern: RegExp;
  allowed: string;
}

const RULES = {
  RoleSessionName: {
    parameter: 'RoleSessionName',
    min: 2,
    max: 64,
    pattern: SESSION_NAME,
    allowed: 'letters, digits and `_+=,.@-`',
  },
  ExternalId: {
    parameter: 'ExternalId',
    min: 2,
    max: 1224,
    pattern: EXTERNAL_ID,
    allowed: 'letters, digits and `_+=,.@:/-`',
  },
  SerialNumber: {
    parameter: 'SerialNumber',
    min: 9,
    max: 256,
    pattern: SERIAL_NUMBER,
    allowed: 'letters, digits and `_+=/:,.@-`',
  },
  SourceIdentity: {
    parameter: 'SourceIdentity',
    min: 2,
    max: 64,
    pattern: SESSION_NAME,
    allowed: 'letters, digits and `_+=,.@-`',
  },
} satisfies Record<string, TextRule>;

function checkText(rule: TextRule, value: unknown): ParameterIssue | undefined {
  const { parameter, min, max, pattern, allowed } = rule;
  if (typeof value !== 'string') return { parameter, message: `${parameter} must be a string` };
  if (value.length < min || value.length > max) {
    return {
      parameter,
      message: `${parameter} \`${value}\` has ${value.length} characters; it must have ${min} to ${max}`,
    };
  }
  if (!pattern.test(value)) {
    return { parameter, message: `${parameter} \`${value}\` may contain only ${allowed}` };
  }
  return undefined;
}

function checkTags(tags: SessionTag[]): ParameterIssue | undefined {
  if (!Array.isArray(tags))
    return { parameter: 'Tags', message: 'Tags must be a list of `{Key, Value}`' };
  if (tags.length > MAX_SESSION_TAGS) {
    return {
      parameter: 'Tags',
      message: `Tags has ${tags.length} session tags; at most ${MAX_SESSION_TAGS} are allowed`,
    };
  }
  const seen = new Set<string>();
  for (const [i, tag] of tags.entries()) {
    const where = `Tags.member.${i + 1}`;
    const key: unknown = tag?.Key;
    const value: unknown = tag?.Value;
    if (typeof key !== 'string' || key.length < 1 || key.length > 128) {
      return {
        parameter: `${where}.Key`,
        message: `session tag key \`${String(key)}\` must have 1 to 128 characters`,
      };
    }
    if (!TAG_KEY.test(key)) {
      return {
        parameter: `${where}.Key`,
        message: `session tag key \`${key}\` may contain only letters, digits, spaces and \`_.:/=+-@\``,
      };
    }
    if (key.toLowerCase().startsWith('aws:')) {
      return {
        parameter: `${where}.Key`,
        message: `session tag key \`${key}\` uses the reserved prefix \`aws:\``,
      };
    }
    if (typeof value !== 'string' || value.length > 256) {
      return {
        parameter: `${where}.Value`,
        message: `session tag \`${key}\` has a value longer than 256 characters`,
      };
    }
    if (!TAG_VALUE.test(value)) {
      return {
        parameter: `${where}.Value`,
        message: `session tag \`${key}\` value \`${value}\` may contain only letters, digits, spaces and \`_.:/=+-@\``,
      };
    }
    const folded = key.toLowerCase();
    if (seen.has(folded)) {
      return {
        parameter: `${where}.Key`,
        message: `session tag key \`${key}\` is passed twice (tag keys are case-insensitive)`,
      };
    }
    seen.add(folded);
  }
  return undefined;
}

function checkTransitiveKeys(keys: string[], tags: SessionTag[]): ParameterIssue | undefined {
  if (!Array.isArray(keys))
    return {
      parameter: 'TransitiveTagKeys',
      message: 'TransitiveTagKeys must be a list of tag keys',
    };
  if (keys.length > MAX_SESSION_TAGS) {
    return {
      parameter: 'TransitiveTagKeys',
      message: `TransitiveTagKeys has ${keys.length} keys; at most ${MAX_SESSION_TAGS} are allowed`,
    };
  }
  const tagKeys = new Set(tags.map((t) => t.Key.toLowerCase()));
  for (const key of keys) {
    if (typeof key !== 'string' || key.length < 1 || key.length > 128 || !TAG_KEY.test(key)) {
      return {
        parameter: 'TransitiveTagKeys',
        message: `transitive tag key \`${String(key)}\` is not a valid tag key`,
      };
    }
    if (!tagKeys.has(key.toLowerCase())) {
      return {
        parameter: 'TransitiveTagKeys',
        message: `transitive tag key \`${key}\` is not among the session tags passed in Tags`,
      };
    }
  }
  return undefined;
}

/** The session policy's plaintext, as STS measures it. */
export function sessionPolicyText(policy: AssumeRoleParams['Policy']): string | undefined {
  if (policy === undefined) return undefined;
  return typeof policy === 'string' ? policy : JSON.stringify(policy);
}

function checkPolicy(policy: NonNullable<AssumeRoleParams['Policy']>): ParameterIssue | undefined {
  const text = sessionPolicyText(policy) ?? '';
  if (text.length < 1 || text.length > MAX_SESSION_POLICY_CHARS) {
    return {
      parameter: 'Policy',
      message: `Policy has ${text.length} characters; a session policy may have 1 to ${MAX_SESSION_POLICY_CHARS}`,
    };
  }
  if (typeof policy === 'string') {
    try {
      const parsed: unknown = JSON.parse(policy);
      if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed))
        throw new Error('not an object');
    } catch {
      return { parameter: 'Policy', message: 'Policy is not a JSON policy document' };
    }
  }
  return undefined;
}

/**
 * The first parameter STS would refuse, in the order of the API's fields; undefined when
 * every parameter has a valid format. DurationSeconds' range depends on the role and the
 * caller, so `checkDuration` handles it.
 */
export function validateParameters(params: AssumeRoleParams): ParameterIssue | undefined {
  if (params.RoleSessionName === undefined) {
    return { parameter: 'RoleSessionName', message: 'RoleSessionName is required' };
  }
  const checks: (() => ParameterIssue | undefined)[] = [
    () => checkText(RULES.RoleSessionName, params.RoleSessionName),
    () =>
      params.DurationSeconds !== undefined && !Number.isInteger(params.DurationSeconds)
        ? {
            parameter: 'DurationSeconds',
            message: `DurationSeconds \`${params.DurationSeconds}\` is not a whole number of seconds`,
          }
        : undefined,
    () =>
      params.ExternalId === undefined ? undefined : checkText(RULES.ExternalId, params.ExternalId),
    () =>
      params.SerialNumber === undefined
        ? undefined
        : checkText(RULES.SerialNumber, params.SerialNumber),
    () =>
      params.TokenCode === undefined || TOKEN_CODE.test(params.TokenCode)
        ? undefined
        : {
            parameter: 'TokenCode',
            message: `TokenCode \`${params.TokenCode}\` must be exactly 6 digits`,
          },
    () =>
      params.SourceIdentity === undefined
        ? undefined
        : checkText(RULES.SourceIdentity, params.SourceIdentity),
    () => (params.Tags === undefined ? undefined : checkTags(params.Tags)),
    () =>
      params.TransitiveTagKeys === undefined
        ? undefined
        : checkTransitiveKeys(params.TransitiveTagKeys, params.Tags ?? []),
    () => (params.Policy === undefined ? undefined : checkPolicy(params.Policy)),
  ];
  for (const check of checks) {
    const issue = check();
    if (issue) return issue;
  }
  return undefined;
}

export interface DurationLimits {
  /** The role's MaxSessionDuration (seconds). */
  roleMax: number;
  /** Whether the caller is a role session (role chaining caps the session at one hour). */
  chained: boolean;
}

export interface DurationVerdict {
  seconds: number;
  max: number;
  issue?: ParameterIssue;
}

export function checkDuration(
  requested: number | undefined,
  limits: DurationLimits,
): DurationVerdict {
  const max = limits.chained
    ? Math.min(limits.roleMax, CHAINED_MAX_DURATION_SECONDS)
    : limits.roleMax;
  const seconds = requested ?? DEFAULT_DURATION_SECONDS;
  const [lo, hi] = ROLE_MAX_SESSION_RANGE;
  if (!Number.isInteger(limits.roleMax) || limits.roleMax < lo || limits.roleMax > hi) {
    return {
      seconds,
      max,
      issue: {
        parameter: 'MaxSessionDuration',
        message: `the role's MaxSessionDuration \`${limits.roleMax}\` must be ${lo} to ${hi} seconds`,
      },
    };
  }
  if (seconds < MIN_DURATION_SECONDS || seconds > max) {
    const why = limits.chained
      ? `role chaining limits the session to ${max} seconds`
      : `the role's maximum session duration is ${max} seconds`;
    return {
      seconds,
      max,
      issue: {
        parameter: 'DurationSeconds',
        message: `DurationSeconds \`${seconds}\` must be ${MIN_DURATION_SECONDS} to ${max}: ${why}`,
      },
    };
  }
  return { seconds, max };
}
