/** The policy editor: tabs over a selection's policies, Monaco loaded lazily on first use. */
export { EntityPolicyEditor } from './EntityPolicyEditor';
export { SessionPolicyEditor } from './SessionPolicyEditor';
export { flushPendingEdits } from './sync/flush-registry';
export { actionChoices, checkAction } from './language/action-choices';
