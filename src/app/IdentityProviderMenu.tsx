import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { wellKnownIdentityProviders, type IdentityProviderPreset } from '../model';
import { EntityIcon } from '../canvas';

/**
 * The toolbar's "Identity provider": a menu button (the ARIA menu button pattern) listing
 * every kind of provider, SAML and each OIDC preset.
 */
export function IdentityProviderMenu({
  className,
  onPick,
}: {
  className: string;
  onPick: (preset: IdentityProviderPreset) => void;
}) {
  const [open, setOpen] = useState(false);
  const menuId = useId();
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const items = useRef<(HTMLButtonElement | null)[]>([]);
  const [focusIndex, setFocusIndex] = useState(0);

  useEffect(() => {
    if (!open) return;
    items.current[focusIndex]?.focus();
  }, [open, focusIndex]);

  useEffect(() => {
    if (!open) return;
    const close = (event: MouseEvent) => {
      if (!root.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('mousedown', close);
    return () => document.removeEventListener('mousedown', close);
  }, [open]);

  const openAt = (index: number) => {
    setFocusIndex(index);
    setOpen(true);
  };
  const close = () => {
    setOpen(false);
    button.current?.focus();
  };
  const count = wellKnownIdentityProviders.length;

  const onMenuKey = (event: KeyboardEvent) => {
    const moves: Record<string, number> = {
      ArrowDown: (focusIndex + 1) % count,
      ArrowUp: (focusIndex + count - 1) % count,
      Home: 0,
      End: count - 1,
    };
    if (event.key in moves) setFocusIndex(moves[event.key]!);
    else if (event.key === 'Escape' || event.key === 'Tab') close();
    else return;
    event.preventDefault();
    event.stopPropagation();
  };

  return (
    <div ref={root} className="relative">
      <button
        ref={button}
        type="button"
        aria-label="Add identity provider"
        title="Add identity provider"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        className={className}
        onClick={() => (open ? setOpen(false) : openAt(0))}
        onKeyDown={(event) => {
          if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
            openAt(event.key === 'ArrowDown' ? 0 : count - 1);
            event.preventDefault();
          }
        }}
      >
        <EntityIcon glyph="identity-provider" size={18} />
        <span>Identity provider</span>
        <span aria-hidden="true">▾</span>
      </button>
      {open && (
        <div
          id={menuId}
          role="menu"
          aria-label="Identity provider"
          className="absolute top-full left-0 z-40 mt-1 w-60 rounded-lg border border-slate-200 bg-white p-1 shadow-lg dark:border-slate-700 dark:bg-slate-900"
          onKeyDown={onMenuKey}
        >
          {wellKnownIdentityProviders.map((provider, index) => (
            <button
              key={provider.preset}
              ref={(el) => {
                items.current[index] = el;
              }}
              type="button"
              role="menuitem"
              tabIndex={index === focusIndex ? 0 : -1}
              className="flex w-full items-baseline justify-between gap-2 rounded px-2 py-1 text-left text-sm text-slate-800 hover:bg-slate-100 focus:bg-sky-50 focus:outline-none dark:text-slate-100 dark:hover:bg-slate-800 dark:focus:bg-slate-800"
              onClick={() => {
                close();
                onPick(provider.preset);
              }}
            >
              <span>{provider.label}</span>
              <span className="text-xs text-slate-500 dark:text-slate-400">
                {provider.protocol === 'saml' ? 'SAML 2.0' : 'OIDC'}
              </span>
            </button>
          ))}
        </div>
      )}
    </div>
  );
}
