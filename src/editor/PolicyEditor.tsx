// The Monaco policy editor with its problems list. Loaded lazily (see PolicyTabs): this
// module is the entry of the editor chunk, which carries Monaco.
import { useEffect, useRef, useState, type RefObject } from 'react';
import type { DesignEntity, PolicyType } from './language/types';
import { PolicyEditorSession, type Problem } from './monaco/editor-session';
import { monacoFeatures } from './monaco/monaco';
import { ProblemsPanel } from './ProblemsPanel';
import type { EditorReveal } from './reveal';
import { scrollIntoPanel } from './scroll-into-panel';
import { usePrefersDark } from './usePrefersDark';

export interface PolicyEditorProps {
  /** Identifies the policy; each keeps its own text model and undo stack while mounted. */
  documentKey: string;
  /** What the policy is ("Trust policy"): the editor's accessible name. */
  label: string;
  policyType: PolicyType;
  /** The app's text for the policy (its draft when there is one). */
  value: string;
  /** Called with the text a short while after the user stops typing. */
  onChange: (text: string) => void;
  /** Users, roles, accounts, services and identity providers the design holds (read on demand). */
  entities?: () => readonly DesignEntity[];
  readOnly?: boolean;
  /** Empty text means "no policy" (resource and session policies). */
  optional?: boolean;
  /** Fill the parent's height (the expanded editor) instead of a fixed height. */
  fill?: boolean;
  /** A range of this policy to select, scroll to and highlight (until the text changes). */
  reveal?: EditorReveal;
  /** Called once `reveal` has been carried out. */
  onRevealed?: (nonce: number) => void;
  /** What a reveal also brings into view above the range where both fit (the tabs). */
  revealFrom?: RefObject<HTMLElement | null>;
}

const noEntities = () => [];

/** Settles when Monaco's editor features are registered: mount the editor only after. */
export const editorReady: Promise<unknown> = monacoFeatures;

export default function PolicyEditor(props: PolicyEditorProps) {
  const { documentKey, label, policyType, value, onChange, readOnly, optional, fill } = props;
  const { reveal, onRevealed, revealFrom } = props;
  const host = useRef<HTMLDivElement>(null);
  const session = useRef<PolicyEditorSession | null>(null);
  const entities = useRef(props.entities ?? noEntities);
  entities.current = props.entities ?? noEntities;
  const [problems, setProblems] = useState<Problem[]>([]);
  const dark = usePrefersDark();

  useEffect(() => {
    if (!host.current) return;
    const created = new PolicyEditorSession(host.current, {
      ariaLabel: label,
      dark,
      entities: () => entities.current(),
      onProblems: setProblems,
    });
    session.current = created;
    return () => {
      session.current = null;
      created.dispose();
    };
    // The session lives as long as the component; later prop changes go through `update`/`show`.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  useEffect(() => {
    session.current?.update({ dark, ariaLabel: label });
  }, [dark, label]);

  useEffect(() => {
    session.current?.show({
      key: documentKey,
      policyType,
      value,
      onChange,
      readOnly: readOnly ?? false,
      optional: optional ?? false,
    });
  }, [documentKey, policyType, value, onChange, readOnly, optional]);

  // After `show`, so the range lands on the policy it was meant for.
  useEffect(() => {
    const current = session.current;
    if (!reveal || !current) return;
    const box = reveal.range ? current.revealSpan(reveal.range, reveal) : undefined;
    if (!reveal.range && reveal.focus) current.focus();
    // Scroll the panel holding the editor (the inspector) to the range, or the editor, with
    // the tabs above it where they fit.
    const editorBox = host.current?.getBoundingClientRect();
    if (host.current && editorBox) {
      const target = box
        ? { top: editorBox.top + box.top, bottom: editorBox.top + box.bottom }
        : editorBox;
      scrollIntoPanel(host.current, target, revealFrom?.current?.getBoundingClientRect());
    }
    onRevealed?.(reveal.nonce);
  }, [reveal, onRevealed, revealFrom]);

  return (
    <div className={fill ? '@container h-full' : '@container'}>
      <div className={`flex flex-col gap-2 @2xl:flex-row ${fill ? 'h-full' : ''}`}>
        <div
          ref={host}
          data-testid="policy-editor"
          className={`${fill ? 'min-h-40 flex-1' : 'h-80'} min-w-0 overflow-hidden rounded border border-slate-200 @2xl:flex-1 dark:border-slate-700`}
        />
        <ProblemsPanel
          problems={problems}
          onSelect={(p) => session.current?.reveal(p.diagnostic)}
        />
      </div>
    </div>
  );
}
