/**
 * Share links: the whole design (and, in a lesson, the lesson and step) compressed into the
 * URL fragment. A fragment never reaches a server, so the link shares without uploading.
 */
import { deflateSync, inflateSync, strFromU8, strToU8 } from 'fflate';
import { restore, toDesignFile, type Design } from '../model';

/** The fragment key: `#share=...`. */
const SHARE_PREFIX = '#share=';

/** Longest link common chat tools pass on whole. */
export const SHARE_LINK_LIMIT = 8000;

/** Where a lesson was when the link was made. */
interface SharedLesson {
  id: string;
  step: number;
}

export interface Shared {
  design: Design;
  lesson?: SharedLesson;
}

export type ReadShared = ({ ok: true } & Shared) | { ok: false; reason: string };

interface Payload {
  share: 1;
  file: unknown;
  lesson?: SharedLesson;
}

/** The share link for a design: `base` (the app's address, without a fragment) then `#share=...`. */
export function shareLink(base: string, shared: Shared): string {
  const payload: Payload = { share: 1, file: toDesignFile(shared.design) };
  if (shared.lesson) payload.lesson = shared.lesson;
  const packed = deflateSync(strToU8(JSON.stringify(payload)), { level: 9 });
  return `${base.replace(/#.*$/, '')}${SHARE_PREFIX}${toBase64Url(packed)}`;
}

/** Whether a URL fragment is a share link's. */
export function isShareFragment(hash: string): boolean {
  return hash.startsWith(SHARE_PREFIX);
}

/** Reads a share link's fragment (`#share=...`); a damaged one gives the reason. */
export function readShareFragment(hash: string): ReadShared {
  if (!isShareFragment(hash)) return { ok: false, reason: 'the link holds no shared design' };
  const data = hash.slice(SHARE_PREFIX.length);
  if (data === '') return { ok: false, reason: 'the link holds no data after `#share=`' };
  let text: string;
  try {
    text = strFromU8(inflateSync(fromBase64Url(data)));
  } catch {
    return { ok: false, reason: 'the link is damaged or cut short (its data does not unpack)' };
  }
  let payload: Partial<Payload>;
  try {
    payload = JSON.parse(text) as Partial<Payload>;
  } catch {
    return { ok: false, reason: 'the link is damaged (its data is not JSON)' };
  }
  if (payload?.share !== 1) return { ok: false, reason: 'the link is not a Rolecraft share link' };
  const restored = restore(payload.file);
  if (!restored.ok) return restored;
  const lesson = payload.lesson;
  const validLesson =
    lesson && typeof lesson.id === 'string' && Number.isInteger(lesson.step) && lesson.step >= 0;
  return validLesson
    ? { ok: true, design: restored.design, lesson: { id: lesson.id, step: lesson.step } }
    : { ok: true, design: restored.design };
}

function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array {
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
