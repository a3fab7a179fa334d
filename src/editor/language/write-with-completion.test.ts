// "A trust policy can be written from an empty editor with completion alone": each step
// accepts a completion at the cursor, the way a person presses Enter on a suggestion.
import { parse } from 'jsonc-parser';
import { describe, expect, it } from 'vitest';
import { completionsAt } from './completion';
import { accept, cursorAfter, env } from './test-support';
import type { PolicyType } from './types';

async function pick(text: string, offset: number, label: string, type: PolicyType) {
  const list = await completionsAt(text, offset, env(type));
  const item = list.items.find((i) => i.label === label);
  if (!item)
    throw new Error(
      `no completion \`${label}\` among ${list.items
        .map((i) => i.label)
        .slice(0, 20)
        .join(', ')}`,
    );
  return { text: accept(text, item), offset: cursorAfter(item), item };
}

describe('writing a policy with completion alone', () => {
  it('a trust policy for a design user, from an empty editor', async () => {
    let step = await pick('', 0, 'Empty policy', 'trust');
    expect(step.item.retrigger).toBe(true);
    step = await pick(step.text, step.offset, 'Allow statement', 'trust');
    expect(step.item.retrigger).toBe(true);
    step = await pick(step.text, step.offset, 'arn:aws:iam::111111111111:user/alice', 'trust');
    const actionValue = step.text.indexOf('"sts:AssumeRole"') + 1;
    step = await pick(step.text, actionValue, 'sts:AssumeRole', 'trust');
    expect(parse(step.text)).toEqual({
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Principal: { AWS: 'arn:aws:iam::111111111111:user/alice' },
          Action: 'sts:AssumeRole',
        },
      ],
    });
  });

  it('a statement built key by key, with a condition that fits its key', async () => {
    let text = '{\n\t"Version": "2012-10-17",\n\t"Statement": [\n\t\t{\n\t\t\t\n\t\t}\n\t]\n}';
    let step = await pick(text, text.indexOf('\t\t\t') + 3, 'Effect', 'trust');
    text = `${step.text.slice(0, step.offset + 7)},\n\t\t\t${step.text.slice(step.offset + 7)}`;
    step = await pick(text, text.lastIndexOf('\t\t\t') + 3, 'Principal', 'trust');
    step = await pick(step.text, step.offset, '{ "Service": "lambda.amazonaws.com" }', 'trust');
    text = step.text.replace(/\}(\s*)\}(\s*)\]/, '},\n\t\t\t$1}$2]');
    const keyAt = text.lastIndexOf(',\n\t\t\t') + 5;
    step = await pick(text, keyAt, 'Action', 'trust');
    step = await pick(step.text, step.offset, 'sts:AssumeRole', 'trust');
    text = step.text.replace('"sts:AssumeRole"', '"sts:AssumeRole",\n\t\t\t');
    step = await pick(text, text.indexOf('"sts:AssumeRole",\n\t\t\t') + 21, 'Condition', 'trust');
    step = await pick(step.text, step.offset, 'aws:SourceAccount → StringEquals', 'trust');
    step = await pick(step.text, step.offset, '111111111111', 'trust');
    expect(parse(step.text).Statement[0]).toEqual({
      Effect: 'Allow',
      Principal: { Service: 'lambda.amazonaws.com' },
      Action: 'sts:AssumeRole',
      Condition: { StringEquals: { 'aws:SourceAccount': '111111111111' } },
    });
  });

  it.each([
    'Service trust',
    'Cross-account trust with ExternalId',
    'GitHub Actions OIDC trust restricted by sub',
    'MFA required to assume',
  ])('the %s snippet makes a valid document', async (label) => {
    const step = await pick('', 0, `${label} (policy)`, 'trust');
    const doc = parse(step.text);
    expect(doc.Version).toBe('2012-10-17');
    expect(doc.Statement).toHaveLength(1);
    expect(doc.Statement[0].Effect).toBe('Allow');
  });
});
