import { describe, expect, it } from 'vitest';
import {
  EventLog,
  eventNameOf,
  eventSourceOf,
  toJsonLines,
  type CloudTrailEvent,
} from './events.ts';
import { SessionStore, isExpired, secondsRemaining } from './session-store.ts';
import type { SessionRecord } from './types.ts';

const session = (accessKeyId: string, roleArn: string, expiration: number) =>
  ({ accessKeyId, roleArn, expiration }) as SessionRecord;

describe('SessionStore', () => {
  it.each([
    [999, false],
    [1000, true],
    [1001, true],
  ])('at %s ms a session expiring at 1000 is expired: %s', (now, expired) => {
    expect(isExpired({ expiration: 1000 }, now)).toBe(expired);
  });

  it.each([
    [1000, 4],
    [4999, 0],
    [6000, 0],
  ])('at %s ms a session expiring at 5000 has %s whole seconds left', (now, seconds) => {
    expect(secondsRemaining({ expiration: 5000 }, now)).toBe(seconds);
  });

  it('finds sessions by key, role and activity', () => {
    const store = new SessionStore();
    store.add(session('ASIA1', 'arn:r1', 1000));
    store.add(session('ASIA2', 'arn:r1', 5000));
    store.add(session('ASIA3', 'arn:r2', 5000));
    expect(store.status('ASIA1', 1000)).toBe('expired');
    expect(store.status('ASIA2', 1000)).toBe('active');
    expect(store.status('ASIA9', 1000)).toBeUndefined();
    expect(store.active(1000).map((s) => s.accessKeyId)).toEqual(['ASIA2', 'ASIA3']);
    expect(store.ofRole('arn:r1')).toHaveLength(2);
    expect(store.remove('ASIA1')).toBe(true);
    expect(store.size).toBe(2);
  });
});

describe('EventLog', () => {
  it('notifies listeners and exports one JSON object per line', () => {
    const log = new EventLog();
    const seen: string[] = [];
    log.subscribe((e) => seen.push(e.eventName));
    const event = { eventName: 'AssumeRole', eventSource: 'sts.amazonaws.com' } as CloudTrailEvent;
    log.append(event);
    log.append({ ...event, eventName: 'GetObject' });
    expect(seen).toEqual(['AssumeRole', 'GetObject']);
    expect(log.toJsonLines()).toBe(toJsonLines(log.events()));
    expect(log.toJsonLines().split('\n')).toHaveLength(3);
    log.clear();
    expect(log.size).toBe(0);
  });

  it.each([
    ['s3:GetObject', 's3.amazonaws.com', 'GetObject'],
    ['sts:AssumeRole', 'sts.amazonaws.com', 'AssumeRole'],
    ['DynamoDB:Query', 'dynamodb.amazonaws.com', 'Query'],
  ])('names %s as %s %s', (action, source, name) => {
    expect([eventSourceOf(action), eventNameOf(action)]).toEqual([source, name]);
  });
});
