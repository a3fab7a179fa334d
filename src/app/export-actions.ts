import type { ReactFlowInstance } from '@xyflow/react';
import {
  authzDetailsExport,
  cloudFormationExport,
  designSlug,
  shareLink,
  terraformExport,
  type ExportResult,
} from '../io';
import { rolecraftStore } from '../store';
import { designPicture, type FlowEdge, type FlowNode, type PictureFormat } from '../canvas';
import { dataUrlBlob, downloadBlob, downloadFiles } from './download';

// The export menu's actions: each names its file after the design.

const state = () => rolecraftStore.getState();

function deliver(what: string, make: () => ExportResult, zipName: string, type: string) {
  // A failure is shown, never silent (an exception out of a menu click only reaches the console).
  try {
    const result = make();
    downloadFiles(result.files, zipName, type);
    for (const warning of result.warnings) state().showToast('info', warning);
  } catch (error) {
    state().showToast('error', `the ${what} export could not be made: ${(error as Error).message}`);
  }
}

export function exportTerraformFile() {
  const design = state().design;
  deliver(
    'Terraform',
    () => terraformExport(design, 'one-file'),
    `${designSlug(design)}.zip`,
    'text/plain',
  );
}

export function exportTerraformPerAccount() {
  const design = state().design;
  deliver(
    'Terraform',
    () => terraformExport(design, 'per-account'),
    `${designSlug(design)}-terraform.zip`,
    'text/plain',
  );
}

export function exportCloudFormation() {
  const design = state().design;
  deliver(
    'CloudFormation',
    () => cloudFormationExport(design),
    `${designSlug(design)}-cloudformation.zip`,
    'application/yaml',
  );
}

export function exportAuthorizationDetails() {
  const design = state().design;
  deliver(
    'authorization details',
    () => authzDetailsExport(design),
    `${designSlug(design)}-authorization-details.zip`,
    'application/json',
  );
}

export async function exportPicture(
  flow: ReactFlowInstance<FlowNode, FlowEdge>,
  format: PictureFormat,
) {
  const design = state().design;
  try {
    const picture = await designPicture(flow, format);
    downloadBlob(`${designSlug(design)}.${format}`, dataUrlBlob(picture.url));
  } catch (error) {
    state().showToast('error', `could not draw the picture: ${(error as Error).message}`);
  }
}

/** The share link of the open design, from this page's address. */
export function currentShareLink(): string {
  const base = `${window.location.origin}${window.location.pathname}`;
  const { design, activeLesson } = state();
  return shareLink(base, activeLesson ? { design, lesson: activeLesson } : { design });
}
