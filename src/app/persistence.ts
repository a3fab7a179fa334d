import {
  DesignStorage,
  StaleDesignError,
  designJson,
  designFileName,
  designFileSizeProblem,
  exportDesignText,
  importDesignText,
  type LoadedDesign,
} from '../io';
import { emptyDesign, newId, restoreDesign, sampleDesign, uniqueName, type Design } from '../model';
import { rolecraftStore } from '../store';
import { flushPendingEdits } from '../editor';
import { designNotices, setNotice } from './design-notices';
import { setImportStatus } from './import/import-status';
import { runImportInWorker } from './import/run-import';
import { prepareToShow } from './prepare-design';
import { saveDesign } from './save-off-thread';

// Autosave of the open design to IndexedDB, the list of saved designs, and file import/export.
// Saves are whole or absent and checked against the revision this tab loaded: a design saved
// meanwhile by another tab is never overwritten (this tab is told, and offered reload or a
// copy). A record that cannot be read is set aside, never saved over.

const storage = new DesignStorage();
const state = () => rolecraftStore.getState();
const tab = Math.random().toString(36).slice(2);
const channel = typeof BroadcastChannel === 'function' ? new BroadcastChannel('rolecraft') : null;
const JOURNAL = 'rolecraft:unsaved';

let saving: Promise<void> | undefined;
let queued: Design | undefined;
/** A save waiting for changes to pause (see `saveSoon`). */
let pending: ReturnType<typeof setTimeout> | undefined;

/** How long edits must pause before they are saved: a burst of edits is written once. */
const SAVE_DELAY_MS = 300;
/** Revision of each design as this tab last loaded or saved it. */
const revisions = new Map<string, number>();
/** The open design may not be saved: opened read-only, or stale (changed in another tab). */
let blocked: string | undefined;

async function refreshList() {
  state().setDesigns(await storage.list());
}

async function refreshUnreadable() {
  designNotices.setState({ unreadable: await storage.unreadable() });
}

/** Saves the latest design, one write at a time; changes made during a write are saved after it. */
function save(design: Design): Promise<void> {
  if (blocked === design.id) return Promise.resolve();
  queued = design;
  if (saving) return saving;
  state().setSaveStatus('saving');
  saving = (async () => {
    try {
      while (queued) {
        const next = queued;
        queued = undefined;
        if (blocked === next.id) continue;
        const saved = await saveDesign(storage, next, revisions.get(next.id) ?? 0);
        revisions.set(next.id, saved.revision);
        channel?.postMessage({ type: 'saved', id: next.id, revision: saved.revision, tab });
        await storage.setLastOpened(next.id);
      }
      await refreshList();
      state().setSaveStatus('saved');
      clearJournal();
    } catch (error) {
      if (error instanceof StaleDesignError) markStale(error.id);
      else {
        state().setSaveStatus('failed');
        state().showToast('error', `could not save the design: ${(error as Error).message}`);
      }
    } finally {
      saving = undefined;
    }
  })();
  return saving;
}

/**
 * Saves the design once edits pause for `SAVE_DELAY_MS` (a save already running picks it up
 * when it ends). Until then the status says saving, and leaving the page journals it.
 */
function saveSoon(design: Design) {
  if (blocked === design.id) return;
  queued = design;
  state().setSaveStatus('saving');
  if (pending !== undefined) clearTimeout(pending);
  pending = setTimeout(() => {
    pending = undefined;
    if (queued) void save(queued);
  }, SAVE_DELAY_MS);
}

function markStale(id: string) {
  if (pending !== undefined) clearTimeout(pending);
  pending = undefined;
  queued = undefined;
  blocked = id;
  state().setSaveStatus('failed');
  setNotice({
    kind: 'stale',
    designId: id,
    message:
      'This design was changed in another tab. Your changes here are not saved: reload it to see the other tab’s version, or save yours as a copy.',
  });
}

