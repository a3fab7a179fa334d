// @vitest-environment happy-dom
// The Findings tab runs the analysis in a worker: a progress bar while it runs, Cancel ends
// the worker and nothing it still sends comes back; a finished run lists its findings.
import { act, cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ANALYSIS_FORMAT, type AnalysisResult } from '../../analysis';
import { sampleDesign } from '../../model';
import { createRolecraftStore, RolecraftProvider } from '../../store';
import type { AnalysisWorkerMessage } from './analysis-worker';
import { cancelAnalysis } from './analysis-status';
import { FindingsPanel } from './FindingsPanel';

/** A stand-in for the browser's Worker: records what the page sends and whether it was ended. */
class FakeWorker {
  static made: FakeWorker[] = [];
  onmessage: ((event: MessageEvent<AnalysisWorkerMessage>) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  sent: unknown[] = [];
  terminated = false;
  constructor(readonly url: URL | string) {
    FakeWorker.made.push(this);
  }
  postMessage(data: unknown) {
    this.sent.push(data);
  }
  terminate() {
    this.terminated = true;
  }
  /** The worker posting a message to the page. */
  emit(m: AnalysisWorkerMessage) {
    act(() => this.onmessage?.({ data: m } as MessageEvent<AnalysisWorkerMessage>));
  }
}

const result: AnalysisResult = {
  format: ANALYSIS_FORMAT,
  now: '2026-06-01T00:00:00Z',
  accounts: [],
  principals: 0,
  warnings: [],
  reachability: [],
  escalations: [],
  findings: [],
};

beforeEach(() => {
  FakeWorker.made = [];
  vi.stubGlobal('Worker', FakeWorker);
});
afterEach(() => {
  act(() => cancelAnalysis());
  cleanup();
  vi.unstubAllGlobals();
});

const runButton = () => screen.getByRole('button', { name: /^Run analysis/ }) as HTMLButtonElement;

function renderPanel() {
  render(
    <RolecraftProvider store={createRolecraftStore(sampleDesign())}>
      <FindingsPanel />
    </RolecraftProvider>,
  );
  return userEvent.setup();
}

describe('Findings tab: the analysis in a worker', () => {
  it('shows progress while it runs; Cancel ends the worker, and a late message from it changes nothing', async () => {
    const user = renderPanel();
    await user.click(screen.getByRole('button', { name: 'Run analysis' }));
    const worker = FakeWorker.made[0]!;
    expect(worker.sent).toHaveLength(1);
    expect(runButton().disabled).toBe(true);
    worker.emit({ type: 'progress', fraction: 0.45, stage: 'escalations' });
    const bar = screen.getByRole('progressbar', { name: 'Analysis progress' });
    expect((bar as HTMLProgressElement).value).toBe(0.45);
    expect(screen.getByText('Trying every escalation technique')).toBeTruthy();

    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(worker.terminated).toBe(true);
    expect(screen.queryByRole('progressbar', { name: 'Analysis progress' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Cancel' })).toBeNull();
    expect(runButton().disabled).toBe(false);

    worker.emit({ type: 'done', result });
    expect(screen.queryByRole('list', { name: 'Findings list' })).toBeNull();
    expect(runButton().disabled).toBe(false);
  });

  it('a finished run lists its findings; running again replaces the first worker', async () => {
    const user = renderPanel();
    await user.click(screen.getByRole('button', { name: 'Run analysis' }));
    const first = FakeWorker.made[0]!;
    first.emit({ type: 'done', result });
    expect(first.terminated).toBe(true);
    expect(screen.getByRole('list', { name: 'Findings list' })).toBeTruthy();
    expect(screen.getByText(/0 of 0 findings/)).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Run analysis again' }));
    expect(FakeWorker.made).toHaveLength(2);
    first.emit({ type: 'failed', reason: 'stale' });
    expect(screen.queryByRole('alert')).toBeNull();
  });
});
