import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { debounce, type Timers } from './debounce';
import { minimalEdit, type TextEdit } from './minimal-edit';
import {
  LARGE_SEND_MAX_WAIT_MS,
  LARGE_SEND_WAIT_MS,
  LARGE_TEXT_CHARS,
  PolicySync,
  type SyncedText,
} from './policy-sync';

/** Timers driven by the test: `advance(ms)` runs what falls due, in order. */
function fakeTimers() {
  let now = 0;
  let next = 0;
  const due = new Map<number, { at: number; fn: () => void }>();
  const timers: Timers = {
    setTimeout: (fn, ms) => {
      due.set(++next, { at: now + ms, fn });
      return next;
    },
    clearTimeout: (handle) => void due.delete(handle as number),
    now: () => now,
  };
  const advance = (ms: number) => {
    const until = now + ms;
    for (;;) {
      const first = [...due.entries()].sort((a, b) => a[1].at - b[1].at)[0];
      if (!first || first[1].at > until) break;
      due.delete(first[0]);
      now = first[1].at;
      first[1].fn();
    }
    now = until;
  };
  return { timers, advance };
}

const apply = (text: string, edit: TextEdit) =>
  text.slice(0, edit.start) + edit.text + text.slice(edit.end);

function setup() {
  const { timers, advance } = fakeTimers();
  const doc = { text: '{}', external: [] as TextEdit[] };
  const target: SyncedText = {
    getText: () => doc.text,
    length: () => doc.text.length,
    applyExternal: (edit) => {
      doc.external.push(edit);
      doc.text = apply(doc.text, edit);
    },
  };
  const sent: string[] = [];
  const sync = new PolicySync(target, (t) => sent.push(t), { wait: 100, maxWait: 250, timers });
  const type = (text: string) => {
    doc.text = text;
    sync.edited();
  };
  return { doc, sync, sent, type, advance };
}

describe('two-way policy sync', () => {
  it('sends the text once the user pauses', () => {
    const { sync, sent, type, advance } = setup();
    type('{"a"');
    advance(50);
    type('{"a":1}');
    advance(99);
    expect(sent).toEqual([]);
    advance(1);
    expect(sent).toEqual(['{"a":1}']);
    expect(sync.pending).toBe(false);
  });

  it('sends at least every maxWait while the user keeps typing', () => {
    const { sent, type, advance } = setup();
    for (let i = 1; i <= 10; i++) {
      type(`{"k": ${i}}`);
      advance(50);
    }
    expect(sent.length).toBeGreaterThanOrEqual(2);
    expect(sent[0]).toBe('{"k": 5}');
  });

  it('ignores the echo of a send the user has typed past', () => {
    const { doc, sync, sent, type, advance } = setup();
    type('{"a":1}');
    advance(100);
    type('{"a":12}');
    expect(sync.receive('{"a":1}')).toBe(false);
    expect(doc.text).toBe('{"a":12}');
    advance(100);
    expect(sent).toEqual(['{"a":1}', '{"a":12}']);
  });

  it('replaces the text with a value from elsewhere, as one minimal edit', () => {
    const { doc, sync } = setup();
    doc.text = '{"Version": "2012-10-17", "Statement": []}';
    expect(sync.receive('{"Version": "2012-10-17", "Statement": [{"Effect": "Allow"}]}')).toBe(
      true,
    );
    const at = '{"Version": "2012-10-17", "Statement": ['.length;
    expect(doc.external).toEqual([{ start: at, end: at, text: '{"Effect": "Allow"}' }]);
  });

  it('applies an app undo back to a text sent earlier', () => {
    const { doc, sync, type, advance } = setup();
    type('{"a":1}');
    advance(100);
    expect(sync.receive('{}')).toBe(true);
    expect(sync.receive('{"a":1}')).toBe(true);
    expect(doc.text).toBe('{"a":1}');
  });

  it('lets a change from elsewhere win over keystrokes not yet sent', () => {
    const { doc, sync, sent, type, advance } = setup();
    type('{"mine":1}');
    sync.receive('{"theirs":1}');
    advance(500);
    expect(doc.text).toBe('{"theirs":1}');
    expect(sent).toEqual([]);
  });

  it('flushes pending edits on demand', () => {
    const { sync, sent, type } = setup();
    type('{"x":1}');
    sync.flush();
    expect(sent).toEqual(['{"x":1}']);
  });
});

describe('minimal edit', () => {
  it.each([
    ['abc', 'abc', undefined],
    ['abc', 'abXc', { start: 2, end: 2, text: 'X' }],
    ['abcdef', 'abef', { start: 2, end: 4, text: '' }],
    ['aaa', 'aaaa', { start: 3, end: 3, text: 'a' }],
    ['', 'x', { start: 0, end: 0, text: 'x' }],
  ])('%j → %j', (from, to, expected) => {
    expect(minimalEdit(from, to)).toEqual(expected);
  });

  it('turns any text into any other (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), fc.string({ unit: 'binary' }), (from, to) => {
        const edit = minimalEdit(from, to);
        expect(edit ? apply(from, edit) : from).toBe(to);
      }),
    );
    // 100 random pairs; the shared 2-core machine can take over 5 s under load.
  }, 30_000);
});

describe('debounce', () => {
  it('runs once after the quiet time, and flush runs a pending call now', () => {
    const { timers, advance } = fakeTimers();
    let runs = 0;
    const d = debounce(() => runs++, 100, 1000, timers);
    d.schedule();
    d.schedule();
    advance(100);
    expect(runs).toBe(1);
    d.schedule();
    d.flush();
    expect(runs).toBe(2);
    d.flush();
    expect(runs).toBe(2);
  });
});

describe('a large policy goes out after a pause in typing', () => {
  const big = (tag: string) => `{"Id": "${tag}", "x": "${'x'.repeat(LARGE_TEXT_CHARS)}"}`;

  it('waits longer, and no longer than its own most', () => {
    const { sent, type, advance } = setup();
    type(big('a'));
    advance(250);
    expect(sent).toEqual([]);
    advance(LARGE_SEND_WAIT_MS);
    expect(sent).toEqual([big('a')]);
    for (let t = 0; t < LARGE_SEND_MAX_WAIT_MS; t += 100) {
      type(big(`b${t}`));
      advance(100);
    }
    expect(sent).toHaveLength(2);
  });

  it('a flush sends it at once, and a text that shrinks goes back to the short wait', () => {
    const { sync, sent, type, advance } = setup();
    type(big('a'));
    sync.flush();
    expect(sent).toEqual([big('a')]);
    type(big('b'));
    type('{}');
    advance(100);
    expect(sent).toEqual([big('a'), '{}']);
    advance(LARGE_SEND_MAX_WAIT_MS);
    expect(sent).toEqual([big('a'), '{}']);
  });
});
