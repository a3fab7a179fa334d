/** The date operators: ISO 8601 dates and times, or epoch seconds. */
import { parseDate } from '../../time/iso-date.ts';
import { negate, type ConditionOperator } from '../operator.ts';

/** Request dates already read (bounded: requests carry a few times); null: no date. */
const dates = new Map<string, number | null>();

/** A request's date value, read once per text. */
function readDate(text: string): number | undefined {
  let ms = dates.get(text);
  if (ms === undefined) {
    if (dates.size >= 1024) dates.clear();
    ms = parseDate(text) ?? null;
    dates.set(text, ms);
  }
  return ms ?? undefined;
}

function date(
  name: string,
  compare: (request: number, policy: number) => boolean,
): ConditionOperator<number, number> {
  return {
    name,
    valueType: 'Date',
    negated: false,
    variables: false,
    wildcards: false,
    compile: parseDate,
    read: readDate,
    test: (policy, request) => compare(request, policy),
  };
}

export const dateEquals = date('DateEquals', (r, p) => r === p);
export const dateNotEquals = negate(dateEquals, 'DateNotEquals');
export const dateLessThan = date('DateLessThan', (r, p) => r < p);
export const dateLessThanEquals = date('DateLessThanEquals', (r, p) => r <= p);
export const dateGreaterThan = date('DateGreaterThan', (r, p) => r > p);
export const dateGreaterThanEquals = date('DateGreaterThanEquals', (r, p) => r >= p);
