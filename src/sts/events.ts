// A CloudTrail-shaped record of every STS call and every simulated API call, exportable
// as JSON Lines (one event per line, as CloudTrail Lake and most SIEMs ingest them).
import { actionName, actionService } from '../engine/index.ts';

type UserIdentityType =
  | 'IAMUser'
  | 'Root'
  | 'AssumedRole'
  | 'AWSService'
  | 'SAMLUser'
  | 'WebIdentityUser'
  | 'FederatedUser'
  | 'Unknown';

interface SessionContext {
  sessionIssuer?: {
    type: 'Role';
    principalId: string;
    arn: string;
    accountId: string;
    userName: string;
  };
  attributes: { creationDate: string; mfaAuthenticated: 'true' | 'false' };
  sourceIdentity?: string;
  webIdFederationData?: { federatedProvider: string; attributes: Record<string, unknown> };
}

export interface UserIdentity {
  type: UserIdentityType;
  principalId?: string;
  arn?: string;
  accountId?: string;
  accessKeyId?: string;
  userName?: string;
  invokedBy?: string;
  identityProvider?: string;
  sessionContext?: SessionContext;
}

export interface CloudTrailEvent {
  eventVersion: '1.08';
  eventTime: string;
  eventSource: string;
  eventName: string;
  awsRegion: string;
  sourceIPAddress: string;
  userAgent: string;
  userIdentity: UserIdentity;
  requestParameters: Record<string, unknown> | null;
  responseElements: Record<string, unknown> | null;
  errorCode?: string;
  errorMessage?: string;
  additionalEventData?: Record<string, unknown>;
  requestID: string;
  eventID: string;
  readOnly: boolean;
  eventType: 'AwsApiCall';
  managementEvent: boolean;
  recipientAccountId?: string;
}

export type EventListener = (event: CloudTrailEvent) => void;

export class EventLog {
  private readonly list: CloudTrailEvent[] = [];
  private readonly listeners = new Set<EventListener>();

  append(event: CloudTrailEvent): void {
    this.list.push(event);
    for (const listener of this.listeners) listener(event);
  }

  events(): readonly CloudTrailEvent[] {
    return this.list;
  }

  get size(): number {
    return this.list.length;
  }

  clear(): void {
    this.list.length = 0;
  }

  subscribe(listener: EventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  toJsonLines(): string {
    return toJsonLines(this.list);
  }
}

export function toJsonLines(events: readonly CloudTrailEvent[]): string {
  return events.map((e) => `${JSON.stringify(e)}\n`).join('');
}

/** Service host for an action's prefix (`s3:GetObject` → `s3.amazonaws.com`). */
export function eventSourceOf(action: string): string {
  const prefix = actionService(action) || 'unknown';
  return `${prefix.toLowerCase()}.amazonaws.com`;
}

/** Action name without its service prefix (`s3:GetObject` → `GetObject`). */
export function eventNameOf(action: string): string {
  return action.includes(':') ? actionName(action) : action;
}
