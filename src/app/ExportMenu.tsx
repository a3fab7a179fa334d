import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { useReactFlow } from '@xyflow/react';
import type { FlowEdge, FlowNode } from '../canvas';
import { useRolecraft, type RolecraftState } from '../store';
import {
  exportAuthorizationDetails,
  exportCloudFormation,
  exportPicture,
  exportTerraformFile,
  exportTerraformPerAccount,
} from './export-actions';
import { exportCurrentDesign } from './persistence';
import { ShareDialog } from './ShareDialog';

const itemClass =
  'block w-full rounded px-3 py-1.5 text-left text-sm whitespace-nowrap hover:bg-slate-100 focus-visible:bg-slate-100 focus-visible:outline-none dark:hover:bg-slate-800 dark:focus-visible:bg-slate-800';

const selectSeveralAccounts = (s: RolecraftState) => s.design.accounts.length > 1;

interface ExportMenuProps {
  buttonClass: string;
}

/** "Export": the design file, infrastructure code, pictures and a share link. */
export function ExportMenu({ buttonClass }: ExportMenuProps) {
  const flow = useReactFlow<FlowNode, FlowEdge>();
  const perAccount = useRolecraft(selectSeveralAccounts);
  const [open, setOpen] = useState(false);
  const [sharing, setSharing] = useState(false);
  const menuId = useId();
  const root = useRef<HTMLDivElement>(null);
  const toggle = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!open) return;
    menu.current?.querySelector<HTMLButtonElement>('[role="menuitem"]')?.focus();
    const close = (event: MouseEvent) => {
      if (!root.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('mousedown', close);
    return () => document.removeEventListener('mousedown', close);
  }, [open]);

  const groups: { label: string; items: { name: string; run: () => void }[] }[] = [
    {
      label: 'Design',
      items: [{ name: 'Design file (.rolecraft.json)', run: exportCurrentDesign }],
    },
    {
      label: 'Infrastructure code',
      items: [
        { name: 'Terraform (.tf)', run: exportTerraformFile },
        ...(perAccount
          ? [{ name: 'Terraform, a file per account (.zip)', run: exportTerraformPerAccount }]
          : []),
        {
          name: perAccount
            ? 'CloudFormation, a template per account (.zip)'
            : 'CloudFormation (.yaml)',
          run: exportCloudFormation,
        },
        {
          name: perAccount
            ? 'Authorization details, a file per account (.zip)'
            : 'Authorization details (.json)',
          run: exportAuthorizationDetails,
        },
      ],
    },
    {
      label: 'Pictures',
      items: [
        { name: 'Export PNG', run: () => void exportPicture(flow, 'png') },
        { name: 'Export SVG', run: () => void exportPicture(flow, 'svg') },
      ],
    },
    { label: 'Share', items: [{ name: 'Copy share link', run: () => setSharing(true) }] },
  ];

  const choose = (run: () => void) => {
    setOpen(false);
    toggle.current?.focus();
    run();
  };

  const onMenuKey = (event: KeyboardEvent<HTMLDivElement>) => {
    const items = [
      ...(menu.current?.querySelectorAll<HTMLButtonElement>('[role="menuitem"]') ?? []),
    ];
    const index = items.indexOf(document.activeElement as HTMLButtonElement);
    const move = (to: number) => {
      items[(to + items.length) % items.length]?.focus();
      event.preventDefault();
    };
    if (event.key === 'ArrowDown') move(index + 1);
    else if (event.key === 'ArrowUp') move(index - 1);
    else if (event.key === 'Home') move(0);
    else if (event.key === 'End') move(items.length - 1);
    else if (event.key === 'Escape' || event.key === 'Tab') {
      setOpen(false);
      if (event.key === 'Escape') {
        toggle.current?.focus();
        event.preventDefault();
      }
    }
    // The toolbar's arrow keys move between its buttons, not into the menu.
    if (event.key === 'ArrowLeft' || event.key === 'ArrowRight') event.stopPropagation();
  };

  return (
    <div ref={root} className="relative">
      <button
        ref={toggle}
        type="button"
        aria-label="Export"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        className={buttonClass}
        onClick={() => setOpen((v) => !v)}
        onKeyDown={(event) => {
          if (event.key === 'ArrowDown' && !open) {
            setOpen(true);
            event.preventDefault();
          }
        }}
      >
        Export <span aria-hidden="true">▾</span>
      </button>
      {open && (
        <div
          ref={menu}
          id={menuId}
          role="menu"
          aria-label="Export"
          onKeyDown={onMenuKey}
          className="absolute top-full right-0 z-40 mt-1 min-w-64 rounded-lg border border-slate-200 bg-white p-1 shadow-lg dark:border-slate-700 dark:bg-slate-900"
        >
          {groups.map((group, g) => (
            <div key={group.label} role="group" aria-label={group.label}>
              {g > 0 && (
                <div role="separator" className="my-1 h-px bg-slate-200 dark:bg-slate-700" />
              )}
              <div
                aria-hidden="true"
                className="px-3 pt-1 text-xs font-semibold text-slate-500 dark:text-slate-400"
              >
                {group.label}
              </div>
              {group.items.map((item) => (
                <button
                  key={item.name}
                  type="button"
                  role="menuitem"
                  tabIndex={-1}
                  className={itemClass}
                  onClick={() => choose(item.run)}
                >
                  {item.name}
                </button>
              ))}
            </div>
          ))}
        </div>
      )}
      {sharing && <ShareDialog onClose={() => setSharing(false)} />}
    </div>
  );
}
