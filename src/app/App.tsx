import { Suspense, useEffect, useRef, useState } from 'react';
import { ReactFlowProvider } from '@xyflow/react';
import { Canvas } from '../canvas';
import {
  ConfirmDeleteDialog,
  ExportDesignContext,
  Inspector,
  PanelBoundary,
  SearchHost,
  Toasts,
} from '../panels';
import { SimulationOverlay, SimulationPanel } from '../simulation';
import { LessonHost, ScenariosHost } from '../lessons';
import { BottomPanel } from './BottomPanel';
import { useAnalysisSync } from './analysis/useAnalysisSync';
import { WhatIfSummary } from './analysis/WhatIfSummary';
import { DesignNotices } from './DesignNotices';
import { DesignsMenu } from './DesignsMenu';
import { SharedLinkPrompt } from './SharedLinkPrompt';
import { startOnce } from './start';
import { Toolbar } from './Toolbar';
import { ImportDialog } from './import/ImportDialog';
import { exportCurrentDesign, importFiles } from './persistence';
import { useColorScheme } from './useColorScheme';
import { useKeyboardShortcuts } from './useKeyboardShortcuts';

export function App() {
  const colorMode = useColorScheme();
  const [ready, setReady] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);
  useKeyboardShortcuts();
  useAnalysisSync();
  useEffect(() => {
    void startOnce().finally(() => setReady(true));
  }, []);

  return (
    <ReactFlowProvider>
      <ExportDesignContext.Provider value={exportCurrentDesign}>
        <div className="flex h-full flex-col bg-white text-slate-900 dark:bg-slate-900 dark:text-slate-100">
          <header className="flex flex-wrap items-center gap-x-4 gap-y-1 border-b border-slate-200 px-3 py-1.5 dark:border-slate-700">
            <h1 className="text-base font-bold">Rolecraft</h1>
            <DesignsMenu />
            <Toolbar onImport={() => fileInput.current?.click()} />
            <input
              ref={fileInput}
              type="file"
              accept=".json,application/json"
              multiple
              aria-label="Files to import: designs or account authorization details"
              className="hidden"
              onChange={(event) => {
                const files = [...(event.target.files ?? [])];
                event.target.value = '';
                if (files.length > 0) void importFiles(files);
              }}
            />
          </header>
          <DesignNotices />
          <div className="flex min-h-0 flex-1">
            <PanelBoundary name="lesson" id="lesson" className="w-80 shrink-0">
              <LessonHost />
            </PanelBoundary>
            <main className="relative min-w-0 flex-1" aria-label="Canvas">
              {ready ? (
                <PanelBoundary name="canvas" id="canvas">
                  <Canvas colorMode={colorMode} />
                  <SimulationOverlay />
                  <WhatIfSummary />
                </PanelBoundary>
              ) : (
                <p className="p-4 text-sm text-slate-500">Opening your design…</p>
              )}
            </main>
            <PanelBoundary name="inspector" id="inspector" className="w-88 shrink-0">
              <Inspector />
            </PanelBoundary>
          </div>
          <section
            aria-label="Bottom panel"
            className="shrink-0 border-t border-slate-200 px-3 py-2 text-sm dark:border-slate-700"
          >
            <BottomPanel
              simulation={
                <PanelBoundary name="simulation" id="simulation">
                  <Suspense
                    fallback={<p className="h-72 text-slate-500">Loading the simulation…</p>}
                  >
                    <SimulationPanel />
                  </Suspense>
                </PanelBoundary>
              }
            />
          </section>
          <SearchHost />
          <ScenariosHost />
          <ConfirmDeleteDialog />
          <Toasts />
          {ready && <SharedLinkPrompt />}
          <ImportDialog />
        </div>
      </ExportDesignContext.Provider>
    </ReactFlowProvider>
  );
}
