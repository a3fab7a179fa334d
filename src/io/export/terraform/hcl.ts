/** Writes HCL (Terraform's language) the way `terraform fmt` lays it out. */

/** An HCL expression written as is: a reference (`aws_iam_role.x.arn`), `var.x`, a function call. */
export class Expression {
  constructor(readonly text: string) {}
}

export type HclValue =
  | string
  | number
  | boolean
  | null
  | Expression
  | readonly HclValue[]
  | { readonly [key: string]: HclValue };

/** One attribute or nested block of a block body, in order. */
export type BodyItem =
  | { kind: 'attribute'; name: string; value: HclValue }
  | { kind: 'block'; type: string; labels: string[]; body: BodyItem[] }
  | { kind: 'blank' };

const INDENT = '  ';
const INLINE_WIDTH = 80;

export const attribute = (name: string, value: HclValue): BodyItem => ({
  kind: 'attribute',
  name,
  value,
});

export const block = (type: string, labels: string[], body: BodyItem[]): BodyItem => ({
  kind: 'block',
  type,
  labels,
  body,
});

/** A quoted HCL string. `${` and `%{` are escaped so policy variables stay literal text. */
function hclString(text: string): string {
  let out = '"';
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (ch === '"') out += '\\"';
    else if (ch === '\\') out += '\\\\';
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (code < 0x20) out += `\\u${code.toString(16).padStart(4, '0')}`;
    else out += ch;
  }
  return `${out.replace(/\$\{/g, () => '$${').replace(/%\{/g, () => '%%{')}"`;
}

const KEYWORDS = new Set(['true', 'false', 'null', 'for', 'in', 'if']);

/** An object key: bare when it is an identifier, quoted otherwise. */
function hclKey(key: string): string {
  return /^[A-Za-z_][A-Za-z0-9_-]*$/.test(key) && !KEYWORDS.has(key) ? key : hclString(key);
}

function isScalar(value: HclValue): boolean {
  return typeof value !== 'object' || value === null || value instanceof Expression;
}

/** The value as HCL; nested lines indented by `depth` levels. */
export function hclValue(value: HclValue, depth = 0): string {
  if (value === null) return 'null';
  if (typeof value === 'string') return hclString(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Expression) return value.text;
  const pad = INDENT.repeat(depth + 1);
  const close = INDENT.repeat(depth);
  if (isList(value)) {
    if (value.length === 0) return '[]';
    if (value.every(isScalar)) {
      const inline = `[${value.map((v) => hclValue(v)).join(', ')}]`;
      if (inline.length + depth * INDENT.length <= INLINE_WIDTH) return inline;
    }
    return `[\n${value.map((v) => `${pad}${hclValue(v, depth + 1)},\n`).join('')}${close}]`;
  }
  const entries = Object.entries(value);
  if (entries.length === 0) return '{}';
  return `{\n${alignedLines(
    entries.map(([k, v]) => [hclKey(k), hclValue(v, depth + 1)]),
    pad,
  )}${close}}`;
}

function isList(value: HclValue): value is readonly HclValue[] {
  return Array.isArray(value);
}

/**
 * `key = value` lines; like `terraform fmt`, the `=` of adjacent one-line attributes line up.
 */
function alignedLines(pairs: [string, string][], pad: string): string {
  let out = '';
  let run: [string, string][] = [];
  const flush = () => {
    const width = Math.max(...run.map(([k]) => k.length));
    for (const [k, v] of run) out += `${pad}${k.padEnd(width)} = ${v}\n`;
    run = [];
  };
  for (const [k, v] of pairs) {
    if (v.includes('\n')) {
      if (run.length > 0) flush();
      out += `${pad}${k} = ${v}\n`;
    } else run.push([k, v]);
  }
  if (run.length > 0) flush();
  return out;
}

/** A block body's items as lines at `depth`. */
function bodyText(items: BodyItem[], depth: number): string {
  const pad = INDENT.repeat(depth);
  let out = '';
  let pairs: [string, string][] = [];
  const flush = () => {
    if (pairs.length > 0) out += alignedLines(pairs, pad);
    pairs = [];
  };
  for (const item of items) {
    if (item.kind === 'attribute') pairs.push([item.name, hclValue(item.value, depth)]);
    else {
      flush();
      out += item.kind === 'blank' ? '\n' : blockText(item, depth);
    }
  }
  flush();
  return out;
}

function blockText(item: Extract<BodyItem, { kind: 'block' }>, depth: number): string {
  const pad = INDENT.repeat(depth);
  const head = [item.type, ...item.labels.map(hclString)].join(' ');
  if (item.body.length === 0) return `${pad}${head} {}\n`;
  return `${pad}${head} {\n${bodyText(item.body, depth + 1)}${pad}}\n`;
}

/** A whole file: top-level blocks separated by blank lines, `#` comment lines first. */
export function hclFile(comments: string[], blocks: BodyItem[]): string {
  const header = comments.map((c) => (c ? `# ${c}` : '#')).join('\n');
  const body = blocks.map((b) => bodyText([b], 0)).join('\n');
  return header ? `${header}\n\n${body}` : body;
}
