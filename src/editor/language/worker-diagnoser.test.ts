import { describe, expect, it } from 'vitest';
import { iamCatalogue } from '../catalogue/catalogue';
import {
  createWorkerDiagnoser,
  type DiagnoseReply,
  type DiagnoseRequest,
} from './worker-diagnoser';

const broken = '{"Version": "2012-10-17", "Statement": [';

/** A stand-in Worker that answers as the test says, in the order the test says. */
function fakeWorker() {
  const received: DiagnoseRequest[] = [];
  const worker = {
    onmessage: null as ((event: MessageEvent<DiagnoseReply>) => void) | null,
    onerror: null as ((event: ErrorEvent) => void) | null,
    terminated: false,
    postMessage: (m: DiagnoseRequest) => void received.push(m),
    terminate() {
      this.terminated = true;
    },
  };
  const reply = (r: DiagnoseReply) => worker.onmessage!({ data: r } as MessageEvent<DiagnoseReply>);
  return { worker, received, reply, start: () => worker as unknown as Worker };
}

describe('the editor diagnoser', () => {
  it('validates on this thread where there is no worker', async () => {
    const found = await createWorkerDiagnoser(iamCatalogue, () => undefined).diagnose(
      broken,
      'trust',
    );
    expect(found.map((d) => d.code)).toContain('json-syntax');
  });

  it('answers each request with the worker reply of its id, whatever the order', async () => {
    const fake = fakeWorker();
    const diagnoser = createWorkerDiagnoser(iamCatalogue, fake.start);
    const first = diagnoser.diagnose('{"a": 1}', 'identity');
    const second = diagnoser.diagnose('{"b": 2}', 'trust');
    expect(fake.received.map((r) => [r.text, r.type])).toEqual([
      ['{"a": 1}', 'identity'],
      ['{"b": 2}', 'trust'],
    ]);
    const diagnostic = (code: string) => ({
      severity: 'error' as const,
      code,
      message: code,
      range: { start: 0, end: 1, startLine: 1, startColumn: 1, endLine: 1, endColumn: 2 },
    });
    fake.reply({ id: fake.received[1]!.id, diagnostics: [diagnostic('second')] });
    fake.reply({ id: fake.received[0]!.id, diagnostics: [diagnostic('first')] });
    expect((await first).map((d) => d.code)).toEqual(['first']);
    expect((await second).map((d) => d.code)).toEqual(['second']);
  });

  it('falls back to this thread when the worker fails a request or fails to run', async () => {
    const fake = fakeWorker();
    const diagnoser = createWorkerDiagnoser(iamCatalogue, fake.start);
    const failed = diagnoser.diagnose(broken, 'trust');
    fake.reply({ id: fake.received[0]!.id, failed: 'boom' });
    expect((await failed).map((d) => d.code)).toContain('json-syntax');

    const waiting = diagnoser.diagnose(broken, 'identity');
    fake.worker.onerror!({ preventDefault: () => {} } as ErrorEvent);
    expect(fake.worker.terminated).toBe(true);
    expect((await waiting).map((d) => d.code)).toContain('json-syntax');
    const after = await diagnoser.diagnose(broken, 'identity');
    expect(after.map((d) => d.code)).toContain('json-syntax');
    expect(fake.received).toHaveLength(2);
  });
});
