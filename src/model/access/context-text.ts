import type { ContextMap } from '../../sts';

/**
 * A question's context as text, made once per context object: callers that ask many
 * questions with one context (the analysis's techniques, grouped callers) share its text.
 */
const contextTexts = new WeakMap<ContextMap, string>();
export function contextText(context: ContextMap | undefined): string {
  if (!context) return '';
  let text = contextTexts.get(context);
  if (text === undefined) {
    text = JSON.stringify(context);
    contextTexts.set(context, text);
  }
  return text;
}
