// The animation speed a person picked, kept per browser (localStorage) so the next visit
// runs at the same speed.

import { isAnimationSpeed } from '../animation/timeline';
import type { SimulationStore } from './simulation-store';

/** The localStorage key of the animation speed (the e2e fixture presets it to `instant`). */
const ANIMATION_SPEED_KEY = 'rolecraft.animationSpeed';

type SpeedStorage = Pick<Storage, 'getItem' | 'setItem'>;

/** Applies the remembered speed to `store` and remembers every change (storage may refuse). */
export function rememberAnimationSpeed(store: SimulationStore, storage: SpeedStorage | undefined) {
  if (!storage) return;
  try {
    const saved = storage.getItem(ANIMATION_SPEED_KEY);
    if (isAnimationSpeed(saved)) store.getState().setAnimationSpeed(saved);
  } catch {
    // Storage off (private mode, a sandbox): the speed lasts for this visit only.
  }
  store.subscribe((state, previous) => {
    if (state.animationSpeed === previous.animationSpeed) return;
    try {
      storage.setItem(ANIMATION_SPEED_KEY, state.animationSpeed);
    } catch {
      // As above: nothing to keep it in.
    }
  });
}
