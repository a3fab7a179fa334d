/**
 * The analysis's only way to ask about access: the model's design -> engine adapter
 * (`access(design)`), at the analysis's instant. Its answers become `{ needs }` (what must
 * also be true) or `undefined` (never at this instant). A condition on the clock cannot be
 * met by supplying context, so a grant that needs one is dropped, not turned into a need.
 *
 * The prefilter (`mayAllowIdentity`) reads the adapter's policy resolution to skip questions
 * no identity Allow could answer yes (for actions no resource policy can grant); it never
 * grants anything itself.
 */
import { wildcardMatches } from '../engine';
import {
  access,
  contextText,
  findEntity,
  stringList,
  principalPolicies,
  statementCoversAction,
  statementsOf,
  type ConditionNeed,
  type Design,
  type DesignAccess,
  type EntityId,
  type Role,
  type User,
} from '../model';

export interface Granted {
  needs: string[];
}

/** A grant with nothing more to meet, shared (no one changes a grant). */
const NOTHING_NEEDED: Granted = Object.freeze({ needs: Object.freeze([]) as unknown as string[] });

const CLOCK_KEYS = new Set(['aws:currenttime', 'aws:epochtime', 'aws:tokenissuetime']);

/**
 * The needs as words; undefined when one is on the clock or on a key the question fixed
 * (`iam:PassedToService` is the service a role is passed to, not something to choose).
 */
function needWords(
  needs: readonly ConditionNeed[],
  fixed: Record<string, string> = {},
): string[] | undefined {
  const fixedKeys = new Set(Object.keys(fixed).map((k) => k.toLowerCase()));
  if (needs.some((n) => CLOCK_KEYS.has(n.key.toLowerCase()) || fixedKeys.has(n.key.toLowerCase())))
    return undefined;
  return [...new Set(needs.map((n) => n.text))];
}

export class Oracle {
  private readonly design: Design;
  private readonly adapter: DesignAccess;
  private readonly nowMs: number;
  private readonly calls = new Map<string, Granted | null>();
  private readonly actionIndex = new Map<EntityId, readonly object[]>();
  private readonly docCovers = new WeakMap<object, Map<string, boolean>>();
  private readonly docAllows = new WeakMap<object, Record<string, unknown>[]>();
  private readonly resourcePatterns = new Map<string, Map<EntityId, readonly string[] | 'any'>>();
  private readonly actionIds = new Map<string, number>();
  private readonly mayAllow = new Map<EntityId, Uint8Array>();
  private readonly actors = new Map<EntityId, User | Role | null>();
  private readonly grantedByNeeds = new WeakMap<readonly ConditionNeed[], Granted | null>();
  questions = 0;

  /**
   * `reference`: the straightforward path, for tests that hold the fast one to it: every
   * question asked of the adapter's full `canAssume` and `canCall`, and no prefilter.
   */
  constructor(
    design: Design,
    nowMs: number,
    readonly reference = false,
  ) {
    this.design = design;
    this.adapter = access(design);
    this.nowMs = nowMs;
  }

  /** Can `source` assume `role`; with `context` overriding the defaults. */
  assume(source: EntityId, role: EntityId, context?: Record<string, string>): Granted | undefined {
    this.questions++;
    const q = context
      ? { source, role, now: this.nowMs, context }
      : { source, role, now: this.nowMs };
    const verdict = this.reference ? this.adapter.canAssume(q) : this.adapter.assumeAnswer(q);
    if (verdict.status === 'denied') return undefined;
    if (verdict.needs.length === 0) return NOTHING_NEEDED;
    if (context) {
      const needs = needWords(verdict.needs, context);
      return needs ? { needs } : undefined;
    }
    // The adapter shares one needs list among the pairs it found the same: one answer each.
    let granted = this.grantedByNeeds.get(verdict.needs);
    if (granted === undefined) {
      const needs = needWords(verdict.needs);
      granted = needs ? { needs } : null;
      this.grantedByNeeds.set(verdict.needs, granted);
    }
    return granted ?? undefined;
  }

