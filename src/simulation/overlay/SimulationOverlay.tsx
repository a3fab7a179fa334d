import { useStore, type Transform } from '@xyflow/react';
import { useLayoutEffect, useMemo, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import type { SessionRecord } from '../../sts/index.ts';
import { useShallow } from 'zustand/react/shallow';
import { selectDesign, useRolecraft } from '../../store';
import type { AnimationStep, Endpoint } from '../animation/steps';
import { arnOf, findEntity, type Design, type EntityId } from '../../model';
import { useSimulation } from '../hooks/useSimulation';
import type { AnimationRun } from '../state/simulation-store';
import { MARK_CLASSES } from '../ui/tones';
import { CredentialsCard, CredentialsChip } from './CredentialsCard';
import {
  along,
  centre,
  dockBeside,
  placeBadge,
  placeDock,
  pointToScreen,
  routeFromBox,
  straightRoute,
  subRoute,
  type BadgePlacement,
  type Box,
  type Point,
  type ViewTransform,
} from './geometry';
import { panelDockSlot } from './dock-slot';
import { useEdgeLabelBoxes } from './useEdgeLabelBoxes';
import { useEdgeRoute } from './useEdgeRoute';
import { useMeasuredHeights } from './useMeasuredHeights';
import { useNodeBoxes, usePaneSize, useVisibleNodeBoxes } from './useNodeBoxes';

const TOKEN_SIZE = 22;
const NO_VIEW: Transform = [0, 0, 1];
const NO_ROLE_IDS: ReadonlyMap<string, string | undefined> = new Map();
const BADGE = { width: 180, height: 30 };
const CARD_WIDTH = 236;
/** About the height of one unfolded card, for placing a stack before it is measured. */
const CARD_HEIGHT = 150;
const CHIP = { width: 184, height: 26 };
const STACK_GAP = 6;

/** A request of an assume travels the trust edge; a call, the permission edge if one is drawn. */
const EDGE_TYPES: Record<AnimationRun['kind'], readonly string[]> = {
  assume: ['trust'],
  call: ['permission'],
};

/** The nodes an edge to the role may start from for this caller: itself, then its account. */
function edgeSources(design: Design, callerId: EntityId | undefined): EntityId[] {
  if (!callerId) return [];
  const caller = findEntity(design, callerId);
  const account = caller && 'account' in caller ? caller.account : undefined;
  return account ? [callerId, account] : [callerId];
}

/** A token following the route during a travel step. */
function Token({
  route,
  duration,
  tone,
}: {
  route: readonly Point[];
  duration: number;
  tone: AnimationStep['tone'];
}) {
  const ref = useRef<HTMLDivElement>(null);
  const start = route[0] ?? { x: 0, y: 0 };
  const at = (p: Point) => `translate(${p.x - TOKEN_SIZE / 2}px, ${p.y - TOKEN_SIZE / 2}px)`;
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el || typeof el.animate !== 'function' || route.length < 2) return;
    const frames = Array.from({ length: 17 }, (_, i) => ({
      transform: at(along(route, i / 16).point),
    }));
    const animation = el.animate(frames, { duration, easing: 'ease-in-out', fill: 'forwards' });
    return () => animation.cancel();
    // The token starts once per step; later viewport moves do not restart it.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  return (
    <div
      ref={ref}
      data-testid="simulation-token"
      className={`absolute top-0 left-0 flex items-center justify-center rounded-full text-[11px] font-bold shadow-md ring-2 ring-white dark:ring-slate-900 ${MARK_CLASSES[tone === 'neutral' ? 'neutral' : tone]}`}
      style={{ width: TOKEN_SIZE, height: TOKEN_SIZE, transform: at(start) }}
    >
      {tone === 'pass' ? '🔑' : '✉'}
    </div>
  );
}

type Lit = 'pass' | 'fail' | 'neutral' | 'stale';

const RING_COLOUR: Record<Lit, string> = {
  fail: 'border-red-500',
  pass: 'border-emerald-500',
  neutral: 'border-sky-500',
  stale: 'border-slate-400 border-dashed',
};

const PATH_COLOUR: Record<Lit, string> = {
  fail: '#ef4444',
  pass: '#10b981',
  neutral: '#0ea5e9',
  stale: '#94a3b8',
};

