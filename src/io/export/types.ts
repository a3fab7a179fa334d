/** One file an export writes. */
export interface ExportFile {
  name: string;
  text: string;
}

/** The files of an export, and what the export could not carry (said to the user). */
export interface ExportResult {
  files: ExportFile[];
  warnings: string[];
}
