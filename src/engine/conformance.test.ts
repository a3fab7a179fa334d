/** The shared conformance cases of the kinds this engine answers (request, validate), inside `npm test`. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  compilePolicies,
  evaluate,
  isValidPolicy,
  validatePolicy,
  type PolicyDocument,
  type PolicyInputs,
  type PolicyType,
  type RequestInput,
} from './index.ts';

// Beside the repository, or beside the folder holding it (a worktree under `wt/NAME`).
const casesDir =
  [join(__dirname, '..', '..', '..'), join(__dirname, '..', '..', '..', '..')]
    .map((dir) => join(dir, 'shared', 'conformance', 'cases'))
    .find((dir) => existsSync(dir)) ??
  join(__dirname, '..', '..', '..', 'shared', 'conformance', 'cases');

interface Case {
  id: string;
  kind: string;
  now?: string;
  request?: RequestInput;
  policies?: PolicyInputs;
  policyType?: PolicyType;
  policy?: string | PolicyDocument;
  expect: { decision?: string; valid?: boolean };
}

// Like `npm run conformance`: the cases live beside the repository, and a checkout without them skips.
const present = existsSync(casesDir);
if (!present) console.log(`conformance cases skipped: ${casesDir} does not exist`);

const files = present
  ? readdirSync(casesDir).filter((f) => f.endsWith('.json') && f !== 'schema.json')
  : [];
const cases = files.flatMap((file) =>
  (JSON.parse(readFileSync(join(casesDir, file), 'utf8')) as { cases: Case[] }).cases.map((c) => ({
    file,
    ...c,
  })),
);
const requests = cases.filter((c) => c.kind === 'request');
const validations = cases.filter((c) => c.kind === 'validate');

describe.skipIf(!present)('conformance cases', () => {
  it('finds request and validate cases', () => {
    expect(requests.length).toBeGreaterThan(0);
    expect(validations.length).toBeGreaterThan(0);
  });

  it.each(requests.map((c) => [`${c.file}#${c.id}`, c] as const))('%s', (_name, c) => {
    const request = { ...c.request!, now: c.request!.now ?? c.now ?? '2026-01-01T00:00:00Z' };
    const set = compilePolicies(c.policies ?? {});
    expect(evaluate(request, set).decision).toBe(c.expect.decision);
    expect(evaluate(request, set, { explain: true }).explanation!.decision).toBe(c.expect.decision);
  });

  it.each(validations.map((c) => [`${c.file}#${c.id}`, c] as const))('%s', (_name, c) => {
    expect(isValidPolicy(validatePolicy(c.policy!, c.policyType!))).toBe(c.expect.valid);
  });
});
