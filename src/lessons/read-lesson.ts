// Checks a lesson file and turns it into a `Lesson`: every field by its path, every entity a
// step names found in the lesson's design, the design itself read as a Rolecraft design
// (policies may be written as JSON objects in the file; they become the text the editor shows).

import { FORMAT_VERSION, findEntity, restoreDesign, type Design } from '../model';
import type {
  Lesson,
  LessonAction,
  LessonAssumeForm,
  LessonExpectation,
  LessonHighlight,
  LessonSlot,
  LessonStep,
  LessonTab,
} from './lesson-types';

export type ReadLesson = { ok: true; lesson: Lesson } | { ok: false; errors: string[] };

type Raw = Record<string, unknown>;

const TABS: readonly LessonTab[] = ['assume', 'call', 'log'];
const ACTIONS: readonly LessonAction['do'][] = [
  'assume',
  'call',
  'reassume',
  'advance',
  'edit-policy',
];

const show = (value: unknown) => (typeof value === 'string' ? value : JSON.stringify(value));
const isRecord = (value: unknown): value is Raw =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Collects errors instead of stopping at the first, so a trainer sees them all at once. */
class Reader {
  readonly errors: string[] = [];

  fail(at: string, message: string): undefined {
    this.errors.push(`${at}: ${message}`);
    return undefined;
  }

  record(value: unknown, at: string): Raw | undefined {
    return isRecord(value)
      ? value
      : this.fail(at, `expected an object, got \`${show(value) ?? 'nothing'}\``);
  }

  text(value: unknown, at: string): string | undefined {
    if (typeof value === 'string' && value.trim() !== '') return value;
    return this.fail(at, `expected non-empty text, got \`${show(value) ?? 'nothing'}\``);
  }

  optionalText(value: unknown, at: string): string | undefined {
    return value === undefined ? undefined : this.text(value, at);
  }

  number(value: unknown, at: string): number | undefined {
    if (typeof value === 'number' && Number.isFinite(value)) return value;
    return this.fail(at, `expected a number, got \`${show(value) ?? 'nothing'}\``);
  }

  list(value: unknown, at: string): unknown[] {
    if (Array.isArray(value)) return value;
    this.fail(at, `expected a list, got \`${show(value) ?? 'nothing'}\``);
    return [];
  }

  oneOf<T extends string>(value: unknown, at: string, choices: readonly T[]): T | undefined {
    if (typeof value === 'string' && (choices as readonly string[]).includes(value))
      return value as T;
    return this.fail(
      at,
      `expected one of ${choices.map((c) => `\`${c}\``).join(', ')}, got \`${show(value) ?? 'nothing'}\``,
    );
  }

  /** Fields the reader does not know are mistakes (a typo would otherwise be ignored). */
  only(raw: Raw, at: string, known: readonly string[]) {
    for (const key of Object.keys(raw))
      if (!known.includes(key)) this.fail(`${at}.${key}`, 'unknown field');
  }
}

/** Policy fields of a design written as JSON objects become indented JSON text. */
function withPolicyText(design: Raw): Raw {
  const text = (value: unknown) => (isRecord(value) ? JSON.stringify(value, null, 2) : value);
  const policies = (list: unknown) =>
    Array.isArray(list) ? list.map((p) => (isRecord(p) ? { ...p, text: text(p.text) } : p)) : list;
  const principal = (entity: unknown) => {
    if (!isRecord(entity)) return entity;
    const out: Raw = { ...entity };
    if ('policies' in out) out.policies = policies(out.policies);
    if ('trustPolicy' in out) out.trustPolicy = text(out.trustPolicy);
    if ('policy' in out) out.policy = text(out.policy);
    if (Array.isArray(out.organization))
      out.organization = out.organization.map((level) =>
        isRecord(level)
          ? { ...level, scps: policies(level.scps), rcps: policies(level.rcps) }
          : level,
      );
    return out;
  };
  const out: Raw = { ...design };
  for (const key of ['accounts', 'users', 'groups', 'roles', 'resources'])
    if (Array.isArray(out[key])) out[key] = (out[key] as unknown[]).map(principal);
  if (Array.isArray(out.managedPolicies)) out.managedPolicies = policies(out.managedPolicies);
  return out;
}

function readDesign(r: Reader, value: unknown, lessonId: string, title: string) {
  const raw = r.record(value, 'design');
  if (!raw) return undefined;
  const restored = restoreDesign({
    formatVersion: FORMAT_VERSION,
    ...withPolicyText(raw),
    // A lesson opens as a design of its own, never one of the user's.
    id: `lesson-${lessonId}`,
    name: `${title} (lesson)`,
  });
  if (!restored.ok) return r.fail('design', restored.reason);
  return restored.design;
}

function readSlot(r: Reader, value: unknown, at: string): LessonSlot | undefined {
  if (value === 'trust' || value === 'resource' || value === 'boundary') return value;
  if (isRecord(value) && typeof value.permission === 'string' && value.permission !== '')
    return { permission: value.permission };
  return r.fail(
    at,
    `expected \`trust\`, \`resource\`, \`boundary\` or { "permission": NAME }, got \`${show(value)}\``,
  );
}

