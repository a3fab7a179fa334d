import { parse, printParseErrorCode, type ParseError } from 'jsonc-parser';
import { FILE_EXTENSION, restore, toDesignFile, type Design, type Restored } from '../model';

/** The text of a `*.rolecraft.json` file for this design. */
export function exportDesignText(design: Design): string {
  return `${JSON.stringify(toDesignFile(design), null, 2)}\n`;
}

/** The design's name in lowercase words joined by `-` (`design` when it has none): every exported file starts with it. */
export function designSlug(design: Design): string {
  const slug = design.name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return slug || 'design';
}

/** A file name for the design: its name in lowercase words, then `.rolecraft.json`. */
export function designFileName(design: Design): string {
  return `${designSlug(design)}${FILE_EXTENSION}`;
}

/** Reads a design file's text; a text that is not a design file gives the reason. */
export function importDesignText(text: string): Restored {
  if (text.trim() === '') return { ok: false, reason: 'the file is empty' };
  try {
    return restore(JSON.parse(text));
  } catch {
    // Not JSON: read it again with a parser that says where it breaks.
  }
  const errors: ParseError[] = [];
  const value: unknown = parse(text, errors, { disallowComments: true, allowTrailingComma: false });
  const first = errors[0];
  if (first) {
    const { line, column } = lineAndColumn(text, first.offset);
    const code = printParseErrorCode(first.error)
      .replace(/([a-z])([A-Z])/g, '$1 $2')
      .toLowerCase();
    return {
      ok: false,
      reason: `not a Rolecraft design file: the text is not JSON (${code} at line ${line}, column ${column})`,
    };
  }
  return restore(value);
}

function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return { line, column: offset - before.lastIndexOf('\n') };
}
