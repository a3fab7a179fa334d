/** Writes YAML for CloudFormation templates: block style, short intrinsic-function tags. */

/** A short-form intrinsic function: `!Ref Name` or `!GetAtt Name.Arn`. */
export class Intrinsic {
  constructor(
    readonly tag: '!Ref' | '!GetAtt',
    readonly argument: string,
  ) {}
}

export type YamlValue =
  | string
  | number
  | boolean
  | null
  | Intrinsic
  | readonly YamlValue[]
  | { readonly [key: string]: YamlValue };

const INDENT = '  ';

/** Words YAML 1.1 or 1.2 would read as something other than a string. */
const SPECIAL = /^(true|false|yes|no|on|off|y|n|null|~|[-+]?(\.inf|\.nan))$/i;
/** Numbers, and dates and sexagesimal times (YAML 1.1 reads those too). */
const NUMBER_LIKE =
  /^[-+]?(\d[\d_]*(\.\d*)?|\.\d+)([eE][-+]?\d+)?$|^0[xob]|^\d{4}-\d\d?-\d\d?|^[-+]?\d[\d_]*(:[0-5]?\d)+(\.\d*)?$/i;

/** A string as a plain scalar when YAML reads it back unchanged, else double-quoted (JSON escapes are YAML's). */
export function yamlString(text: string): string {
  const plain =
    /^[A-Za-z0-9_/.$][A-Za-z0-9_/.:@=+,;()'$ -]*$/.test(text) &&
    !/[: ]$/.test(text) &&
    !text.includes(': ') &&
    !text.includes(' #') &&
    !SPECIAL.test(text) &&
    !NUMBER_LIKE.test(text);
  return plain ? text : JSON.stringify(text);
}

function isScalar(value: YamlValue): boolean {
  return typeof value !== 'object' || value === null || value instanceof Intrinsic;
}

function scalar(value: YamlValue): string {
  if (value === null) return 'null';
  if (typeof value === 'string') return yamlString(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Intrinsic) return `${value.tag} ${value.argument}`;
  if (Array.isArray(value)) return '[]';
  return '{}';
}

const isEmpty = (value: YamlValue) =>
  typeof value === 'object' &&
  value !== null &&
  !(value instanceof Intrinsic) &&
  Object.keys(value).length === 0;

/** Lines of a mapping or sequence at `depth`. */
function blockLines(value: YamlValue, depth: number): string {
  const pad = INDENT.repeat(depth);
  if (Array.isArray(value)) {
    return value
      .map((item: YamlValue) => {
        if (isScalar(item) || isEmpty(item)) return `${pad}- ${scalar(item)}\n`;
        // The first line of a nested block goes after the dash.
        const nested = blockLines(item, depth + 1);
        return `${pad}- ${nested.slice(pad.length + INDENT.length)}`;
      })
      .join('');
  }
  return Object.entries(value as Record<string, YamlValue>)
    .map(([key, item]) => {
      const name = yamlString(key);
      if (isScalar(item) || isEmpty(item)) return `${pad}${name}: ${scalar(item)}\n`;
      return `${pad}${name}:\n${blockLines(item, depth + 1)}`;
    })
    .join('');
}

/** A YAML document of a mapping, after `#` comment lines. */
export function yamlDocument(comments: string[], value: { [key: string]: YamlValue }): string {
  return comments.map((c) => `# ${c}\n`).join('') + blockLines(value, 0);
}
