// Quick fixes where the fix is clear: add the missing Version, replace an unknown action or
// service with the closest known one, add the audience condition a federated trust lacks.
import { modify, parseTree } from 'jsonc-parser';
import { formattingOf } from '../../model';
import { tooDeepForFeatures } from './too-deep';
import {
  oidcIssuerOf,
  SAML_AWS_AUDIENCE,
  wellKnownProviderOfIssuer,
  type Diagnostic,
} from '../../engine';
import type { Catalogue } from '../catalogue/catalogue';
import { closest } from './closest';
import type { Span } from './cursor';
import { splitAction } from './statement-actions';
import type { DesignEntity, PolicyType } from './types';

interface TextEdit {
  start: number;
  end: number;
  text: string;
}

export interface QuickFix {
  title: string;
  edits: TextEdit[];
  /** The diagnostic it resolves. */
  diagnostic: Diagnostic;
  preferred: boolean;
}

export interface QuickFixEnv {
  policyType: PolicyType;
  catalogue: Catalogue;
  entities: () => readonly DesignEntity[];
}

const overlaps = (a: Span, d: Diagnostic) => d.range.start <= a.end && a.start <= d.range.end;

export async function quickFixes(
  text: string,
  diagnostics: readonly Diagnostic[],
  at: Span,
  env: QuickFixEnv,
): Promise<QuickFix[]> {
  const fixes: QuickFix[] = [];
  if (tooDeepForFeatures(text)) return fixes;
  for (const d of diagnostics.filter((x) => overlaps(at, x))) {
    if (d.code === 'missing-version') fixes.push(addVersion(text, d));
    if (d.code === 'unknown-action') {
      const fix = await replaceUnknownAction(text, d, env.catalogue);
      if (fix) fixes.push(fix);
    }
    if (d.code === 'unknown-service') {
      const fix = await replaceUnknownService(text, d, env.catalogue);
      if (fix) fixes.push(fix);
    }
    if (d.code === 'missing-audience-condition' || d.code === 'missing-saml-audience-condition') {
      const fix = addAudience(text, d, env.entities());
      if (fix) fixes.push(fix);
    }
  }
  return fixes;
}

/**
 * Loads what the quick fixes of these diagnostics read from the catalogue (the service an
 * unknown action names, the list of services), so that asking for them afterwards waits on
 * nothing. The editor shows a problem only once this is done: Monaco asks twice at a Ctrl+.
 * (the menu, then its lightbulb), and two answers that wait on one load settle together, the
 * lightbulb's replacing the menu's, which then never opens.
 */
export async function loadQuickFixData(
  text: string,
  diagnostics: readonly Diagnostic[],
  catalogue: Catalogue,
): Promise<void> {
  const loads: Promise<unknown>[] = [];
  for (const d of diagnostics) {
    if (d.code === 'unknown-service') loads.push(catalogue.services());
    if (d.code !== 'unknown-action') continue;
    const value = stringAt(text, d);
    const parts = value ? splitAction(value) : undefined;
    if (parts) loads.push(catalogue.service(parts.service));
  }
  await Promise.all(loads);
}

function addVersion(text: string, diagnostic: Diagnostic): QuickFix {
  const edits = modify(text, ['Version'], '2012-10-17', {
    formattingOptions: formattingOf(text),
    getInsertionIndex: () => 0,
  }).map(({ offset, length, content }) => ({ start: offset, end: offset + length, text: content }));
  return { title: 'Add "Version": "2012-10-17"', edits, diagnostic, preferred: true };
}

/** The quoted string at a diagnostic's range, without its quotes. */
function stringAt(text: string, d: Diagnostic): string | undefined {
  const raw = text.slice(d.range.start, d.range.end);
  try {
    const value: unknown = JSON.parse(raw);
    return typeof value === 'string' ? value : undefined;
  } catch {
    return undefined;
  }
}

