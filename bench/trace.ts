/**
 * A Chromium performance trace of the page's main thread through CDP, for the browser
 * benchmarks: the longest tasks (the renderer main thread's `RunTask`s), each with what it
 * spent its time in: the trace events inside it (message decoding, GC, layout, script) and the
 * JavaScript functions the sampling profiler saw in it, heaviest first.
 */
import type { CDPSession } from '@playwright/test';

interface TraceEvent {
  name: string;
  cat: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  args?: {
    name?: string;
    data?: {
      cpuProfile?: {
        nodes?: {
          id: number;
          parent?: number;
          callFrame: { functionName: string; url?: string; lineNumber: number };
        }[];
        samples?: number[];
      };
      timeDeltas?: number[];
    };
  };
  id?: string;
}

export interface TracedTask {
  /** Start, ms after the trace began. */
  atMs: number;
  ms: number;
  /** The heaviest trace events inside the task (total ms by name). */
  inside: string[];
  /** The heaviest JavaScript functions inside it (self samples, with their caller). */
  stacks: string[];
}

const CATEGORIES = [
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'v8',
  'v8.execute',
  'disabled-by-default-v8.cpu_profiler',
].join(',');

/** Starts a trace; the returned function stops it and reads the longest main-thread tasks. */
export async function startTrace(
  cdp: CDPSession,
): Promise<(top?: number) => Promise<TracedTask[]>> {
  const events: TraceEvent[] = [];
  // Events the typed CDPSession does not list: subscribe through its untyped emitter.
  const emitter = cdp as unknown as {
    on: (event: string, listener: (data: never) => void) => void;
    off: (event: string, listener: (data: never) => void) => void;
    once: (event: string, listener: () => void) => void;
  };
  const onData = (data: { value: TraceEvent[] }) => {
    for (const e of data.value) events.push(e);
  };
  emitter.on('Tracing.dataCollected', onData);
  await cdp.send('Tracing.start', {
    traceConfig: {
      includedCategories: CATEGORIES.split(','),
      recordMode: 'recordAsMuchAsPossible',
    },
    transferMode: 'ReportEvents',
  });
  return async (top = 3) => {
    const complete = new Promise<void>((resolve) =>
      emitter.once('Tracing.tracingComplete', () => resolve()),
    );
    await cdp.send('Tracing.end');
    await complete;
    emitter.off('Tracing.dataCollected', onData);
    return longestTasks(events, top);
  };
}

function longestTasks(events: TraceEvent[], top: number): TracedTask[] {
  const main = events.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  if (!main) return [];
  const onMain = events.filter((e) => e.pid === main.pid && e.tid === main.tid);
  const begin = Math.min(...onMain.filter((e) => e.ts > 0).map((e) => e.ts));
  // The profiler's own start (in the first task of the trace) is the trace's cost, not the page's.
  const profilerStarts = onMain.filter((e) => e.name === 'CpuProfiler::StartProfiling');
  const tasks = onMain
    .filter((e) => e.ph === 'X' && e.name === 'RunTask' && e.dur !== undefined)
    .filter((e) => !profilerStarts.some((p) => p.ts >= e.ts && p.ts <= e.ts + e.dur!))
    .sort((a, b) => b.dur! - a.dur!)
    .slice(0, top);
  const samples = profileSamples(events, main.pid, main.tid);
  return tasks.map((task) => {
    const end = task.ts + task.dur!;
    const byName = new Map<string, number>();
    for (const e of onMain)
      if (
        e !== task &&
        e.ph === 'X' &&
        e.dur !== undefined &&
        e.ts >= task.ts &&
        e.ts + e.dur <= end
      )
        byName.set(detailed(e), (byName.get(detailed(e)) ?? 0) + e.dur);
    const byStack = new Map<string, number>();
    for (const s of samples)
      if (s.ts >= task.ts && s.ts <= end) byStack.set(s.stack, (byStack.get(s.stack) ?? 0) + 1);
    const heaviest = (m: Map<string, number>, unit: (v: number) => string) =>
      [...m]
        .sort((a, b) => b[1] - a[1])
        .slice(0, 6)
        .map(([k, v]) => `${unit(v)} ${k}`);
    return {
      atMs: Math.round((task.ts - begin) / 1000),
      ms: Math.round(task.dur! / 1000),
      inside: heaviest(byName, (us) => `${Math.round(us / 1000)} ms`),
      stacks: heaviest(byStack, (n) => `${n} samples`),
    };
  });
}

/** A trace event's name, with what a layout laid out and what a script ran. */
function detailed(e: TraceEvent): string {
  const args = e.args as
    | {
        beginData?: { dirtyObjects?: number; totalObjects?: number };
        data?: { type?: string; url?: string; functionName?: string };
      }
    | undefined;
  if (e.name === 'Layout' && args?.beginData)
    return `Layout (${args.beginData.dirtyObjects} of ${args.beginData.totalObjects} objects)`;
  if (e.name === 'EventDispatch' && args?.data?.type) return `EventDispatch ${args.data.type}`;
  if (e.name === 'FunctionCall' && args?.data?.functionName)
    return `FunctionCall ${args.data.functionName} ${args.data.url?.split('/').pop() ?? ''}`;
  return e.name;
}

/** The CPU profiler's samples on one thread: time and a short stack (leaf < caller < caller). */
function profileSamples(events: TraceEvent[], pid: number, tid: number) {
  const nodes = new Map<number, { parent?: number; name: string }>();
  const out: { ts: number; stack: string }[] = [];
  const profiles = new Map<string, number>();
  for (const e of events) {
    if (e.pid !== pid || e.tid !== tid) continue;
    // The profile starts on the thread it samples; its chunks come from the sampler's thread.
    if (e.name === 'Profile' && e.id)
      profiles.set(e.id, (e.args?.data as { startTime?: number })?.startTime ?? e.ts);
  }
  for (const e of events) {
    if (e.name !== 'ProfileChunk' || e.pid !== pid || !e.id) continue;
    let at = profiles.get(e.id);
    if (at === undefined) continue;
    const profile = e.args?.data?.cpuProfile;
    for (const n of profile?.nodes ?? []) {
      const { functionName, url, lineNumber } = n.callFrame;
      const file = url?.split('/').pop() ?? '';
      nodes.set(n.id, {
        parent: n.parent,
        name: `${functionName || '(anonymous)'}${file ? ` ${file}:${lineNumber + 1}` : ''}`,
      });
    }
    const deltas = e.args?.data?.timeDeltas ?? [];
    (profile?.samples ?? []).forEach((id, i) => {
      at! += deltas[i] ?? 0;
      const names: string[] = [];
      for (
        let n = nodes.get(id), k = 0;
        n && k < 3;
        n = n.parent ? nodes.get(n.parent) : undefined, k++
      )
        names.push(n.name);
      if (names[0] === '(idle)' || names[0] === '(program)' || names[0] === '(root)') return;
      out.push({ ts: at!, stack: names.join(' < ') });
    });
    profiles.set(e.id, at);
  }
  return out;
}
