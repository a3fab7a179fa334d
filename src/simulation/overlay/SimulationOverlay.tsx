import { useLayoutEffect, useMemo, useRef } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { selectDesign, useRolecraft } from '../../store';
import type { AnimationStep, Endpoint } from '../animation/steps';
import { arnOf } from '../../model';
import { useSimulation } from '../hooks/useSimulation';
import type { AnimationRun } from '../state/simulation-store';
import { MARK_CLASSES, TONE_MARK } from '../ui/tones';
import { CredentialsCard } from './CredentialsCard';
import { CARD_HEIGHT, CARD_WIDTH, badgeBox, centre, placeStack, type Box } from './geometry';
import { useMeasuredHeights } from './useMeasuredHeights';
import { useNodeBoxes, usePaneSize, useVisibleNodeBoxes } from './useNodeBoxes';

const TOKEN_SIZE = 22;

function endpointBox(
  endpoint: Endpoint | undefined,
  run: AnimationRun,
  boxes: Record<string, Box>,
  badge: Box,
): Box | undefined {
  switch (endpoint) {
    case 'caller':
      return run.callerEntityId ? boxes[run.callerEntityId] : undefined;
    case 'role':
      return run.roleEntityId ? boxes[run.roleEntityId] : undefined;
    case 'target':
      return (run.targetEntityId && boxes[run.targetEntityId]) || badge;
    case 'sts':
      return badge;
    default:
      return undefined;
  }
}

/** A token crossing the canvas from one endpoint to the other during a travel step. */
function Token({
  from,
  to,
  duration,
  tone,
}: {
  from: Box;
  to: Box;
  duration: number;
  tone: AnimationStep['tone'];
}) {
  const ref = useRef<HTMLDivElement>(null);
  const a = centre(from);
  const b = centre(to);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el || typeof el.animate !== 'function') return;
    const at = (p: { x: number; y: number }) =>
      `translate(${p.x - TOKEN_SIZE / 2}px, ${p.y - TOKEN_SIZE / 2}px)`;
    const animation = el.animate([{ transform: at(a) }, { transform: at(b) }], {
      duration,
      easing: 'ease-in-out',
      fill: 'forwards',
    });
    return () => animation.cancel();
    // The token starts once per step; later viewport moves do not restart it.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  return (
    <div
      ref={ref}
      data-testid="simulation-token"
      className={`absolute top-0 left-0 flex items-center justify-center rounded-full text-[11px] font-bold shadow-md ring-2 ring-white dark:ring-slate-900 ${MARK_CLASSES[tone === 'neutral' ? 'neutral' : tone]}`}
      style={{
        width: TOKEN_SIZE,
        height: TOKEN_SIZE,
        transform: `translate(${a.x - TOKEN_SIZE / 2}px, ${a.y - TOKEN_SIZE / 2}px)`,
      }}
    >
      {tone === 'pass' ? '🔑' : '✉'}
    </div>
  );
}

function Ring({ box, tone }: { box: Box; tone: AnimationStep['tone'] }) {
  const colour =
    tone === 'fail' ? 'border-red-500' : tone === 'pass' ? 'border-emerald-500' : 'border-sky-500';
  return (
    <div
      data-testid="simulation-highlight"
      className={`absolute rounded-xl border-4 ${colour} motion-safe:animate-pulse`}
      style={{ left: box.x - 6, top: box.y - 6, width: box.width + 12, height: box.height + 12 }}
    />
  );
}

/** The STS endpoint (or the service a call goes to), listing each check as it lights. */
function EndpointBadge({ run, box }: { run: AnimationRun | null; box: Box }) {
  const current = run?.steps[run.index];
  const checks = run
    ? run.steps.map((s, i) => ({ step: s, i })).filter(({ step }) => step.kind === 'check')
    : [];
  const outcome = run?.done ? run.steps[run.steps.length - 1] : undefined;
  const label = run?.endpointLabel ?? 'STS';
  return (
    <div
      role="group"
      aria-label={`${label} endpoint`}
      className="absolute flex flex-col items-stretch gap-1"
      style={{ left: box.x, top: box.y, width: box.width }}
    >
      <div
        className={`flex items-center gap-2 rounded-lg border-2 bg-white/95 px-2 py-1 shadow dark:bg-slate-900/95 ${current && !run?.done && run?.kind && current.kind === 'check' ? 'border-sky-500' : outcome?.tone === 'fail' ? 'border-red-500' : outcome?.tone === 'pass' ? 'border-emerald-500' : 'border-slate-300 dark:border-slate-600'}`}
      >
        <span className="rounded bg-amber-500 px-1.5 py-0.5 text-xs font-black tracking-wide text-white">
          {label.toUpperCase()}
        </span>
        <span className="min-w-0 flex-1 truncate text-[11px]" aria-live="off">
          {outcome ? (
            <strong
              className={
                outcome.tone === 'fail'
                  ? 'text-red-700 dark:text-red-300'
                  : 'text-emerald-700 dark:text-emerald-300'
              }
            >
              {outcome.label}
            </strong>
          ) : current ? (
            current.label
          ) : (
            'Security Token Service'
          )}
        </span>
      </div>
      {run && !run.done && checks.length > 0 && (
        <ol className="flex flex-col gap-0.5" aria-hidden="true">
          {checks
            .filter(({ i }) => i <= run.index)
            .map(({ step, i }) => (
              <li
                key={step.id + i}
                className={`flex items-center gap-1 rounded bg-white/95 px-1 text-[10px] shadow-sm dark:bg-slate-900/95 ${i === run.index ? 'ring-2 ring-sky-500' : ''}`}
              >
                <span
                  className={`inline-flex h-3 w-3 items-center justify-center rounded-full text-[8px] ${MARK_CLASSES[step.tone]}`}
                >
                  {TONE_MARK[step.tone]}
                </span>
                <span className="truncate">{step.label}</span>
              </li>
            ))}
        </ol>
      )}
    </div>
  );
}

