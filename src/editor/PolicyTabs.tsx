// Tabs over the policies of the selection, each edited in the (lazily loaded) policy editor.
import {
  lazy,
  Suspense,
  useEffect,
  useId,
  useRef,
  useState,
  type KeyboardEvent,
  type RefObject,
} from 'react';
import type { DesignEntity, PolicyType } from './language/types';
import type { TabReveal } from './reveal';

const loadEditor = () =>
  import('./PolicyEditor').then(async (module) => {
    await module.editorReady;
    return module;
  });

const PolicyEditor = lazy(loadEditor);

/**
 * Whether the element has come into view (it stays so): Monaco and its workers are the
 * largest thing the app loads, and the inspector's editor sits below the fold, so it loads
 * once a person scrolls to it rather than on every selection. Where the browser cannot tell
 * (no IntersectionObserver), it counts as in view.
 */
function useSeen(target: RefObject<HTMLElement | null>): boolean {
  const [seen, setSeen] = useState(() => typeof IntersectionObserver === 'undefined');
  useEffect(() => {
    const element = target.current;
    if (seen || !element) return;
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((entry) => entry.isIntersecting)) setSeen(true);
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [seen, target]);
  return seen;
}

export interface PolicyTab {
  /** Stable identity of the policy (not its label). */
  key: string;
  /** "Trust policy", "Permissions boundary", a permission policy's name, … */
  label: string;
  policyType: PolicyType;
  text: string;
  onChange: (text: string) => void;
  readOnly?: boolean;
  /** Empty text means "no policy" (resource and session policies). */
  optional?: boolean;
}

export interface PolicyTabsProps {
  tabs: readonly PolicyTab[];
  entities?: () => readonly DesignEntity[];
  /** Accessible name of the tab list. */
  label?: string;
  /** Open this tab and pick out a range of its policy (kept until `onRevealed`). */
  reveal?: TabReveal;
  onRevealed?: (nonce: number) => void;
  /** Each new value opens the editor large, with focus on its tab (the inspector's header asks). */
  expandRequest?: number;
}

/**
 * The policy's text as it will show in the editor, until the editor has loaded: read-only,
 * the same size, so nothing moves when it arrives.
 */
function PolicyPreview({ text, fill }: { text: string; fill: boolean }) {
  return (
    <div
      className={`${fill ? 'h-full' : 'h-80'} overflow-hidden rounded border border-slate-200 dark:border-slate-700`}
    >
      <p className="border-b border-slate-200 px-2 py-1 text-xs text-slate-500 dark:border-slate-700 dark:text-slate-400">
        Loading the policy editor…
      </p>
      <pre className="px-2 py-1 font-mono text-xs text-slate-700 dark:text-slate-300">{text}</pre>
    </div>
  );
}

