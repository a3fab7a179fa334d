// Filtering the CloudTrail-shaped event log: free text over the whole record, event name,
// and error (any, none, or one error code).

import type { CloudTrailEvent } from '../../sts/index.ts';

export const ANY = '';
export const ANY_ERROR = 'any-error';
export const NO_ERROR = 'no-error';

export interface EventFilter {
  text: string;
  /** An event name, or ANY. */
  eventName: string;
  /** An error code, ANY, ANY_ERROR or NO_ERROR. */
  error: string;
}

export const NO_FILTER: EventFilter = { text: '', eventName: ANY, error: ANY };

export function filterEvents(
  events: readonly CloudTrailEvent[],
  filter: EventFilter,
): CloudTrailEvent[] {
  const words = filter.text
    .toLowerCase()
    .split(/\s+/)
    .filter((w) => w !== '');
  return events.filter((event) => {
    if (filter.eventName !== ANY && event.eventName !== filter.eventName) return false;
    if (filter.error === ANY_ERROR && !event.errorCode) return false;
    if (filter.error === NO_ERROR && event.errorCode) return false;
    if (![ANY, ANY_ERROR, NO_ERROR].includes(filter.error) && event.errorCode !== filter.error)
      return false;
    if (words.length === 0) return true;
    const haystack = JSON.stringify(event).toLowerCase();
    return words.every((w) => haystack.includes(w));
  });
}

/** Distinct values for the filter menus, in first-seen order. */
export function filterChoices(events: readonly CloudTrailEvent[]): {
  eventNames: string[];
  errorCodes: string[];
} {
  const eventNames = new Set<string>();
  const errorCodes = new Set<string>();
  for (const e of events) {
    eventNames.add(e.eventName);
    if (e.errorCode) errorCodes.add(e.errorCode);
  }
  return { eventNames: [...eventNames], errorCodes: [...errorCodes] };
}
