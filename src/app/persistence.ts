import { DesignStorage, designFileName, exportDesignText, importDesignText } from '../io';
import { setImportStatus } from './import/import-status';
import { runImportInWorker } from './import/run-import';
import { emptyDesign, newId, sampleDesign, type Design } from '../model';
import { rolecraftStore } from '../store';

// Autosave of the open design to IndexedDB, the list of saved designs, and file import/export.

const storage = new DesignStorage();
const state = () => rolecraftStore.getState();

let saving: Promise<void> | undefined;
let queued: Design | undefined;

async function refreshList() {
  const summaries = await storage.list();
  state().setDesigns(summaries);
}

/** Saves the latest design, one write at a time; changes made during a write are saved after it. */
function save(design: Design): Promise<void> {
  queued = design;
  if (saving) return saving;
  state().setSaveStatus('saving');
  saving = (async () => {
    try {
      while (queued) {
        const next = queued;
        queued = undefined;
        await storage.save(next);
        await storage.setLastOpened(next.id);
      }
      await refreshList();
      state().setSaveStatus('saved');
    } catch (error) {
      state().setSaveStatus('failed');
      state().showToast('error', `could not save the design: ${(error as Error).message}`);
    } finally {
      saving = undefined;
    }
  })();
  return saving;
}

/** Waits until every change so far is stored. */
export async function flushSaves(): Promise<void> {
  while (saving) await saving;
}

/** Replace the open design and save it at once. */
async function open(design: Design) {
  await flushSaves();
  state().loadDesign(design);
  await save(design);
}

/**
 * Opens what the user had open last (or the most recent design, or the sample on a first
 * visit) and from then on saves every document change.
 */
export async function startPersistence(initial?: Design): Promise<() => void> {
  let first = initial;
  if (!first) {
    const lastId = (await storage.lastOpened()) ?? (await storage.list())[0]?.id;
    const restored = lastId ? await storage.load(lastId) : undefined;
    if (restored?.ok) first = restored.design;
    else if (restored && !restored.ok) {
      state().showToast('error', `the last design could not be opened: ${restored.reason}`);
    }
  }
  const design = first ?? sampleDesign();
  state().loadDesign(design);
  void save(design);
  return rolecraftStore.subscribe((current, previous) => {
    if (current.design !== previous.design) void save(current.design);
  });
}

/** Opens a design made elsewhere (a lesson's) as the open design, and saves it. */
export async function openDesignDocument(design: Design) {
  await open(design);
}

export async function openDesign(id: string) {
  if (id === state().design.id) return;
  await flushSaves();
  const restored = await storage.load(id);
  if (!restored) {
    state().showToast('error', 'that design is no longer stored');
    await refreshList();
    return;
  }
  if (!restored.ok) {
    state().showToast('error', `the design could not be opened: ${restored.reason}`);
    return;
  }
  await open(restored.design);
}

export async function newDesign() {
  const taken = new Set(state().designs.map((d) => d.name));
  let name = 'Untitled design';
  for (let n = 2; taken.has(name); n++) name = `Untitled design ${n}`;
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
  await open(next?.ok ? next.design : emptyDesign());
}

export function exportCurrentDesign() {
  const design = state().design;
  const blob = new Blob([exportDesignText(design)], { type: 'application/json' });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = designFileName(design);
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
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
  const texts = await Promise.all(files.map(async (f) => ({ name: f.name, text: await f.text() })));
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
export async function importDesignFile(file: File) {
  const result = importDesignText(await file.text());
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
  const names = new Set(state().designs.map((d) => d.name));
  const name = names.has(design.name) ? `${design.name} (shared)` : design.name;
  await open({ ...design, id: newId('design'), name });
}