  /** Can `source` (a user, or a fresh session of a role) make this call. */
  call(
    source: EntityId,
    action: string,
    resource: string,
    context?: Record<string, string>,
  ): Granted | undefined {
    // No identity Allow for the action and no resource policy that could grant it: the adapter
    // would deny (the filter only skips questions; the reference path asks every one).
    if (!this.reference) {
      const actor = this.actorOf(source);
      if (actor && !this.mayAllowIdentity(actor, action) && !this.resourcePolicyMayGrant(resource))
        return undefined;
    }
    const key = `${source}\n${action}\n${resource}\n${contextText(context)}`;
    const hit = this.calls.get(key);
    if (hit !== undefined) return hit ?? undefined;
    this.questions++;
    const q = { source, action, resource, now: this.nowMs, ...(context ? { context } : {}) };
    const verdict = this.reference ? this.adapter.canCall(q) : this.adapter.callAnswer(q);
    const needs =
      verdict.status === 'denied'
        ? undefined
        : verdict.needs.length === 0
          ? NOTHING_NEEDED.needs
          : needWords(verdict.needs, context);
    const result = needs === NOTHING_NEEDED.needs ? NOTHING_NEEDED : needs ? { needs } : undefined;
    this.calls.set(key, result ?? null);
    return result;
  }

  /** All of these calls; their needs together, or undefined when one is never allowed. */
  all(source: EntityId, calls: [string, string, Record<string, string>?][]): Granted | undefined {
    const needs = new Set<string>();
    for (const [action, resource, context] of calls) {
      const g = this.call(source, action, resource, context);
      if (!g) return undefined;
      g.needs.forEach((n) => needs.add(n));
    }
    return { needs: [...needs] };
  }

  /** The first of these alternatives that is allowed (fewest needs first). */
  any(
    source: EntityId,
    alternatives: [string, string, Record<string, string>?][][],
  ): { granted: Granted; actions: string[] } | undefined {
    let best: { granted: Granted; actions: string[] } | undefined;
    for (const calls of alternatives) {
      const granted = this.all(source, calls);
      if (granted && (!best || granted.needs.length < best.granted.needs.length))
        best = { granted, actions: calls.map(([a]) => a) };
    }
    return best;
  }

  /**
   * Whether any identity policy statement of the principal (groups included) with Effect
   * Allow covers the action. A necessary condition for actions only identity policies grant.
   */
  /**
   * The `Resource` patterns of the principal's identity Allow statements that cover the
   * action (none: `mayAllowIdentity` is false), or `any` when one of them may apply to every
   * resource (`NotResource`, or a policy variable in a pattern). Principals with the same
   * patterns may be asked about a resource once (trust candidates do).
   */
  allowedResources(principal: User | Role, action: string): readonly string[] | 'any' {
    if (this.reference) return 'any';
    let byPrincipal = this.resourcePatterns.get(action);
    if (!byPrincipal) {
      byPrincipal = new Map();
      this.resourcePatterns.set(action, byPrincipal);
    }
    let hit = byPrincipal.get(principal.id);
    if (hit === undefined) {
      const patterns: string[] = [];
      let any = false;
      if (this.mayAllowIdentity(principal, action))
        for (const doc of this.identityDocs(principal))
          for (const s of this.allows(doc))
            if (statementCoversAction(s, action)) {
              if (!('Resource' in s)) any = true;
              else
                for (const p of stringList(s.Resource)) {
                  if (p.includes('${')) any = true;
                  patterns.push(p);
                }
            }
      hit = any ? 'any' : patterns;
      byPrincipal.set(principal.id, hit);
    }
    return hit;
  }

  /** `mayAllowIdentity`, and one of those statements may apply to this resource (see `allowedResources`). */
  mayAllowIdentityOn(principal: User | Role, action: string, resource: string): boolean {
    const patterns = this.allowedResources(principal, action);
    return patterns === 'any' || patterns.some((p) => wildcardMatches(p, resource, true));
  }