channel?.addEventListener('message', (event: MessageEvent) => {
  const data = event.data as { type?: string; id?: string; revision?: number; tab?: string };
  if (data.type !== 'saved' || data.tab === tab || data.id !== state().design.id) return;
  if ((data.revision ?? 0) > (revisions.get(data.id) ?? 0)) markStale(data.id);
});

/** Waits until every change so far is stored. */
async function flushSaves(): Promise<void> {
  if (pending !== undefined) {
    clearTimeout(pending);
    pending = undefined;
    if (queued) void save(queued);
  }
  while (saving) await saving;
}

/**
 * Shows a design (once what its views need first is derived, in short tasks): `readOnly` (a
 * record from a newer app) is never saved.
 */
async function show(design: Design, revision: number, readOnlyBecause?: string) {
  await prepareToShow(design);
  revisions.set(design.id, revision);
  blocked = readOnlyBecause ? design.id : undefined;
  setNotice(
    readOnlyBecause
      ? { kind: 'read-only', designId: design.id, message: readOnlyBecause }
      : undefined,
  );
  state().loadDesign(design);
}

/** Replace the open design and save it at once. */
async function open(design: Design, revision = 0) {
  await flushSaves();
  await show(design, revision);
  await save(design);
}

const newerNotice = (version: number) =>
  `This design was saved by a newer Rolecraft (format ${version}). It is open read-only: changes are not saved. Save it as a copy to keep working on it here.`;

/** Opens a loaded record: read-only when newer; an unreadable one is set aside and the user told. */
async function openLoaded(id: string, loaded: LoadedDesign, name?: string): Promise<boolean> {
  if (loaded.ok) {
    await flushSaves();
    await show(
      loaded.design,
      loaded.revision,
      loaded.newerVersion ? newerNotice(loaded.newerVersion) : undefined,
    );
    if (!loaded.newerVersion) await storage.setLastOpened(id);
    return true;
  }
  await storage.setAside(id, loaded.reason);
  await Promise.all([refreshList(), refreshUnreadable()]);
  state().showToast(
    'error',
    `the design ${name ? `“${name}” ` : ''}could not be opened: ${loaded.reason}. It is kept aside unchanged: download it from the notice above the canvas.`,
  );
  return false;
}

/** The design the page was typing into when it went away, if its save had not landed. */
function readJournal(): { design: Design; baseRevision: number } | undefined {
  try {
    const text = localStorage.getItem(JOURNAL);
    if (!text) return undefined;
    const entry = JSON.parse(text) as { design?: unknown; baseRevision?: unknown };
    const restored = restoreDesign(entry.design);
    if (!restored.ok || typeof entry.baseRevision !== 'number') return undefined;
    return { design: restored.design, baseRevision: entry.baseRevision };
  } catch {
    return undefined;
  }
}

function clearJournal() {
  try {
    localStorage.removeItem(JOURNAL);
  } catch {
    // storage unavailable: nothing was journalled either
  }
}

/**
 * On `pagehide` (reload, close, navigation): editors send their pending text now, and when a
 * save is still due, the design goes to localStorage synchronously (IndexedDB writes started
 * now may not finish). The next start reopens it unless its save landed after all.
 */
function journalOnHide() {
  flushPendingEdits();
  const design = state().design;
  if (blocked === design.id || (!saving && !queued)) return;
  try {
    localStorage.setItem(
      JOURNAL,
      `{"design":${designJson(design)},"baseRevision":${revisions.get(design.id) ?? 0}}`,
    );
  } catch {
    // quota or privacy mode: the IndexedDB save in flight is all there is
  }
}

