/**
 * The one reader of dates and times: condition values of the Date operators, request times
 * (`now`, `aws:CurrentTime`) and the simulated clock. Strict ISO 8601 as AWS documents it
 * (the W3C profile): `YYYY`, `YYYY-MM`, `YYYY-MM-DD`, then `THH:MM`, `:SS`, `.fraction`, and
 * `Z` or `±HH:MM`. A time without an offset is UTC. Never `Date.parse`, whose reading of
 * such text depends on the machine's time zone.
 */

export type DateReading = { ok: true; ms: number } | { ok: false; reason: string };

const iso =
  /^(\d{4})(?:-(\d{2})(?:-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:\d{2})?)?)?)?$/;
const epoch = /^-?\d+(\.\d+)?$/;

function daysIn(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** Reads ISO 8601 text into epoch milliseconds, or says what is wrong with it. */
export function readIsoDate(text: string): DateReading {
  const m = iso.exec(text);
  if (!m) return { ok: false, reason: 'is not an ISO 8601 date such as `2026-01-01T00:00:00Z`' };
  const [, y, mo = '01', d = '01', h = '00', mi = '00', s = '00', fraction = '', zone] = m;
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  const hour = Number(h);
  const minute = Number(mi);
  const second = Number(s);
  if (month < 1 || month > 12) return { ok: false, reason: `has no month ${mo}` };
  if (day < 1 || day > daysIn(year, month))
    return { ok: false, reason: `has no day ${d} in ${y}-${mo}` };
  if (hour > 23) return { ok: false, reason: `has no hour ${h}` };
  if (minute > 59) return { ok: false, reason: `has no minute ${mi}` };
  if (second > 59) return { ok: false, reason: `has no second ${s}` };
  let offset = 0;
  if (zone && zone !== 'Z') {
    const oh = Number(zone.slice(1, 3));
    const om = Number(zone.slice(4, 6));
    if (oh > 23 || om > 59) return { ok: false, reason: `has no time zone offset ${zone}` };
    offset = (zone[0] === '-' ? -1 : 1) * (oh * 60 + om);
  }
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  date.setUTCHours(hour, minute, second, Math.floor(Number(`0.${fraction || '0'}`) * 1000));
  return { ok: true, ms: date.getTime() - offset * 60_000 };
}

/** The number written by `length` digits at `at`; -1 when one of them is no digit. */
function digits(text: string, at: number, length: number): number {
  let n = 0;
  for (let i = at; i < at + length; i++) {
    const d = text.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    n = n * 10 + d;
  }
  return n;
}

/**
 * `YYYY-MM-DDTHH:MM:SSZ`, the form request times take, read without a regular expression or a
 * `Date`: the same milliseconds as {@link readIsoDate}. Undefined for any other text (and for
 * years before 100, which `Date.UTC` would read as 19xx), which then takes the full reader.
 */
export function readUtcSeconds(text: string): number | undefined {
  if (
    text.length !== 20 ||
    text.charCodeAt(4) !== 45 ||
    text.charCodeAt(7) !== 45 ||
    text.charCodeAt(10) !== 84 ||
    text.charCodeAt(13) !== 58 ||
    text.charCodeAt(16) !== 58 ||
    text.charCodeAt(19) !== 90
  )
    return undefined;
  const year = digits(text, 0, 4);
  const month = digits(text, 5, 2);
  const day = digits(text, 8, 2);
  const hour = digits(text, 11, 2);
  const minute = digits(text, 14, 2);
  const second = digits(text, 17, 2);
  if (year < 100 || month < 1 || month > 12 || day < 1 || day > daysIn(year, month))
    return undefined;
  if (hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59)
    return undefined;
  return Date.UTC(year, month - 1, day, hour, minute, second);
}

/**
 * A Date operator's value or a request time: ISO 8601 text, or epoch seconds (which the Date
 * operators accept too). Undefined when it is neither.
 */
export function parseDate(text: string): number | undefined {
  const plain = readUtcSeconds(text);
  if (plain !== undefined) return plain;
  if (epoch.test(text)) return Number(text) * 1000;
  const reading = readIsoDate(text);
  return reading.ok ? reading.ms : undefined;
}

/** Why a Date value is not one (for the validator), or undefined when it is. */
export function dateProblem(text: string): string | undefined {
  if (epoch.test(text)) return undefined;
  const reading = readIsoDate(text);
  return reading.ok ? undefined : reading.reason;
}
