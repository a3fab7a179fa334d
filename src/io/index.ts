/** Reading and writing designs: the `*.rolecraft.json` file format and browser storage. */
export {
  exportDesignText,
  importDesignText,
  designFileName,
  designFileSizeProblem,
  MAX_DESIGN_FILE_BYTES,
} from './design-file';
export {
  DesignStorage,
  StaleDesignError,
  type DesignSummary,
  type DesignStorageOptions,
  type LoadedDesign,
  type UnreadableRecord,
} from './design-storage';
export { designSlug } from './design-file';
export * from './export';
export {
  shareLink,
  readShareFragment,
  isShareFragment,
  SHARE_LINK_LIMIT,
  type Shared,
  type SharedLesson,
  type ReadShared,
} from './share-link';
