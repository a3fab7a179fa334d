// How a check names a statement of a policy.

export function statementLabel(index: number, sid: string | undefined): string {
  return `statement ${index + 1}${sid ? ` (\`${sid}\`)` : ''}`;
}
