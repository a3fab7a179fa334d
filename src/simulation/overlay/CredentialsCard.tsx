import { useState } from 'react';
import {
  CHAINED_MAX_DURATION_SECONDS,
  isExpired,
  secondsRemaining,
  type SessionRecord,
} from '../../sts/index.ts';
import { formatCountdown, formatSpan, maskSecret, truncateToken } from '../format';
import { sessionLabel } from '../state/subjects';
import { useSimulationStore } from '../hooks/useSimulationStore';

const term = 'font-sans text-slate-500 dark:text-slate-400';
const icon =
  'rounded px-1 leading-4 hover:bg-slate-200 focus-visible:outline-2 focus-visible:outline-sky-600 dark:hover:bg-slate-700';
const small =
  'rounded border border-current/30 px-1.5 py-0.5 text-[11px] font-medium hover:bg-white/70 focus-visible:outline-2 focus-visible:outline-sky-600 dark:hover:bg-slate-900/50';

interface CardProps {
  session: SessionRecord;
  nowMs: number;
  /** The role's MaxSessionDuration, to say when role chaining cut a session short. */
  roleMaxSeconds: number | undefined;
  /** Folds the card back into its chip (a card opened from a chip, where no free space was). */
  onCollapse?: () => void;
}

function countdown(session: SessionRecord, nowMs: number): string {
  return isExpired(session, nowMs)
    ? 'Expired'
    : `Expires in ${formatCountdown(secondsRemaining(session, nowMs))}`;
}

/**
 * A role session's credentials folded to its name and countdown, where no free space beside
 * the role holds the whole card; the card opens on request.
 */
export function CredentialsChip({
  session,
  nowMs,
  named = false,
  onExpand,
}: {
  session: SessionRecord;
  nowMs: number;
  /** Away from its role (docked in the panel), the chip names the role too. */
  named?: boolean;
  onExpand: () => void;
}) {
  const expired = isExpired(session, nowMs);
  const label = sessionLabel(session);
  return (
    <article
      aria-label={`Credentials for ${label}`}
      data-expired={expired || undefined}
      data-chip=""
      className={`pointer-events-auto flex h-[26px] w-full items-center gap-1 rounded-full border-2 px-2 text-[11px] shadow ${expired ? 'border-slate-400 bg-slate-100/95 text-slate-700 dark:bg-slate-800/95 dark:text-slate-300' : 'border-emerald-500 bg-white/95 text-slate-900 dark:bg-slate-900/95 dark:text-slate-100'}`}
    >
      {/* Beside its role, the session name says which session it is; the role is in the name. */}
      <h3 className="min-w-0 flex-1 truncate font-semibold" title={session.assumedRoleArn}>
        {named ? (
          label
        ) : (
          <>
            <span className="sr-only">
              {label.slice(0, label.length - session.sessionName.length)}
            </span>
            {session.sessionName}
          </>
        )}
      </h3>
      <span
        className={`rounded px-1 font-semibold whitespace-nowrap tabular-nums ${expired ? 'bg-red-600 text-white' : 'bg-emerald-600 text-white'}`}
      >
        {expired ? (
          'Expired'
        ) : (
          <>
            <span className="sr-only">Expires in </span>
            {formatCountdown(secondsRemaining(session, nowMs))}
          </>
        )}
      </span>
      <button
        type="button"
        className={icon}
        aria-expanded={false}
        aria-label={`Show credentials of ${label}`}
        onClick={onExpand}
      >
        ▸
      </button>
    </article>
  );
}

/** Temporary credentials of one role session, counting down on the simulated clock. */
export function CredentialsCard({ session, nowMs, roleMaxSeconds, onCollapse }: CardProps) {
  const [revealed, setRevealed] = useState(false);
  const [folded, setCollapsed] = useState(false);
  const collapsed = onCollapse ? false : folded;
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
  const actions = useSimulationStore().getState();
  return (
    <article
      aria-label={`Credentials for ${label}`}
      data-expired={expired || undefined}
      className={`pointer-events-auto w-full rounded-lg border-2 px-2 py-1.5 text-[11px] shadow-lg ${tone}`}
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
          className={icon}
          aria-expanded={!collapsed}
          aria-label={collapsed ? `Show credentials of ${label}` : `Fold credentials of ${label}`}
          onClick={() => (onCollapse ? onCollapse() : setCollapsed((c) => !c))}
        >
          {collapsed ? '▸' : '▾'}
        </button>
        <button
          type="button"
          className={icon}
          aria-label={`Dismiss credentials of ${label}`}
          title="Dismiss"
          onClick={() => actions.hideSession(session.accessKeyId)}
        >
          ×
        </button>
      </header>
      <p className="flex flex-wrap items-center gap-x-1">
        <span
          className={`rounded px-1 font-semibold tabular-nums ${expired ? 'bg-red-600 text-white' : 'bg-emerald-600 text-white'}`}
        >
          {countdown(session, nowMs)}
        </span>
        {expired && <span>calls fail with ExpiredToken</span>}
      </p>
      {!collapsed && (
        <>
          <dl className="mt-0.5 grid grid-cols-[auto_minmax(0,1fr)] items-center gap-x-2 font-mono leading-4">
            <dt className={term}>AccessKeyId</dt>
            <dd className="truncate">{credentials.AccessKeyId}</dd>
            <dt className={term}>Secret</dt>
            <dd className="flex min-w-0 items-center gap-1">
              <span className="min-w-0 flex-1 truncate">
                {revealed ? credentials.SecretAccessKey : maskSecret(credentials.SecretAccessKey)}
              </span>
              <button
                type="button"
                className={`${small} py-0 font-sans`}
                aria-pressed={revealed}
                onClick={() => setRevealed((r) => !r)}
              >
                {revealed ? 'Hide' : 'Reveal'}
                <span className="sr-only"> secret</span>
              </button>
            </dd>
            <dt className={term}>Token</dt>
            <dd className="truncate" title={credentials.SessionToken}>
              {truncateToken(credentials.SessionToken)}
            </dd>
            <dt className={term}>Expiration</dt>
            <dd className="truncate">{credentials.Expiration}</dd>
          </dl>
          {capped && (
            <p className="mt-0.5 rounded bg-amber-100 px-1 text-amber-900 dark:bg-amber-900/60 dark:text-amber-100">
              Role chaining caps this session at 1 h (the role allows {formatSpan(roleMaxSeconds)})
            </p>
          )}
          <div className="mt-1 flex gap-1">
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
          </div>
        </>
      )}
    </article>
  );
}
