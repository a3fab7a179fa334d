import { findEntity, parsePolicyText, policySlots, type EntityId } from '../../model';
import { selectDesign, useRolecraft } from '../../store';

/** Pretty-printed JSON when the text parses, else the text as written. */
function formatted(text: string): string {
  if (text.trim() === '') return '';
  const parsed = parsePolicyText(text);
  return parsed.ok ? JSON.stringify(parsed.document, null, 2) : text;
}

interface PolicyViewProps {
  entityId: EntityId;
}

/**
 * The policies of an entity, read-only. Its own component so the editor can replace it with
 * editable tabs without touching the rest of the inspector.
 */
export function PolicyView({ entityId }: PolicyViewProps) {
  const design = useRolecraft(selectDesign);
  const entity = findEntity(design, entityId);
  if (!entity) return null;
  const slots = policySlots(design, entity);
  if (slots.length === 0) {
    return <p className="text-sm text-slate-500 dark:text-slate-400">No policies.</p>;
  }
  return (
    <div className="space-y-3">
      {slots.map((info) => {
        const text = formatted(info.text);
        return (
          <figure key={JSON.stringify(info.slot)} className="space-y-1">
            <figcaption className="text-xs font-semibold text-slate-700 dark:text-slate-200">
              {info.label}
              {info.draft !== undefined && (
                <span className="ml-2 font-normal text-amber-700 dark:text-amber-300">
                  (unsaved draft)
                </span>
              )}
            </figcaption>
            <pre
              aria-label={info.label}
              tabIndex={0}
              className="max-h-72 overflow-auto rounded border border-slate-200 bg-slate-50 p-2 font-mono text-[11px] leading-4 text-slate-800 dark:border-slate-700 dark:bg-slate-950 dark:text-slate-200"
            >
              {text || '(none)'}
            </pre>
          </figure>
        );
      })}
    </div>
  );
}
