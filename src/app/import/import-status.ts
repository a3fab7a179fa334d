/** The state of the running (or last) authorization-details import, for its dialog. */
import { useSyncExternalStore } from 'react';
import type { ImportSummary } from '../../io/authz-details';

export type ImportStatus =
  | { phase: 'idle' }
  | { phase: 'running'; fraction: number; stage: string; files: number; cancel: () => void }
  | { phase: 'done'; summary: ImportSummary; designName: string }
  | { phase: 'failed'; reason: string; summary?: ImportSummary };

let status: ImportStatus = { phase: 'idle' };
const listeners = new Set<() => void>();

export function setImportStatus(next: ImportStatus) {
  status = next;
  for (const l of listeners) l();
}

export function useImportStatus(): ImportStatus {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => status,
  );
}
