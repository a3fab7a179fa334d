/** Reading and writing designs: the `*.rolecraft.json` file format and browser storage. */
export {
  exportDesignText,
  importDesignText,
  designFileName,
  designFileSizeProblem,
  MAX_DESIGN_FILE_BYTES,
} from './design-file';
export { DesignStorage, type DesignSummary, type DesignStorageOptions } from './design-storage';
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
