import { useMemo, useState } from 'react';
import { toJsonLines, type CloudTrailEvent } from '../../sts/index.ts';
import {
  ANY,
  ANY_ERROR,
  NO_ERROR,
  NO_FILTER,
  filterChoices,
  filterEvents,
  type EventFilter,
} from '../state/event-filter';
import { useSimulation } from '../hooks/useSimulation';
import { SelectField, TextField, buttonClass } from './fields';

function download(text: string, fileName: string) {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/x-ndjson' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

function who(event: CloudTrailEvent): string {
  const identity = event.userIdentity;
  return (
    identity.arn ??
    identity.userName ??
    identity.invokedBy ??
    identity.identityProvider ??
    identity.type
  );
}

function EventRow({ event }: { event: CloudTrailEvent }) {
  return (
    <li className="border-b border-slate-200 last:border-0 dark:border-slate-700">
      <details>
        <summary className="flex cursor-pointer items-baseline gap-2 px-1 py-0.5 text-xs hover:bg-slate-50 dark:hover:bg-slate-800">
          <span className="shrink-0 font-mono tabular-nums text-slate-600 dark:text-slate-400">
            {event.eventTime.slice(11, 19)}
          </span>
          <span className="w-36 shrink-0 truncate font-semibold">{event.eventName}</span>
          <span className="min-w-0 flex-1 truncate font-mono text-[11px]">{who(event)}</span>
          {event.errorCode ? (
            <span className="shrink-0 rounded bg-red-100 px-1 font-semibold text-red-800 dark:bg-red-950 dark:text-red-200">
              {event.errorCode}
            </span>
          ) : (
            <span className="shrink-0 rounded bg-emerald-100 px-1 text-emerald-800 dark:bg-emerald-950 dark:text-emerald-200">
              OK
            </span>
          )}
        </summary>
        <pre className="max-h-48 overflow-auto bg-slate-50 p-2 font-mono text-[11px] dark:bg-slate-800/60">
          {JSON.stringify(event, null, 2)}
        </pre>
      </details>
    </li>
  );
}

/** The CloudTrail-shaped record of every STS call and API call, filterable and exportable. */
export function EventLogTab() {
  const events = useSimulation((s) => s.events);
  const [filter, setFilter] = useState<EventFilter>(NO_FILTER);
  const shown = useMemo(() => filterEvents(events, filter), [events, filter]);
  const choices = useMemo(() => filterChoices(events), [events]);
  const filtered = shown.length !== events.length;
  return (
    <div className="flex h-full min-h-0 flex-col gap-1.5">
      <div className="flex flex-wrap items-end gap-2" role="search" aria-label="Filter events">
        <TextField
          label="Filter"
          type="search"
          className="w-56"
          value={filter.text}
          placeholder="text in any field"
          onChange={(text) => setFilter((f) => ({ ...f, text }))}
        />
        <SelectField
          label="Event name"
          className="w-44"
          value={filter.eventName}
          onChange={(eventName) => setFilter((f) => ({ ...f, eventName }))}
        >
          <option value={ANY}>All events</option>
          {choices.eventNames.map((name) => (
            <option key={name} value={name}>
              {name}
            </option>
          ))}
        </SelectField>
        <SelectField
          label="Error"
          className="w-44"
          value={filter.error}
          onChange={(error) => setFilter((f) => ({ ...f, error }))}
        >
          <option value={ANY}>With or without</option>
          <option value={ANY_ERROR}>Any error</option>
          <option value={NO_ERROR}>No error</option>
          {choices.errorCodes.map((code) => (
            <option key={code} value={code}>
              {code}
            </option>
          ))}
        </SelectField>
        <button
          type="button"
          className={buttonClass}
          disabled={shown.length === 0}
          onClick={() => download(toJsonLines(shown), 'rolecraft-events.jsonl')}
        >
          Export event log
        </button>
        <span className="pb-0.5 text-xs text-slate-600 dark:text-slate-400" aria-live="polite">
          {filtered
            ? `${shown.length} of ${events.length} records shown; Export saves those`
            : `${events.length} record${events.length === 1 ? '' : 's'}`}
        </span>
      </div>
      <ul
        aria-label="Events"
        className="min-h-0 flex-1 overflow-auto rounded border border-slate-200 dark:border-slate-700"
      >
        {shown.length === 0 ? (
          <li className="p-2 text-xs text-slate-600 dark:text-slate-400">
            {events.length === 0 ? 'No calls yet.' : 'No event matches the filter.'}
          </li>
        ) : (
          [...shown].reverse().map((event) => <EventRow key={event.eventID} event={event} />)
        )}
      </ul>
    </div>
  );
}
