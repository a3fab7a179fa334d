// An error boundary for one panel: a failure while drawing the panel shows what failed in its
// place, with "Export design" and "Reload panel"; the rest of the app, the store and autosave
// carry on, so the design is never lost.
import { Component, createContext, Fragment, type ContextType, type ReactNode } from 'react';

/** How a failed panel exports the design (the app shell provides its Export). */
export const ExportDesignContext = createContext<() => void>(() => {});

export interface PanelBoundaryProps {
  /** What the panel is, for the message: "canvas", "inspector". */
  name: string;
  /** Short id for `?fault=ID`, which makes the panel fail once (to try the fallback). */
  id: string;
  children: ReactNode;
  className?: string;
}

interface State {
  error: Error | undefined;
  /** Bumped by "Reload panel": the children mount afresh. */
  generation: number;
}

export class PanelBoundary extends Component<PanelBoundaryProps, State> {
  static override contextType = ExportDesignContext;
  declare context: ContextType<typeof ExportDesignContext>;
  override state: State = { error: undefined, generation: 0 };

  static getDerivedStateFromError(error: unknown): Partial<State> {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  private readonly reload = () => {
    clearedFaults.add(this.props.id);
    this.setState((s) => ({ error: undefined, generation: s.generation + 1 }));
  };

  override render(): ReactNode {
    const { error, generation } = this.state;
    if (!error)
      return (
        <Fragment key={generation}>
          <FaultProbe id={this.props.id} />
          {this.props.children}
        </Fragment>
      );
    return (
      <PanelFailure
        name={this.props.name}
        error={error}
        onExport={this.context}
        onReload={this.reload}
        className={this.props.className}
      />
    );
  }
}

export function PanelFailure(props: {
  name: string;
  error: Error;
  onExport: () => void;
  onReload: () => void;
  reloadLabel?: string;
  className?: string;
}) {
  const { name, error } = props;
  return (
    <div
      role="alert"
      aria-label={`The ${name} failed`}
      className={`m-2 flex flex-col gap-2 rounded border border-red-300 bg-red-50 p-3 text-sm text-red-900 dark:border-red-700 dark:bg-red-950 dark:text-red-100 ${props.className ?? ''}`}
    >
      <p className="font-semibold">The {name} stopped working.</p>
      <p className="font-mono text-xs break-words">{error.message || error.name}</p>
      <p>Your design is kept and still saved. Export it to keep a copy, or reload this panel.</p>
      <div className="flex gap-2">
        <button
          type="button"
          className="rounded border border-red-400 bg-white px-2 py-1 text-red-900 hover:bg-red-100 dark:bg-red-900 dark:text-red-50"
          onClick={props.onExport}
        >
          Export design
        </button>
        <button
          type="button"
          className="rounded border border-red-400 bg-white px-2 py-1 text-red-900 hover:bg-red-100 dark:bg-red-900 dark:text-red-50"
          onClick={props.onReload}
        >
          {props.reloadLabel ?? 'Reload panel'}
        </button>
      </div>
    </div>
  );
}

const clearedFaults = new Set<string>();

/**
 * Fails every render of the panel named by `?fault=ID` (`?fault=canvas,editor`) until its
 * "Reload panel": a way to see and test the fallback.
 */
function FaultProbe({ id }: { id: string }) {
  const asked = new URLSearchParams(window.location.search).get('fault')?.split(',') ?? [];
  if (asked.includes(id) && !clearedFaults.has(id)) {
    throw new Error(`a fault was injected into the ${id} (?fault=${id})`);
  }
  return null;
}