function readExpectation(r: Reader, value: unknown, at: string): LessonExpectation | undefined {
  const raw = r.record(value, at);
  if (!raw) return undefined;
  r.only(raw, at, ['outcome', 'notice']);
  const outcome = r.text(raw.outcome, `${at}.outcome`);
  const notice = r.text(raw.notice, `${at}.notice`);
  if (outcome !== undefined && !/^(OK|[A-Z][A-Za-z]+)$/.test(outcome))
    r.fail(
      `${at}.outcome`,
      `expected \`OK\` or an error code such as \`AccessDenied\`, got \`${outcome}\``,
    );
  return outcome !== undefined && notice !== undefined ? { outcome, notice } : undefined;
}

function readForm(r: Reader, value: unknown, at: string): LessonAssumeForm | undefined {
  if (value === undefined) return undefined;
  const raw = r.record(value, at);
  if (!raw) return undefined;
  r.only(raw, at, ['sessionName', 'duration', 'externalId', 'mfa', 'sourceIdentity']);
  const form: LessonAssumeForm = {};
  for (const key of ['sessionName', 'externalId', 'sourceIdentity'] as const) {
    if (raw[key] === undefined) continue;
    if (typeof raw[key] === 'string') form[key] = raw[key];
    else r.fail(`${at}.${key}`, `expected text, got \`${show(raw[key])}\``);
  }
  if (raw.duration !== undefined) form.duration = r.number(raw.duration, `${at}.duration`);
  if (raw.mfa !== undefined) {
    if (typeof raw.mfa === 'boolean') form.mfa = raw.mfa;
    else r.fail(`${at}.mfa`, `expected true or false, got \`${show(raw.mfa)}\``);
  }
  return form;
}

function readStrings(r: Reader, value: unknown, at: string): Record<string, string> | undefined {
  if (value === undefined) return undefined;
  const raw = r.record(value, at);
  if (!raw) return undefined;
  const out: Record<string, string> = {};
  for (const [key, v] of Object.entries(raw)) {
    if (typeof v === 'string') out[key] = v;
    else r.fail(`${at}.${key}`, `expected text, got \`${show(v)}\``);
  }
  return out;
}

function readAction(r: Reader, value: unknown, at: string): LessonAction | undefined {
  const raw = r.record(value, at);
  if (!raw) return undefined;
  const kind = r.oneOf(raw.do, `${at}.do`, ACTIONS);
  switch (kind) {
    case 'assume': {
      r.only(raw, at, ['do', 'caller', 'role', 'form', 'claims', 'service', 'expect']);
      const caller = r.text(raw.caller, `${at}.caller`);
      const role = r.text(raw.role, `${at}.role`);
      const expect = readExpectation(r, raw.expect, `${at}.expect`);
      const form = readForm(r, raw.form, `${at}.form`);
      const claims = readStrings(r, raw.claims, `${at}.claims`);
      const service = readStrings(r, raw.service, `${at}.service`);
      if (service) r.only(service, `${at}.service`, ['sourceAccount', 'sourceArn']);
      if (!caller || !role || !expect) return undefined;
      return {
        do: 'assume',
        caller,
        role,
        expect,
        ...(form ? { form } : {}),
        ...(claims ? { claims } : {}),
        ...(service ? { service } : {}),
      };
    }
    case 'call': {
      r.only(raw, at, ['do', 'caller', 'action', 'resource', 'expect']);
      const by = r.record(raw.caller, `${at}.caller`);
      let caller: { user: string } | { session: string } | undefined;
      if (by && typeof by.user === 'string') caller = { user: by.user };
      else if (by && typeof by.session === 'string') caller = { session: by.session };
      else if (by) r.fail(`${at}.caller`, 'expected { "user": ID } or { "session": ROLE ID }');
      const action = r.text(raw.action, `${at}.action`);
      const resource = r.text(raw.resource, `${at}.resource`);
      const expect = readExpectation(r, raw.expect, `${at}.expect`);
      if (!caller || !action || !resource || !expect) return undefined;
      return { do: 'call', caller, action, resource, expect };
    }
    case 'reassume': {
      r.only(raw, at, ['do', 'role', 'expect']);
      const role = r.text(raw.role, `${at}.role`);
      const expect = readExpectation(r, raw.expect, `${at}.expect`);
      return role && expect ? { do: 'reassume', role, expect } : undefined;
    }
    case 'advance': {
      r.only(raw, at, ['do', 'seconds']);
      const seconds = r.number(raw.seconds, `${at}.seconds`);
      if (seconds !== undefined && seconds <= 0) r.fail(`${at}.seconds`, 'must be more than 0');
      return seconds !== undefined ? { do: 'advance', seconds } : undefined;
    }
    case 'edit-policy': {
      r.only(raw, at, ['do', 'entity', 'slot', 'find', 'replace']);
      const entity = r.text(raw.entity, `${at}.entity`);
      const slot = readSlot(r, raw.slot, `${at}.slot`);
      const find = r.text(raw.find, `${at}.find`);
      const replace = typeof raw.replace === 'string' ? raw.replace : undefined;
      if (replace === undefined) r.fail(`${at}.replace`, 'expected text');
      return entity && slot && find && replace !== undefined
        ? { do: 'edit-policy', entity, slot, find, replace }
        : undefined;
    }
    default:
      return undefined;
  }
}

