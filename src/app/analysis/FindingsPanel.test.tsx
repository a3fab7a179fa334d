// @vitest-environment happy-dom
// The Findings tab runs the analysis in a worker: a progress bar while it runs, Cancel ends
// the worker and nothing it still sends comes back; a finished run lists its findings.
import { act, cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ANALYSIS_FORMAT, type AnalysisResult } from '../../analysis';
import { sampleDesign } from '../../model';
import { createRolecraftStore, RolecraftProvider } from '../../store';
import { FakeWorker } from './fake-worker';
import { cancelAnalysis } from './analysis-status';
import { FindingsPanel } from './FindingsPanel';

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
  FakeWorker.real = false;
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
    worker.emit({ type: 'progress', job: worker.job, fraction: 0.45, stage: 'escalations' });
    const bar = screen.getByRole('progressbar', { name: 'Analysis progress' });
    expect((bar as HTMLProgressElement).value).toBe(0.45);
    expect(screen.getByText('Trying every escalation technique')).toBeTruthy();

    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(worker.terminated).toBe(true);
    expect(screen.queryByRole('progressbar', { name: 'Analysis progress' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Cancel' })).toBeNull();
    expect(runButton().disabled).toBe(false);

    worker.emit({ type: 'done', job: worker.job, result });
    expect(screen.queryByRole('list', { name: 'Findings list' })).toBeNull();
    expect(runButton().disabled).toBe(false);
  });

  it('a finished run lists its findings; the worker stays for questions; running again replaces it', async () => {
    const user = renderPanel();
    await user.click(screen.getByRole('button', { name: 'Run analysis' }));
    const first = FakeWorker.made[0]!;
    const job = first.job;
    first.emit({ type: 'done', job, result });
    expect(await screen.findByRole('list', { name: 'Findings list' })).toBeTruthy();
    expect(first.terminated).toBe(false);
    expect(screen.getByText(/0 of 0 findings/)).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Run analysis again' }));
    expect(first.terminated).toBe(true);
    expect(FakeWorker.made).toHaveLength(2);
    first.emit({ type: 'failed', job, reason: 'stale' });
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('draws 200 rows at first and more on request (thousands at once would stall the page)', async () => {
    const user = renderPanel();
    await user.click(screen.getByRole('button', { name: 'Run analysis' }));
    const worker = FakeWorker.made[0]!;
    const findings = Array.from({ length: 250 }, (_, i) => ({
      kind: 'role-unused' as const,
      severity: 'low' as const,
      subject: `arn:aws:iam::111122223333:role/r${i}`,
      policy: 'trust',
      statement: 0,
      message: `r${i} is unused`,
      subjectId: `role-${i}`,
      statementIndex: 0,
    }));
    worker.emit({ type: 'done', job: worker.job, result: { ...result, findings } });
    const list = await screen.findByRole('list', { name: 'Findings list' });
    expect(list.querySelectorAll('li')).toHaveLength(201);
    await user.click(screen.getByRole('button', { name: 'Show 50 more (50 not shown)' }));
    expect(list.querySelectorAll('li')).toHaveLength(250);
    expect(screen.getByText('r249 is unused')).toBeTruthy();
  });
});
