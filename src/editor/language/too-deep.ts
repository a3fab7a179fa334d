// The editor's language features read the text with recursive parsers: each first asks this
// linear pre-scan and does nothing on text nested beyond the policy limit (the validator
// reports that limit as the policy's one error, with its position).
import { MAX_POLICY_DEPTH, scanJsonDepth } from '../../engine';

export function tooDeepForFeatures(text: string): boolean {
  return scanJsonDepth(text, MAX_POLICY_DEPTH) !== undefined;
}