/** Opens the first design; true when it must be saved (it is not the stored record as it is). */
async function firstDesign(initial?: Design): Promise<boolean> {
  if (initial) {
    await show(initial, await storage.revision(initial.id));
    return true;
  }
  const journal = readJournal();
  clearJournal();
  if (journal && (await storage.revision(journal.design.id)) === journal.baseRevision) {
    await show(journal.design, journal.baseRevision);
    return true;
  }
  const summaries = await storage.list();
  const candidates = [await storage.lastOpened(), ...summaries.map((s) => s.id)].filter(
    (id, i, all): id is string => id !== undefined && all.indexOf(id) === i,
  );
  for (const id of candidates) {
    const loaded = await storage.load(id);
    const name = summaries.find((s) => s.id === id)?.name;
    if (loaded && (await openLoaded(id, loaded, name))) return false;
  }
  const sample = sampleDesign();
  await show(sample, await storage.revision(sample.id));
  return true;
}

/**
 * Opens what the user had open last (or the most recent design, or the sample on a first
 * visit) and from then on saves every document change. Never rejects: when browser storage
 * fails, the design opens unsaved and the user is told why.
 */
export async function startPersistence(initial?: Design): Promise<() => void> {
  // Opening a stored design as it is saves nothing (another tab holding it stays current).
  let mustSave = true;
  try {
    mustSave = await firstDesign(initial);
    await Promise.all([refreshUnreadable(), refreshList()]);
  } catch (error) {
    blocked = state().design.id;
    setNotice({
      kind: 'storage',
      message: `Browser storage could not be read (${(error as Error).message}). This design is not saved: export it to keep it.`,
    });
  }
  window.addEventListener('pagehide', journalOnHide);
  if (mustSave) void save(state().design);
  else state().setSaveStatus('saved');
  return rolecraftStore.subscribe((current, previous) => {
    if (current.design !== previous.design) saveSoon(current.design);
  });
}

/**
 * Opens a design made elsewhere (a lesson's) as the open design, and saves it over the record
 * of the same id on purpose (a lesson opened again or reset): the save's base is that record's
 * stored revision, so this tab's own earlier save of it is not taken for another tab's.
 */
export async function openDesignDocument(design: Design) {
  await flushSaves();
  await open(design, await storage.revision(design.id));
}

export async function openDesign(id: string) {
  if (id === state().design.id) return;
  await flushSaves();
  const loaded = await storage.load(id);
  if (!loaded) {
    state().showToast('error', 'that design is no longer stored');
    await refreshList();
    return;
  }
  await openLoaded(id, loaded, state().designs.find((d) => d.id === id)?.name);
}

/** Reloads the open design from storage (after another tab changed it). */
export async function reloadOpenDesign() {
  const id = state().design.id;
  const loaded = await storage.load(id);
  if (!loaded) {
    state().showToast('error', 'that design is no longer stored');
    return;
  }
  queued = undefined;
  await flushSaves();
  await openLoaded(id, loaded);
}

export async function newDesign() {
  const name = uniqueName(
    'Untitled design',
    state().designs.map((d) => d.name),
    ' ',
  );
  await open(emptyDesign(name));
}

export async function duplicateDesign() {
  const current = state().design;
  await open({ ...structuredClone(current), id: newId('design'), name: `${current.name} copy` });
}

/** Deletes the open design and opens the most recent other one (or a new empty design). */
export async function deleteCurrentDesign() {
  await flushSaves();
  const current = state().design;
  await storage.delete(current.id);
  const others = (await storage.list()).filter((d) => d.id !== current.id);
  const next = others[0] ? await storage.load(others[0].id) : undefined;
  if (next?.ok && !next.newerVersion) await open(next.design, next.revision);
  else await open(emptyDesign());
}

