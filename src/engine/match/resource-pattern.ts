/** Resource and NotResource entries, with policy variables resolved per request. */
import type { RequestState } from '../evaluate/context.ts';
import { emptyContext, type ContextLookup } from '../evaluate/request-context.ts';
import { parseTemplate, resolveCodesInto, type Template } from '../variables/template.ts';
import { compileArnPattern, splitArnPattern, type ArnTest } from './arn.ts';
import { compileCodes, matchCodes, type StringTest } from './glob.ts';

/** A compiled resource entry with policy variables: does it match the request's resource. */
type ResourceTest = (state: RequestState) => boolean;

/** The compiled entries of a Resource or NotResource element. */
export interface ResourceTests {
  /** Entries without variables, tested on the resource and its ARN components. */
  fixed: readonly ArnTest[];
  /** Entries whose variables are resolved per request (shared and frozen when none: most). */
  dynamic: readonly ResourceTest[];
}

const noDynamic: readonly ResourceTest[] = Object.freeze([]);

function staticTest(template: Template): StringTest | undefined {
  if (template.dynamic) return undefined;
  const codes: number[] = [];
  return resolveCodesInto(template, emptyContext, true, codes) ? compileCodes(codes) : undefined;
}

/** Reused for the codes of an entry whose variables are resolved (evaluation is synchronous). */
const resolved: number[] = [];

function componentTest(text: string): (value: string, lookup: ContextLookup) => boolean {
  const template = parseTemplate(text, true);
  const fixed = staticTest(template);
  if (fixed) return (value) => fixed(value);
  return (value, lookup) =>
    resolveCodesInto(template, lookup, true, resolved) && matchCodes(resolved, value);
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

function hasVariables(pattern: string, variablesEnabled: boolean): boolean {
  return variablesEnabled && pattern.includes('${') && !variableBeforeResourcePart(pattern);
}

/** Compiles the entries of a Resource or NotResource element. */
export function compileResourceTests(patterns: string[], variablesEnabled: boolean): ResourceTests {
  const fixed: ArnTest[] = [];
  const dynamic: ResourceTest[] = [];
  for (const p of patterns)
    if (hasVariables(p, variablesEnabled)) dynamic.push(compileDynamicPattern(p));
    else fixed.push(compileArnPattern(p));
  return { fixed, dynamic: dynamic.length === 0 ? noDynamic : dynamic };
}

/** Whether any entry matches the request's resource. */
export function anyResourceMatches(tests: ResourceTests, state: RequestState): boolean {
  const fixed = tests.fixed;
  for (let i = 0; i < fixed.length; i++)
    if (fixed[i]!(state.resource, state.resourceArn)) return true;
  const dynamic = tests.dynamic;
  for (let i = 0; i < dynamic.length; i++) if (dynamic[i]!(state)) return true;
  return false;
}

/** An entry with variables in its resource part (or in text that is no ARN). */
function compileDynamicPattern(pattern: string): ResourceTest {
  const parts = splitArnPattern(pattern);
  if (parts === null) {
    const whole = componentTest(pattern);
    return (state) => whole(state.resource, state.lookup);
  }
  const tests = parts.map((p) => componentTest(p));
  return (state) => {
    const arn = state.resourceArn;
    if (arn === null) return false;
    for (let i = 0; i < 6; i++) if (!tests[i]!(arn[i]!, state.lookup)) return false;
    return true;
  };
}
