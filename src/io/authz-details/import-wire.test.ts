import { describe, expect, it } from 'vitest';
import { decodeDate, decodeDocument } from './decode';
import { doc } from './import-fixtures';

describe('policy documents in every wire form', () => {
  it.each([
    ['a JSON object (AWS CLI, boto3)', doc],
    ['a JSON string', JSON.stringify(doc)],
    ['a URL-encoded string (raw API, JS and Go SDKs)', encodeURIComponent(JSON.stringify(doc))],
    [
      'URL-encoded with + for spaces',
      encodeURIComponent(JSON.stringify(doc, null, 1)).replace(/%20/g, '+'),
    ],
    [
      'URL-encoded but for its brackets',
      encodeURIComponent(JSON.stringify(doc)).replace(/%5B/g, '[').replace(/%5D/g, ']'),
    ],
    ['a JSON string with spaces around it', `  ${JSON.stringify(doc)}\n`],
  ])('decodes %s', (_name, value) => {
    expect(decodeDocument(value)).toEqual({ ok: true, value: doc });
  });

  it.each([
    ['a number', 42, 'a policy document must be an object or a string'],
    [
      'broken JSON',
      '{"Version": ',
      'the policy document is invalid JSON: value expected at line 1, column 12',
    ],
    ['a JSON list', '[1]', 'the policy document is not a JSON object'],
    ['a JSON string that is no object', '"x"', 'the policy document is not a JSON object'],
    [
      'broken URL encoding',
      '%7B%22Version%E0%A4%A',
      'the policy document is neither JSON nor URL-encoded JSON',
    ],
    [
      'URL-encoded broken JSON',
      encodeURIComponent('{"Version": '),
      'the policy document is invalid JSON: value expected at line 1, column 13',
    ],
    [
      'a JSON string nested too deeply',
      `{"Statement": ${'['.repeat(40)}${']'.repeat(40)}}`,
      'the policy document is nested too deeply: nesting deeper than 32 levels at line 1, column 46',
    ],
    [
      'broken JSON nested too deeply (the depth is the reason)',
      `{"Statement": ${'['.repeat(40)}`,
      'the policy document is nested too deeply: nesting deeper than 32 levels at line 1, column 46',
    ],
  ])('refuses %s', (_name, value, reason) => {
    const result = decodeDocument(value);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.reason).toContain(reason);
  });
});

describe('dates', () => {
  it.each([
    ['2025-03-01T10:00:00Z', '2025-03-01T10:00:00Z'],
    ['2025-03-01 10:00:00+00:00', '2025-03-01T10:00:00Z'],
    ['2025-03-01T12:00:00+02:00', '2025-03-01T10:00:00Z'],
    ['2025-03-01T05:30:00-0430', '2025-03-01T10:00:00Z'],
    ['2025-03-01T10:00:00.123Z', '2025-03-01T10:00:00Z'],
    ['2025-03-01T10:00:00', '2025-03-01T10:00:00Z'],
    [1740823200, '2025-03-01T10:00:00Z'],
    [1740823200000, '2025-03-01T10:00:00Z'],
    ['1740823200', '2025-03-01T10:00:00Z'],
    ['2025-03-01T11:00:00+01', '2025-03-01T10:00:00Z'],
    ['2025-03-01T10:00:00z', '2025-03-01T10:00:00Z'],
    ['2024-02-29T10:00:00Z', '2024-02-29T10:00:00Z'],
  ])('reads %j as %s', (value, iso) => {
    expect(decodeDate(value)).toEqual({ ok: true, value: iso });
  });

  // The engine's strict reader decides: Date.parse would take (or roll over) each of these.
  it.each([
    ['March 1st', 'is not an ISO 8601 date'],
    ['2025-13-01T00:00:00Z', 'has no month 13'],
    ['2025-02-29T00:00:00Z', 'has no day 29 in 2025-02'],
    ['2025-02-30 10:00:00+00:00', 'has no day 30 in 2025-02'],
    ['2025-03-01T24:00:00Z', 'has no hour 24'],
    ['Sat, 01 Mar 2025 10:00:00 GMT', 'is not an ISO 8601 date'],
    [true, 'a date must be a string or a number'],
  ])('refuses %j: %s', (value, reason) => {
    const decoded = decodeDate(value);
    expect(decoded.ok).toBe(false);
    expect(!decoded.ok && decoded.reason).toContain(reason);
  });
});