function readHighlight(r: Reader, value: unknown, at: string): LessonHighlight | undefined {
  if (value === undefined) return undefined;
  const raw = r.record(value, at);
  if (!raw) return undefined;
  r.only(raw, at, ['entities', 'policy']);
  const entities = r
    .list(raw.entities, `${at}.entities`)
    .flatMap((e, i) => r.text(e, `${at}.entities[${i}]`) ?? []);
  if (entities.length === 0) r.fail(`${at}.entities`, 'names no entity');
  if (raw.policy === undefined) return { entities };
  const policy = r.record(raw.policy, `${at}.policy`);
  if (!policy) return { entities };
  r.only(policy, `${at}.policy`, ['slot', 'find']);
  const slot = readSlot(r, policy.slot, `${at}.policy.slot`);
  const find = r.optionalText(policy.find, `${at}.policy.find`);
  return slot ? { entities, policy: { slot, ...(find ? { find } : {}) } } : { entities };
}

function readStep(r: Reader, value: unknown, at: string): LessonStep | undefined {
  const raw = r.record(value, at);
  if (!raw) return undefined;
  r.only(raw, at, ['title', 'text', 'cite', 'highlight', 'show', 'actions']);
  const title = r.text(raw.title, `${at}.title`);
  const text = r.text(raw.text, `${at}.text`);
  const cite = r.optionalText(raw.cite, `${at}.cite`);
  const highlight = readHighlight(r, raw.highlight, `${at}.highlight`);
  const show = raw.show === undefined ? undefined : r.oneOf(raw.show, `${at}.show`, TABS);
  const actions = (raw.actions === undefined ? [] : r.list(raw.actions, `${at}.actions`)).flatMap(
    (a, i) => readAction(r, a, `${at}.actions[${i}]`) ?? [],
  );
  if (!title || !text) return undefined;
  return {
    title,
    text,
    actions,
    ...(cite ? { cite } : {}),
    ...(highlight ? { highlight } : {}),
    ...(show ? { show } : {}),
  };
}

/** Every entity id a step names, with where it names it. */
function entityReferences(steps: LessonStep[]): { id: string; at: string }[] {
  const out: { id: string; at: string }[] = [];
  steps.forEach((step, s) => {
    step.highlight?.entities.forEach((id, i) =>
      out.push({ id, at: `steps[${s}].highlight.entities[${i}]` }),
    );
    step.actions.forEach((action, a) => {
      const at = `steps[${s}].actions[${a}]`;
      if (action.do === 'assume') {
        out.push({ id: action.caller, at: `${at}.caller` }, { id: action.role, at: `${at}.role` });
      } else if (action.do === 'call') {
        const id = 'user' in action.caller ? action.caller.user : action.caller.session;
        out.push({ id, at: `${at}.caller` });
      } else if (action.do === 'reassume') out.push({ id: action.role, at: `${at}.role` });
      else if (action.do === 'edit-policy') out.push({ id: action.entity, at: `${at}.entity` });
    });
  });
  return out;
}

function checkReferences(r: Reader, design: Design, steps: LessonStep[]) {
  for (const { id, at } of entityReferences(steps)) {
    if (!findEntity(design, id)) r.fail(at, `\`${id}\` is no entity of the lesson's design`);
  }
}

/** Reads one lesson file (parsed JSON); `fileId` is its file name without `.json`. */
export function readLesson(value: unknown, fileId: string): ReadLesson {
  const r = new Reader();
  const raw = r.record(value, 'lesson');
  if (!raw) return { ok: false, errors: r.errors };
  r.only(raw, 'lesson', ['id', 'order', 'title', 'summary', 'concept', 'design', 'steps']);
  const id = r.text(raw.id, 'id');
  if (id !== undefined && id !== fileId)
    r.fail('id', `\`${id}\` must match the file name \`${fileId}.json\``);
  const order = r.number(raw.order, 'order');
  const title = r.text(raw.title, 'title');
  const summary = r.text(raw.summary, 'summary');
  const concept = r.text(raw.concept, 'concept');
  const design = readDesign(r, raw.design, fileId, title ?? fileId);
  const steps = r.list(raw.steps, 'steps').flatMap((s, i) => readStep(r, s, `steps[${i}]`) ?? []);
  if (Array.isArray(raw.steps) && raw.steps.length === 0) r.fail('steps', 'a lesson needs a step');
  if (design) checkReferences(r, design, steps);
  if (
    r.errors.length > 0 ||
    !id ||
    order === undefined ||
    !title ||
    !summary ||
    !concept ||
    !design
  )
    return { ok: false, errors: r.errors };
  return { ok: true, lesson: { id, order, title, summary, concept, design, steps } };
}
