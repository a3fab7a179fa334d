/** Taking a design out: infrastructure code and the design file, as named files. */
import type { Design } from '../../model';
import { designFileName, exportDesignText } from '../design-file';
import { authzDetailsExport } from '../authz-details/export';
import { cloudFormationExport } from './cloudformation/cloudformation';
import { terraformExport, type TerraformLayout } from './terraform/terraform';
import type { ExportResult } from './types';

export type { ExportFile, ExportResult } from './types';
export { terraformExport, type TerraformLayout, cloudFormationExport, authzDetailsExport };

/** The formats the CLI and the export menu write. */
export const exportFormats = [
  'terraform',
  'cloudformation',
  'authorization-details',
  'rolecraft',
] as const;
export type ExportFormat = (typeof exportFormats)[number];

/** The design in a format; IAM formats write a file per account unless `layout` says one file. */
export function exportAs(
  design: Design,
  format: ExportFormat,
  options: { layout?: TerraformLayout } = {},
): ExportResult {
  switch (format) {
    case 'terraform':
      return terraformExport(design, options.layout ?? 'per-account');
    case 'cloudformation':
      return cloudFormationExport(design);
    case 'authorization-details':
      return authzDetailsExport(design);
    case 'rolecraft':
      return {
        files: [{ name: designFileName(design), text: exportDesignText(design) }],
        warnings: [],
      };
  }
}
