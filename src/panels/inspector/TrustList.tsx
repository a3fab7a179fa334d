import { useState } from 'react';
import {
  addTrustPrincipal,
  allEntities,
  deriveTrustGraph,
  findEntity,
  principalRefOf,
  removeTrustPrincipal,
  type Design,
  type Role,
} from '../../model';
import { selectApply, useRolecraft } from '../../store';
import { kindLabel } from '../../canvas';
import { Combobox } from '../ui/Combobox';
import { comboboxClass } from './CommitField';

interface TrustListProps {
  design: Design;
  role: Role;
}

const smallButton =
  'shrink-0 rounded border border-slate-300 px-2 py-0.5 text-xs hover:bg-slate-100 disabled:opacity-50 dark:border-slate-600 dark:hover:bg-slate-800';

/**
 * Who may assume the role, as the canvas draws it, with the keyboard way to draw and delete
 * trust edges: pick a principal and add it, or remove one; the trust policy changes as on the
 * canvas.
 */
export function TrustList({ design, role }: TrustListProps) {
  const apply = useRolecraft(selectApply);
  const [choice, setChoice] = useState('');
  const graph = deriveTrustGraph(design);
  const edges = graph.edges.filter((e) => e.target === role.id);
  const dangling = graph.dangling.filter((d) => d.roleId === role.id);
  const trusted = new Set(edges.map((e) => e.source));
  const candidates = allEntities(design).filter(
    (e) => e.id !== role.id && !trusted.has(e.id) && principalRefOf(design, e) !== undefined,
  );
  const choices = candidates.map((e) => ({ value: e.id, label: `${e.name} (${kindLabel(e)})` }));
  return (
    <section aria-label="Who can assume this role" className="space-y-1.5">
      <h3 className="text-xs font-semibold text-slate-700 dark:text-slate-200">
        Who can assume this role
      </h3>
      {edges.length === 0 && dangling.length === 0 && (
        <p className="text-xs text-slate-500 dark:text-slate-400">
          Nobody: the trust policy names no principal.
        </p>
      )}
      <ul className="space-y-1 text-xs">
        {edges.map((edge) => {
          const name = findEntity(design, edge.source)?.name ?? edge.source;
          return (
            <li key={edge.id} className="flex items-start gap-2">
              <span className={`flex-1 ${edge.blocked ? 'text-red-700 dark:text-red-400' : ''}`}>
                <span className="font-medium">{name}</span>{' '}
                <span className="text-slate-500 dark:text-slate-400">
                  ({edge.kind}, {edge.action}
                  {edge.label ? `, when ${edge.label}` : ''}
                  {edge.blocked ? `, blocked: ${edge.blockedBy}` : ''})
                </span>
              </span>
              <button
                type="button"
                className={smallButton}
                aria-label={`Remove ${name} from the trust policy`}
                onClick={() => apply(removeTrustPrincipal, role.id, edge.principal)}
              >
                Remove
              </button>
            </li>
          );
        })}
        {dangling.map((d) => (
          <li
            key={`${d.principal.type}:${d.principal.value}`}
            className="text-amber-700 dark:text-amber-300"
          >
            <span className="font-mono break-all">{d.principal.value}</span>:{' '}
            {d.reason.replace(/`/g, '')}
          </li>
        ))}
      </ul>
      {candidates.length > 0 && (
        <div className="flex items-center gap-1.5">
          <Combobox
            label="Principal to trust"
            hideLabel
            className="flex-1"
            inputClassName={comboboxClass}
            value={choice}
            options={choices}
            onChange={setChoice}
            placeholder="Let another principal assume it…"
          />
          <button
            type="button"
            className={smallButton}
            disabled={choice === ''}
            onClick={() => {
              apply(addTrustPrincipal, role.id, choice);
              setChoice('');
            }}
          >
            Add to trust policy
          </button>
        </div>
      )}
    </section>
  );
}
