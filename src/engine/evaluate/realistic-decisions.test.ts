/**
 * 20,000 realistic requests (bench/realistic.ts) against the decisions and explanations the
 * engine gave before its speed work, kept in `realistic-decisions.snapshot.txt`: an
 * optimization that changes one decision, one reason, one applied statement or one comparison
 * of one explanation fails here. One line per chunk of requests: the decisions, one letter
 * each (A Allow, E ExplicitDeny, I ImplicitDeny), then a SHA-256 of the chunk's explanations
 * as JSON (key order included: the CLI prints explanations as JSON).
 *
 * When a change of behaviour is intended (a rule fixed to AWS's docs) or the generator changes,
 * rewrite the snapshot and say why in the commit:
 * `ROLECRAFT_WRITE_SNAPSHOT=1 npx vitest run src/engine/evaluate/realistic-decisions.test.ts`.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { generateRealistic } from '../../../bench/realistic.ts';
import { compilePolicies, evaluate, evaluateBatch, type Decision } from '../index.ts';

const SEED = 20261201;
const SETS = 800;
const PER_SET = 25;
const CHUNK = 250;
const snapshotPath = fileURLToPath(new URL('./realistic-decisions.snapshot.txt', import.meta.url));
const header = `realistic requests: seed ${SEED}, ${SETS} sets of ${PER_SET}, chunks of ${CHUNK}`;

const letter: Record<Decision, string> = { Allow: 'A', ExplicitDeny: 'E', ImplicitDeny: 'I' };

interface Observed {
  /** One line per chunk, as in the snapshot. */
  lines: string[];
  /** Requests where the fast path, the batch and the explanation disagree. */
  disagreements: string[];
}

function observe(): Observed {
  const sets = generateRealistic(SEED, SETS, PER_SET);
  const lines: string[] = [];
  const disagreements: string[] = [];
  let decisions = '';
  let hash = createHash('sha256');
  let n = 0;
  for (const { policies, requests } of sets) {
    const set = compilePolicies(policies);
    const batch = evaluateBatch(requests, set);
    for (let i = 0; i < requests.length; i++) {
      const request = requests[i]!;
      const fast = evaluate(request, set).decision;
      const explanation = evaluate(request, set, { explain: true }).explanation!;
      if (fast !== explanation.decision || batch[i] !== fast)
        disagreements.push(`request ${n}: ${fast} / ${batch[i]} / ${explanation.decision}`);
      decisions += letter[fast];
      hash.update(JSON.stringify(explanation));
      hash.update('\n');
      n++;
      if (n % CHUNK === 0) {
        lines.push(`${decisions} ${hash.digest('hex')}`);
        decisions = '';
        hash = createHash('sha256');
      }
    }
  }
  if (decisions !== '') lines.push(`${decisions} ${hash.digest('hex')}`);
  return { lines, disagreements };
}

/** About 3 s of CPU alone; on the shared machine under load the wall time is several times that. */
const timeout = 120_000;

describe('decisions and explanations on 20,000 realistic requests', () => {
  let observed: Observed | undefined;
  const once = () => (observed ??= observe());

  it(
    "the explaining path gives the fast path's decision (and the batch's) on every request",
    () => {
      expect(once().disagreements).toEqual([]);
    },
    timeout,
  );

  it(
    'are those of the snapshot',
    () => {
      const { lines } = once();
      if (process.env.ROLECRAFT_WRITE_SNAPSHOT === '1')
        writeFileSync(snapshotPath, `${header}\n${lines.join('\n')}\n`);
      expect(existsSync(snapshotPath), `missing ${snapshotPath}`).toBe(true);
      const [storedHeader, ...stored] = readFileSync(snapshotPath, 'utf8').trimEnd().split('\n');
      expect(storedHeader).toBe(header);
      expect(lines).toHaveLength(stored.length);
      for (let c = 0; c < lines.length; c++) {
        const [want, wantHash] = stored[c]!.split(' ');
        const [got, gotHash] = lines[c]!.split(' ');
        for (let i = 0; i < want!.length; i++)
          if (got![i] !== want![i])
            expect.fail(
              `request ${c * CHUNK + i}: decision ${got![i]}, the snapshot has ${want![i]}`,
            );
        expect(gotHash, `an explanation among requests ${c * CHUNK}-${(c + 1) * CHUNK - 1}`).toBe(
          wantHash,
        );
      }
    },
    timeout,
  );
});
