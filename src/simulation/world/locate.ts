// From a check's policy reference (or an explanation's decisive statement) back to the policy
// text a person can open: which entity, which policy tab, which statement and where it is.

import {
  parsePolicy,
  type PolicyDocument,
  type SourceRange,
  type StatementRef,
} from '../../engine';
import type { PolicyReference } from '../../sts/index.ts';
import type { EntityId, PolicySlot } from '../../model';
import type { PolicySource, WorldSources } from './design-world';

/** A policy with one statement picked out (when the reference names one). */
export interface StatementFocus {
  /** Where the policy lives in the design; absent for session policies (they belong to the call). */
  entityId?: EntityId;
  slot?: PolicySlot;
  policyName: string;
  text: string;
  statementIndex?: number;
  sid?: string;
  /**
   * What to pick out in `text`: the statement's range, or, when no one statement decided
   * (nothing in the policy allows), the range from its first statement to its last.
   */
  range?: SourceRange;
}

/** Whose policies a reference points into. */
export interface FocusSubject {
  /** The principal whose identity side is meant: a user's ARN, or a session's role ARN. */
  identityArn?: string;
  /** The account whose SCPs apply (the caller's, or the session role's). */
  scpAccount?: string;
  /** The role whose trust policy is meant. */
  roleArn?: string;
  /** The account whose RCPs apply (the role's for an assume, the resource's for a call). */
  rcpAccount?: string;
  resourceArn?: string;
  /** Session policies of the calling session (or of the session making a call). */
  sessionPolicies?: readonly PolicyDocument[];
}

/** The range of one statement, or of all of them (first to last) without an index. */
function statementRange(text: string, index: number | undefined): SourceRange | undefined {
  const statements = parsePolicy(text).policy?.statements ?? [];
  if (index !== undefined) return statements[index]?.range;
  const first = statements[0]?.range;
  const last = statements[statements.length - 1]?.range;
  if (!first || !last) return undefined;
  return {
    start: first.start,
    startLine: first.startLine,
    startColumn: first.startColumn,
    end: last.end,
    endLine: last.endLine,
    endColumn: last.endColumn,
  };
}

function focusOf(
  source: PolicySource | undefined,
  statement?: number,
  sid?: string,
): StatementFocus | undefined {
  if (!source) return undefined;
  const focus: StatementFocus = {
    entityId: source.entityId,
    slot: source.slot,
    policyName: source.name,
    text: source.text,
  };
  if (statement !== undefined) focus.statementIndex = statement;
  const range = statementRange(source.text, statement);
  if (range) focus.range = range;
  if (sid !== undefined) focus.sid = sid;
  return focus;
}

function sessionFocus(
  policies: readonly PolicyDocument[] | undefined,
  index: number,
  statement?: number,
  sid?: string,
): StatementFocus | undefined {
  const policy = policies?.[index];
  if (!policy) return undefined;
  const text = JSON.stringify(policy, null, 2);
  const focus: StatementFocus = { policyName: `session policy ${index + 1}`, text };
  if (statement !== undefined) focus.statementIndex = statement;
  const range = statementRange(text, statement);
  if (range) focus.range = range;
  if (sid !== undefined) focus.sid = sid;
  return focus;
}

type Kind = PolicyReference['type'];

interface Pointer {
  type: Kind;
  level?: number;
  index?: number;
  statement?: number;
  sid?: string;
}

function locatePointer(
  pointer: Pointer,
  subject: FocusSubject,
  sources: WorldSources,
): StatementFocus | undefined {
  const { type, level, statement, sid } = pointer;
  const index = pointer.index ?? 0;
  switch (type) {
    case 'trust':
      return subject.roleArn
        ? focusOf(sources.trust.get(subject.roleArn), statement, sid)
        : undefined;
    case 'identity': {
      const list = subject.identityArn ? sources.identity.get(subject.identityArn) : undefined;
      return focusOf(list?.[index], statement, sid);
    }
    case 'boundary':
      return subject.identityArn
        ? focusOf(sources.boundary.get(subject.identityArn), statement, sid)
        : undefined;
    case 'session':
      return sessionFocus(subject.sessionPolicies, index, statement, sid);
    case 'scp':
    case 'rcp': {
      const account = type === 'scp' ? subject.scpAccount : subject.rcpAccount;
      const levels = account ? sources[type].get(account) : undefined;
      return focusOf(levels?.[level ?? 0]?.[index], statement, sid);
    }
  }
}

/** The statement behind a check of an assume (caller side or role side). */
export function locateCheck(
  reference: PolicyReference,
  subject: FocusSubject,
  sources: WorldSources,
): StatementFocus | undefined {
  return locatePointer(reference, subject, sources);
}

/** The statement an explanation calls decisive, in a call made with a session. */
export function locateStatement(
  ref: StatementRef,
  subject: FocusSubject,
  sources: WorldSources,
): StatementFocus | undefined {
  if (ref.kind === 'resource') {
    const source = subject.resourceArn ? sources.resource.get(subject.resourceArn) : undefined;
    return focusOf(source, ref.statementIndex, ref.sid);
  }
  return locatePointer(
    {
      type: ref.kind,
      level: ref.level,
      index: ref.policyIndex,
      statement: ref.statementIndex,
      sid: ref.sid,
    },
    subject,
    sources,
  );
}
