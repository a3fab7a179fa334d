/** A statement whose every request is already covered by another with the same effect. */
import type { ParsedStatement } from '../parse/model.ts';
import { compileGlob } from '../match/glob.ts';
import { quote, type Report } from './report.ts';

/**
 * Most statements one statement is compared with. Candidates are already narrowed to those
 * that could cover its first action and its first resource, so the cap only binds on policies
 * with hundreds of near-identical statements; it keeps the check linear there.
 */
const REDUNDANT_CANDIDATES_CAP = 256;

interface Pattern {
  text: string;
  test: (value: string) => boolean;
  wild: boolean;
  /** The text before the first wildcard. */
  literal: string;
}

interface Simple {
  index: number;
  actions: Pattern[];
  resources: Pattern[];
  rest: string;
}

function stringsOf(value: unknown): string[] | undefined {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value) && value.every((v) => typeof v === 'string')) return value as string[];
  return undefined;
}

function pattern(raw: string, lower: boolean): Pattern {
  const text = lower ? raw.toLowerCase() : raw;
  const at = text.search(/[*?]/);
  return {
    text,
    test: compileGlob(text),
    wild: at >= 0,
    literal: at < 0 ? text : text.slice(0, at),
  };
}

function simple(s: ParsedStatement, index: number): Simple | undefined {
  if (!s.isObject || s.notAction || s.notResource || s.notPrincipal || s.condition)
    return undefined;
  const actions = stringsOf(s.action?.value);
  const resources = s.resource ? stringsOf(s.resource.value) : ['*'];
  if (!actions || actions.length === 0 || !resources || resources.length === 0) return undefined;
  return {
    index,
    actions: actions.map((a) => pattern(a, true)),
    resources: resources.map((r) => pattern(r, false)),
    rest: JSON.stringify([s.effect?.value, s.principal?.value ?? null]),
  };
}

/** Whether pattern `o` matches every value `i` matches (wildcards in `i` must be matched literally or by `*`). */
function coversPattern(o: Pattern, i: Pattern): boolean {
  return (
    o.text === i.text ||
    o.text === '*' ||
    (!i.wild && o.test(i.text)) ||
    (o.text.endsWith('*') && !o.text.includes('?') && i.text.startsWith(o.text.slice(0, -1)))
  );
}

/** Whether every pattern in `inner` is covered by a pattern in `outer`. */
function covered(inner: Pattern[], outer: Pattern[]): boolean {
  return inner.every((i) => outer.some((o) => coversPattern(o, i)));
}

/**
 * Statements by the literal prefix of each of their patterns. Whatever covers a pattern `i`
 * has a literal prefix that is a prefix of `i`'s text (see {@link coversPattern}), so the
 * statements that could cover `i` are those filed under one of `i`'s prefixes: one lookup per
 * prefix length in use.
 */
class PrefixIndex {
  private readonly lists = new Map<string, Simple[]>();
  private readonly lengths = new Set<number>();

  add(literal: string, s: Simple): void {
    const list = this.lists.get(literal);
    if (!list) {
      this.lists.set(literal, [s]);
      this.lengths.add(literal.length);
    } else if (list[list.length - 1] !== s) list.push(s);
  }

  /** The lists of statements that could cover `text`, and how many entries they hold. */
  candidates(text: string): { lists: Simple[][]; size: number } {
    const lists: Simple[][] = [];
    let size = 0;
    for (const length of this.lengths) {
      if (length > text.length) continue;
      const list = this.lists.get(text.slice(0, length));
      if (list) {
        lists.push(list);
        size += list.length;
      }
    }
    return { lists, size };
  }
}

/** Up to `limit` statements from lists each in statement order, merged in order without repeats. */
function firstInOrder(lists: Simple[][], limit: number): Simple[] {
  const at = lists.map(() => 0);
  const out: Simple[] = [];
  while (out.length < limit) {
    let pick = -1;
    for (let l = 0; l < lists.length; l++) {
      const next = lists[l]![at[l]!];
      if (next && (pick < 0 || next.index < lists[pick]![at[pick]!]!.index)) pick = l;
    }
    if (pick < 0) break;
    const next = lists[pick]![at[pick]!++]!;
    if (out[out.length - 1] !== next) out.push(next);
  }
  return out;
}

/**
 * Statements are grouped by effect and principal; within a group a statement is compared only
 * with those that could cover its first action, or its first resource, whichever are fewer.
 */
export function checkRedundant(r: Report): void {
  const statements = r.policy.statements;
  const all = statements.map(simple);
  const groups = new Map<string, { actions: PrefixIndex; resources: PrefixIndex }>();
  for (const s of all) {
    if (!s) continue;
    let group = groups.get(s.rest);
    if (!group)
      groups.set(s.rest, (group = { actions: new PrefixIndex(), resources: new PrefixIndex() }));
    for (const a of s.actions) group.actions.add(a.literal, s);
    for (const p of s.resources) group.resources.add(p.literal, s);
  }
  for (const mine of all) {
    if (!mine) continue;
    const group = groups.get(mine.rest)!;
    const byAction = group.actions.candidates(mine.actions[0]!.text);
    const byResource = group.resources.candidates(mine.resources[0]!.text);
    const { lists } = byAction.size <= byResource.size ? byAction : byResource;
    const by = firstInOrder(lists, REDUNDANT_CANDIDATES_CAP + 1).find((other) => {
      if (other === mine) return false;
      const same = covered(mine.actions, other.actions) && covered(mine.resources, other.resources);
      if (!same) return false;
      const back = covered(other.actions, mine.actions) && covered(other.resources, mine.resources);
      return !back || other.index < mine.index;
    });
    if (!by) continue;
    const sid = statements[by.index]!.sid;
    const name = sid && typeof sid.value === 'string' ? quote(sid.value) : `${by.index + 1}`;
    r.warning(
      'redundant-statement',
      `this statement is redundant: statement ${name} already covers every request it matches`,
      statements[mine.index]!.range,
    );
  }
}
