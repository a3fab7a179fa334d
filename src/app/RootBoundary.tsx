// The last boundary, around the whole app: whatever fails, the page names the error and still
// offers the design (kept in the store and in browser storage) as a file.
import { Component, type ReactNode } from 'react';
import { PanelFailure } from '../panels';
import { exportCurrentDesign } from './persistence';

export class RootBoundary extends Component<{ children: ReactNode }, { error?: Error }> {
  override state: { error?: Error } = {};

  static getDerivedStateFromError(error: unknown) {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  override render(): ReactNode {
    if (!this.state.error) return this.props.children;
    return (
      <main className="mx-auto max-w-xl p-6" aria-label="Rolecraft failed">
        <h1 className="mb-2 text-base font-bold">Rolecraft</h1>
        <PanelFailure
          name="app"
          error={this.state.error}
          onExport={exportCurrentDesign}
          onReload={() => window.location.reload()}
          reloadLabel="Reload page"
        />
      </main>
    );
  }
}
