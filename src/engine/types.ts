/** Public types of the policy engine. */

/** A parsed policy document (plain JSON object, as AWS stores it). */
export type PolicyDocument = Record<string, unknown>;

/** A request context value: a string or, for multivalued keys, a list of strings. */
export type ContextValue = string | string[];

/** The three outcomes of AWS authorization. */
export type Decision = 'Allow' | 'ExplicitDeny' | 'ImplicitDeny';

/** One request, as AWS sees it after authentication. */
export interface RequestInput {
  /**
   * Who makes the request: an IAM user, role, role session (`arn:aws:sts::A:assumed-role/R/S`),
   * federated user (`arn:aws:sts::A:federated-user/N`) or account root ARN; a service principal
   * (`lambda.amazonaws.com`); a web identity or SAML provider for the federated STS calls
   * (`accounts.google.com`, `cognito-identity.amazonaws.com`, `graph.facebook.com`, `www.amazon.com`,
   * `arn:aws:iam::A:saml-provider/N`, `arn:aws:iam::A:oidc-provider/HOST`); or `anonymous`.
   */
  principal: string;
  /** `service:Action`, matched case-insensitively. */
  action: string;
  /** The resource ARN (or `*`). */
  resource: string;
  /** The resource's account when its ARN carries none (S3); defaults to the ARN's account, then the principal's. */
  resourceAccount?: string;
  /** Request context; key names match case-insensitively. */
  context?: Record<string, ContextValue>;
  /** ISO time of the request; source of `aws:CurrentTime` and `aws:EpochTime` unless the context gives them. */
  now?: string;
}

/** The policies that apply to one request. Each absent kind means none. */
export interface PolicyInputs {
  /** Identity policies of the principal (for a role session: the role's). */
  identity?: PolicyDocument[];
  permissionsBoundary?: PolicyDocument;
  /** Session policies; several combine as a union, which then limits the identity policies. */
  session?: PolicyDocument[];
  /** Resource-based policy: bucket/key/queue policy, or a role's trust policy for sts:AssumeRole*, sts:TagSession, sts:SetSourceIdentity. */
  resource?: PolicyDocument;
  /** SCPs over the principal's account: levels root first, each level a list of policies; every level must allow. */
  scp?: PolicyDocument[][];
  /** RCPs over the resource's account, levels root first; RCPFullAWSAccess is implied at every level. */
  rcp?: PolicyDocument[][];
}

/** The kinds of policy that take part in a decision. */
export type PolicyKind = 'scp' | 'rcp' | 'resource' | 'identity' | 'boundary' | 'session';

/**
 * The policy kind that made a decision; `trust` is the resource kind when it is a role's trust
 * policy, `root` the account root user's implicit access, `sts` a rule STS applies to the
 * caller's credentials whatever the policies say (see `evaluate/sts-rules.ts`).
 */
export type DecidingKind = PolicyKind | 'trust' | 'root' | 'sts';

/** The validator's policy types. */
export type PolicyType = 'identity' | 'resource' | 'trust' | 'boundary' | 'session' | 'scp' | 'rcp';

/** A source range: offsets into the text and 1-based line and column. */
export interface SourceRange {
  start: number;
  end: number;
  startLine: number;
  startColumn: number;
  endLine: number;
  endColumn: number;
}

/** One validation finding. `code` is stable; `message` starts lowercase, quotes user input in backticks. */
export interface Diagnostic {
  severity: 'error' | 'warning' | 'info';
  /** A warning about who gets access (Access Analyzer's "security warning"). */
  security?: true;
  code: string;
  message: string;
  range: SourceRange;
  /** Facts a quick fix acts on (`conditionKey` for a missing condition). */
  data?: Readonly<Record<string, string>>;
}
