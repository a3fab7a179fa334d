/**
 * What the fuzzer feeds and where: every reader of user input, each given inputs that must
 * not make it throw or hang. A target returns normally for any input; a refused input is an
 * answer (a diagnostic, a reason), never an exception.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { deflateSync, strToU8 } from 'fflate';
import { loadCatalogForPolicy } from '../../engine/catalog/index.ts';
import {
  compilePolicies,
  evaluate,
  parsePolicy,
  validatePolicy,
  type PolicyDocument,
  type PolicyType,
} from '../../engine/index.ts';
import { exportDesignText, importDesignText, readShareFragment } from '../../io/index.ts';
import { importAuthzFiles } from '../../io/authz-details/import.ts';
import {
  attachedPolicies,
  canAssume,
  canCall,
  derivePermissionEdges,
  deriveTrustEdges,
  makePolicy,
  parsePolicyText,
  restoreDesign,
  sampleDesign,
  sequentialIds,
  type Design,
} from '../../model/index.ts';
import { json, mutatedText, oddText, deepText, policyText } from './inputs.ts';

export interface FuzzTarget<T = unknown> {
  name: string;
  input: fc.Arbitrary<T>;
  run: (input: T) => void | Promise<void>;
  /** Share of the runs this target gets. */
  weight: number;
}

const policyTypes: PolicyType[] = [
  'identity',
  'resource',
  'trust',
  'boundary',
  'session',
  'scp',
  'rcp',
];

const sample = sampleDesign();
const samplePolicies = [
  ...sample.roles.flatMap((r) => [
    r.trustPolicy,
    ...attachedPolicies(sample, r).map((p) => p.text),
  ]),
  ...sample.users.flatMap((u) => attachedPolicies(sample, u).map((p) => p.text)),
].filter((t) => t.trim() !== '');

const authzFixture = JSON.parse(
  readFileSync(
    new URL(
      '../../../fixtures/authz-details/cloudsplaining-example-authz-details.json',
      import.meta.url,
    ),
    'utf8',
  ),
) as Record<string, unknown[]>;
/** Small authorization-details files cut from the real sample: a role, a user, a group, two policies each. */
const authzSeeds = [0, 1, 2].map((i) =>
  JSON.stringify(
    {
      RoleDetailList: authzFixture.RoleDetailList!.slice(i, i + 1),
      UserDetailList: authzFixture.UserDetailList!.slice(i, i + 1),
      GroupDetailList: authzFixture.GroupDetailList!.slice(i % 2, (i % 2) + 1),
      Policies: authzFixture.Policies!.slice(i * 2, i * 2 + 2),
    },
    null,
    2,
  ),
);

const designSeed = exportDesignText(sample);
const catalog = await loadCatalogForPolicy({
  Version: '2012-10-17',
  Statement: [
    { Effect: 'Allow', Action: ['s3:*', 'iam:*', 'sts:*', 'ec2:*', 'kms:*'], Resource: '*' },
  ],
});

const request = {
  principal: 'arn:aws:iam::111111111111:user/alice',
  action: 's3:GetObject',
  resource: 'arn:aws:s3:::b/k',
  context: {
    'aws:MultiFactorAuthPresent': 'true',
    'aws:SourceIp': '10.1.2.3',
    'aws:PrincipalTag/team': 'blue',
  },
  now: '2026-01-01T00:00:00Z',
};
const assumeRequest = {
  ...request,
  action: 'sts:AssumeRole',
  resource: 'arn:aws:iam::111111111111:role/Developer',
};

/** The questions the app asks of a design: edges, and a few assume and call verdicts through the adapter (STS included). */
function askDesign(design: Design): void {
  deriveTrustEdges(design);
  derivePermissionEdges(design);
  const sources = [...design.users, ...design.roles].slice(0, 3);
  for (const role of design.roles.slice(0, 3))
    for (const source of sources) canAssume(design, { source: source.id, role: role.id });
  for (const source of sources)
    canCall(design, { source: source.id, action: 's3:GetObject', resource: 'arn:aws:s3:::b/k' });
}

/** The engine and the model on one policy text: parse, validate as every type, evaluate, and the design's edges with it as a trust and an identity policy. */
function policyEverywhere(text: string): void {
  parsePolicy(text);
  for (const type of policyTypes) validatePolicy(text, type);
  validatePolicy(text, 'identity', { catalog });
  const parsed = parsePolicyText(text);
  if (parsed.ok) {
    const doc = parsed.document as PolicyDocument;
    const set = compilePolicies({
      identity: [doc],
      permissionsBoundary: doc,
      session: [doc],
      scp: [[doc]],
    });
    evaluate(request, set, { explain: true });
    evaluate(assumeRequest, compilePolicies({ resource: doc }), { explain: true });
  }
  // In the design: alice's policy and Developer's trust, asked as the canvas and simulator ask.
  const design = sampleDesign();
  const developer = design.roles.find((r) => r.name === 'Developer')!;
  const alice = design.users.find((u) => u.name === 'alice')!;
  developer.trustPolicy = text;
  design.users[design.users.indexOf(alice)] = {
    ...alice,
    policies: [makePolicy({ name: 'Fuzzed', text }), ...alice.policies.slice(1)],
  };
  deriveTrustEdges(design);
  derivePermissionEdges(design);
  canAssume(design, { source: alice.id, role: developer.id });
  canCall(design, { source: alice.id, action: 's3:GetObject', resource: 'arn:aws:s3:::b/k' });
}

