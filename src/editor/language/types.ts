import type { Catalogue } from '../catalogue/catalogue';
import type { Span } from './cursor';

/** The validator's policy types (the engine's `PolicyType`). */
export type PolicyType = 'identity' | 'resource' | 'trust' | 'boundary' | 'session' | 'scp' | 'rcp';

/** Something on the canvas a policy can name. */
export interface DesignEntity {
  kind: 'account' | 'user' | 'role' | 'group' | 'service' | 'identity-provider' | 'resource';
  /** Display name. */
  name: string;
  /** The ARN a policy uses; an account's root ARN; a service's principal name (`lambda.amazonaws.com`). */
  arn: string;
  /** The 12-digit account, where the entity has one. */
  accountId?: string;
  /** An OIDC identity provider's client IDs (the `aud` values it accepts). */
  audiences?: readonly string[];
}

export type CompletionKind =
  | 'property'
  | 'value'
  | 'service'
  | 'action'
  | 'operator'
  | 'conditionKey'
  | 'arn'
  | 'principal'
  | 'variable'
  | 'snippet';

/** One completion, independent of any editor: offsets into the text, snippet syntax where `snippet`. */
export interface Completion {
  label: string;
  kind: CompletionKind;
  insertText: string;
  /** `insertText` uses snippet syntax (`${1:placeholder}`, `$0`). */
  snippet: boolean;
  range: Span;
  detail?: string;
  /** Markdown. */
  documentation?: string;
  filterText?: string;
  sortText?: string;
  /** Open completion again after inserting (a service prefix, then its actions). */
  retrigger?: boolean;
}

export interface CompletionList {
  items: Completion[];
  /** The list depends on more than the typed prefix: ask again as the user types. */
  incomplete: boolean;
}

export interface LanguageEnv {
  policyType: PolicyType;
  catalogue: Catalogue;
  /** What the design holds, read each time (the canvas changes under the editor). */
  entities: () => readonly DesignEntity[];
}
