/**
 * The what-if of the edits made since the last analysis: each edit that changes access starts
 * the analysis of the new version in the worker and compares it with the analysed one; the
 * summary offers to keep the edits or undo them all. Moves, undo, redo and opening a design
 * start nothing.
 */
import { useSyncExternalStore } from 'react';
import { type AnalysisResult, type WhatIf } from '../../analysis';
import { sameAccessInputs } from '../../model';
import type { Design } from '../../model';
import type { RolecraftStore } from '../../store';
import {
  AnalysisCancelled,
  analysisStatus,
  cancelAnalysis,
  runWhatIf,
  sameVersion,
  showAnalysis,
} from './analysis-status';

interface Before {
  design: Design;
  result: AnalysisResult;
}

export type WhatIfState =
  | { phase: 'none' }
  | { phase: 'working'; before: Before; edits: number }
  | { phase: 'ready'; before: Before; edits: number; whatIf: WhatIf; after: Design }
  | { phase: 'failed'; before: Before; edits: number; reason: string };

const none: WhatIfState = { phase: 'none' };
let state: WhatIfState = none;
/** Tells a what-if apart from a newer one started by the next edit. */
let generation = 0;
const listeners = new Set<() => void>();

function set(next: WhatIfState) {
  state = next;
  for (const l of listeners) l();
}

export function useWhatIf(): WhatIfState {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => state,
  );
}

function compare(before: Before, after: Design, edits: number) {
  // A newer edit replaces the comparison still running (the worker does one job at a time).
  if (state.phase === 'working') cancelAnalysis();
  const mine = ++generation;
  set({ phase: 'working', before, edits });
  runWhatIf(before.design, after).then(
    (whatIf) => {
      if (mine === generation) set({ phase: 'ready', before, edits, whatIf, after });
    },
    (error: Error) => {
      if (mine !== generation) return;
      if (error instanceof AnalysisCancelled) set(none);
      else set({ phase: 'failed', before, edits, reason: error.message });
    },
  );
}

/** An edit (one new undo step) took the design from `previous` to `design`. */
function edited(previous: Design, design: Design) {
  if (state.phase !== 'none') {
    const edits = state.edits + 1;
    if (sameAccessInputs(previous, design)) set({ ...state, edits });
    else compare(state.before, design, edits);
    return;
  }
  const analysed = analysisStatus();
  if (analysed.phase !== 'done') return;
  // Only against an analysis of the version just before the edit (moves aside).
  if (!sameAccessInputs(analysed.design, previous) || sameAccessInputs(previous, design)) return;
  compare({ design: analysed.design, result: analysed.result }, design, 1);
}

/** Keeps the edits: the analysis of the edited design stays shown. */
export function keepEdits() {
  generation++;
  set(none);
}

/** Drops the summary; a comparison still running stops. */
function drop() {
  if (state.phase === 'working') cancelAnalysis();
  generation++;
  set(none);
}

/** Takes back every edit since the analysis, and shows that analysis again. */
export function undoEdits(store: RolecraftStore) {
  if (state.phase === 'none') return;
  const { before, edits } = state;
  drop();
  for (let i = 0; i < edits; i++) store.temporal.getState().undo();
  const design = store.getState().design;
  if (sameAccessInputs(design, before.design)) {
    sameVersion(design, before.design);
    showAnalysis(before.result, design);
  }
}

/**
 * Watches `store` for edits. The history records an edit while the store tells its
 * listeners about the change, before this one hears of it: a new undo step that redo did not
 * put back marks the change as an edit.
 */
export function watchEdits(store: RolecraftStore): () => void {
  let edit = false;
  const stopHistory = store.temporal.subscribe((now, before) => {
    const last = now.pastStates.at(-1);
    edit =
      last !== undefined &&
      last !== before.pastStates.at(-1) &&
      now.futureStates.length === 0 &&
      !before.futureStates.includes(last);
  });
  const stopStore = store.subscribe((now, before) => {
    if (now.design === before.design) return;
    if (edit) {
      edit = false;
      edited(before.design, now.design);
    } else if (state.phase !== 'none') {
      // Undo, redo or another design: the summary no longer says what the design is.
      const back = state.before;
      drop();
      if (sameAccessInputs(now.design, back.design)) {
        sameVersion(now.design, back.design);
        showAnalysis(back.result, now.design);
      }
    }
  });
  return () => {
    stopHistory();
    stopStore();
  };
}
