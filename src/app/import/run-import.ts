/** Runs an authorization-details import in a worker; progress through a callback, cancel by `abort`. */
import type { ImportFile, ImportResult } from '../../io/authz-details';
import type { ImportWorkerMessage } from './import-worker';

export interface RunningImport {
  result: Promise<ImportResult | 'cancelled'>;
  cancel: () => void;
}

export function runImportInWorker(
  files: ImportFile[],
  onProgress: (fraction: number, stage: string) => void,
): RunningImport {
  const worker = new Worker(new URL('./import-worker.ts', import.meta.url), { type: 'module' });
  let settle: (r: ImportResult | 'cancelled') => void = () => {};
  const result = new Promise<ImportResult | 'cancelled'>((resolve) => (settle = resolve));
  worker.onmessage = (event: MessageEvent<ImportWorkerMessage>) => {
    const m = event.data;
    if (m.type === 'progress') onProgress(m.fraction, m.stage);
    else {
      worker.terminate();
      settle(m.result);
    }
  };
  worker.onerror = (event) => {
    worker.terminate();
    settle({ ok: false, reason: `the import stopped: ${event.message || 'worker error'}` });
  };
  worker.postMessage({ files });
  return {
    result,
    cancel: () => {
      worker.terminate();
      settle('cancelled');
    },
  };
}
