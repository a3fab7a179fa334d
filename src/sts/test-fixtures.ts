// Shared policies and principals for the STS tests.
import { parseInstant } from './clock.ts';
import type { PolicyDocument, RoleDefinition } from './types.ts';

export const A = '111111111111';
export const B = '222222222222';
export const ALICE = `arn:aws:iam::${A}:user/alice`;
export const NOW = parseInstant('2026-01-01T00:00:00Z');

export function allow(
  action: string | string[],
  resource = '*',
  extra: Record<string, unknown> = {},
): PolicyDocument {
  return {
    Version: '2012-10-17',
    Statement: [{ Effect: 'Allow', Action: action, Resource: resource, ...extra }],
  };
}

export function deny(action: string | string[], resource = '*'): PolicyDocument {
  return {
    Version: '2012-10-17',
    Statement: [{ Effect: 'Deny', Action: action, Resource: resource }],
  };
}

export function trust(
  principal: Record<string, unknown> | string,
  action: string | string[] = 'sts:AssumeRole',
  condition?: Record<string, unknown>,
): PolicyDocument {
  return {
    Version: '2012-10-17',
    Statement: [
      {
        Effect: 'Allow',
        Principal: principal,
        Action: action,
        ...(condition ? { Condition: condition } : {}),
      },
    ],
  };
}

export function role(
  name: string,
  trustPolicy: PolicyDocument,
  extra: Partial<RoleDefinition> = {},
  account = A,
): RoleDefinition {
  return { arn: `arn:aws:iam::${account}:role/${name}`, trustPolicy, ...extra };
}
