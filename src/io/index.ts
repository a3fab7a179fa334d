/** Reading and writing designs: the `*.rolecraft.json` file format and browser storage. */
export {
  exportDesignText,
  importDesignText,
  designFileName,
  designFileSizeProblem,
} from './design-file';
export {
  DesignStorage,
  StaleDesignError,
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
} from './share-link';
export { designJson, designPartsInSlices } from './design-json';
