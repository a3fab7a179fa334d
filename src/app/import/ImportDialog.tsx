import { Modal } from '../../panels';
import type { ImportSummary } from '../../io/authz-details';
import { setImportStatus, useImportStatus } from './import-status';

const stageWords: Record<string, string> = {
  reading: 'Reading files',
  building: 'Building the design',
  layout: 'Laying out',
  done: 'Done',
};

function Counts({ summary }: { summary: ImportSummary }) {
  const c = summary.counts;
  const rows: [string, number][] = [
    ['accounts', c.accounts],
    ['users', c.users],
    ['groups', c.groups],
    ['roles', c.roles],
    ['managed policies', c.managedPolicies],
    ['services', c.services],
    ['identity providers', c.identityProviders],
    ['outside principals', c.outsidePrincipals],
  ];
  return (
    <ul aria-label="What came in" className="grid grid-cols-2 gap-x-6 text-sm">
      {rows.map(([label, n]) => (
        <li key={label}>
          <span className="font-semibold">{n}</span> {label}
        </li>
      ))}
    </ul>
  );
}

function Skipped({ summary }: { summary: ImportSummary }) {
  const lines = [
    ...summary.refused.map((r) => r.reason),
    ...summary.warnings,
    ...(summary.counts.danglingTrustPrincipals > 0
      ? [`${summary.counts.danglingTrustPrincipals} trust principal(s) name deleted principals`]
      : []),
  ];
  if (lines.length === 0) return <p className="text-sm text-slate-500">Nothing was skipped.</p>;
  return (
    <div>
      <h3 className="text-sm font-semibold">Skipped or incomplete ({lines.length})</h3>
      <ul aria-label="Skipped and why" className="max-h-48 list-disc overflow-auto pl-5 text-xs">
        {lines.map((l, i) => (
          <li key={i} className="break-words">
            {l}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** Progress of an authorization-details import, then what came in and what was skipped and why. */
export function ImportDialog() {
  const status = useImportStatus();
  if (status.phase === 'idle') return null;
  const close = () => {
    if (status.phase === 'running') status.cancel();
    setImportStatus({ phase: 'idle' });
  };
  return (
    <Modal label="Import authorization details" onClose={close}>
      <div className="flex w-[32rem] max-w-[90vw] flex-col gap-3 p-4">
        <h2 className="text-base font-bold">Import authorization details</h2>
        {status.phase === 'running' && (
          <>
            <p className="text-sm">
              {stageWords[status.stage] ?? status.stage} ({status.files} file
              {status.files === 1 ? '' : 's'})
            </p>
            <progress
              aria-label="Import progress"
              className="w-full"
              max={1}
              value={status.fraction}
            />
            <button type="button" className="self-end rounded border px-3 py-1" onClick={close}>
              Cancel
            </button>
          </>
        )}
        {status.phase === 'done' && (
          <>
            <p className="text-sm">
              Opened <span className="font-semibold">{status.designName}</span>.
            </p>
            <Counts summary={status.summary} />
            <Skipped summary={status.summary} />
            <button type="button" className="self-end rounded border px-3 py-1" onClick={close}>
              Close
            </button>
          </>
        )}
        {status.phase === 'failed' && (
          <>
            <p role="alert" className="text-sm whitespace-pre-wrap text-red-700 dark:text-red-400">
              Nothing was imported: {status.reason}
            </p>
            {status.summary && <Skipped summary={status.summary} />}
            <button type="button" className="self-end rounded border px-3 py-1" onClick={close}>
              Close
            </button>
          </>
        )}
      </div>
    </Modal>
  );
}
