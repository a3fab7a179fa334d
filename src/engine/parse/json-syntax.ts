/**
 * The one wording of a JSON syntax error, for every reader of JSON text: the editor's
 * diagnostics (through `parsePolicy`), the model's policy reader, design and authorization
 * details imports, and the CLI. The sentence is always `invalid JSON: <what>`; where the reader
 * has no range of its own to show, ` at line L, column C` follows.
 */
import { parse, printParseErrorCode, type ParseError, type ParseErrorCode } from 'jsonc-parser';
import { scanJsonDepth } from './json-limits.ts';

/** Deepest text the syntax reader walks (it recurses per level); readers cap lower first. */
const SYNTAX_READER_DEPTH = 1_000;

const words: Record<string, string> = {
  InvalidSymbol: 'invalid symbol',
  InvalidNumberFormat: 'invalid number',
  PropertyNameExpected: 'property name expected',
  ValueExpected: 'value expected',
  ColonExpected: 'colon expected',
  CommaExpected: 'comma expected',
  CloseBraceExpected: 'closing brace `}` expected',
  CloseBracketExpected: 'closing bracket `]` expected',
  EndOfFileExpected: 'end of text expected',
  InvalidCommentToken: 'comments are not allowed',
  UnexpectedEndOfComment: 'unexpected end of comment',
  UnexpectedEndOfString: 'unexpected end of string',
  UnexpectedEndOfNumber: 'unexpected end of number',
  InvalidUnicode: 'invalid unicode escape',
  InvalidEscapeCharacter: 'invalid escape character',
  InvalidCharacter: 'invalid character',
};

/** `invalid JSON: comma expected`. */
function jsonSyntaxMessage(code: ParseErrorCode): string {
  const name = printParseErrorCode(code);
  return `invalid JSON: ${words[name] ?? name}`;
}

export interface JsonSyntaxError {
  /** `invalid JSON: comma expected` (no position). */
  message: string;
  offset: number;
  length: number;
  /** 1-based. */
  line: number;
  /** 1-based, in UTF-16 units. */
  column: number;
}

/** `invalid JSON: comma expected at line 3, column 5`: for readers with no range to show. */
export function describeJsonSyntaxError(error: JsonSyntaxError): string {
  return `${error.message} at line ${error.line}, column ${error.column}`;
}

/** Each of jsonc-parser's errors, worded and located in `text`. */
export function jsonSyntaxErrors(text: string, errors: readonly ParseError[]): JsonSyntaxError[] {
  return errors.map((e) => {
    const before = text.slice(0, e.offset);
    const lineStart = before.lastIndexOf('\n');
    return {
      message: jsonSyntaxMessage(e.error),
      offset: e.offset,
      length: e.length,
      line: before.split('\n').length,
      column: e.offset - lineStart,
    };
  });
}

/**
 * The first syntax error of strict JSON (no comments, no trailing commas, not empty), or
 * undefined when the text is JSON. Run the reader's depth pre-scan first, for its own limit
 * and message: past 1,000 levels this gives the place nesting crosses them, without parsing.
 */
export function firstJsonSyntaxError(text: string): JsonSyntaxError | undefined {
  const deep = scanJsonDepth(text, SYNTAX_READER_DEPTH);
  if (deep)
    return {
      message: `invalid JSON: ${deep.message.replace(/ at line.*$/, '')}`,
      offset: deep.offset,
      length: 1,
      line: deep.line,
      column: deep.column,
    };
  const errors: ParseError[] = [];
  parse(text, errors, {
    disallowComments: true,
    allowTrailingComma: false,
    allowEmptyContent: false,
  });
  return jsonSyntaxErrors(text, errors.slice(0, 1))[0];
}
