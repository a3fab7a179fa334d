/// <reference lib="webworker" />
// Imports authorization-details files off the main thread (reading, building, ELK layout),
// posting progress as it goes; the page ends the worker to cancel.
import { importAuthzFiles, type ImportFile, type ImportResult } from '../../io/authz-details';

export type ImportWorkerMessage =
  | { type: 'progress'; fraction: number; stage: string; file?: string }
  | { type: 'done'; result: ImportResult };

self.onmessage = async (event: MessageEvent<{ files: ImportFile[] }>) => {
  const post = (m: ImportWorkerMessage) => self.postMessage(m);
  const result = await importAuthzFiles(event.data.files, {
    onProgress: (p) => post({ type: 'progress', ...p }),
  });
  post({ type: 'done', result });
};