async function replaceUnknownAction(
  text: string,
  d: Diagnostic,
  catalogue: Catalogue,
): Promise<QuickFix | undefined> {
  const value = stringAt(text, d);
  const parts = value ? splitAction(value) : undefined;
  if (!parts) return undefined;
  const service = await catalogue.service(parts.service);
  if (!service) return undefined;
  const name = closest(
    parts.name,
    service.actions.map((a) => a.name),
  );
  if (!name) return undefined;
  const replacement = `${service.key}:${name}`;
  return {
    title: `Replace with \`${replacement}\``,
    edits: [{ start: d.range.start, end: d.range.end, text: JSON.stringify(replacement) }],
    diagnostic: d,
    preferred: true,
  };
}

async function replaceUnknownService(
  text: string,
  d: Diagnostic,
  catalogue: Catalogue,
): Promise<QuickFix | undefined> {
  const value = stringAt(text, d);
  const parts = value ? splitAction(value) : undefined;
  if (!parts) return undefined;
  const key = closest(
    parts.service,
    (await catalogue.services()).map((s) => s.key),
  );
  if (!key) return undefined;
  const service = await catalogue.service(key);
  const exact = service?.action(parts.name)?.name;
  const name =
    exact ??
    (/[*?]/.test(parts.name)
      ? parts.name
      : (closest(parts.name, service?.actions.map((a) => a.name) ?? []) ?? parts.name));
  const replacement = `${key}:${name}`;
  return {
    title: `Replace with \`${replacement}\``,
    edits: [{ start: d.range.start, end: d.range.end, text: JSON.stringify(replacement) }],
    diagnostic: d,
    preferred: true,
  };
}

/**
 * The audience to pin: the design's provider's first audience, else the provider's usual one
 * (`sts.amazonaws.com` for GitHub Actions, AWS sign-in for SAML), else a placeholder.
 */
function audienceFor(conditionKey: string, entities: readonly DesignEntity[]): string {
  if (conditionKey.toLowerCase() === 'saml:aud') return SAML_AWS_AUDIENCE;
  const issuer = conditionKey.slice(0, conditionKey.lastIndexOf(':'));
  const provider = entities.find(
    (e) =>
      e.kind === 'identity-provider' &&
      (oidcIssuerOf(e.arn) ?? '').toLowerCase() === issuer.toLowerCase(),
  );
  if (provider?.audiences?.[0]) return provider.audiences[0];
  return wellKnownProviderOfIssuer(issuer)?.defaultAudiences[0] ?? 'CLIENT_ID';
}

/** The path of the statement object that starts where the diagnostic does. */
function statementPathAt(text: string, offset: number): (string | number)[] | undefined {
  const root = parseTree(text, [], { allowTrailingComma: true });
  const statement = root?.children?.find((p) => p.children?.[0]?.value === 'Statement')
    ?.children?.[1];
  if (statement?.type === 'object') return statement.offset === offset ? ['Statement'] : undefined;
  const index = statement?.children?.findIndex((c) => c.type === 'object' && c.offset === offset);
  return index === undefined || index < 0 ? undefined : ['Statement', index];
}

/** Adds `StringEquals: { KEY: audience }` to the statement a missing-audience warning names. */
function addAudience(
  text: string,
  diagnostic: Diagnostic,
  entities: readonly DesignEntity[],
): QuickFix | undefined {
  const key = diagnostic.data?.conditionKey;
  const path = statementPathAt(text, diagnostic.range.start);
  if (!key || !path) return undefined;
  const audience = audienceFor(key, entities);
  const edits = modify(text, [...path, 'Condition', 'StringEquals', key], audience, {
    formattingOptions: formattingOf(text),
  }).map(({ offset, length, content }) => ({ start: offset, end: offset + length, text: content }));
  return {
    title: `Add condition \`${key}\` = \`${audience}\``,
    edits,
    diagnostic,
    preferred: true,
  };
}
