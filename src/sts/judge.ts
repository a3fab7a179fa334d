// One request, many policy combinations: the engine's verdict as a function of the inputs.

import { compilePolicies, evaluate } from '../engine/index.ts';
import type { Decision, PolicyInputs, RequestInput } from '../engine/index.ts';
import type { PolicyDocument } from './types.ts';

export type Judge = (inputs: PolicyInputs) => Decision;

export function judgeFor(request: RequestInput): Judge {
  return (inputs) => evaluate(request, compilePolicies(inputs)).decision;
}

export const ALLOW_ALL: PolicyDocument = {
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }],
};

export function statementLabel(index: number, sid: string | undefined): string {
  return `statement ${index + 1}${sid ? ` (\`${sid}\`)` : ''}`;
}
