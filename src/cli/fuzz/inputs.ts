/**
 * Inputs for the fuzzer (fast-check arbitraries): arbitrary JSON with the keys and strings
 * policies use (and `__proto__`, `constructor`...), policy-shaped documents, valid policies
 * mutated as text, nesting from 1 to 100,000 deep, and odd text (binary, lone surrogates,
 * NUL, BOM, line separators).
 */
import fc from 'fast-check';

const keys = [
  'Version',
  'Statement',
  'Sid',
  'Id',
  'Effect',
  'Principal',
  'NotPrincipal',
  'Action',
  'NotAction',
  'Resource',
  'NotResource',
  'Condition',
  'AWS',
  'Service',
  'Federated',
  'CanonicalUser',
  'StringEquals',
  'StringLike',
  'StringNotEquals',
  'ArnLike',
  'ArnEquals',
  'Bool',
  'BoolIfExists',
  'NumericLessThan',
  'DateGreaterThan',
  'IpAddress',
  'NotIpAddress',
  'Null',
  'BinaryEquals',
  'ForAnyValue:StringEquals',
  'ForAllValues:StringLike',
  'StringEqualsIfExists',
  'aws:PrincipalTag/team',
  'aws:SourceIp',
  'aws:CurrentTime',
  'aws:EpochTime',
  'aws:MultiFactorAuthPresent',
  'aws:MultiFactorAuthAge',
  'aws:PrincipalArn',
  'aws:TagKeys',
  'sts:ExternalId',
  'token.actions.githubusercontent.com:sub',
  'token.actions.githubusercontent.com:aud',
  'accounts.google.com:aud',
  'SAML:aud',
  's3:prefix',
  '__proto__',
  'constructor',
  'toString',
  'hasOwnProperty',
  'valueOf',
  'prototype',
  '',
];

const words = [
  '*',
  '?',
  '',
  ' ',
  '2012-10-17',
  '2008-10-17',
  'Allow',
  'Deny',
  'allow',
  's3:GetObject',
  's3:*',
  's3:Get*',
  'sts:AssumeRole',
  'sts:AssumeRoleWithWebIdentity',
  'sts:AssumeRoleWithSAML',
  'sts:TagSession',
  'iam:PassRole',
  'iam:*',
  '*:*',
  'ec2:Describe*',
  'arn:aws:iam::111122223333:root',
  'arn:aws:iam::111111111111:user/alice',
  'arn:aws:iam::111111111111:role/Developer',
  'arn:aws:iam::222222222222:role/Deploy',
  'arn:aws:iam::*:role/*',
  'arn:aws:s3:::b/*',
  'arn:aws:s3:::b',
  'arn:aws:sts::111122223333:assumed-role/R/s',
  'arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com',
  'arn:aws:iam::111122223333:saml-provider/Corp',
  'arn:',
  'arn:aws',
  '111122223333',
  '11112222333',
  'lambda.amazonaws.com',
  'cognito-identity.amazonaws.com',
  'accounts.google.com',
  'repo:org/repo:ref:refs/heads/main',
  'repo:*',
  '${aws:username}',
  '${aws:PrincipalTag/team}',
  '${',
  '${*}',
  '$${x}',
  'true',
  'false',
  '10',
  '-1',
  '1e999',
  '10.0.0.0/8',
  '10.0.0.0/99',
  '::1/128',
  '2026-01-01T00:00:00Z',
  '2026-02-30T00:00:00Z',
  '1767225600',
  'QUJD',
  '__proto__',
  'constructor',
  '<img src=x onerror=alert(1)>',
  '\u0000',
  '\ud800',
  '\u2028',
  '\ufeff',
];

const key = fc.oneof(fc.constantFrom(...keys), fc.string({ maxLength: 8 }));
const word = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...words) },
  { weight: 1, arbitrary: fc.string({ maxLength: 12 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 12 }) },
);

/** Any JSON value, with policy keys and words. */
export const json: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    word,
    fc.integer(),
    fc.double({ noNaN: true, noDefaultInfinity: true }),
    fc.boolean(),
    fc.constant(null),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(key, tie('value'), { maxKeys: 5 }),
  ),
})).value;

const oneOrList = <T>(a: fc.Arbitrary<T>) =>
  fc.oneof(a, fc.array(a, { maxLength: 3 }), json as fc.Arbitrary<T>);

const principal = fc.oneof(
  fc.constant('*'),
  fc.dictionary(
    fc.constantFrom('AWS', 'Service', 'Federated', 'CanonicalUser', '__proto__'),
    oneOrList(word),
    {
      maxKeys: 3,
    },
  ),
  json,
);
const condition = fc.oneof(
  fc.dictionary(key, fc.dictionary(key, oneOrList(word), { maxKeys: 3 }), { maxKeys: 3 }),
  json,
);
const statement = fc.record(
  {
    Sid: word,
    Effect: fc.oneof(fc.constantFrom('Allow', 'Deny'), word),
    Principal: principal,
    NotPrincipal: principal,
    Action: oneOrList(word),
    NotAction: oneOrList(word),
    Resource: oneOrList(word),
    NotResource: oneOrList(word),
    Condition: condition,
  },
  { requiredKeys: [] },
);

