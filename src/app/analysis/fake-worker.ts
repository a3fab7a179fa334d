// Test support: a stand-in for the browser's Worker. By hand (`emit`), or running the real
// jobs of the analysis worker (`FakeWorker.real = true`) a task after each message.
import { act } from '@testing-library/react';
import {
  jobRunner,
  type AnalysisWorkerInput,
  type AnalysisWorkerMessage,
  type AnalysisWorkerRequest,
} from './worker-jobs';

export class FakeWorker {
  static made: FakeWorker[] = [];
  static real = false;
  onmessage: ((event: MessageEvent<AnalysisWorkerMessage>) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  /** The job requests posted (parts of large designs aside). */
  sent: AnalysisWorkerRequest[] = [];
  terminated = false;
  private readonly run = jobRunner();
  constructor(readonly url: URL | string) {
    FakeWorker.made.push(this);
  }
  postMessage(data: AnalysisWorkerInput) {
    if (!('part' in data)) this.sent.push(data);
    if (FakeWorker.real)
      setTimeout(() => {
        if (!this.terminated) this.run(structuredClone(data), (m) => this.emit(m));
      });
  }
  terminate() {
    this.terminated = true;
  }
  /** The job number of the last request. */
  get job(): number {
    return this.sent.at(-1)!.job;
  }
  /** The worker posting a message to the page. */
  emit(m: AnalysisWorkerMessage) {
    act(() => this.onmessage?.({ data: m } as MessageEvent<AnalysisWorkerMessage>));
  }
}
