/** Collects diagnostics for one validation run. */
import type { ParsedPolicy } from '../parse/model.ts';
import type { Diagnostic, PolicyType, SourceRange } from '../types.ts';

export interface Report {
  type: PolicyType;
  policy: ParsedPolicy;
  error(code: string, message: string, range: SourceRange): void;
  warning(code: string, message: string, range: SourceRange, data?: Diagnostic['data']): void;
  /** A warning that the policy lets in more than it seems to. */
  securityWarning(code: string, message: string, range: SourceRange): void;
  info(code: string, message: string, range: SourceRange): void;
}

export function createReport(type: PolicyType, policy: ParsedPolicy, out: Diagnostic[]): Report {
  const push =
    (severity: Diagnostic['severity']) =>
    (code: string, message: string, range: SourceRange, data?: Diagnostic['data']) => {
      out.push(
        data ? { severity, code, message, range, data } : { severity, code, message, range },
      );
    };
  return {
    type,
    policy,
    error: push('error'),
    warning: push('warning'),
    securityWarning: (code, message, range) =>
      out.push({ severity: 'warning', security: true, code, message, range }),
    info: push('info'),
  };
}

/** Shows user input in a message: in backticks, shortened when long. */
export function quote(value: unknown): string {
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return `\`${text.length > 80 ? `${text.slice(0, 77)}...` : text}\``;
}
