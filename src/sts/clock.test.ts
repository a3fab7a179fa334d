import { describe, expect, it } from 'vitest';
import { SimulatedClock, formatInstant, parseInstant } from './clock.ts';

describe('SimulatedClock', () => {
  it('starts at the default instant and formats it as STS does', () => {
    const clock = new SimulatedClock();
    expect(clock.nowIso()).toBe('2026-01-01T00:00:00Z');
  });

  it('advances and sets time, notifying listeners', () => {
    const clock = new SimulatedClock('2026-01-01T00:00:00Z');
    const seen: string[] = [];
    const stop = clock.subscribe((ms) => seen.push(formatInstant(ms)));
    clock.advance(900);
    clock.set('2026-03-01T12:30:00Z');
    stop();
    clock.advance(1);
    expect(seen).toEqual(['2026-01-01T00:15:00Z', '2026-03-01T12:30:00Z']);
    expect(clock.nowIso()).toBe('2026-03-01T12:30:01Z');
  });

  it.each([[-1], [Number.NaN], [Number.POSITIVE_INFINITY]])(
    'refuses to advance by %s',
    (seconds) => {
      expect(() => new SimulatedClock().advance(seconds)).toThrow(/cannot advance/);
    },
  );

  it.each([
    ['2026-01-01', '2026-01-01T00:00:00Z'],
    ['2026-01-01T09:00:00', '2026-01-01T09:00:00Z'],
    ['2026-01-01T09:00:00+09:00', '2026-01-01T00:00:00Z'],
  ])('reads `%s` as %s (no offset means UTC)', (text, iso) => {
    expect(new SimulatedClock(text).nowIso()).toBe(iso);
  });

  it.each(['yesterday', '2026-13-45T00:00:00Z', '2026-01-01 00:00:00'])(
    'rejects the instant `%s`',
    (text) => {
      expect(() => parseInstant(text)).toThrow(RangeError);
    },
  );

  it('keeps milliseconds only when there are some', () => {
    expect(formatInstant(parseInstant('2026-01-01T00:00:00.250Z'))).toBe(
      '2026-01-01T00:00:00.250Z',
    );
  });
});
