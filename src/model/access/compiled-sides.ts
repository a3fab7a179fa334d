// Policies compiled once and shared: every caller (or target) whose inputs are the same
// documents (the same objects: principals sharing a managed policy or a group share its parsed
// document) shares one compiled set, and so does each join of a caller's side with a target's.

import {
  compilePolicies,
  type CompiledPolicySet,
  type PolicyDocument,
  type PolicyInputs,
} from '../../engine';
import { joinedReads, requestReads, type RequestReads } from './request-class';

/** Policies compiled once, with whether any of their statements has a condition. */
export interface CompiledSide {
  /** A number per side of one cache (questions' keys name sides by it). */
  id: number;
  set: CompiledPolicySet;
  conditionFree: boolean;
  /** The documents compiled (every kind, in no particular order). */
  docs: readonly PolicyDocument[];
  /** What requests of each action read of these policies (see `requestReads`), made on first use. */
  reads?: Map<string, RequestReads>;
  /** A join's two sides (its reads are theirs together). */
  of?: readonly [CompiledSide, CompiledSide];
}

const documentsOf = (inputs: PolicyInputs): PolicyDocument[] => [
  ...(inputs.identity ?? []),
  ...(inputs.permissionsBoundary ? [inputs.permissionsBoundary] : []),
  ...(inputs.session ?? []),
  ...(inputs.resource ? [inputs.resource] : []),
  ...(inputs.scp ?? []).flat(),
  ...(inputs.rcp ?? []).flat(),
];

/**
 * Whether no statement of these documents has a condition. Then no request context can change
 * the decision, and a denial is final: the explanation would show no condition to meet (see
 * `proposeContext`), so the fast decision alone answers.
 */
function conditionFree(docs: readonly PolicyDocument[]): boolean {
  return docs.every((doc) => {
    const raw = doc.Statement;
    const list: unknown[] = Array.isArray(raw) ? raw : raw === undefined ? [] : [raw];
    return list.every(
      (st) => !st || typeof st !== 'object' || !('Condition' in st) || st.Condition === undefined,
    );
  });
}

/**
 * The caller's and the target's policies as one set: what `compilePolicies` makes of both
 * sides' inputs together, each side compiled once.
 */
const joined = (caller: CompiledPolicySet, target: CompiledPolicySet): CompiledPolicySet => ({
  identity: caller.identity,
  boundary: caller.boundary,
  session: caller.session,
  scp: caller.scp,
  resource: target.resource,
  rcp: target.rcp,
  plans: [],
});

/** What requests of an action read of a side's policies (made once per side and action). */
export function readsOn(side: CompiledSide, action: string): RequestReads {
  side.reads ??= new Map();
  let reads = side.reads.get(action);
  if (!reads) {
    reads = side.of
      ? joinedReads(readsOn(side.of[0], action), readsOn(side.of[1], action))
      : requestReads(side.docs, action);
    side.reads.set(action, reads);
  }
  return reads;
}

/**
 * Compiled sides of one design: `compilePolicies` reads only the documents and their places,
 * so one compiled set serves every input of the same documents, and so does each join of two
 * sides (with the action plans the engine fills in).
 */
export class SideCache {
  private readonly ids = new WeakMap<object, number>();
  private nextId = 0;
  private nextSide = 0;
  private readonly sides = new Map<string, CompiledSide>();
  private readonly joins = new WeakMap<CompiledSide, Map<CompiledSide, CompiledSide>>();

  private id(doc: object): number {
    let id = this.ids.get(doc);
    if (id === undefined) {
      id = this.nextId++;
      this.ids.set(doc, id);
    }
    return id;
  }

  private list(docs: readonly object[] | undefined): string {
    return docs === undefined ? '-' : docs.map((d) => this.id(d)).join(',');
  }

  private levels(levels: readonly (readonly object[])[] | undefined): string {
    return levels === undefined ? '-' : levels.map((l) => this.list(l)).join(';');
  }

  side(inputs: PolicyInputs): CompiledSide {
    const { identity, permissionsBoundary: b, session, resource: r, scp, rcp } = inputs;
    const key = `${this.list(identity)}|${b ? this.id(b) : '-'}|${this.list(session)}|${r ? this.id(r) : '-'}|${this.levels(scp)}|${this.levels(rcp)}`;
    let side = this.sides.get(key);
    if (!side) {
      const docs = documentsOf(inputs);
      side = {
        id: this.nextSide++,
        set: compilePolicies(inputs),
        conditionFree: conditionFree(docs),
        docs,
      };
      this.sides.set(key, side);
    }
    return side;
  }

  /** The two sides as one set (`joined`), made once per pair of sides. */
  joined(caller: CompiledSide, target: CompiledSide): CompiledSide {
    let byTarget = this.joins.get(caller);
    if (!byTarget) {
      byTarget = new Map();
      this.joins.set(caller, byTarget);
    }
    let both = byTarget.get(target);
    if (!both) {
      both = {
        id: this.nextSide++,
        set: joined(caller.set, target.set),
        conditionFree: caller.conditionFree && target.conditionFree,
        docs: [...caller.docs, ...target.docs],
        of: [caller, target],
      };
      byTarget.set(target, both);
    }
    return both;
  }

  /** The caller's half of a call's policies (identity, boundary, session, SCPs), compiled once. */
  callerSide(inputs: PolicyInputs): CompiledSide {
    const { identity, permissionsBoundary, session, scp } = inputs;
    // A signer passes the same lists for every call: remembered by its identity list.
    const known = identity && this.callerByIdentity.get(identity);
    if (
      known &&
      known.boundary === permissionsBoundary &&
      known.session === session &&
      known.scp === scp
    )
      return known.side;
    const only: PolicyInputs = {};
    if (identity) only.identity = identity;
    if (permissionsBoundary) only.permissionsBoundary = permissionsBoundary;
    if (session) only.session = session;
    if (scp) only.scp = scp;
    const side = this.side(only);
    if (identity)
      this.callerByIdentity.set(identity, { boundary: permissionsBoundary, session, scp, side });
    return side;
  }

  private readonly callerByIdentity = new WeakMap<
    PolicyDocument[],
    {
      boundary?: PolicyDocument;
      session?: PolicyDocument[];
      scp?: PolicyDocument[][];
      side: CompiledSide;
    }
  >();

  /** The resource's half of a call's policies (resource policy, RCPs), compiled once. */
  targetSide({ resource, rcp }: PolicyInputs): CompiledSide {
    const target: PolicyInputs = {};
    if (resource) target.resource = resource;
    if (rcp) target.rcp = rcp;
    return this.side(target);
  }

  /**
   * A call's policies compiled as `compilePolicies(inputs)` would: the caller's side and the
   * resource's side each compiled once per set of documents, and joined once per pair.
   */
  callPolicies(inputs: PolicyInputs): CompiledSide {
    return this.joined(this.callerSide(inputs), this.targetSide(inputs));
  }
}