  mayAllowIdentity(principal: User | Role, action: string): boolean {
    if (this.reference) return true;
    // Remembered per principal and action: two bits per action (asked, answer).
    const id = this.actionId(action);
    const known = this.known(principal.id, [id]);
    const hit = known[id]!;
    if (hit !== 0) return hit === 2;
    // Per document too: principals share managed policies (one parsed document each).
    const may = this.identityDocs(principal).some((doc) => {
      let covers = this.docCovers.get(doc);
      if (!covers) {
        covers = new Map();
        this.docCovers.set(doc, covers);
      }
      let c = covers.get(action);
      if (c === undefined) {
        c = this.allows(doc).some((s) => statementCoversAction(s, action));
        covers.set(action, c);
      }
      return c;
    });
    known[id] = may ? 2 : 1;
    return may;
  }

  private actorOf(id: EntityId): User | Role | undefined {
    let hit = this.actors.get(id);
    if (hit === undefined) {
      const e = findEntity(this.design, id);
      hit = e?.kind === 'user' || e?.kind === 'role' ? e : null;
      this.actors.set(id, hit);
    }
    return hit ?? undefined;
  }

  /**
   * Whether a resource policy of the design may apply to a call on this resource (then an
   * Allow need not come from identity policies). S3 ARNs always may: an object ARN takes its
   * bucket's policy.
   */
  private resourcePolicyMayGrant(resource: string): boolean {
    return (
      resource.includes(':s3:') || this.adapter.world.index.resource(resource)?.policy !== undefined
    );
  }

  /**
   * For each action, which of these actors `mayAllowIdentity` (all of them on the reference
   * path), as one byte per actor: the action -> principals index, built once from the identity
   * documents (each document read once per action) and remembered for `mayAllowIdentity`.
   */
  principalsByAction(
    actors: readonly (User | Role)[],
    actions: readonly string[],
  ): Map<string, Uint8Array> {
    const index = new Map(actions.map((a) => [a, new Uint8Array(actors.length)]));
    if (this.reference) {
      for (const bits of index.values()) bits.fill(1);
      return index;
    }
    const columns = actions.map((a) => index.get(a)!);
    const ids = actions.map((a) => this.actionId(a));
    const byDoc = new WeakMap<object, Uint8Array>();
    const covers = (doc: object) => {
      let bits = byDoc.get(doc);
      if (!bits) {
        const allows = this.allows(doc);
        bits = Uint8Array.from(actions, (a) =>
          allows.some((st) => statementCoversAction(st, a)) ? 1 : 0,
        );
        byDoc.set(doc, bits);
      }
      return bits;
    };
    actors.forEach((actor, i) => {
      const known = this.known(actor.id, ids);
      for (const doc of this.identityDocs(actor)) {
        const bits = covers(doc);
        for (let k = 0; k < actions.length; k++) if (bits[k]) columns[k]![i] = 1;
      }
      for (let k = 0; k < actions.length; k++) known[ids[k]!] = columns[k]![i] ? 2 : 1;
    });
    return index;
  }

  private actionId(action: string): number {
    let id = this.actionIds.get(action);
    if (id === undefined) {
      id = this.actionIds.size;
      this.actionIds.set(action, id);
    }
    return id;
  }

  /** The principal's remembered `mayAllowIdentity` answers (0 unknown, 1 no, 2 yes), room for these ids. */
  private known(principal: EntityId, ids: readonly number[]): Uint8Array {
    const need = Math.max(...ids) + 1;
    let known = this.mayAllow.get(principal);
    if (!known || known.length < need) {
      const grown = new Uint8Array(Math.max(64, need * 2));
      if (known) grown.set(known);
      known = grown;
      this.mayAllow.set(principal, known);
    }
    return known;
  }

  private identityDocs(principal: User | Role): readonly object[] {
    let docs = this.actionIndex.get(principal.id);
    if (!docs) {
      docs = principalPolicies(this.design, principal).identity.map((p) => p.document);
      this.actionIndex.set(principal.id, docs);
    }
    return docs;
  }

  private allows(doc: object): Record<string, unknown>[] {
    let list = this.docAllows.get(doc);
    if (!list) {
      list = statementsOf(doc as Parameters<typeof statementsOf>[0]).filter(
        (s) => s.Effect === 'Allow',
      );
      this.docAllows.set(doc, list);
    }
    return list;
  }
}
