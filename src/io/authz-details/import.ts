/**
 * Importing files: authorization details (several at once, pages merged by account) into one
 * design, with a summary of what came in and what was skipped and why. Pure and async (ELK),
 * usable from the CLI and from a worker; progress is reported through a callback.
 */
import type { Design, IdSource } from '../../model';
import type { AuthzPage } from './authz-types';
import { layoutImported, type LayoutSizes } from './layout';
import { mergePages } from './merge';
import { decodeMemo, readAuthzPage } from './read-page';
import { designFromAuthz, type ImportCounts } from './to-design';

export interface ImportFile {
  name: string;
  text: string;
}

interface ImportProgress {
  /** 0 to 1. */
  fraction: number;
  stage: 'reading' | 'building' | 'layout' | 'done';
  file?: string;
}

export interface ImportSummary {
  counts: ImportCounts;
  /** Files read, and files refused with the reason. */
  read: string[];
  refused: { file: string; reason: string }[];
  warnings: string[];
  /** ARNs of principals with an attached policy missing from the input. */
  incomplete: string[];
}

export type ImportResult =
  | { ok: true; design: Design; summary: ImportSummary }
  | { ok: false; reason: string; summary?: ImportSummary };

export interface ImportOptions {
  name?: string;
  ids?: IdSource;
  /** Skip ELK (the CLI needs no positions). */
  layout?: boolean;
  sizes?: LayoutSizes;
  onProgress?: (progress: ImportProgress) => void;
}

/** Reads every file; a design only when at least one file is authorization details. */
export async function importAuthzFiles(
  files: ImportFile[],
  options: ImportOptions = {},
): Promise<ImportResult> {
  const progress = options.onProgress ?? (() => {});
  const pages: AuthzPage[] = [];
  const warnings: string[] = [];
  const refused: { file: string; reason: string }[] = [];
  const memo = decodeMemo();
  files.forEach((file, i) => {
    progress({
      fraction: (0.5 * i) / Math.max(1, files.length),
      stage: 'reading',
      file: file.name,
    });
    const result = readAuthzPage(file.text, file.name, memo);
    if (!result.ok) refused.push({ file: file.name, reason: result.reason });
    else {
      pages.push(result.page);
      warnings.push(...result.warnings);
    }
  });
  progress({ fraction: 0.5, stage: 'building' });
  const merged = mergePages(pages);
  const built = designFromAuthz(
    { ...merged, warnings: [...warnings, ...merged.warnings] },
    { name: options.name, ids: options.ids },
  );
  const summary: ImportSummary = {
    counts: built.counts,
    read: pages.map((p) => p.file),
    refused,
    warnings: built.warnings,
    incomplete: built.incomplete,
  };
  if (pages.length === 0)
    return {
      ok: false,
      reason: refused.map((r) => r.reason).join('\n') || 'no files given',
      summary,
    };
  if (options.layout !== false) {
    progress({ fraction: 0.7, stage: 'layout' });
    built.design.layout = await layoutImported(built.design, options.sizes);
  }
  progress({ fraction: 1, stage: 'done' });
  return { ok: true, design: built.design, summary };
}

/** Whether a file's parsed JSON looks like authorization details rather than a design file. */
export function looksLikeAuthzDetails(value: unknown): boolean {
  return (
    typeof value === 'object' &&
    value !== null &&
    ['RoleDetailList', 'UserDetailList', 'GroupDetailList', 'Policies'].some((k) => k in value)
  );
}
