import {
  describeJsonSyntaxError,
  firstJsonSyntaxError,
  MAX_DESIGN_DEPTH,
  parseJsonValue,
  scanJsonDepth,
} from '../engine';
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

/** Largest design file opened: a real organization's design is a few MB. */
const MAX_DESIGN_FILE_BYTES = 10 * 1024 * 1024;

/** Why a file of `bytes` is not read at all; undefined when its size is fine. */
export function designFileSizeProblem(bytes: number): string | undefined {
  if (bytes === 0) return 'the file is empty';
  if (bytes > MAX_DESIGN_FILE_BYTES)
    return `the file is ${megabytes(bytes)}; design files over ${megabytes(MAX_DESIGN_FILE_BYTES)} are not opened`;
  return undefined;
}

const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/** Reads a design file's text; a text that is not a design file gives the reason. */
export function importDesignText(text: string): Restored {
  if (text.trim() === '') return { ok: false, reason: 'the file is empty' };
  // Characters, not bytes: a string of this length is at least this many bytes.
  if (text.length > MAX_DESIGN_FILE_BYTES)
    return { ok: false, reason: designFileSizeProblem(text.length)! };
  if (text.includes('\u0000'))
    return { ok: false, reason: 'not a Rolecraft design file: it is binary, not text' };
  const tooDeep = scanJsonDepth(text, MAX_DESIGN_DEPTH);
  if (tooDeep) return { ok: false, reason: `not a Rolecraft design file: ${tooDeep.message}` };
  try {
    return restore(JSON.parse(text));
  } catch {
    // Not JSON: read it again with a parser that says where it breaks.
  }
  const syntax = firstJsonSyntaxError(text);
  if (syntax)
    return { ok: false, reason: `not a Rolecraft design file: ${describeJsonSyntaxError(syntax)}` };
  // Native JSON refused what strict JSON takes (a lone surrogate escape): read it as jsonc does,
  // keys such as `__proto__` kept as own properties.
  return restore(parseJsonValue(text));
}