export function PolicyTabs(props: PolicyTabsProps) {
  const { tabs, entities, label = 'Policies', reveal, onRevealed, expandRequest } = props;
  const [chosen, setChosen] = useState<string | undefined>(undefined);
  const [expanded, setExpanded] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  // The request seen so far: a value from before this editor mounted opens nothing.
  const [expandSeen, setExpandSeen] = useState(expandRequest);
  const [focusTab, setFocusTab] = useState(false);
  if (expandRequest !== expandSeen) {
    setExpandSeen(expandRequest);
    setExpanded(true);
    setFocusTab(true);
  }
  useEffect(() => {
    if (!focusTab) return;
    setFocusTab(false);
    root.current?.querySelector<HTMLElement>('[role="tab"][aria-selected="true"]')?.focus();
  }, [focusTab]);
  // A new reveal chooses its tab once; the person may choose another afterwards.
  const [revealSeen, setRevealSeen] = useState<number | undefined>(undefined);
  if (reveal && reveal.nonce !== revealSeen && tabs.some((t) => t.key === reveal.key)) {
    setRevealSeen(reveal.nonce);
    setChosen(reveal.key);
  }
  const panel = useRef<HTMLDivElement>(null);
  // Scrolled into view, expanded or asked to pick out a range: the editor loads, and stays.
  const [wanted, setWanted] = useState(false);
  if (!wanted && (expanded || reveal !== undefined)) setWanted(true);
  const load = useSeen(panel) || wanted;
  const base = useId();
  const active = tabs.find((t) => t.key === chosen) ?? tabs[0];
  if (!active) return null;
  const tabId = (i: number) => `${base}-tab-${i}`;
  const panelId = `${base}-panel`;
  const activeIndex = tabs.indexOf(active);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const moves: Record<string, number> = {
      ArrowRight: 1,
      ArrowLeft: -1,
      Home: -activeIndex,
      End: tabs.length - 1 - activeIndex,
    };
    const move = moves[event.key];
    if (move === undefined) return;
    event.preventDefault();
    const next = (activeIndex + move + tabs.length) % tabs.length;
    setChosen(tabs[next]!.key);
    document.getElementById(tabId(next))?.focus();
  };

  return (
    <div
      ref={root}
      // Expanded, the editor is a pane over the window (a non-modal dialog) that Escape closes
      // when the editor itself has no use for the key (Monaco stops the Escapes it handles).
      {...(expanded ? { role: 'dialog', 'aria-label': `Policy editor: ${active.label}` } : {})}
      onKeyDown={(event) => {
        if (expanded && event.key === 'Escape' && !event.defaultPrevented) {
          event.stopPropagation();
          setExpanded(false);
        }
      }}
      className={
        expanded
          ? 'fixed inset-x-4 top-14 bottom-4 z-40 flex flex-col gap-2 rounded-lg border border-slate-300 bg-white p-3 shadow-2xl dark:border-slate-600 dark:bg-slate-900'
          : 'flex flex-col gap-2'
      }
    >
      <div className="flex items-end gap-2 border-b border-slate-200 dark:border-slate-700">
        <div
          role="tablist"
          aria-label={label}
          onKeyDown={onKeyDown}
          className="flex min-w-0 flex-1 flex-wrap gap-1"
        >
          {tabs.map((tab, i) => {
            const selected = tab === active;
            return (
              <button
                key={tab.key}
                id={tabId(i)}
                type="button"
                role="tab"
                aria-selected={selected}
                aria-controls={panelId}
                tabIndex={selected ? 0 : -1}
                onClick={() => setChosen(tab.key)}
                className={`-mb-px rounded-t border px-2 py-1 text-xs ${
                  selected
                    ? 'border-slate-200 border-b-white bg-white font-semibold dark:border-slate-700 dark:border-b-slate-900 dark:bg-slate-900'
                    : 'border-transparent text-slate-600 hover:text-slate-900 dark:text-slate-400 dark:hover:text-slate-100'
                }`}
              >
                {tab.label}
              </button>
            );
          })}
        </div>
        <button
          type="button"
          aria-pressed={expanded}
          onClick={() => setExpanded(!expanded)}
          className="mb-1 shrink-0 rounded px-1.5 py-0.5 text-xs text-slate-600 hover:bg-slate-100 dark:text-slate-300 dark:hover:bg-slate-800"
        >
          {expanded ? 'Collapse editor' : 'Expand editor'}
        </button>
      </div>
      <div
        ref={panel}
        role="tabpanel"
        id={panelId}
        aria-labelledby={tabId(activeIndex)}
        className={expanded ? 'min-h-0 flex-1' : ''}
      >
        {load ? (
          <Suspense fallback={<PolicyPreview text={active.text} fill={expanded} />}>
            <PolicyEditor
              documentKey={active.key}
              label={active.label}
              policyType={active.policyType}
              value={active.text}
              onChange={active.onChange}
              {...(entities ? { entities } : {})}
              readOnly={active.readOnly ?? false}
              optional={active.optional ?? false}
              fill={expanded}
              {...(reveal?.key === active.key ? { reveal, revealFrom: root } : {})}
              {...(onRevealed ? { onRevealed } : {})}
            />
          </Suspense>
        ) : (
          <PolicyPreview text={active.text} fill={expanded} />
        )}
      </div>
    </div>
  );
}
