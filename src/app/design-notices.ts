// What the app must tell the user about the open design's storage, shown as a banner under the
// header (DesignNotices): a design changed in another tab, one opened read-only, records kept aside.
import { create } from 'zustand';
import type { UnreadableRecord } from '../io';

export type DesignNotice =
  | { kind: 'stale'; designId: string; message: string }
  | { kind: 'read-only'; designId: string; message: string }
  | { kind: 'storage'; message: string };

interface NoticeState {
  notice: DesignNotice | undefined;
  /** Designs that could not be read, kept aside in storage. */
  unreadable: UnreadableRecord[];
}

export const designNotices = create<NoticeState>(() => ({ notice: undefined, unreadable: [] }));

export const setNotice = (notice: DesignNotice | undefined) => designNotices.setState({ notice });
