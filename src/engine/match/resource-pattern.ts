/** Resource and NotResource entries, with policy variables resolved per request. */
import { emptyContext, type RequestState } from '../evaluate/context.ts';
import { parseTemplate, resolveCodes, type Template } from '../variables/template.ts';
import { compileArnPattern, splitArnPattern } from './arn.ts';
import { compileCodes, matchCodes, type StringTest } from './glob.ts';

/** A compiled resource entry: does it match the request's resource. */
export type ResourceTest = (state: RequestState) => boolean;

function staticTest(template: Template): StringTest | undefined {
  if (template.dynamic) return undefined;
  const codes = resolveCodes(template, emptyContext, true);
  return codes === undefined ? undefined : compileCodes(codes);
}

function componentTest(
  text: string,
  variablesEnabled: boolean,
): (value: string, state: RequestState) => boolean {
  const template = parseTemplate(text, variablesEnabled);
  const fixed = staticTest(template);
  if (fixed) return (value) => fixed(value);
  return (value, state) => {
    const codes = resolveCodes(template, state.lookup, true);
    return codes !== undefined && matchCodes(codes, value);
  };
}

/**
 * Whether a Resource entry puts a policy variable before the fifth colon. IAM User Guide,
 * policy variables: a variable may be used "only in the resource portion of the ARN ... after
 * the fifth colon"; elsewhere the engine reads `${...}` as literal text, which matches no
 * concrete ARN.
 */
export function variableBeforeResourcePart(pattern: string): boolean {
  if (!pattern.includes('${')) return false;
  const parts = splitArnPattern(pattern);
  if (parts === null) return false;
  for (let i = 0; i < 5; i++) if (parseTemplate(parts[i]!, true).dynamic) return true;
  return false;
}

/** Compiles one Resource/NotResource entry. */
export function compileResourcePattern(pattern: string, variablesEnabled: boolean): ResourceTest {
  if (!variablesEnabled || !pattern.includes('${') || variableBeforeResourcePart(pattern)) {
    const test = compileArnPattern(pattern);
    return (state) => test(state.resource, state.resourceArn);
  }
  const parts = splitArnPattern(pattern);
  if (parts === null) {
    const whole = componentTest(pattern, true);
    return (state) => whole(state.resource, state);
  }
  const tests = parts.map((p) => componentTest(p, true));
  return (state) => {
    const arn = state.resourceArn;
    if (arn === null) return false;
    for (let i = 0; i < 6; i++) if (!tests[i]!(arn[i]!, state)) return false;
    return true;
  };
}
