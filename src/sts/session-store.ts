// Role sessions by access key id. A session is usable strictly before its Expiration:
// any use at or after it is ExpiredToken.

import type { SessionRecord } from './types.ts';

export type SessionStatus = 'active' | 'expired';

export function isExpired(session: Pick<SessionRecord, 'expiration'>, nowMs: number): boolean {
  return nowMs >= session.expiration;
}

export function secondsRemaining(
  session: Pick<SessionRecord, 'expiration'>,
  nowMs: number,
): number {
  return Math.max(0, Math.floor((session.expiration - nowMs) / 1000));
}

export class SessionStore {
  private readonly byAccessKey = new Map<string, SessionRecord>();

  add(session: SessionRecord): void {
    this.byAccessKey.set(session.accessKeyId, session);
  }

  get(accessKeyId: string): SessionRecord | undefined {
    return this.byAccessKey.get(accessKeyId);
  }

  status(accessKeyId: string, nowMs: number): SessionStatus | undefined {
    const session = this.byAccessKey.get(accessKeyId);
    if (!session) return undefined;
    return isExpired(session, nowMs) ? 'expired' : 'active';
  }

  all(): SessionRecord[] {
    return [...this.byAccessKey.values()];
  }

  active(nowMs: number): SessionRecord[] {
    return this.all().filter((s) => !isExpired(s, nowMs));
  }

  /** Sessions of one role, oldest first. */
  ofRole(roleArn: string): SessionRecord[] {
    return this.all().filter((s) => s.roleArn === roleArn);
  }

  remove(accessKeyId: string): boolean {
    return this.byAccessKey.delete(accessKeyId);
  }

  clear(): void {
    this.byAccessKey.clear();
  }

  get size(): number {
    return this.byAccessKey.size;
  }
}
