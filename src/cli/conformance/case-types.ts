/** The conformance case format (see the cases folder's README and schema.json). */

/** One case as read from a file; each kind reads the fields it knows. */
export interface ConformanceCase {
  id: string;
  kind: string;
  doc?: string;
  [field: string]: unknown;
}

export interface CaseFile {
  suite: string;
  cases: ConformanceCase[];
}

/** The result of one case. `expected` and `got` are short texts for the failure line. */
export interface CaseResult {
  pass: boolean;
  expected: string;
  got: string;
  /** Anything more a kind wants to show with `--json` (diagnostics, explanation summary). */
  detail?: unknown;
}

/** A runner for one kind of case. */
export interface KindRunner {
  run(testCase: ConformanceCase): CaseResult | Promise<CaseResult>;
  /**
   * For `--repeat`: compiles the case once and returns one evaluation to time; undefined
   * when the kind has nothing to repeat.
   */
  prepareRepeat?(testCase: ConformanceCase): (() => void) | undefined;
}

/** The clock of a case when it gives none. */
export const defaultNow = '2026-01-01T00:00:00Z';
