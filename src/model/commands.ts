/**
 * Every document change as a pure function `(design, args) => design`, for the store.
 * Each returns the same design object when nothing changes, so callers can skip no-op undo steps.
 */
import { deleteEntities } from './delete';
import {
  addEntity,
  moveEntity,
  renameDesign,
  renameEntity,
  setAwsAccountId,
  setDescription,
  setGroupMembership,
  setMaxSessionDuration,
  setOrganization,
  setPath,
  setPositions,
  setTags,
  updateEntity,
} from './entity-commands';
import {
  addOrganizationPolicy,
  addOrganizationUnit,
  joinOrganization,
  leaveOrganization,
  removeOrganizationPolicy,
  removeOrganizationUnit,
  renameOrganizationLevel,
  renameOrganizationPolicy,
} from './organization-commands';
import { pasteEntities } from './paste';
import {
  addPermissionPolicy,
  discardDraft,
  removePermissionPolicy,
  setPermissionsBoundary,
  setPolicyText,
  updatePermissionPolicy,
} from './policy-commands';
import { addTrustPrincipal, removeTrustPrincipal } from './trust-edit';
import type { Design, EntityId } from './types';
import type { PrincipalRef } from './principal-ref';

export const commands = {
  addEntity,
  updateEntity,
  renameEntity,
  setPath,
  moveEntity,
  setAwsAccountId,
  setTags,
  setMaxSessionDuration,
  setDescription,
  setGroupMembership,
  setOrganization,
  setPositions,
  renameDesign,
  deleteEntities,
  pasteEntities,
  setPolicyText,
  discardDraft,
  addPermissionPolicy,
  removePermissionPolicy,
  updatePermissionPolicy,
  setPermissionsBoundary,
  joinOrganization,
  leaveOrganization,
  addOrganizationUnit,
  removeOrganizationUnit,
  renameOrganizationLevel,
  addOrganizationPolicy,
  removeOrganizationPolicy,
  renameOrganizationPolicy,
  addTrustPrincipal: (
    design: Design,
    args: { roleId: EntityId; principal: EntityId | PrincipalRef },
  ) => addTrustPrincipal(design, args.roleId, args.principal),
  removeTrustPrincipal: (
    design: Design,
    args: { roleId: EntityId; principal: EntityId | PrincipalRef },
  ) => removeTrustPrincipal(design, args.roleId, args.principal),
} satisfies Record<string, (design: Design, args: never) => Design>;

export type CommandName = keyof typeof commands;
export type CommandArgs<N extends CommandName> = Parameters<(typeof commands)[N]>[1];

/** Runs a command by name (handy for a store that records commands). */
export function runCommand<N extends CommandName>(
  design: Design,
  name: N,
  args: CommandArgs<N>,
): Design {
  return (commands[name] as (design: Design, args: CommandArgs<N>) => Design)(design, args);
}