/** An outline around a node (the node stays readable inside it); it pulses only while running. */
function Ring({ box, lit, pulse }: { box: Box; lit: Lit; pulse: boolean }) {
  return (
    <div
      data-testid="simulation-highlight"
      data-lit={lit}
      className={`absolute rounded-xl border-4 ${RING_COLOUR[lit]} ${pulse ? 'motion-safe:animate-pulse' : ''}`}
      style={{ left: box.x - 6, top: box.y - 6, width: box.width + 12, height: box.height + 12 }}
    />
  );
}

/** The way the request went, lit once the run is over (and left lit: no animation). */
function LitPath({ route, lit }: { route: readonly Point[]; lit: Lit }) {
  if (route.length < 2) return null;
  return (
    <svg className="absolute inset-0 h-full w-full overflow-visible" aria-hidden="true">
      <polyline
        data-testid="simulation-path"
        data-lit={lit}
        points={route.map((p) => `${p.x},${p.y}`).join(' ')}
        fill="none"
        stroke={PATH_COLOUR[lit]}
        strokeOpacity={0.55}
        strokeWidth={7}
        strokeLinecap="round"
        strokeLinejoin="round"
        strokeDasharray={lit === 'stale' ? '6 8' : undefined}
      />
    </svg>
  );
}

/** The STS endpoint (or the service a call goes to) beside the route: the step showing now. */
function EndpointBadge({ run, box }: { run: AnimationRun; box: Box }) {
  const current = run.steps[run.index];
  const outcome = run.done ? run.steps[run.steps.length - 1] : undefined;
  const label = run.endpointLabel;
  const border = run.stale
    ? 'border-dashed border-slate-400'
    : !run.done && current?.kind === 'check'
      ? 'border-sky-500'
      : outcome?.tone === 'fail'
        ? 'border-red-500'
        : outcome?.tone === 'pass'
          ? 'border-emerald-500'
          : 'border-slate-300 dark:border-slate-600';
  const words = outcome ? outcome.label : (current?.label ?? 'Security Token Service');
  return (
    <div
      role="group"
      aria-label={`${label} endpoint`}
      data-sim-cover="badge"
      data-stale={run.stale || undefined}
      title={run.stale ? `${words} (stale: the design changed since)` : words}
      className={`absolute flex items-center gap-2 rounded-lg border-2 bg-white/95 px-2 shadow dark:bg-slate-900/95 ${border}`}
      style={{ left: box.x, top: box.y, width: box.width, height: box.height }}
    >
      <span className="rounded bg-amber-500 px-1.5 py-0.5 text-xs font-black tracking-wide text-white">
        {label.toUpperCase()}
      </span>
      <span className="min-w-0 flex-1 truncate text-[11px]" aria-live="off">
        {outcome ? (
          <strong
            className={
              run.stale
                ? 'text-slate-600 dark:text-slate-300'
                : outcome.tone === 'fail'
                  ? 'text-red-700 dark:text-red-300'
                  : 'text-emerald-700 dark:text-emerald-300'
            }
          >
            {outcome.label}
          </strong>
        ) : (
          words
        )}
      </span>
      {run.stale && (
        <span className="rounded bg-slate-500 px-1 text-[10px] font-semibold text-white">
          stale
        </span>
      )}
    </div>
  );
}

/** The route's fraction an endpoint of a travel step sits at. */
function fractionOf(endpoint: Endpoint | undefined, run: AnimationRun, at: number): number {
  if (endpoint === 'sts') return at;
  if (endpoint === 'caller') return 0;
  if (endpoint === 'role') return run.kind === 'assume' ? 1 : 0;
  return 1;
}

