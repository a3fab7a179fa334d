/**
 * The one ARN parser: `arn:PARTITION:SERVICE:REGION:ACCOUNT:RESOURCE`, where RESOURCE may
 * itself hold colons and slashes (`function:name:alias`, `role/path/name`).
 * Everything in Rolecraft that reads an ARN reads it through this module.
 */

export interface Arn {
  partition: string;
  service: string;
  region: string;
  /** The 12-digit account id; `''` for global resources such as S3 buckets. */
  account: string;
  /** Everything after the fifth colon. */
  resource: string;
}

/** Splits an ARN into its six components (the last may hold colons); null when it is no ARN. */
export function splitArnUncached(text: string): string[] | null {
  if (!text.startsWith('arn:')) return null;
  const parts: string[] = [];
  let from = 0;
  for (let i = 0; i < 5; i++) {
    const at = text.indexOf(':', from);
    if (at < 0) return null;
    parts.push(text.slice(from, at));
    from = at + 1;
  }
  parts.push(text.slice(from));
  return parts;
}

/** Reads an ARN into its named components; undefined when the text is no ARN. */
export function parseArn(text: string): Arn | undefined {
  const parts = splitArnUncached(text);
  if (parts === null) return undefined;
  const [, partition = '', service = '', region = '', account = '', resource = ''] = parts;
  return { partition, service, region, account, resource };
}

/** The account field of an ARN (`''` when it has none); undefined when the text is no ARN. */
export function arnAccount(text: string): string | undefined {
  return parseArn(text)?.account;
}

/** Writes the components back as ARN text. */
export function formatArn(arn: Arn): string {
  return `arn:${arn.partition}:${arn.service}:${arn.region}:${arn.account}:${arn.resource}`;
}

/** 12 decimal digits. */
export function isAwsAccountId(text: string): boolean {
  return /^\d{12}$/.test(text);
}

/** The account of an account's root ARN (`arn:aws:iam::123456789012:root`); undefined for any other text. */
export function rootArnAccount(text: string): string | undefined {
  const arn = parseArn(text);
  if (arn?.service !== 'iam' || arn.region !== '' || arn.resource !== 'root') return undefined;
  return isAwsAccountId(arn.account) ? arn.account : undefined;
}
