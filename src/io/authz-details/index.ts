/** `get-account-authorization-details` files in: read, merge pages by account, build a design, lay it out. */
export type * from './authz-types';
export * from './fields';
export { decodeDocument } from './decode';
export { readAuthzPage } from './read-page';
export {
  importAuthzFiles,
  looksLikeAuthzDetails,
  type ImportFile,
  type ImportResult,
  type ImportSummary,
} from './import';
