export { restore, restoreDesign, toDesignFile, FILE_EXTENSION, type Restored } from './restore';
