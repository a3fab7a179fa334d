export {
  restore,
  restoreDesign,
  toDesignFile,
  FILE_FORMAT,
  FILE_EXTENSION,
  type DesignFile,
  type Restored,
} from './restore';
export { migrate, migrations, type Migration } from './migrations';
