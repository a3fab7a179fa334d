/**
 * The element of the simulation panel that takes the credentials of roles with no free place
 * on the canvas (the overlay renders them into it), so that they never cover a node.
 */
export const CREDENTIALS_DOCK_ID = 'simulation-credentials-dock';

export function panelDockSlot(): HTMLElement | null {
  return typeof document === 'undefined' ? null : document.getElementById(CREDENTIALS_DOCK_ID);
}
