import { FORMAT_VERSION } from '../types';
import { managedPoliciesToRecords } from './migrate-managed';
import { fail, isRecord } from './read';

/** One step: a design object of version N (the key) to version N + 1. */
export type Migration = (design: Record<string, unknown>) => Record<string, unknown>;

/**
 * The migrations table. When the design shape changes, bump `FORMAT_VERSION` and add the step
 * from the previous version here; `restore` then reads every older file. Version 1 is the first.
 */
const migrations: Readonly<Record<number, Migration>> = { 1: managedPoliciesToRecords };

/** Brings a design object from `version` up to `target`, step by step. */
export function migrate(
  design: Record<string, unknown>,
  version: number,
  target: number = FORMAT_VERSION,
  table: Readonly<Record<number, Migration>> = migrations,
): Record<string, unknown> {
  if (!Number.isInteger(version) || version < 1)
    fail(`\`formatVersion\` must be a whole number from 1, got \`${version}\``);
  if (version > target)
    fail(`\`formatVersion\` ${version} is newer than this app reads (${target}): update Rolecraft`);
  let current = design;
  for (let v = version; v < target; v++) {
    const step = table[v];
    if (!step) fail(`no migration from \`formatVersion\` ${v}`);
    current = step(current);
    if (!isRecord(current)) fail(`the migration from \`formatVersion\` ${v} did not give a design`);
  }
  return { ...current, formatVersion: target };
}
