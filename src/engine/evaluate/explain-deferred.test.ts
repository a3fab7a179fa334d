/**
 * An explanation's `context` and `policies` are made when first read (explain.ts). They must
 * be what reading them at once gives, whenever they are read: after other requests were
 * evaluated (the engine reuses its per-request state), after the caller changed the request,
 * in either order, on a frozen explanation; and they must behave as ordinary properties.
 */
import { describe, expect, it } from 'vitest';
import { generateRealistic } from '../../../bench/realistic.ts';
import { compilePolicies, evaluate, type Explanation, type RequestInput } from '../index.ts';

const sets = generateRealistic(7, 60, 20);
const compiled = sets.map((s) => compilePolicies(s.policies));
const pairs = sets.flatMap((s, i) => s.requests.map((request) => ({ request, set: compiled[i]! })));
const explain = (request: RequestInput, i: number) =>
  evaluate(request, pairs[i]!.set, { explain: true }).explanation!;
/** Each explanation read in full as soon as it is made. */
const readAtOnce = pairs.map((p, i) => JSON.stringify(explain(p.request, i)));

/** A deep copy of a request: the test changes the copy after evaluating it. */
const copy = (r: RequestInput): RequestInput => structuredClone(r);

describe('an explanation read later', () => {
  it('is the one read at once, though many requests were evaluated since (read in reverse)', () => {
    const later = pairs.map((p, i) => explain(p.request, i));
    for (let i = later.length - 1; i >= 0; i--)
      expect(JSON.stringify(later[i]), `request ${i}`).toBe(readAtOnce[i]);
  });

  it('is the one read at once, though the caller changed the request and its context', () => {
    const requests = pairs.map((p) => copy(p.request));
    const later = requests.map((r, i) => explain(r, i));
    for (const r of requests) {
      r.principal = 'anonymous';
      r.resource = 'arn:aws:s3:::changed';
      r.now = '2030-01-01T00:00:00Z';
      r.context = { ...r.context, 'aws:SourceIp': '10.9.9.9' };
      for (const key of Object.keys(r.context)) r.context[key] = 'changed';
    }
    later.forEach((e, i) => expect(JSON.stringify(e), `request ${i}`).toBe(readAtOnce[i]));
  });

  it('is the one read at once when nothing else was evaluated since, though the caller changed its context and a policy added a key', () => {
    // The engine's state still holds this request (it is not restored): the context object
    // changed by the caller must not be read again, even when a new key id forces a re-read.
    pairs.forEach((p, i) => {
      const request = copy(p.request);
      const e = explain(request, i);
      const context = (request.context ??= {});
      for (const key of Object.keys(context)) context[key] = 'changed';
      context['aws:SourceIp'] = '10.9.9.9';
      if (i % 5 === 0)
        compilePolicies({
          identity: [
            {
              Version: '2012-10-17',
              Statement: [
                {
                  Effect: 'Allow',
                  Action: '*',
                  Resource: '*',
                  Condition: { StringEquals: { [`test:Added${i}`]: 'x' } },
                },
              ],
            },
          ],
        });
      expect(JSON.stringify(e), `request ${i}`).toBe(readAtOnce[i]);
    });
  });

  it('is the same for a set joined from policies compiled apart (as the access adapter joins caller and role)', () => {
    for (let i = 0; i < pairs.length; i += 3) {
      const { identity, permissionsBoundary, session, scp, resource, rcp } =
        sets[Math.floor(i / 20)]!.policies;
      const caller = compilePolicies({ identity, permissionsBoundary, session, scp });
      const callee = compilePolicies({ resource, rcp });
      const joined = { ...caller, resource: callee.resource, rcp: callee.rcp, plans: [] };
      const e = evaluate(pairs[i]!.request, joined, { explain: true }).explanation!;
      expect(JSON.stringify(e), `request ${i}`).toBe(readAtOnce[i]);
    }
  });

  it('gives the same policies and context in either order, and deep-equal to a copy', () => {
    for (let i = 0; i < pairs.length; i += 7) {
      const a = explain(pairs[i]!.request, i);
      const b = explain(pairs[i]!.request, i);
      const policies = b.policies;
      const context = a.context;
      expect(a.policies).toStrictEqual(policies);
      expect(b.context).toStrictEqual(context);
      expect(a).toStrictEqual(JSON.parse(readAtOnce[i]!) as Explanation);
      expect(structuredClone(explain(pairs[i]!.request, i))).toStrictEqual(a);
      expect({ ...explain(pairs[i]!.request, i) }).toStrictEqual(a);
    }
  });

  it('lists its keys in the order explanations have always had', () => {
    const e = explain(pairs[0]!.request, 0);
    const keys = Object.keys(e);
    expect(keys.slice(0, 9)).toEqual([
      'decision',
      'decidedBy',
      'reason',
      'summary',
      'crossAccount',
      'principal',
      'context',
      'policies',
      'decisive',
    ]);
    expect(Object.keys(JSON.parse(readAtOnce[0]!) as object)).toEqual(keys);
  });

  it('can be frozen before it is read, and read then', () => {
    const e = Object.freeze(explain(pairs[3]!.request, 3));
    expect(JSON.stringify(e)).toBe(readAtOnce[3]);
    expect(e.policies).toBe(e.policies);
  });

  it('takes what the caller assigns, and keeps it', () => {
    const e = explain(pairs[5]!.request, 5);
    e.policies = [];
    e.context = { only: 'this' };
    expect(e.policies).toEqual([]);
    expect(e.context).toEqual({ only: 'this' });
    expect(JSON.parse(JSON.stringify(e))).toMatchObject({
      policies: [],
      context: { only: 'this' },
    });
  });

  it('is made once: the same objects on every read', () => {
    const e = explain(pairs[9]!.request, 9);
    expect(e.policies).toBe(e.policies);
    expect(e.context).toBe(e.context);
  });
});