function designText(text: string): void {
  const result = importDesignText(text);
  if (result.ok) askDesign(result.design);
}

function storedRecord(value: unknown): void {
  const result = restoreDesign(value);
  if (result.ok) askDesign(result.design);
  restoreDesign(value, { readNewer: true });
}

async function authzText(text: string): Promise<void> {
  const result = await importAuthzFiles([{ name: 'input.json', text }], {
    ids: sequentialIds(),
    layout: false,
  });
  if (result.ok) askDesign(result.design);
}

function shareFragment(text: string): void {
  const packed = Buffer.from(deflateSync(strToU8(text))).toString('base64url');
  const read = readShareFragment(`#share=${packed}`);
  if (read.ok) askDesign(read.design);
  readShareFragment(`#share=${text}`);
}

/** A design file with values replaced: policies by mutated policies, anything by any JSON. */
const designInput = fc.oneof(
  { weight: 4, arbitrary: mutatedText([designSeed]) },
  {
    weight: 2,
    arbitrary: fc
      .tuple(fc.nat({ max: 20 }), fc.nat({ max: 3 }), policyText(samplePolicies))
      .map(([role, slot, text]) => {
        const file = JSON.parse(designSeed) as { design: Design };
        const target = file.design.roles[role % file.design.roles.length]!;
        if (slot === 0 || target.policies.length === 0) target.trustPolicy = text;
        else target.policies[0] = makePolicy({ name: 'Fuzzed', text });
        return JSON.stringify(file);
      }),
  },
  { weight: 1, arbitrary: deepText },
  { weight: 1, arbitrary: oddText },
);

const target = <T>(t: FuzzTarget<T>) => t as unknown as FuzzTarget;

export const targets: FuzzTarget[] = [
  target({
    name: 'policy text: parser, validator, evaluator, STS, edges',
    input: policyText(samplePolicies),
    run: policyEverywhere,
    weight: 5,
  }),
  target({ name: 'design file (.rolecraft.json)', input: designInput, run: designText, weight: 3 }),
  target({
    name: 'stored design record',
    input: fc.oneof(
      designInput
        .map((t) => {
          try {
            return JSON.parse(t) as unknown;
          } catch {
            return t;
          }
        })
        .map((v) =>
          typeof v === 'object' && v !== null && 'design' in v
            ? (v as { design: unknown }).design
            : v,
        ),
      json,
    ),
    run: storedRecord,
    weight: 2,
  }),
  target({
    name: 'authorization details',
    input: fc.oneof(
      { weight: 4, arbitrary: mutatedText(authzSeeds) },
      { weight: 1, arbitrary: json.map((v) => JSON.stringify(v) ?? '') },
      { weight: 1, arbitrary: deepText },
      { weight: 1, arbitrary: oddText },
    ),
    run: authzText,
    weight: 2,
  }),
  target({
    name: 'share link',
    input: fc.oneof(mutatedText([designSeed]), oddText),
    run: shareFragment,
    weight: 1,
  }),
];

/**
 * Runs every target for `runs` inputs in all (by weight) from `seed`; an input that throws or
 * takes longer than `boundMs` fails with fast-check's (shrunk) counterexample. Returns the
 * inputs run and the slowest input's time per target.
 */
export async function fuzz(
  runs: number,
  seed: number,
  boundMs: number,
  onTarget: (name: string, inputs: number, slowestMs: number, ms: number) => void = () => {},
): Promise<number> {
  const total = targets.reduce((s, t) => s + t.weight, 0);
  let inputs = 0;
  for (const target of targets) {
    const numRuns = Math.max(1, Math.round((runs * target.weight) / total));
    let slowest = 0;
    const started = performance.now();
    const result = await fc.check(
      fc.asyncProperty(target.input, async (input) => {
        const t0 = performance.now();
        await target.run(input);
        const ms = performance.now() - t0;
        slowest = Math.max(slowest, ms);
        if (ms > boundMs)
          throw new Error(`one input took ${ms.toFixed(0)} ms (bound ${boundMs} ms)`);
      }),
      { numRuns, seed },
    );
    if (result.failed) {
      const error = result.errorInstance;
      throw new Error(
        `${target.name}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n` +
          `input (seed ${result.seed}, path ${result.counterexamplePath}): ${preview(result.counterexample?.[0])}`,
      );
    }
    inputs += numRuns;
    onTarget(target.name, numRuns, slowest, performance.now() - started);
  }
  return inputs;
}

/** The start and the size of an input, for a failure message. */
function preview(input: unknown): string {
  const text = typeof input === 'string' ? input : (JSON.stringify(input) ?? String(input));
  return text.length <= 400
    ? JSON.stringify(text)
    : `${JSON.stringify(text.slice(0, 400))}... (${text.length} characters)`;
}
