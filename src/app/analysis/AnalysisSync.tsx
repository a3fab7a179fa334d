import { useEffect } from 'react';
import { findingBadges } from '../../analysis';
import { useRolecraft, useRolecraftStore } from '../../store';
import { useAnalysisStatus } from './analysis-status';
import { watchEdits } from './what-if-status';

const noBadges = new Map();

/**
 * Renders nothing: keeps the canvas's finding badges on the last analysis of the open design (kept while a new
 * run works; gone with another design), and watches edits for their what-if. A component of
 * its own: each progress message re-renders it, not the app around it.
 */
export function AnalysisSync() {
  const store = useRolecraftStore();
  const status = useAnalysisStatus();
  const designId = useRolecraft((s) => s.design.id);
  const setBadges = useRolecraft((s) => s.setFindingBadges);
  useEffect(() => {
    if (status.phase === 'running') return;
    setBadges(
      status.phase === 'done' && status.design.id === designId
        ? findingBadges(status.result.findings)
        : noBadges,
    );
  }, [status, designId, setBadges]);
  useEffect(() => watchEdits(store), [store]);
  return null;
}
