/// <reference lib="webworker" />
// Validates policy text off the main thread: the validator and the catalogue lookups of a
// 2,000-statement policy take longer than a frame, and the editor must keep taking keys.
import { iamCatalogue } from '../catalogue/catalogue';
import { createDiagnoser } from './diagnose';
import type { DiagnoseReply, DiagnoseRequest } from './worker-diagnoser';

const diagnoser = createDiagnoser(iamCatalogue);

self.onmessage = async (event: MessageEvent<DiagnoseRequest>) => {
  const { id, text, type } = event.data;
  let reply: DiagnoseReply;
  try {
    reply = { id, diagnostics: await diagnoser.diagnose(text, type) };
  } catch (error) {
    reply = { id, failed: error instanceof Error ? error.message : String(error) };
  }
  self.postMessage(reply);
};