/**
 * Drawn over the canvas (as a child of React Flow): the STS badge, the token of the running
 * assume or call, highlights on the nodes it involves, and a credentials card by each role
 * that has live sessions.
 */
export function SimulationOverlay() {
  const design = useRolecraft(selectDesign);
  const { run, sessions, hidden, nowMs, reducedMotion } = useSimulation(
    useShallow((s) => ({
      run: s.animation,
      sessions: s.sessions,
      hidden: s.hidden,
      nowMs: s.nowMs,
      reducedMotion: s.reducedMotion,
    })),
  );
  const pane = usePaneSize();
  const roleIds = useMemo(() => {
    const byArn = new Map(design.roles.map((r) => [arnOf(design, r), r.id]));
    return new Map(sessions.map((s) => [s.accessKeyId, byArn.get(s.roleArn)]));
  }, [design, sessions]);
  const pending = run && !run.done ? run.newSession : undefined;
  const shown = sessions.filter(
    (s) => !hidden.includes(s.accessKeyId) && s.accessKeyId !== pending,
  );
  const ids = useMemo(() => {
    const set = new Set<string>();
    for (const s of shown) {
      const id = roleIds.get(s.accessKeyId);
      if (id) set.add(id);
    }
    for (const id of [run?.callerEntityId, run?.roleEntityId, run?.targetEntityId])
      if (id) set.add(id);
    return [...set];
  }, [shown, roleIds, run?.callerEntityId, run?.roleEntityId, run?.targetEntityId]);
  const boxes = useNodeBoxes(ids);
  const others = useVisibleNodeBoxes(shown.length > 0);
  const [heights, measure] = useMeasuredHeights();
  const badge = badgeBox(pane.width);

  const step = run && !run.done ? run.steps[run.index] : undefined;
  const from =
    step?.kind === 'travel' && run ? endpointBox(step.from, run, boxes, badge) : undefined;
  const to = step?.kind === 'travel' && run ? endpointBox(step.to, run, boxes, badge) : undefined;

  const stacks = new Map<string, typeof shown>();
  for (const s of shown) {
    const id = roleIds.get(s.accessKeyId);
    if (!id || !boxes[id]) continue;
    stacks.set(id, [...(stacks.get(id) ?? []), s]);
  }
  const maxOf = new Map(design.roles.map((r) => [r.id, r.maxSessionDuration]));
  // Stacks go one after the other, each avoiding the nodes, the badge and the stacks before it.
  const obstacles: Box[] = [...others, badge];
  const placed = [...stacks].map(([roleId, list]) => {
    const size = { width: CARD_WIDTH, height: heights[roleId] ?? list.length * (CARD_HEIGHT + 6) };
    const node = boxes[roleId]!;
    const at = placeStack(
      node,
      size,
      obstacles.filter((o) => o.x !== node.x || o.y !== node.y),
      pane,
    );
    obstacles.push({ ...at, ...size });
    return { roleId, list, at };
  });

  return (
    <div
      className="pointer-events-none absolute inset-0 z-[5] overflow-hidden"
      data-testid="simulation-overlay"
    >
      {placed.map(({ roleId, list, at }) => (
        <div
          key={roleId}
          ref={measure(roleId)}
          className="absolute flex flex-col gap-1.5"
          style={{ left: at.x, top: at.y, width: CARD_WIDTH }}
        >
          {list.map((s) => (
            <CredentialsCard
              key={s.accessKeyId}
              session={s}
              nowMs={nowMs}
              roleMaxSeconds={maxOf.get(roleId)}
            />
          ))}
        </div>
      ))}
      {step?.kind === 'travel' && from && <Ring box={from} tone={step.tone} />}
      {step?.kind === 'travel' && to && to !== badge && <Ring box={to} tone={step.tone} />}
      {step?.kind === 'check' &&
        run?.kind === 'call' &&
        run.targetEntityId &&
        boxes[run.targetEntityId] && <Ring box={boxes[run.targetEntityId]!} tone={step.tone} />}
      {step?.kind === 'travel' && from && to && !reducedMotion && (
        <Token
          key={`${run?.id}:${run?.index}`}
          from={from}
          to={to}
          duration={run?.durations[run.index] ?? 600}
          tone={step.tone}
        />
      )}
      <EndpointBadge run={run} box={badge} />
    </div>
  );
}