/**
 * Drawn over the canvas (as a child of React Flow): the request of the latest run travelling
 * the edge from caller to role through an STS badge beside that edge, outlines on the nodes
 * it involves, and each role's credentials docked beside it in free space (or, where there is
 * none, chips with their countdowns). The list of checks is in the simulation panel.
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
  // The view matters only for a run's route; without one, panning re-renders nothing here.
  const transform = useStore((s) => (run ? s.transform : NO_VIEW));
  const [opened, setOpened] = useState<ReadonlySet<string>>(new Set());
  // Every role's ARN only while there are credentials to place (a drop at 10,000 nodes with
  // none would make them all again for nothing).
  const roleIds = useMemo(() => {
    if (sessions.length === 0) return NO_ROLE_IDS;
    const byArn = new Map(design.roles.map((r) => [arnOf(design, r), r.id]));
    return new Map(sessions.map((s) => [s.accessKeyId, byArn.get(s.roleArn)]));
  }, [design, sessions]);
  const pending = run && !run.done ? run.newSession : undefined;
  const shown = useMemo(
    () => sessions.filter((s) => !hidden.includes(s.accessKeyId) && s.accessKeyId !== pending),
    [sessions, hidden, pending],
  );
  const fromId = run?.callerEntityId;
  const toId = run?.kind === 'assume' ? run.roleEntityId : run?.targetEntityId;
  const ids = useMemo(() => {
    const set = new Set<string>();
    for (const s of shown) {
      const id = roleIds.get(s.accessKeyId);
      if (id) set.add(id);
    }
    for (const id of [fromId, toId]) if (id) set.add(id);
    return [...set];
  }, [shown, roleIds, fromId, toId]);
  const boxes = useNodeBoxes(ids);
  const active = shown.length > 0 || run !== null;
  const root = useRef<HTMLDivElement>(null);
  const nodeBoxes = useVisibleNodeBoxes(active);
  const labelBoxes = useEdgeLabelBoxes(root, active);
  const obstacles = useMemo(() => [...nodeBoxes, ...labelBoxes], [nodeBoxes, labelBoxes]);
  const [heights, measure] = useMeasuredHeights();
  const sources = useMemo(() => edgeSources(design, fromId), [design, fromId]);
  const edgeRoute = useEdgeRoute(sources, toId, EDGE_TYPES[run?.kind ?? 'assume']);

  // The request's way on screen: along its edge, else straight between the two nodes; a call
  // with nothing on the canvas to reach ends at the badge, placed beside the caller.
  const fromBox = fromId ? boxes[fromId] : undefined;
  const toBox = toId ? boxes[toId] : undefined;
  const hasRun = run !== null;
  const { route, badge, at } = useMemo(
    () => runPlacement(hasRun, edgeRoute, transform, fromBox, toBox, obstacles, pane),
    [hasRun, edgeRoute, transform, fromBox, toBox, obstacles, pane],
  );
  const step = run && !run.done ? run.steps[run.index] : undefined;
  const outcome = run?.done ? run.steps[run.steps.length - 1] : undefined;
  const lit: Lit = run?.stale ? 'stale' : outcome?.tone === 'fail' ? 'fail' : 'pass';

  const maxOf = useMemo(
    () =>
      sessions.length === 0
        ? new Map<string, number | undefined>()
        : new Map(design.roles.map((r) => [r.id, r.maxSessionDuration])),
    [design, sessions],
  );
  const docks = useMemo(
    () => dockPlacements(shown, roleIds, boxes, heights, opened, obstacles, badge, route, pane),
    [shown, roleIds, boxes, heights, opened, obstacles, badge, route, pane],
  );
  const panelSlot = docks.some((d) => d.mode === 'panel') ? panelDockSlot() : null;
  const leaders = [
    ...(badge?.leader ? [badge.leader] : []),
    ...docks.flatMap((d) => (d.mode !== 'panel' && d.leader ? [d.leader] : [])),
  ];

  const credentials = (
    roleId: string,
    list: readonly SessionRecord[],
    mode: DockMode,
    named: boolean,
  ) =>
    list.map((s) =>
      mode === 'cards' || opened.has(s.accessKeyId) ? (
        <CredentialsCard
          key={s.accessKeyId}
          session={s}
          nowMs={nowMs}
          roleMaxSeconds={maxOf.get(roleId)}
          {...(mode !== 'cards'
            ? {
                onCollapse: () =>
                  setOpened((o) => new Set([...o].filter((k) => k !== s.accessKeyId))),
              }
            : {})}
        />
      ) : (
        <CredentialsChip
          key={s.accessKeyId}
          session={s}
          nowMs={nowMs}
          named={named}
          onExpand={() => setOpened((o) => new Set([...o, s.accessKeyId]))}
        />
      ),
    );

  return (
    <div
      ref={root}
      className="pointer-events-none absolute inset-0 z-[5] overflow-hidden"
      data-testid="simulation-overlay"
    >
      {run && outcome && (
        <LitPath
          route={run.kind === 'assume' && lit === 'fail' ? subRoute(route, 0, at) : route}
          lit={lit}
        />
      )}
      {leaders.length > 0 && <Leaders lines={leaders} />}
      {docks.map((dock) =>
        dock.mode === 'panel' ? null : (
          <div
            key={`${dock.roleId}:${dock.mode}`}
            ref={measure(`${dock.roleId}:${dock.mode}`)}
            data-sim-cover={dock.mode}
            className="absolute flex flex-col gap-1"
            style={{
              left: dock.at.x,
              top: dock.at.y,
              width: dock.mode === 'cards' ? CARD_WIDTH : CHIP.width,
            }}
          >
            {/* Away from its role, a chip names the role as well. */}
            {credentials(dock.roleId, dock.list, dock.mode, dock.leader !== undefined)}
          </div>
        ),
      )}
      {panelSlot &&
        createPortal(
          docks.map((dock) =>
            dock.mode === 'panel' ? (
              <div
                key={dock.roleId}
                data-sim-docked="panel"
                className="flex flex-col gap-1"
                style={{ width: CHIP.width }}
              >
                {credentials(dock.roleId, dock.list, 'panel', true)}
              </div>
            ) : null,
          ),
          panelSlot,
        )}
      {step?.kind === 'travel' && step.from !== 'sts' && fromBox && (
        <Ring box={fromBox} lit={step.tone === 'pass' ? 'pass' : 'neutral'} pulse />
      )}
      {step?.kind === 'travel' && step.to !== 'sts' && toBox && (
        <Ring box={toBox} lit={step.tone === 'pass' ? 'pass' : 'neutral'} pulse />
      )}
      {step?.kind === 'check' && run?.kind === 'call' && toBox && (
        <Ring box={toBox} lit={step.tone === 'fail' ? 'fail' : 'neutral'} pulse />
      )}
      {outcome && fromBox && <Ring box={fromBox} lit={lit} pulse={false} />}
      {outcome && toBox && <Ring box={toBox} lit={lit} pulse={false} />}
      {step?.kind === 'travel' && run && route.length >= 2 && !reducedMotion && (
        <Token
          key={`${run.id}:${run.index}`}
          route={subRoute(route, fractionOf(step.from, run, at), fractionOf(step.to, run, at))}
          duration={run.durations[run.index] ?? 600}
          tone={step.tone}
        />
      )}
      {run && badge && <EndpointBadge run={run} box={badge.box} />}
    </div>
  );
}

