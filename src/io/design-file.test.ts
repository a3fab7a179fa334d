import { describe, expect, it } from 'vitest';
import { sampleDesign } from '../model';
import { designFileName, exportDesignText, importDesignText } from './design-file';

describe('design files', () => {
  it('round-trips a design through text', () => {
    const text = exportDesignText(sampleDesign());
    expect(text.startsWith('{\n  "format": "rolecraft",\n  "formatVersion": 2,')).toBe(true);
    expect(importDesignText(text)).toEqual({ ok: true, design: sampleDesign() });
  });

  it('keeps policy text byte for byte', () => {
    const design = sampleDesign();
    design.roles[0]!.trustPolicy = '{"Version":"2012-10-17",\n\t"Statement": []}';
    const back = importDesignText(exportDesignText(design));
    expect(back.ok && back.design.roles[0]!.trustPolicy).toBe(
      '{"Version":"2012-10-17",\n\t"Statement": []}',
    );
  });

  it.each([
    ['empty text', '  ', 'the file is empty'],
    [
      'text that is not JSON',
      '{\n  "format": rolecraft\n}',
      'not a Rolecraft design file: invalid JSON: invalid symbol at line 2, column 13',
    ],
    ['JSON of another kind', '{"nodes": []}', 'not a Rolecraft design file: `format` is missing'],
    ['a JSON list', '[1, 2]', 'not a Rolecraft design file: expected a JSON object, got `[1,2]`'],
    [
      'a broken design',
      '{"format":"rolecraft","formatVersion":1,"design":{"id":"d","accounts":[{"id":"a","awsAccountId":"12"}]}}',
      '`design.accounts[0].awsAccountId` must be 12 digits, got `"12"`',
    ],
  ])('refuses %s with a reason', (_name, text, reason) => {
    expect(importDesignText(text)).toEqual({ ok: false, reason });
  });

  it.each([
    ['Cross-account example', 'cross-account-example.rolecraft.json'],
    ['  ', 'design.rolecraft.json'],
    ['Prod / Dev #2', 'prod-dev-2.rolecraft.json'],
  ])('names the file of %j', (name, fileName) => {
    expect(designFileName({ ...sampleDesign(), name })).toBe(fileName);
  });
});
