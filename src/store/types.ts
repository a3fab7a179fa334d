import type { StateCreator } from 'zustand';
import type { FindingBadge } from '../analysis';
import type { Clipboard, DeleteReport, Design, EntityId, PolicySlot } from '../model';

/** A pure model command `(design, ...args) => design`: the only way the document changes. */
type DesignCommand<Args extends unknown[]> = (design: Design, ...args: Args) => Design;

interface DocumentState {
  design: Design;
}

interface DocumentActions {
  /** Apply a model command; a command that returns the same design records no history. */
  apply: <Args extends unknown[]>(command: DesignCommand<Args>, ...args: Args) => void;
  /** Replace the whole document (open, import, restore); clears undo history. */
  loadDesign: (design: Design) => void;
  /** Delete entities at once, or ask first (`pendingDelete`) when that would break references. */
  requestDelete: (ids: EntityId[]) => void;
  /** Carry out the pending delete; `removeTrust` also takes them out of trust policies. */
  confirmDelete: (removeTrust: boolean) => void;
}

export type DocumentSlice = DocumentState & DocumentActions;

interface SelectionState {
  /** Selected entity ids; the first one is what the inspector shows. */
  selectedIds: EntityId[];
  /** Selected edge ids (derived edges: trust, membership, permission). */
  selectedEdgeIds: string[];
}

interface SelectionActions {
  /** Select these entities only (no edge stays selected). */
  select: (ids: EntityId[]) => void;
  /** Set the selected entities, leaving the edge selection as it is (canvas selection changes). */
  setSelectedNodes: (ids: EntityId[]) => void;
  /** Add to or remove from the selection (Ctrl/Shift-click). */
  toggleSelected: (id: EntityId) => void;
  selectEdges: (ids: string[]) => void;
  clearSelection: () => void;
}

export type SelectionSlice = SelectionState & SelectionActions;

type ToastTone = 'info' | 'error';

export interface Toast {
  id: number;
  tone: ToastTone;
  message: string;
}

/** A saved design as the designs menu lists it. */
interface DesignSummary {
  id: string;
  name: string;
  /** ISO time of the last save. */
  updatedAt: string;
}

type SaveStatus = 'idle' | 'saving' | 'saved' | 'failed';

interface UiState {
  searchOpen: boolean;
  toasts: Toast[];
  /** Saved designs, kept in sync by the persistence controller. */
  designs: DesignSummary[];
  /** Entities copied with Ctrl+C, and how many times they were pasted since. */
  clipboard: { content: Clipboard; pastes: number } | null;
  /** A delete that would break references, waiting for the user to confirm. */
  pendingDelete: DeleteReport | null;
  /** Autosave progress of the open design. */
  saveStatus: SaveStatus;
  /** Which derived edges the canvas draws besides trust edges (always drawn). */
  edgeVisibility: EdgeVisibility;
  /** A policy the editor should open with a range picked out, until the editor takes it. */
  policyReveal: PolicyReveal | null;
  /** The guided lesson being played (see `src/lessons`), and its step (0-based); null when none. */
  activeLesson: ActiveLesson | null;
  /** A path the analysis found (an escalation, a who-can answer), lit on the canvas hop by hop. */
  pathHighlight: PathHighlight | null;
  /** The findings of the last analysis, per node: what the nodes' badges show. */
  findingBadges: ReadonlyMap<EntityId, FindingBadge>;
  /** The bottom panel's open tab. */
  bottomTab: BottomTab;
  /** The Findings tab shows only the findings about this node (a badge was clicked). */
  findingsSubject: EntityId | null;
}

export const bottomTabs = ['Simulation', 'Findings', 'Escalations', 'Who can'] as const;
type BottomTab = (typeof bottomTabs)[number];

/** One hop of a path: one node to the next (the same node when a step acts on itself). */
export interface PathHop {
  from: EntityId;
  to: EntityId;
  /** What the hop does, for people: `sts:AssumeRole`, `iam-create-access-key`. */
  label: string;
}

export interface PathHighlight {
  hops: PathHop[];
  /** How many hops are lit, 0 to `hops.length`; the start node is lit from 0. */
  lit: number;
}

/** Which lesson is open and where the learner is in it (share links carry it). */
interface ActiveLesson {
  /** The lesson file's `id`. */
  id: string;
  /** 0-based index of the step showing. */
  step: number;
}

/**
 * Asks the policy editor to open an entity's policy tab and select and highlight a range
 * (the statement that decided a simulated check).
 */
export interface PolicyReveal {
  entityId: EntityId;
  slot: PolicySlot;
  /** Offsets into `text`; absent to open the policy without picking anything out. */
  range?: { start: number; end: number };
  /** The policy text the range was measured on: the editor highlights only that same text. */
  text?: string;
  /** Move the keyboard focus into the editor (a person asked for it, not a failure). */
  focus: boolean;
  /** Tells requests apart, so asking for the same statement again reveals it again. */
  nonce: number;
}

interface EdgeVisibility {
  membership: boolean;
  /** `auto`: shown unless the design is large (the canvas decides). */
  permission: boolean | 'auto';
}

interface UiActions {
  setSearchOpen: (open: boolean) => void;
  showToast: (tone: ToastTone, message: string) => void;
  dismissToast: (id: number) => void;
  setDesigns: (designs: DesignSummary[]) => void;
  setClipboard: (clipboard: UiState['clipboard']) => void;
  setPendingDelete: (report: DeleteReport | null) => void;
  setSaveStatus: (status: SaveStatus) => void;
  setEdgeVisibility: (visibility: Partial<EdgeVisibility>) => void;
  revealPolicy: (request: Omit<PolicyReveal, 'nonce' | 'focus'> & { focus?: boolean }) => void;
  /** Drops the reveal request; with a nonce, only when that request is still the pending one. */
  clearPolicyReveal: (nonce?: number) => void;
  setActiveLesson: (lesson: ActiveLesson | null) => void;
  /** Shows a path (all of it lit when `lit` is left out), or none. */
  setPathHighlight: (hops: PathHop[] | null, lit?: number) => void;
  /** Lights one hop more (`1`) or one less (`-1`), within the path. */
  stepPathHighlight: (delta: number) => void;
  setFindingBadges: (badges: ReadonlyMap<EntityId, FindingBadge>) => void;
  setBottomTab: (tab: BottomTab) => void;
  /** Opens the Findings tab on the findings about one node (or all, with null). */
  showFindingsOf: (id: EntityId | null) => void;
}

export type UiSlice = UiState & UiActions;

export type RolecraftState = DocumentSlice & SelectionSlice & UiSlice;

/** A slice of the store (no middleware: undo history subscribes to the store, see history.ts). */
export type SliceCreator<Slice> = StateCreator<RolecraftState, [], [], Slice>;
