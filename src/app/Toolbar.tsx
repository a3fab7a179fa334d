import { useRef, type KeyboardEvent, type ReactNode } from 'react';
import { useReactFlow } from '@xyflow/react';
import { useHistory } from '../store';
import { EntityIcon, type AddableKind, type GlyphName } from '../canvas';
import { IdentityProviderMenu } from './IdentityProviderMenu';
import { openGallery } from '../lessons';
import { addEntityOfKind, autoLayout, redo, undo } from './edit-actions';
import { ExportMenu } from './ExportMenu';

const additions: { kind: AddableKind; label: string; glyph: GlyphName }[] = [
  { kind: 'account', label: 'Account', glyph: 'account' },
  { kind: 'user', label: 'User', glyph: 'user' },
  { kind: 'group', label: 'Group', glyph: 'group' },
  { kind: 'role', label: 'Role', glyph: 'role' },
  { kind: 'service', label: 'Service', glyph: 'service' },
  { kind: 'identity-provider', label: 'Identity provider', glyph: 'identity-provider' },
  { kind: 'resource', label: 'Resource', glyph: 'resource' },
];

const buttonClass =
  'inline-flex items-center gap-1.5 rounded-md px-2 py-1 text-sm text-slate-700 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-sky-500 disabled:opacity-40 disabled:hover:bg-transparent dark:text-slate-200 dark:hover:bg-slate-800';

const selectCanUndo = (s: { pastStates: unknown[] }) => s.pastStates.length > 0;
const selectCanRedo = (s: { futureStates: unknown[] }) => s.futureStates.length > 0;

function ToolButton(props: {
  name: string;
  onClick: () => void;
  disabled?: boolean;
  shortcut?: string;
  children: ReactNode;
}) {
  return (
    <button
      type="button"
      aria-label={props.name}
      title={props.shortcut ? `${props.name} (${props.shortcut})` : props.name}
      aria-keyshortcuts={props.shortcut?.replace(/\+/g, '+')}
      className={buttonClass}
      disabled={props.disabled}
      onClick={props.onClick}
    >
      {props.children}
    </button>
  );
}

/** Arrow keys move focus between the toolbar's buttons (the ARIA toolbar pattern). */
function moveFocus(event: KeyboardEvent<HTMLDivElement>) {
  if (event.key !== 'ArrowRight' && event.key !== 'ArrowLeft') return;
  const buttons = [
    ...event.currentTarget.querySelectorAll<HTMLButtonElement>(
      'button:not(:disabled):not([role="menuitem"])',
    ),
  ];
  const index = buttons.indexOf(document.activeElement as HTMLButtonElement);
  if (index < 0) return;
  const next =
    buttons[(index + (event.key === 'ArrowRight' ? 1 : buttons.length - 1)) % buttons.length];
  next?.focus();
  event.preventDefault();
}

interface ToolbarProps {
  onImport: () => void;
}

export function Toolbar({ onImport }: ToolbarProps) {
  const flow = useReactFlow();
  const canUndo = useHistory(selectCanUndo);
  const canRedo = useHistory(selectCanRedo);
  const separator = (
    <span aria-hidden="true" className="mx-1 h-5 w-px bg-slate-300 dark:bg-slate-600" />
  );
  const toolbar = useRef<HTMLDivElement>(null);
  return (
    <div
      ref={toolbar}
      role="toolbar"
      aria-label="Design tools"
      className="flex flex-wrap items-center gap-0.5 select-none"
      onKeyDown={moveFocus}
    >
      {additions.map(({ kind, label, glyph }) =>
        kind === 'identity-provider' ? (
          <IdentityProviderMenu
            key={kind}
            className={buttonClass}
            onPick={(preset) => addEntityOfKind(kind, flow, preset)}
          />
        ) : (
          <ToolButton
            key={kind}
            name={`Add ${label.toLowerCase()}`}
            onClick={() => addEntityOfKind(kind, flow)}
          >
            <EntityIcon glyph={glyph} size={18} />
            <span>{label}</span>
          </ToolButton>
        ),
      )}
      {separator}
      <ToolButton name="Undo" shortcut="Control+Z" onClick={undo} disabled={!canUndo}>
        <span aria-hidden="true">↶</span> Undo
      </ToolButton>
      <ToolButton name="Redo" shortcut="Control+Shift+Z" onClick={redo} disabled={!canRedo}>
        <span aria-hidden="true">↷</span> Redo
      </ToolButton>
      {separator}
      <ToolButton name="Auto layout" onClick={() => void autoLayout(flow)}>
        Auto layout
      </ToolButton>
      {separator}
      <ExportMenu buttonClass={buttonClass} />
      <ToolButton name="Import" onClick={onImport}>
        Import
      </ToolButton>
      {separator}
      <ToolButton name="Scenarios" onClick={openGallery}>
        Scenarios
      </ToolButton>
    </div>
  );
}