/** Whether an edge's first point lies on (or just outside) the caller's own box. */
function edgeStartsAt(box: Box, p: Point): boolean {
  const slack = 4;
  return (
    p.x >= box.x - slack &&
    p.x <= box.x + box.width + slack &&
    p.y >= box.y - slack &&
    p.y <= box.y + box.height + slack
  );
}

type DockMode = 'cards' | 'chips' | 'panel';

/** Where the request goes on screen, and the STS badge beside it (none with no free place). */
function runPlacement(
  hasRun: boolean,
  edgeRoute: readonly Point[] | undefined,
  transform: ViewTransform,
  fromBox: Box | undefined,
  toBox: Box | undefined,
  obstacles: readonly Box[],
  pane: { width: number; height: number },
): { route: Point[]; badge: BadgePlacement | undefined; at: number } {
  let route: Point[] = [];
  if (!hasRun) return { route, badge: undefined, at: 0.5 };
  if (edgeRoute && fromBox && toBox) {
    const screen = edgeRoute.map((p) => pointToScreen(p, transform));
    // An edge from the caller's account starts at its header: the request starts at the caller.
    const first = screen[0];
    route =
      first && !edgeStartsAt(fromBox, first)
        ? [...routeFromBox(fromBox, first), ...screen.slice(1)]
        : screen;
  } else if (fromBox && toBox) route = straightRoute(fromBox, toBox);
  if (route.length >= 2) {
    const badge = placeBadge(route, BADGE, obstacles, pane);
    return { route, badge, at: badge?.at ?? 0.5 };
  }
  // Nothing to travel to on the canvas: the badge beside the node there is, the way to it.
  const near = fromBox ?? toBox;
  if (!near) return { route, badge: undefined, at: 0.5 };
  const spot = dockBeside(near, BADGE, obstacles, pane);
  const box = spot ? { ...spot, ...BADGE } : placeDockBox(near, obstacles, pane);
  if (!box) return { route, badge: undefined, at: 0.5 };
  route = fromBox ? routeFromBox(fromBox, centre(box)) : routeFromBox(near, centre(box)).reverse();
  return { route, badge: { box, at: fromBox ? 1 : 0 }, at: fromBox ? 1 : 0 };
}

