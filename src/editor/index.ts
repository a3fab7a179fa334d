/** The policy editor: tabs over a selection's policies, Monaco loaded lazily on first use. */
export {
  PolicyTabs,
  preloadPolicyEditor,
  type PolicyTab,
  type PolicyTabsProps,
} from './PolicyTabs';
export type { PolicyEditorProps } from './PolicyEditor';
export type { DesignEntity, PolicyType } from './language/types';
export { EntityPolicyEditor, type EntityPolicyEditorProps } from './EntityPolicyEditor';
export { designEntities } from './design-entities';
export { SessionPolicyEditor, type SessionPolicyEditorProps } from './SessionPolicyEditor';
export { flushPendingEdits } from './sync/flush-registry';