/** Documents shaped like policies, each part sometimes wrong. */
const policyLike: fc.Arbitrary<unknown> = fc.record(
  {
    Version: fc.oneof(fc.constantFrom('2012-10-17', '2008-10-17'), word),
    Id: word,
    Statement: fc.oneof(
      { weight: 4, arbitrary: fc.array(statement, { maxLength: 5 }) },
      { weight: 1, arbitrary: statement },
      { weight: 1, arbitrary: json },
    ),
  },
  { requiredKeys: [] },
);

/** Edits a text as a person or a broken tool might: cut, insert, repeat, truncate, swap a character. */
const textMutation = fc.oneof(
  fc.record({ kind: fc.constant('cut' as const), at: fc.nat(), length: fc.nat({ max: 40 }) }),
  fc.record({
    kind: fc.constant('insert' as const),
    at: fc.nat(),
    text: fc.oneof(
      word,
      fc.constantFrom('{', '}', '[', ']', '"', ',', ':', '\\', '\n', '/*', '//'),
    ),
  }),
  fc.record({ kind: fc.constant('repeat' as const), at: fc.nat(), length: fc.nat({ max: 60 }) }),
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
);
type TextMutation = typeof textMutation extends fc.Arbitrary<infer T> ? T : never;

function mutate(text: string, mutations: readonly TextMutation[]): string {
  let out = text;
  for (const m of mutations) {
    const at = out.length === 0 ? 0 : m.at % (out.length + 1);
    if (m.kind === 'cut') out = out.slice(0, at) + out.slice(at + m.length);
    else if (m.kind === 'insert') out = out.slice(0, at) + m.text + out.slice(at);
    else if (m.kind === 'repeat')
      out = out.slice(0, at) + out.slice(at, at + m.length) + out.slice(at);
    else out = out.slice(0, at);
  }
  return out;
}

/** A valid policy text (from `seeds`) with a few text edits, or a value replaced inside it. */
export function mutatedText(seeds: readonly string[]): fc.Arbitrary<string> {
  return fc.oneof(
    fc
      .tuple(fc.constantFrom(...seeds), fc.array(textMutation, { minLength: 1, maxLength: 4 }))
      .map(([seed, mutations]) => mutate(seed, mutations)),
    fc
      .tuple(
        fc.constantFrom(...seeds),
        fc.array(fc.tuple(fc.nat(), json), { minLength: 1, maxLength: 3 }),
      )
      .map(([seed, replacements]) =>
        JSON.stringify(replaceValues(JSON.parse(seed), replacements), null, 2),
      ),
  );
}

/** Replaces the n-th value (in a walk of the document) by each replacement. */
function replaceValues(
  value: unknown,
  replacements: readonly (readonly [number, unknown])[],
): unknown {
  let out = value;
  for (const [n, replacement] of replacements) {
    const places: { parent: Record<string, unknown> | unknown[]; key: string | number }[] = [];
    const walk = (v: unknown) => {
      if (Array.isArray(v))
        v.forEach((c, i) => {
          places.push({ parent: v, key: i });
          walk(c);
        });
      else if (typeof v === 'object' && v !== null)
        for (const k of Object.keys(v)) {
          places.push({ parent: v as Record<string, unknown>, key: k });
          walk((v as Record<string, unknown>)[k]);
        }
    };
    walk(out);
    if (places.length === 0) {
      out = replacement;
      continue;
    }
    const place = places[n % places.length]!;
    Object.defineProperty(place.parent, place.key, {
      value: replacement,
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return out;
}

/** Nesting 1 to 100,000 deep, closed or not, alone or in a policy's Principal. */
export const deepText = fc
  .tuple(
    fc.oneof(fc.integer({ min: 1, max: 200 }), fc.constantFrom(1_000, 4_500, 10_000, 100_000)),
    fc.constantFrom('[', '{"a":', '[{"a":'),
    fc.boolean(),
    fc.boolean(),
  )
  .map(([depth, open, closed, inPolicy]) => {
    const close = open === '[' ? ']' : open === '{"a":' ? '}' : '}]';
    const deep = `${open.repeat(depth)}1${closed ? close.repeat(depth) : ''}`;
    return inPolicy
      ? `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":${deep}},"Action":"sts:AssumeRole"}]}`
      : deep;
  });

/** Text no one means to give: binary, control characters, lone surrogates, a BOM, long runs. */
export const oddText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.string({ unit: 'grapheme', maxLength: 100 }),
  fc.constantFrom(
    '',
    ' ',
    '\ufeff{}',
    '\u0000',
    '{"a":"\ud800"}',
    '{"a":"\\ud800"}',
    '\u2028\u2029',
    'null',
    'true',
    '0',
    '-0',
    '1e999',
    '"text"',
    '[]',
    '{}',
    '{"Statement":null}',
    '\x89PNG\r\n\x1a\n\0\0\0\rIHDR',
    '{"a":1}{"b":2}',
    '{"a":1,}',
    '/* c */{}',
  ),
  fc
    .tuple(fc.constantFrom('{', '[', '"', 'a', ' '), fc.integer({ min: 1, max: 50_000 }))
    .map(([c, n]) => c.repeat(n)),
);

/** Policy text from any of the sources above. */
export function policyText(seeds: readonly string[]): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 3, arbitrary: mutatedText(seeds) },
    { weight: 3, arbitrary: policyLike.map((v) => JSON.stringify(v)) },
    { weight: 1, arbitrary: json.map((v) => JSON.stringify(v) ?? 'null') },
    { weight: 1, arbitrary: deepText },
    { weight: 1, arbitrary: oddText },
  );
}
