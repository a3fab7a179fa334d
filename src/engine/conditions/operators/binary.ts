/** BinaryEquals: base64 values compared as bytes. */
import type { ConditionOperator } from '../operator.ts';

const base64Pattern = /^[A-Za-z0-9+/]*={0,2}$/;

/** Decodes base64 into a byte string; undefined when the text is not base64. */
export function decodeBase64(text: string): string | undefined {
  const compact = text.replace(/\s+/g, '');
  if (!base64Pattern.test(compact) || compact.length % 4 === 1) return undefined;
  try {
    return atob(compact);
  } catch {
    return undefined;
  }
}

export const binaryEquals: ConditionOperator<string, string> = {
  name: 'BinaryEquals',
  valueType: 'Binary',
  negated: false,
  variables: false,
  wildcards: false,
  compile: decodeBase64,
  read: decodeBase64,
  test: (policy, request) => request === policy,
};