function download(text: string, fileName: string) {
  const blob = new Blob([text], { type: 'application/json' });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/** Downloads the open design as a file; a failure is shown, never silent. */
export function exportCurrentDesign() {
  try {
    const design = state().design;
    download(exportDesignText(design), designFileName(design));
  } catch (error) {
    state().showToast('error', `the design could not be exported: ${(error as Error).message}`);
  }
}

/** Downloads a record that was set aside, exactly as stored (a cycle, if any, is cut and marked). */
export async function downloadUnreadable(key: string) {
  const kept = designNotices.getState().unreadable.find((u) => u.key === key);
  const raw = await storage.unreadableRaw(key);
  const seen = new WeakSet<object>();
  const text = JSON.stringify(
    raw,
    (_k, value: unknown) => {
      if (typeof value !== 'object' || value === null) return value;
      if (seen.has(value)) return '[reference cycle]';
      seen.add(value);
      return value;
    },
    2,
  );
  download(`${text ?? 'null'}\n`, `unreadable-${kept?.id ?? 'design'}.json`);
}

export async function forgetUnreadable(key: string) {
  await storage.deleteUnreadable(key);
  await refreshUnreadable();
}

/** Whether a file's text is a Rolecraft design rather than account data (authorization details). */
function isDesignFile(name: string, text: string): boolean {
  if (name.endsWith('.rolecraft.json')) return true;
  return /^\s*\{\s*"format"\s*:\s*"rolecraft"/.test(text);
}

/**
 * Imports what the user picked: each `*.rolecraft.json` opens as a design; all authorization
 * details files together become one design (pages of one account merge), built in a worker
 * with a progress bar and a summary of what came in and what was skipped and why.
 */
export async function importFiles(files: File[]) {
  // A file too large is refused before it is read.
  const readable = files.filter((f) => {
    const tooBig = designFileSizeProblem(f.size);
    if (tooBig && f.size > 0) state().showToast('error', `${f.name} was not imported: ${tooBig}`);
    return !tooBig || f.size === 0;
  });
  const texts = await Promise.all(
    readable.map(async (f) => ({ name: f.name, text: await f.text() })),
  );
  const designs = texts.filter((t) => isDesignFile(t.name, t.text));
  for (const d of designs) await importDesignFile(new File([d.text], d.name));
  const authz = texts.filter((t) => !isDesignFile(t.name, t.text));
  if (authz.length === 0) return;
  const running = runImportInWorker(authz, (fraction, stage) =>
    setImportStatus({
      phase: 'running',
      fraction,
      stage,
      files: authz.length,
      cancel: running.cancel,
    }),
  );
  setImportStatus({
    phase: 'running',
    fraction: 0,
    stage: 'reading',
    files: authz.length,
    cancel: running.cancel,
  });
  const result = await running.result;
  if (result === 'cancelled') return;
  if (!result.ok) {
    setImportStatus({
      phase: 'failed',
      reason: result.reason,
      ...(result.summary ? { summary: result.summary } : {}),
    });
    return;
  }
  await open(result.design);
  setImportStatus({ phase: 'done', summary: result.summary, designName: result.design.name });
}

/** Opens a design file as a new design; a file that is not one is refused with its reason. */
async function importDesignFile(file: File) {
  const tooBig = designFileSizeProblem(file.size);
  const result = tooBig
    ? { ok: false as const, reason: tooBig }
    : importDesignText(await file.text());
  if (!result.ok) {
    state().showToast('error', `${file.name} was not imported: ${result.reason}`);
    return;
  }
  const taken = new Set(state().designs.map((d) => d.id));
  const design = taken.has(result.design.id)
    ? { ...result.design, id: newId('design') }
    : result.design;
  await open(design);
  state().showToast('info', `Imported ${design.name}`);
}

/** Opens a design from outside (a share link) as a new design: a fresh id, never over a saved one. */
export async function openAsNewDesign(design: Design) {
  await open(asNewDesign(design));
}

/** The design under a fresh id (and a name no saved design has), so opening it replaces nothing. */
export function asNewDesign(design: Design): Design {
  const names = new Set(state().designs.map((d) => d.name));
  const name = names.has(design.name) ? `${design.name} (shared)` : design.name;
  return { ...design, id: newId('design'), name };
}