/** The badge near a node where nothing right beside it is free. */
function placeDockBox(
  node: Box,
  obstacles: readonly Box[],
  pane: { width: number; height: number },
) {
  const dock = placeDock(node, { cards: BADGE, chips: BADGE }, obstacles, pane);
  return dock.mode === 'panel' ? undefined : { ...dock.at, ...BADGE };
}

/**
 * Each role's credentials: docked one after the other, each clear of the nodes, the labels,
 * the badge, the way the request went and the docks before it.
 */
function dockPlacements(
  shown: readonly SessionRecord[],
  roleIds: ReadonlyMap<string, string | undefined>,
  boxes: Readonly<Record<string, Box>>,
  heights: Readonly<Record<string, number>>,
  opened: ReadonlySet<string>,
  obstacles: readonly Box[],
  badge: BadgePlacement | undefined,
  route: readonly Point[],
  pane: { width: number; height: number },
) {
  const stacks = new Map<string, SessionRecord[]>();
  for (const s of shown) {
    const id = roleIds.get(s.accessKeyId);
    if (!id || !boxes[id]) continue;
    stacks.set(id, [...(stacks.get(id) ?? []), s]);
  }
  const taken: Box[] = [
    ...obstacles,
    ...(badge ? [badge.box] : []),
    // The way the request went stays visible: nothing docks over it.
    ...(route.length >= 2
      ? Array.from({ length: 49 }, (_, i) => {
          const p = along(route, i / 48).point;
          return { x: p.x - 3, y: p.y - 3, width: 6, height: 6 };
        })
      : []),
  ];
  return [...stacks].map(([roleId, list]) => {
    const node = boxes[roleId]!;
    const cards = {
      width: CARD_WIDTH,
      height: heights[`${roleId}:cards`] ?? list.length * (CARD_HEIGHT + STACK_GAP),
    };
    // Folded chips are all of one height; a card opened from one, as measured.
    const chips = { width: CHIP.width, height: list.length * (CHIP.height + 4) - 4 };
    const openedHeight = list.some((s) => opened.has(s.accessKeyId))
      ? heights[`${roleId}:chips`]
      : undefined;
    const sizes = {
      cards,
      chips,
      ...(openedHeight && openedHeight > chips.height
        ? { opened: { width: CHIP.width, height: openedHeight } }
        : {}),
    };
    const others = taken.filter((o) => o.x !== node.x || o.y !== node.y || o.width !== node.width);
    const dock = placeDock(node, sizes, others, pane, obstacles);
    if (dock.mode !== 'panel')
      taken.push({ ...dock.at, ...(dock.mode === 'cards' ? cards : chips) });
    return { roleId, list, ...dock };
  });
}

/** Dashed lines tying the badge or a dock placed away from what it belongs to. */
function Leaders({ lines }: { lines: readonly { from: Point; to: Point }[] }) {
  return (
    <svg className="absolute inset-0 h-full w-full overflow-visible" aria-hidden="true">
      {lines.map(({ from, to }, i) => (
        <line
          key={i}
          data-testid="simulation-leader"
          x1={from.x}
          y1={from.y}
          x2={to.x}
          y2={to.y}
          stroke="#64748b"
          strokeWidth={1.5}
          strokeDasharray="4 3"
        />
      ))}
    </svg>
  );
}
