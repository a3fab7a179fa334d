import type { Diagnostic } from '../../engine';
import type { Span } from './cursor';

/**
 * The span an editor marks for a diagnostic: its exact range, widened to one character when
 * empty (an empty marker would be invisible), within the text.
 */
export function markerSpan(diagnostic: Diagnostic, textLength: number): Span {
  const start = Math.max(0, Math.min(diagnostic.range.start, textLength));
  const end = Math.max(start, Math.min(diagnostic.range.end, textLength));
  if (end > start) return { start, end };
  if (start < textLength) return { start, end: start + 1 };
  return { start: Math.max(0, start - 1), end: start };
}

const severityOrder = { error: 0, warning: 1, info: 2 } as const;

/** Problems as a list shows them: by position, errors before warnings at the same place. */
export function sortProblems(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return [...diagnostics].sort(
    (a, b) =>
      a.range.start - b.range.start || severityOrder[a.severity] - severityOrder[b.severity],
  );
}

export function problemCounts(
  diagnostics: readonly Diagnostic[],
): Record<Diagnostic['severity'], number> {
  const counts = { error: 0, warning: 0, info: 0 };
  for (const d of diagnostics) counts[d.severity] += 1;
  return counts;
}
