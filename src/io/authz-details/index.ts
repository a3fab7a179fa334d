/** `get-account-authorization-details` files in: read, merge pages by account, build a design, lay it out. */
export type * from './authz-types';
export * from './fields';
export { decodeDate, decodeDocument } from './decode';
export { readAuthzPage, readAuthzValue, type PageResult } from './read-page';
export { mergePages, accountOfIamArn } from './merge';
export { designFromAuthz, type DesignFromAuthz, type ImportCounts } from './to-design';
export { layoutImported, defaultLayoutSizes, type LayoutSizes } from './layout';
export {
  importAuthzFiles,
  looksLikeAuthzDetails,
  type ImportFile,
  type ImportOptions,
  type ImportProgress,
  type ImportResult,
  type ImportSummary,
} from './import';
export { authzDetailsExport, authzAccountOf, authzDetailsJson } from './export';
