import type { SourceRange } from '../../engine';

/** A `SourceRange` for offsets into `text` (1-based lines and columns, columns in UTF-16 units). */
export function rangeOf(text: string, start: number, end: number): SourceRange {
  const at = (offset: number) => {
    const before = text.slice(0, offset);
    const line = before.split('\n').length;
    const column = offset - (before.lastIndexOf('\n') + 1) + 1;
    return { line, column };
  };
  const a = at(start);
  const b = at(end);
  return {
    start,
    end,
    startLine: a.line,
    startColumn: a.column,
    endLine: b.line,
    endColumn: b.column,
  };
}
