import { useState } from 'react';
import {
  CHAINED_MAX_DURATION_SECONDS,
  isExpired,
  secondsRemaining,
  type SessionRecord,
} from '../../engine/sts';
import { formatCountdown, formatSpan, maskSecret, truncateToken } from '../format';
import { sessionLabel } from '../state/subjects';
import { simulationStore } from '../simulation';

const small =
  'rounded border border-current/30 px-1.5 py-0.5 text-[11px] font-medium hover:bg-white/70 focus-visible:outline-2 focus-visible:outline-sky-600 dark:hover:bg-slate-900/50';

interface CardProps {
  session: SessionRecord;
  nowMs: number;
  /** The role's MaxSessionDuration, to say when role chaining cut a session short. */
  roleMaxSeconds: number | undefined;
}

/** Temporary credentials of one role session, counting down on the simulated clock. */
export function CredentialsCard({ session, nowMs, roleMaxSeconds }: CardProps) {
  const [revealed, setRevealed] = useState(false);
  const [collapsed, setCollapsed] = useState(false);
  const expired = isExpired(session, nowMs);
  const label = sessionLabel(session);
  const { credentials } = session;
  const capped =
    session.chained &&
    roleMaxSeconds !== undefined &&
    roleMaxSeconds > CHAINED_MAX_DURATION_SECONDS;
  const tone = expired
    ? 'border-slate-400 bg-slate-100/95 text-slate-700 dark:border-slate-500 dark:bg-slate-800/95 dark:text-slate-300'
    : 'border-emerald-500 bg-white/95 text-slate-900 dark:bg-slate-900/95 dark:text-slate-100';
  const actions = simulationStore.getState();
  return (
    <article
      aria-label={`Credentials for ${label}`}
      data-expired={expired || undefined}
      className={`pointer-events-auto w-full rounded-lg border-2 p-2 text-[11px] shadow-lg ${tone}`}
    >
      <header className="flex items-center gap-1">
        <h3
          className="min-w-0 flex-1 truncate text-xs font-semibold"
          title={session.assumedRoleArn}
        >
          {label}
        </h3>
        <button
          type="button"
          className="rounded px-1 hover:bg-slate-200 dark:hover:bg-slate-700"
          aria-expanded={!collapsed}
          aria-label={collapsed ? `Show credentials of ${label}` : `Fold credentials of ${label}`}
          onClick={() => setCollapsed((c) => !c)}
        >
          {collapsed ? '▸' : '▾'}
        </button>
      </header>
      <p className="mt-0.5">
        <span
          className={`rounded px-1 font-semibold tabular-nums ${expired ? 'bg-red-600 text-white' : 'bg-emerald-600 text-white'}`}
        >
          {expired ? 'Expired' : `Expires in ${formatCountdown(secondsRemaining(session, nowMs))}`}
        </span>
        {expired && <span className="ml-1">calls fail with ExpiredToken</span>}
      </p>
      {!collapsed && (
        <>
          <dl className="mt-1 grid grid-cols-[auto_minmax(0,1fr)] gap-x-2 gap-y-0.5 font-mono">
            <dt className="font-sans text-slate-500 dark:text-slate-400">AccessKeyId</dt>
            <dd className="truncate">{credentials.AccessKeyId}</dd>
            <dt className="font-sans text-slate-500 dark:text-slate-400">Secret</dt>
            <dd className="flex min-w-0 items-center gap-1">
              <span
                className="min-w-0 flex-1 truncate"
                aria-label={revealed ? undefined : 'secret access key, hidden'}
              >
                {revealed ? credentials.SecretAccessKey : maskSecret(credentials.SecretAccessKey)}
              </span>
              <button
                type="button"
                className={`${small} font-sans`}
                aria-pressed={revealed}
                onClick={() => setRevealed((r) => !r)}
              >
                {revealed ? 'Hide' : 'Reveal'}
                <span className="sr-only"> secret</span>
              </button>
            </dd>
            <dt className="font-sans text-slate-500 dark:text-slate-400">Token</dt>
            <dd className="truncate" title={credentials.SessionToken}>
              {truncateToken(credentials.SessionToken)}
            </dd>
            <dt className="font-sans text-slate-500 dark:text-slate-400">Expiration</dt>
            <dd className="truncate">{credentials.Expiration}</dd>
          </dl>
          {capped && (
            <p className="mt-1 rounded bg-amber-100 px-1 text-amber-900 dark:bg-amber-900/60 dark:text-amber-100">
              Role chaining caps this session at 1 h (the role allows {formatSpan(roleMaxSeconds)})
            </p>
          )}
          <div className="mt-1.5 flex flex-wrap gap-1">
            <button
              type="button"
              className={`${small} ${expired ? 'border-sky-700 bg-sky-700 text-white hover:bg-sky-800' : ''}`}
              onClick={() => actions.reassume(session.accessKeyId)}
            >
              Re-assume
            </button>
            <button
              type="button"
              className={small}
              onClick={() => {
                actions.setCallSession(session.accessKeyId);
                actions.setTab('call');
              }}
            >
              Use in a call
            </button>
            <button
              type="button"
              className={small}
              aria-label={`Dismiss credentials of ${label}`}
              onClick={() => actions.hideSession(session.accessKeyId)}
            >
              Dismiss
            </button>
          </div>
        </>
      )}
    </article>
  );
}
