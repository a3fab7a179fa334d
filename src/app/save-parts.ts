// The two halves of a save through the save worker, without the worker: the page makes each
// request from the design (the JSON text of the top-level entries that changed since the last
// request, made incrementally by io/design-json.ts; of a layout changed by a drop, only the
// entries it set), and the worker puts the design's text together from the requests.
import { designPartsInSlices } from '../io';
import { layoutChanges, type Design, type EntityId, type Position } from '../model';

export interface SaveRequest {
  seq: number;
  /** The design's top-level keys, in order. */
  keys: string[];
  /** The `"key":value` text of each entry that changed since the last request (all, at first). */
  changed: Record<string, string>;
  /**
   * Entries of the layout set (`null`: removed) since the last request, instead of its text in
   * `changed`: the layout's text is then made in the worker.
   */
  layoutPatch?: Record<EntityId, Position | null>;
  expectedRevision: number;
}

/** More changed entries than this: the layout goes whole. */
const PATCH_ENTRIES = 500;

/** The page's half: what the worker has been sent, and the next request. */
export class SaveRequests {
  private seq = 0;
  /** The text of each top-level entry as last sent (the worker keeps them). */
  private readonly sent = new Map<string, string>();
  /** The layout the worker has, as last sent (whole or as the entries changed). */
  private sentLayout: Design['layout'] | undefined;

  /** The request that brings the worker from the last design sent to `design`. */
  async next(
    design: Design,
    expectedRevision: number,
    pause: () => Promise<void>,
  ): Promise<SaveRequest> {
    // The worker has this layout already, or is sent the entries changed: its text is not made.
    const same = this.sentLayout === design.layout;
    const layoutPatch = same ? undefined : this.layoutPatch(design.layout);
    const skip = same || layoutPatch ? 'layout' : undefined;
    const parts = await designPartsInSlices(design, pause, skip);
    const changed: Record<string, string> = {};
    for (const [key, text] of parts) {
      if (key === skip) continue;
      if (this.sent.get(key) !== text) {
        changed[key] = text;
        this.sent.set(key, text);
      }
    }
    // The worker patches its layout text: the text sent last is no longer the one it has.
    if (layoutPatch) this.sent.delete('layout');
    this.sentLayout = design.layout;
    return {
      seq: ++this.seq,
      keys: parts.map(([key]) => key),
      changed,
      ...(layoutPatch ? { layoutPatch } : {}),
      expectedRevision,
    };
  }

  /**
   * The entries `layout` changed since the layout the worker has, when that is known (a drop
   * records what it set): a drop at 10,000 nodes sends one entry instead of making the text of
   * 10,000 on the page.
   */
  private layoutPatch(layout: Design['layout']): Record<EntityId, Position | null> | undefined {
    if (!this.sentLayout) return undefined;
    const changed = layoutChanges(this.sentLayout, layout);
    if (!changed || changed.length > PATCH_ENTRIES) return undefined;
    return Object.fromEntries(changed.map((id) => [id, layout[id] ?? null]));
  }
}

/** The worker's half: the text of each top-level entry as last sent, and the design's text. */
export class SavedParts {
  private readonly parts = new Map<string, string>();
  /** The layout parsed from its part, kept while patches come in (none before the first). */
  private layout: Record<string, unknown> | undefined;

  /** The JSON text of the design `request` brings the parts to. */
  take({ keys, changed, layoutPatch }: SaveRequest): string {
    for (const [key, text] of Object.entries(changed)) {
      this.parts.set(key, text);
      if (key === 'layout') this.layout = undefined;
    }
    if (layoutPatch) this.patchLayout(layoutPatch);
    const missing = keys.find((key) => !this.parts.has(key));
    if (missing !== undefined) throw new Error(`the save lost the text of \`${missing}\``);
    return `{${keys.map((key) => this.parts.get(key)).join(',')}}`;
  }

  private patchLayout(patch: Record<EntityId, Position | null>) {
    const text = this.parts.get('layout');
    if (text === undefined) throw new Error('the save lost the text of `layout`');
    const layout = (this.layout ??= (
      JSON.parse(`{${text}}`) as { layout: Record<string, unknown> }
    ).layout);
    for (const [id, position] of Object.entries(patch)) {
      if (position === null) delete layout[id];
      else layout[id] = position;
    }
    this.parts.set('layout', `"layout":${JSON.stringify(layout)}`);
  }
}
